"""What a container scan is told (``EngineOptions``) and what it gives back (``ContainerResult``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from fouille.scanner.core.model import ScanError
from fouille.scanner.engine.retention_count import merge_counts
from fouille.scanner.engine.stats import FieldStats


@dataclass(frozen=True)
class EngineOptions:
    """How deep to scan.

    Attributes:
        mode: ``sample`` (inventory) or ``full`` (every value; needed for the DSAR index).
        sample_rows: Values per structured field profiled in sample mode.
        ner_sample: Free-text cells per field sent to NER in sample mode.
        use_nlp: Run the spaCy-based detectors on free text.
        nlp_batch: Texts per ``nlp.pipe`` batch.
        ner_max_chars: Characters of a cell parsed by spaCy (its cost grows with length:
            about 7 s and 450 MB per 100,000 characters); the regex detectors see it all.
        max_fields: Fields profiled one by one per container; the rest are joined row by
            row into ``_extra_fields`` (a 100,000-column file stays fast and still scanned).
        columnar: In full mode, detect in structured fields a batch at a time as Arrow
            columns (``fouille.scanner.engine.columnar``); False forces the per-cell path (same findings).
        max_cell_chars: Characters of a cell examined at all (``[scan] max_cell_chars``;
            0: no cap); the rest is counted per field as ``chars_not_examined``. 300 cells
            of 100,000 characters took 150 s and 4.8 GB before.
        max_expansion_ratio, max_spool_mb: Caps on a compressed Parquet file spooled to
            disk before reading (``fouille.connectors.files.dispatch``; ``[scan]`` keys of the same names).
    """

    mode: str = "sample"
    sample_rows: int = 1000
    ner_sample: int = 1000
    use_nlp: bool = True
    nlp_batch: int = 256
    ner_max_chars: int = 20_000
    max_fields: int = 2_000
    columnar: bool = True
    max_cell_chars: int = 20_000
    max_expansion_ratio: int = 100
    max_spool_mb: int = 4096

    @property
    def full(self) -> bool:
        return self.mode == "full"


@dataclass
class ContainerResult:
    source: str
    container: str
    rows: int = 0
    fields: dict[str, FieldStats] = field(default_factory=dict)
    errors: list[ScanError] = field(default_factory=list)
    findings: int = 0
    retention: dict | None = None  # the retention rule's counts (fouille.scanner.engine.retention_count.counts)

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "container": self.container,
            "rows": self.rows,
            "findings": self.findings,
            "fields": [f.to_dict() for f in self.fields.values()],
            "errors": [e.to_dict() for e in self.errors],
            "retention": self.retention,
        }

    @classmethod
    def from_dict(cls, data: dict) -> ContainerResult:
        result = cls(data["source"], data["container"], data["rows"], findings=data.get("findings", 0))
        result.fields = {f["field"]: FieldStats.from_dict(f) for f in data["fields"]}
        result.errors = [ScanError(**e) for e in data["errors"]]
        result.retention = data.get("retention")
        return result

    def merge(self, other: ContainerResult) -> None:
        """Add the counters of another piece (key range) of the same container."""
        self.rows += other.rows
        self.findings += other.findings
        known = set(self.errors)
        self.errors += [e for e in other.errors if e not in known]  # once, not once per piece
        for name, stats in other.fields.items():
            if name in self.fields:
                self.fields[name].merge(stats)
            else:
                self.fields[name] = stats
        self.retention = merge_counts(self.retention, other.retention)
