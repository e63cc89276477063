"""Scan one container's batches: profile each field, run the detection path, emit findings.

Per field and batch:
1. Profile (first batch): free text or structured, from a sample of non-empty values
   (``container_fields``).
2. Fast detectors over the whole Arrow column (``fouille.detectors.detection.column_matches``):
   each detector's RE2 prefilter picks candidate cells; Python validates only those.
3. Free-text fields: the NLP detectors on parsed cells — a bounded NER sample in sample
   mode (every cell in full mode), plus every cell an NLP prefilter (art. 9) selects
   (``container_nlp``: the engine picks the rows, the detection path gives the matches).
4. Overlaps resolved per cell (``detection.resolve``); matches become findings (masked
   preview + keyed hash) and field counters.

Sample mode stops reading a structured field after ``sample_rows`` values, and stops
reading the container once every field is done. Full mode detects in a structured field as
whole columns (``fouille.detectors.detection.columnar``, then ``fouille.scanner.engine.columnar``
for the findings table and counters: the same findings).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pyarrow as pa
import pyarrow.compute as pc
from fouille.connectors.base import ART9_METADATA_KEY, ART9_SKIP, Batch, ReadError
from fouille.detectors.base import Match
from fouille.detectors.detection import column_matches, resolve
from fouille.detectors.detection.columnar import ColumnarField
from fouille.scanner.core.column_hints import hint_for
from fouille.scanner.core.keys import Hasher
from fouille.scanner.core.model import Finding, Location, ScanError
from fouille.scanner.core.record_keys import public_keys
from fouille.scanner.core.safe_names import shown_message, shown_name
from fouille.scanner.engine.columnar import ColumnMatches
from fouille.scanner.engine.container_fields import (
    OVERFLOW_FIELD,
    capped,
    non_empty_cells,
    profile,
    split_overflow,
)
from fouille.scanner.engine.container_nlp import add_nlp_matches
from fouille.scanner.engine.container_result import ContainerResult, EngineOptions
from fouille.scanner.engine.name_findings import ContainerNames
from fouille.scanner.engine.retention_count import RetentionCounter
from fouille.scanner.engine.stats import FieldStats, covered_entities

__all__ = ["OVERFLOW_FIELD", "ContainerResult", "ContainerScanner", "EngineOptions"]


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
            column = capped(stats, column.slice(0, offset_limit), self.options.max_cell_chars)
            if stats.free_text is None:
                profile(stats, column)
            if self.options.full and self.options.columnar and stats.free_text is False:
                per_row = {}
                if record_keys is None:
                    record_keys = public_keys(batch)
                tables.append(self._detect_columnar(stats, name, column, record_keys))
            else:
                per_row = self._detect(stats, column, art9)
            stats.rows_scanned += len(column)
            stats.non_empty += non_empty_cells(column)
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
            self.on_findings(table)  # a findings table (fouille.scanner.core.findings.SCHEMA), not a list

    def _detect_columnar(self, stats: FieldStats, name: str, column: pa.Array,
                         record_keys: pa.Array) -> pa.Table:
        """The findings table of a structured field's batch (full mode); updates ``stats``."""
        fields = self.__dict__.setdefault("_columnar_fields", {})  # per field: values already seen
        if name not in fields:
            fields[name] = ColumnarField(stats.hint, self.hasher)
        matches = ColumnMatches.of(fields[name].detect(column))
        matches.update(stats)
        return matches.findings(record_keys, self.result.source, self.result.container, name)

    def _bounded_fields(self, data: pa.RecordBatch) -> pa.RecordBatch:
        """``data``, with fields beyond ``max_fields`` joined into one (reported once)."""
        data, joined = split_overflow(data, self.result.fields, self.options.max_fields)
        if joined and not self._overflow_reported:
            self._overflow_reported = True
            self.result.errors.append(ScanError(
                self.result.source, self.result.container,
                f"more than {self.options.max_fields} fields: the others are scanned together "
                f"as {OVERFLOW_FIELD}",
            ))
        return data

    @staticmethod
    def _key_rows(batch: Batch) -> list[tuple]:
        names = batch.keys.schema.names
        columns = [c.to_pylist() for c in batch.keys.columns]
        return [tuple(zip(names, values)) for values in zip(*columns)] if columns else [
            () for _ in range(batch.num_rows)
        ]

    def _detect(self, stats: FieldStats, column: pa.Array, art9: bool = True) -> dict[int, list[Match]]:
        """Matches per row index of this batch's column, overlaps resolved."""
        cells = column.to_pylist() if stats.free_text and self.options.use_nlp else None
        found = column_matches(column, stats.hint, bool(stats.free_text), cells)
        if cells is not None:
            add_nlp_matches(stats, column, cells, found, art9, self.options)
        return {row: resolve(matches) for row, matches in found.items() if matches}

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
