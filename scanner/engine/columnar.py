"""Full-mode findings of a structured field as Arrow tables (issue 9).

The detection path (``fouille.detectors.detection.columnar.ColumnarField``) gives one
template row per match of each distinct value of a batch's column. Here those matches are
repeated for the rows holding each value (the findings table), and the field's counters are
updated in bulk, examples taken in the order the per-cell path
(``ContainerScanner._detect`` then ``_record``) meets them: the same findings and counters.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from fouille.detectors.detection.columnar import ValueMatches, ranges
from fouille.scanner.core.findings import SCHEMA
from fouille.scanner.engine.stats import MAX_EXAMPLES, FieldStats


@dataclass
class ColumnMatches(ValueMatches):
    """A batch column's matches (``ValueMatches``), as findings and field counters."""

    @classmethod
    def of(cls, matches: ValueMatches) -> ColumnMatches:
        return cls(matches.templates, matches.indices, matches.first_detector)

    def _rows(self) -> tuple[np.ndarray, np.ndarray]:
        """(row numbers, value ids) of the non-null cells."""
        valid = pc.is_valid(self.indices)
        rows = pc.indices_nonzero(valid).to_numpy()
        return rows, self.indices.filter(valid).to_numpy().astype(np.int64)

    def findings(self, record_keys: pa.Array, source: str, container: str, field: str) -> pa.Table:
        """The findings table (``fouille.scanner.core.findings.SCHEMA``) of this column's batch."""
        rows, value_ids = self._rows()
        per_value = np.bincount(self.templates["value"].to_numpy(), minlength=len(self.first_detector))
        offsets = np.cumsum(per_value) - per_value
        counts = per_value[value_ids]
        rows, value_ids, counts = rows[counts > 0], value_ids[counts > 0], counts[counts > 0]
        total = int(counts.sum())
        picked = self.templates.take(pa.array(ranges(offsets[value_ids], counts)))
        repeated = pa.array(np.zeros(total, dtype=np.int64))
        return pa.table({
            "entity": picked["entity"],
            "source": pa.array([source], pa.string()).take(repeated),
            "container": pa.array([container], pa.string()).take(repeated),
            "record_key": record_keys.take(pa.array(np.repeat(rows, counts))),
            "field": pa.array([field], pa.string()).take(repeated),
            "start": picked["start"],
            "end": picked["end"],
            "score": pc.cast(picked["score"], pa.float32()),
            "detector": picked["detector"],
            "evidence": picked["evidence"],
            "preview": picked["preview"],
            "value_hash": picked["value_hash"],
        }, schema=SCHEMA)

    def update(self, stats: FieldStats) -> None:
        """The field's entity counters, as ``ContainerScanner._record`` would leave them."""
        if not self.templates.num_rows:
            return
        _, value_ids = self._rows()
        rows_per_value = np.bincount(value_ids, minlength=len(self.first_detector))
        entities = pc.dictionary_encode(self.templates["entity"]).combine_chunks()
        codes = entities.indices.to_numpy()
        for code, name in enumerate(entities.dictionary.to_pylist()):
            mine = codes == code
            templates = self.templates if mine.all() else self.templates.filter(pa.array(mine))
            _count(stats.entity(name), templates, rows_per_value, self.first_detector)


def _count(entity, templates: pa.Table, rows_per_value: np.ndarray, first_detector: np.ndarray) -> None:
    """Add one entity's matches (``templates``, sorted by value) to its counters."""
    value = templates["value"].to_numpy()
    entity.findings += int(rows_per_value[value].sum())
    distinct = value[np.concatenate(([True], value[1:] != value[:-1]))]
    entity.count += int(rows_per_value[distinct].sum())
    entity.max_score = max(entity.max_score, pc.max(templates["score"]).as_py())
    entity.detectors.update(pc.unique(templates["detector"]).to_pylist())
    items = pc.unique(pc.list_flatten(templates["evidence"])).to_pylist()
    entity.evidence.update(item.split(":", 1)[0] for item in items)
    if len(entity.examples) >= MAX_EXAMPLES:
        return
    # The per-cell path meets rows by first candidate detector, then row (value ids follow
    # the rows' order), then position in the cell.
    order = np.lexsort((templates["pos"].to_numpy(), value, first_detector[value]))
    for start in range(0, len(order), 256):
        for preview in templates["preview"].take(pa.array(order[start:start + 256])).to_pylist():
            entity.add_example(preview)
            if len(entity.examples) >= MAX_EXAMPLES:
                return
