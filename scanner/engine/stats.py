"""Per-field counters, mergeable across partitions and serialisable for the resume state.

They hold counts, scores, masked previews and detector names: nothing raw.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_EXAMPLES = 3
STRUCTURED_MIN_RATIO = 0.2  # below this a column is not classed by its entities
# A long-text column where one entity covers nearly all of nearly every cell is that entity
# (every cell one full postal address: ADDRESS, not FREE_TEXT), however many words it has.
COVERAGE_MIN = 0.9  # share of a cell's letters and digits the entity's spans cover
COVERED_CELLS_MIN = 0.9  # share of the non-empty cells so covered


@dataclass
class EntityStats:
    count: int = 0  # rows (cells) holding the entity at least once
    findings: int = 0  # matches, several per cell possible
    max_score: float = 0.0
    examples: list[str] = field(default_factory=list)
    detectors: set[str] = field(default_factory=set)
    evidence: set[str] = field(default_factory=set)
    covering: int = 0  # free-text cells this entity covers nearly whole (COVERAGE_MIN)

    def add_example(self, preview: str) -> None:
        if preview and preview not in self.examples and len(self.examples) < MAX_EXAMPLES:
            self.examples.append(preview)

    def merge(self, other: EntityStats) -> None:
        self.count += other.count
        self.findings += other.findings
        self.max_score = max(self.max_score, other.max_score)
        for example in other.examples:
            self.add_example(example)
        self.detectors |= other.detectors
        self.evidence |= other.evidence
        self.covering += other.covering

    def to_dict(self, non_empty: int) -> dict:
        return {
            **({"covering": self.covering} if self.covering else {}),  # free-text fields only
            "count": self.count,
            "findings": self.findings,
            "ratio": round(self.count / non_empty, 4) if non_empty else 0.0,
            "max_score": round(self.max_score, 3),
            "examples": list(self.examples),
            "detectors": sorted(self.detectors),
            "evidence": sorted(self.evidence),
        }

    @classmethod
    def from_dict(cls, data: dict) -> EntityStats:
        return cls(
            count=data["count"],
            findings=data.get("findings", data["count"]),
            max_score=data["max_score"],
            examples=list(data["examples"]),
            detectors=set(data.get("detectors", ())),
            evidence=set(data.get("evidence", ())),
            covering=data.get("covering", 0),
        )


@dataclass
class FieldStats:
    source: str
    container: str
    field: str
    hint: str | None = None
    free_text: bool | None = None  # decided on the first sample; None until then
    rows_scanned: int = 0
    non_empty: int = 0
    ner_cells: int = 0  # free-text cells that went through NER
    entities: dict[str, EntityStats] = field(default_factory=dict)
    cells_capped: int = 0  # cells longer than the cell cap (EngineOptions.max_cell_chars)
    chars_not_examined: int = 0  # their characters beyond the cap

    def entity(self, name: str) -> EntityStats:
        return self.entities.setdefault(name, EntityStats())

    def classification(self) -> str | None:
        if self.free_text:
            return self._covering_entity() or "FREE_TEXT"
        if not self.entities or not self.non_empty:
            return None
        name, stats = max(self.entities.items(), key=lambda kv: (kv[1].count, kv[1].max_score))
        if stats.count / self.non_empty >= STRUCTURED_MIN_RATIO:
            return name
        return None

    def _covering_entity(self) -> str | None:
        """The entity that covers nearly all of nearly every non-empty cell, if one does."""
        if not self.entities or not self.non_empty:
            return None
        name, stats = max(self.entities.items(), key=lambda kv: (kv[1].covering, kv[1].count))
        return name if stats.covering >= COVERED_CELLS_MIN * self.non_empty else None

    def merge(self, other: FieldStats) -> None:
        self.rows_scanned += other.rows_scanned
        self.non_empty += other.non_empty
        self.ner_cells += other.ner_cells
        self.cells_capped += other.cells_capped
        self.chars_not_examined += other.chars_not_examined
        if self.free_text is None:
            self.free_text = other.free_text
        for name, stats in other.entities.items():
            self.entity(name).merge(stats)

    def to_dict(self) -> dict:
        capped = {"cells_capped": self.cells_capped, "chars_not_examined": self.chars_not_examined}
        classification = self.classification()
        # A free-text field classed by its covering entity still reads as free text on resume.
        read_as_text = self.free_text and classification != "FREE_TEXT"
        return {
            **(capped if self.cells_capped else {}),  # only where a cap cut something
            **({"free_text": True} if read_as_text else {}),
            "source": self.source,
            "container": self.container,
            "field": self.field,
            "rows_scanned": self.rows_scanned,
            "non_empty": self.non_empty,
            "classification": classification,
            "hint": self.hint,
            "ner_cells": self.ner_cells,
            "entities": {
                name: stats.to_dict(self.non_empty) for name, stats in sorted(self.entities.items())
            },
        }

    @classmethod
    def from_dict(cls, data: dict) -> FieldStats:
        stats = cls(
            source=data["source"],
            container=data["container"],
            field=data["field"],
            hint=data.get("hint"),
            free_text=data.get("classification") == "FREE_TEXT" or data.get("free_text", False),
            rows_scanned=data["rows_scanned"],
            non_empty=data.get("non_empty", data["rows_scanned"]),
            ner_cells=data.get("ner_cells", 0),
            cells_capped=data.get("cells_capped", 0),
            chars_not_examined=data.get("chars_not_examined", 0),
        )
        stats.entities = {k: EntityStats.from_dict(v) for k, v in data["entities"].items()}
        return stats


def covered_entities(cell: str, spans: list[tuple[str, int, int]]) -> set[str]:
    """Entities whose spans (entity, start, end) cover ``COVERAGE_MIN`` of the cell's letters
    and digits (punctuation and spaces between an address's parts do not count)."""
    alnum = sum(map(str.isalnum, cell))
    longest: dict[str, int] = {}
    for entity, start, end in spans:
        longest[entity] = longest.get(entity, 0) + end - start
    if not alnum or max(longest.values(), default=0) < COVERAGE_MIN * alnum:
        return set()  # the usual note: its findings are a small part of it (no per-char pass)
    wanted = [i for i, char in enumerate(cell) if char.isalnum()]
    covered: dict[str, set[int]] = {}
    for entity, start, end in spans:
        covered.setdefault(entity, set()).update(range(start, end))
    return {
        entity
        for entity, positions in covered.items()
        if sum(1 for i in wanted if i in positions) >= COVERAGE_MIN * len(wanted)
    }
