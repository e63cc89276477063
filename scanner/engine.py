"""Scan one container's batches: profile each field, run the detectors, emit findings.

Per field and batch:
1. Profile (first batch): free text or structured, from a sample of non-empty values.
2. Fast detectors over the whole Arrow column: ``pyarrow.compute`` picks candidate cells
   with each detector's RE2 prefilter; Python validates only those.
3. Free-text fields: the NLP detectors on parsed cells — a bounded NER sample in sample
   mode (every cell in full mode), plus every cell an NLP prefilter (art. 9) selects.
4. Overlaps resolved per cell; matches become findings (masked preview + keyed hash).

Sample mode stops reading a structured field after ``sample_rows`` values, and stops
reading the container once every field is done. Full mode runs steps 2 and 4 of a
structured field as whole columns (``scanner.columnar``: the same findings, as a table).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial

import pyarrow as pa
import pyarrow.compute as pc

from connectors.base import ART9_METADATA_KEY, ART9_SKIP, Batch, ReadError
from detectors.base import Match
from detectors.column_hints import FREE_TEXT, hint_for
from detectors.overlap import resolve_overlaps
from detectors.registry import detector_rank, doc_detectors, text_detectors
from scanner.columnar import ColumnarField
from scanner.keys import Hasher
from scanner.model import Finding, Location, ScanError
from scanner.name_findings import ContainerNames
from scanner.record_keys import public_keys
from scanner.retention_count import RetentionCounter, merge_counts
from scanner.safe_names import shown_message, shown_name
from scanner.stats import FieldStats, covered_entities

PROFILE_VALUES = 200
FREE_TEXT_MIN_CHARS = 30
FREE_TEXT_MIN_WORDS = 5
PROFILE_CHARS = 4_000  # characters of each sampled value looked at when profiling
OVERFLOW_FIELD = "_extra_fields"  # where fields beyond ``max_fields`` are scanned together


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
            columns (``scanner.columnar``); False forces the per-cell path (same findings).
        max_cell_chars: Characters of a cell examined at all (``[scan] max_cell_chars``;
            0: no cap); the rest is counted per field as ``chars_not_examined``. 300 cells
            of 100,000 characters took 150 s and 4.8 GB before.
        max_expansion_ratio, max_spool_mb: Caps on a compressed Parquet file spooled to
            disk before reading (``connectors.files.dispatch``; ``[scan]`` keys of the same names).
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
    retention: dict | None = None  # the retention rule's counts (scanner.retention_count.counts)

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


def looks_like_free_text(values: list[str], hint: str | None) -> bool:
    """Long, wordy values (or a column named like notes/comment with sentences)."""
    if not values:
        return False
    heads = [v[:PROFILE_CHARS] for v in values]  # a 16 MB cell must not become 4 million words
    words = [w for v in heads for w in v.split()]
    wordy = sum(1 for w in words if sum(c.isalpha() for c in w) >= 2) / max(1, len(words))
    if wordy < 0.6:  # spaced identifiers (IBAN, NIR) are long but not prose
        return False
    avg_chars = sum(len(v) for v in values) / len(values)
    avg_words = sum(len(v.split()) for v in heads) / len(values)
    if hint == FREE_TEXT:
        return avg_words >= 3
    return avg_chars >= FREE_TEXT_MIN_CHARS and avg_words >= FREE_TEXT_MIN_WORDS


def _candidate_rows(column: pa.Array, prefilter: str | None, ignore_case: bool) -> list[int]:
    if prefilter is None:
        mask = pc.is_valid(column)
    else:
        mask = pc.fill_null(pc.match_substring_regex(column, prefilter, ignore_case=ignore_case), False)
    return pc.indices_nonzero(mask).to_pylist()


def _capped(stats: FieldStats, column: pa.Array, cap: int) -> pa.Array:
    """``column`` with each cell cut to ``cap`` characters; what is cut is counted in ``stats``."""
    if cap <= 0:
        return column
    lengths = pc.utf8_length(column)
    over = pc.fill_null(pc.greater(lengths, cap), False)
    capped = int(pc.sum(over).as_py() or 0)
    if not capped:
        return column
    stats.cells_capped += capped
    stats.chars_not_examined += int(pc.sum(pc.subtract(pc.filter(lengths, over), cap)).as_py())
    return pc.utf8_slice_codeunits(column, 0, cap)


def _is_art9(detector) -> bool:
    return all(entity.startswith("SENSITIVE_") for entity in detector.entities)


def _doc_matches(
    rows: list[int], detectors: list, index: int, doc, hint: str | None = None
) -> list[Match]:
    """Matches in the doc of ``rows[index]`` of the NLP detectors that want that row.

    ``hint`` is ``FREE_TEXT`` for a notes/comment/body column: the text of a record about
    a person, where the art. 9 detector also reads subjectless agent notes.
    """
    row = rows[index]
    return [m for detector, wanted in detectors if row in wanted for m in detector.find_in_doc(doc, hint)]


def _join_columns(columns: list[pa.Array], chunk: int = 500) -> pa.Array:
    """Row by row, the non-null values of ``columns`` joined by newlines (one string column)."""
    parts = []
    for start in range(0, len(columns), chunk):
        group = [c if c.type == pa.string() else pc.cast(c, pa.string()) for c in columns[start:start + chunk]]
        # Not null_handling="skip": pyarrow 26 drops the rows where every value is null, which
        # shortens the column. Replace nulls, then give all-null rows their null back.
        joined = pc.binary_join_element_wise(*group, "\n", null_handling="replace", null_replacement="")
        all_null = pc.is_null(group[0])
        for column in group[1:]:
            all_null = pc.and_(all_null, pc.is_null(column))
        parts.append(pc.if_else(all_null, pa.scalar(None, pa.string()), joined))
    return parts[0] if len(parts) == 1 else _join_columns(parts, chunk)


class ContainerScanner:
    """Scans the batches of one container; findings go to ``on_findings`` batch by batch."""

    def __init__(
        self,
        source: str,
        container: str,
        hasher: Hasher,
        options: EngineOptions,
        on_findings: Callable[[list[Finding] | pa.Table], None],  # a list, or a columnar table
        progress: Callable[[int], None] | None = None,
        retention: RetentionCounter | None = None,
    ):
        self._names = ContainerNames(source, container)  # names are data too: shown forms only
        self.result = ContainerResult(source, self._names.container)
        self.retention = retention  # sees every batch, even past the sample
        self.hasher = hasher
        self.options = options
        self.on_findings = on_findings
        self.progress = progress or (lambda rows: None)
        self._rank = detector_rank()
        self._overflow_reported = False

    # ------------------------------------------------------------------ public
    def scan(self, stream: Iterable[Batch | ReadError]) -> ContainerResult:
        iterator: Iterator[Batch | ReadError] = iter(stream)
        sampling = True
        try:
            for item in iterator:
                if isinstance(item, ReadError):
                    self.result.errors.append(ScanError(
                        self.result.source, shown_name(item.location), shown_message(item.error)))
                    continue
                if sampling:
                    self._scan_batch(item)
                if self.retention is not None:
                    self.retention.add(item)
                self.progress(item.num_rows)
                if sampling and self._all_fields_done():
                    if self.retention is None:
                        break
                    sampling = False  # the rest of the container only feeds the retention count
        finally:
            close = getattr(iterator, "close", None)
            if close:
                close()
        if self.retention is not None:
            self.result.retention = self.retention.counts()
        self._names.publish(self.result.fields)
        return self.result

    # ----------------------------------------------------------------- private
    def _stats(self, name: str) -> FieldStats:
        stats = self.result.fields.get(name)
        if stats is None:
            stats = FieldStats(self.result.source, self.result.container, name, hint=hint_for(name))
            self.result.fields[name] = stats
        return stats

    def _field_done(self, stats: FieldStats) -> bool:
        return (
            not self.options.full
            and stats.free_text is False
            and stats.rows_scanned >= self.options.sample_rows
        )

    def _all_fields_done(self) -> bool:
        fields = self.result.fields.values()
        return bool(fields) and all(self._field_done(f) for f in fields)

    def _scan_batch(self, batch: Batch) -> None:
        self.result.rows += batch.num_rows
        key_rows: list[tuple] | None = None
        findings: list[Finding] = []
        tables: list[pa.Table] = []  # the columnar path's findings
        record_keys: pa.Array | None = None
        data = self._bounded_fields(self._names.shown_batch(batch.data))
        schema = data.schema
        for name, column in zip(schema.names, data.columns):
            stats = self._stats(name)
            metadata = schema.field(name).metadata or {}
            art9 = metadata.get(ART9_METADATA_KEY) != ART9_SKIP
            if self._field_done(stats):
                continue
            if column.type != pa.string():
                column = pc.cast(column, pa.string())
            offset_limit = len(column)
            if not self.options.full and stats.free_text is False:
                offset_limit = min(len(column), self.options.sample_rows - stats.rows_scanned)
            column = _capped(stats, column.slice(0, offset_limit), self.options.max_cell_chars)
            if stats.free_text is None:
                self._profile(stats, column)
            if self.options.full and self.options.columnar and stats.free_text is False:
                per_row = {}
                if record_keys is None:
                    record_keys = public_keys(batch)
                tables.append(self._detect_columnar(stats, name, column, record_keys))
            else:
                per_row = self._detect(stats, column, art9)
            stats.rows_scanned += len(column)
            non_empty = pc.and_(pc.is_valid(column), pc.not_equal(pc.utf8_trim_whitespace(column), ""))
            stats.non_empty += int(pc.sum(pc.fill_null(non_empty, False)).as_py() or 0)
            if not per_row:
                continue
            if key_rows is None:
                key_rows = self._key_rows(batch)
            for row, matches in per_row.items():
                cell = column[row].as_py() if stats.free_text else None  # for the cell coverage
                findings.extend(self._record(stats, name, key_rows[row], batch.key_is_sensitive, matches,
                                             cell))
        if findings:
            self.result.findings += len(findings)
            self.on_findings(findings)
        table = pa.concat_tables(tables) if tables else None
        if table is not None and table.num_rows:
            self.result.findings += table.num_rows
            self.on_findings(table)  # a findings table (reports.findings.SCHEMA), not a list

    def _detect_columnar(self, stats: FieldStats, name: str, column: pa.Array,
                         record_keys: pa.Array) -> pa.Table:
        """The findings table of a structured field's batch (full mode); updates ``stats``."""
        fields = self.__dict__.setdefault("_columnar_fields", {})  # per field: values already seen
        if name not in fields:
            hint = stats.hint if stats.hint != FREE_TEXT else None  # as in _detect
            fields[name] = ColumnarField(hint, self.hasher, self._rank)
        matches = fields[name].detect(column)
        matches.update(stats)
        return matches.findings(record_keys, self.result.source, self.result.container, name)

    def _bounded_fields(self, data: pa.RecordBatch) -> pa.RecordBatch:
        """``data``, with fields beyond ``max_fields`` joined into one (reported once)."""
        known = self.result.fields
        kept, overflow = [], []
        for index, name in enumerate(data.schema.names):
            if name in known or len(known) + len(kept) < self.options.max_fields:
                kept.append(index)
            else:
                overflow.append(data.column(index))
        if not overflow:
            return data
        if not self._overflow_reported:
            self._overflow_reported = True
            self.result.errors.append(ScanError(
                self.result.source, self.result.container,
                f"more than {self.options.max_fields} fields: the others are scanned together "
                f"as {OVERFLOW_FIELD}",
            ))
        fields = [data.schema.field(i) for i in kept] + [pa.field(OVERFLOW_FIELD, pa.string())]
        columns = [data.column(i) for i in kept] + [_join_columns(overflow)]
        return pa.RecordBatch.from_arrays(columns, schema=pa.schema(fields))

    @staticmethod
    def _key_rows(batch: Batch) -> list[tuple]:
        names = batch.keys.schema.names
        columns = [c.to_pylist() for c in batch.keys.columns]
        return [tuple(zip(names, values)) for values in zip(*columns)] if columns else [
            () for _ in range(batch.num_rows)
        ]

    def _profile(self, stats: FieldStats, column: pa.Array) -> None:
        values = []
        for value in column.to_pylist()[: PROFILE_VALUES * 5]:
            if value and value.strip():
                values.append(value)
                if len(values) >= PROFILE_VALUES:
                    break
        if values or len(column):
            stats.free_text = looks_like_free_text(values, stats.hint)

    def _detect(self, stats: FieldStats, column: pa.Array, art9: bool = True) -> dict[int, list[Match]]:
        """Matches per row index of this batch's column, overlaps resolved."""
        found: dict[int, list[Match]] = defaultdict(list)
        hint = stats.hint if stats.hint != FREE_TEXT else None
        cells: list[str | None] | None = None
        for detector in text_detectors():
            if detector.only_with_hint:
                if hint not in detector.entities or stats.free_text:
                    continue
                rows = _candidate_rows(column, None, False)
            else:
                rows = _candidate_rows(column, detector.prefilter, detector.prefilter_ignore_case)
            if not rows:
                continue
            if cells is None:
                cells = column.to_pylist()
            for row in rows:
                text = cells[row]
                if text:
                    found[row].extend(detector.find(text, hint))
        if stats.free_text and self.options.use_nlp:
            if cells is None:
                cells = column.to_pylist()
            self._detect_nlp(stats, column, cells, found, art9)
        resolved = {}
        for row, matches in found.items():
            if matches:
                resolved[row] = resolve_overlaps(matches, self._rank)
        return resolved

    def _detect_nlp(self, stats: FieldStats, column: pa.Array, cells: list, found: dict, art9: bool) -> None:
        non_empty = [i for i, v in enumerate(cells) if v and v.strip()]
        if self.options.full:
            ner_rows = set(non_empty)
        else:
            room = max(0, self.options.ner_sample - stats.ner_cells)
            ner_rows = set(non_empty[:room])
        # Each NLP detector reads the NER sample plus the cells its own prefilter selects.
        detectors = [
            (d, ner_rows | set(_candidate_rows(column, d.prefilter, True)) if d.prefilter else ner_rows)
            for d in doc_detectors()
            if art9 or not _is_art9(d)
        ]
        rows = sorted(set().union(*(wanted for _, wanted in detectors)))
        if not rows:
            return
        from scanner.nlp import analyse

        stats.ner_cells += len(ner_rows)
        # Cells outside the NER sample go through the light pipeline (see scanner.nlp).
        for subset, entities in ((sorted(ner_rows), True), ([r for r in rows if r not in ner_rows], False)):
            texts = [cells[r][: self.options.ner_max_chars] for r in subset]
            matches_in = partial(_doc_matches, subset, detectors,
                                 hint=FREE_TEXT if stats.hint == FREE_TEXT else None)
            for row, matches in zip(subset, analyse(texts, matches_in, entities, self.options.nlp_batch)):
                found[row].extend(matches)

    def _record(self, stats, field_name, key, key_is_sensitive, matches, cell=None) -> list[Finding]:
        location = Location(self.result.source, self.result.container, key, field_name, key_is_sensitive)
        findings = []
        if cell:  # a free-text cell: which entity fills it (stats.FieldStats.classification)
            for entity in covered_entities(cell, [(m.entity, m.start, m.end) for m in matches]):
                stats.entity(entity).covering += 1
        seen_entities = set()
        for m in matches:
            entity_stats = stats.entity(m.entity)
            entity_stats.findings += 1
            entity_stats.max_score = max(entity_stats.max_score, m.score)
            entity_stats.add_example(m.preview)
            entity_stats.detectors.add(m.detector)
            entity_stats.evidence.update(e.split(":", 1)[0] for e in m.evidence)
            if m.entity not in seen_entities:
                entity_stats.count += 1
                seen_entities.add(m.entity)
            findings.append(Finding.from_match(m, location, self.hasher))
        return findings
