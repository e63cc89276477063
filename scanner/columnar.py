"""Full-mode detection of a structured field a batch at a time, as Arrow columns (issue 9).

The per-cell path (``ContainerScanner._detect`` then ``_record``) makes one ``Finding`` per
match. This path makes the same findings, and the same field counters, as columns:

1. The batch's column is dictionary-encoded, so each distinct value is examined once; a
   value examined in an earlier batch comes from a bounded cache (names, cities, dates and
   company numbers repeat).
2. Each detector's candidates: its RE2 prefilter over the distinct values, as per cell.
3. A value that is one clean e-mail or French phone is validated, masked and normalised in
   Arrow (``scanner.columnar_cells``). Every other candidate goes through the detector's own
   ``find`` (checksums, names, addresses), then ``resolve_overlaps``, as per cell.
4. Each value's matches (hashed once per value) are repeated for the rows holding it; the
   counters are updated in bulk, examples taken in the order the per-cell path meets them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from detectors.base import Match
from detectors.overlap import resolve_overlaps
from detectors.registry import text_detectors
from reports.findings import SCHEMA
from scanner.columnar_cells import CELL_RULES, CellMatches
from scanner.keys import Hasher
from scanner.stats import MAX_EXAMPLES, FieldStats

CACHE_VALUES = 30_000  # distinct values whose matches a field remembers across batches
_NO_DETECTOR = np.iinfo(np.int32).max
# Per-value match columns, in this order (one row per match of a distinct value).
_TEMPLATE = pa.schema([
    ("value", pa.int64()), ("pos", pa.int32()), ("entity", pa.string()), ("start", pa.int32()),
    ("end", pa.int32()), ("score", pa.float64()), ("detector", pa.string()),
    ("evidence", pa.list_(pa.string())), ("preview", pa.string()), ("value_hash", pa.string()),
])


def _bools(array: pa.Array) -> np.ndarray:
    return pc.fill_null(array, False).to_numpy(zero_copy_only=False)


class ColumnarField:
    """The columnar detection state of one structured field: the values it already examined
    in Python (text, first candidate detector, matches), looked up in Arrow each batch."""

    def __init__(self, hint: str | None, hasher: Hasher, rank: dict[str, int]):
        self.hint = hint
        self.hasher = hasher
        self.rank = rank
        # The detectors the per-cell path runs on a structured field with this hint.
        self.detectors = [d for d in text_detectors() if not d.only_with_hint or hint in d.entities]
        self._forget()

    def _forget(self) -> None:
        self._known = pa.array([], pa.string())
        self._known_first = np.zeros(0, dtype=np.int64)
        self._known_matches = _TEMPLATE.empty_table()  # "value" is the slot in ``_known``

    def detect(self, column: pa.Array) -> ColumnMatches:
        encoded = pc.dictionary_encode(column)
        values = encoded.dictionary
        first = np.full(len(values), _NO_DETECTOR, dtype=np.int64)
        tables = []
        todo = np.arange(len(values), dtype=np.int64)
        if len(self._known):
            slots = pc.index_in(values, value_set=self._known)
            hit = _bools(pc.is_valid(slots))
            hit_slots = slots.filter(pa.array(hit)).to_numpy().astype(np.int64)
            first[hit] = self._known_first[hit_slots]
            tables.append(_templates_of(self._known_matches, len(self._known), hit_slots, todo[hit]))
            todo = todo[~hit]
        tables += self._examine(values, todo, first)
        templates = pa.concat_tables(tables).combine_chunks() if tables else _TEMPLATE.empty_table()
        order = pc.sort_indices(templates, [("value", "ascending"), ("pos", "ascending")])
        return ColumnMatches(templates.take(order), encoded.indices, first)

    def _examine(self, values: pa.Array, todo: np.ndarray, first: np.ndarray) -> list[pa.Table]:
        """Match the values ``todo`` (ids into ``values``): whole-cell ones in Arrow, the
        others with the detectors' ``find`` (remembered for the next batches)."""
        if not len(todo):
            return []
        cells = values.take(pa.array(todo)) if len(todo) < len(values) else values
        candidates, outcomes = [], []
        for index, detector in enumerate(self.detectors):
            if detector.only_with_hint:
                mask = np.ones(len(cells), dtype=bool)
            else:
                mask = _bools(pc.match_substring_regex(
                    cells, detector.prefilter, ignore_case=detector.prefilter_ignore_case))
            first[todo[mask & (first[todo] == _NO_DETECTOR)]] = index
            rule = CELL_RULES.get(detector.name)
            outcome = None
            if rule is not None and mask.any():
                outcome = _scatter(rule(detector, cells.filter(pa.array(mask)), self.hint), mask)
            candidates.append(mask)
            outcomes.append(outcome)
        python = np.zeros(len(cells), dtype=bool)
        matched = np.zeros(len(cells), dtype=np.int64)
        for mask, outcome in zip(candidates, outcomes):
            if outcome is None:
                python |= mask
            else:
                python |= mask & ~outcome.handled
                matched += outcome.matched
        python |= matched > 1
        # The picked values: each detector's ``find`` where it is a candidate and its whole-cell
        # rule (if any) did not decide; a value whose detectors find nothing more keeps its
        # one whole-cell match alone, the others are resolved as per cell.
        picked = np.flatnonzero(python)
        texts = cells.take(pa.array(picked)).to_pylist()
        extra: dict[int, list[Match]] = {}
        whole = np.zeros(len(picked), dtype=np.int64)
        for detector, mask, outcome in zip(self.detectors, candidates, outcomes):
            run = mask[picked]
            if outcome is not None:
                whole += run & outcome.matched[picked]
                run = run & ~outcome.handled[picked]
            for i in np.flatnonzero(run).tolist():
                if texts[i] and (found := detector.find(texts[i], self.hint)):
                    extra.setdefault(i, []).extend(found)
        alone = np.zeros(len(cells), dtype=bool)
        alone[picked[whole == 1]] = True
        alone[picked[list(extra)]] = False
        rows: list[tuple] = []
        for i in np.flatnonzero(~alone[picked]).tolist():
            j = picked[i]
            matches = extra.get(i, []) + [
                _match(detector, outcome, j) for detector, mask, outcome
                in zip(self.detectors, candidates, outcomes)
                if outcome is not None and mask[j] and outcome.matched[j]
            ]
            resolved = resolve_overlaps(matches, self.rank) if matches else []
            rows.extend(
                (int(todo[j]), pos, m.entity, m.start, m.end, m.score, m.detector, list(m.evidence),
                 m.preview, self.hasher.hash(m.entity, m.normalized))
                for pos, m in enumerate(resolved)
            )
        tables = [
            self._whole_cell_table(detector, outcome, todo, outcome.matched & (~python | alone))
            for detector, outcome in zip(self.detectors, outcomes) if outcome is not None
        ]
        found = _rows_table(rows)
        kept = picked[~alone[picked]]
        self._remember(cells.take(pa.array(kept)), todo[kept], first[todo[kept]], found)
        return tables + [found]

    def _remember(self, texts: pa.Array, value_ids: np.ndarray, first: np.ndarray,
                  found: pa.Table) -> None:
        """Keep the values examined in Python (and their matches) for the next batches."""
        if not len(texts):
            return
        if len(self._known) + len(texts) > CACHE_VALUES:
            self._forget()
            if len(texts) > CACHE_VALUES:
                return
        slot_of = np.zeros(int(value_ids.max()) + 1 if len(value_ids) else 0, dtype=np.int64)
        slot_of[value_ids] = len(self._known) + np.arange(len(value_ids))
        slots = slot_of[found["value"].to_numpy()] if found.num_rows else np.zeros(0, dtype=np.int64)
        self._known = pa.concat_arrays([self._known, texts])
        self._known_first = np.concatenate([self._known_first, first])
        self._known_matches = pa.concat_tables([
            self._known_matches, found.set_column(0, "value", pa.array(slots, pa.int64())),
        ]).combine_chunks()

    def _whole_cell_table(self, detector, outcome: CellMatches, todo: np.ndarray,
                          keep: np.ndarray) -> pa.Table:
        picked = pa.array(np.flatnonzero(keep))
        count = len(picked)
        normalized = outcome.normalized.take(picked).to_pylist()
        columns = [
            todo[keep], np.zeros(count, dtype=np.int32), [detector.entity] * count,
            outcome.start[keep], outcome.end[keep], np.full(count, outcome.score),
            [detector.name] * count, [list(outcome.evidence)] * count,
            outcome.preview.take(picked), self.hasher.hash_many(detector.entity, normalized),
        ]
        return pa.table([pa.array(c, f.type) for c, f in zip(columns, _TEMPLATE)], schema=_TEMPLATE)


def _rows_table(rows: list[tuple]) -> pa.Table:
    columns = list(zip(*rows)) if rows else [[] for _ in _TEMPLATE]
    return pa.table([pa.array(c, f.type) for c, f in zip(columns, _TEMPLATE)], schema=_TEMPLATE)


def _templates_of(known: pa.Table, slots_count: int, slots: np.ndarray, value_ids: np.ndarray) -> pa.Table:
    """The remembered matches of ``slots`` (sorted by slot), renumbered as ``value_ids``."""
    per_slot = np.bincount(known["value"].to_numpy(), minlength=slots_count)
    offsets = np.cumsum(per_slot) - per_slot
    counts = per_slot[slots]
    picked = known.take(pa.array(_ranges(offsets[slots], counts)))
    return picked.set_column(0, "value", pa.array(np.repeat(value_ids, counts), pa.int64()))


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """``start, start+1, ... start+count-1`` for each pair, concatenated."""
    total = int(counts.sum())
    firsts = np.cumsum(counts) - counts
    return np.repeat(starts, counts) + np.arange(total) - np.repeat(firsts, counts)


def _scatter(outcome: CellMatches, mask: np.ndarray) -> CellMatches:
    """A rule's outcome on the candidate cells, spread back over all cells (others unhandled)."""
    where = np.flatnonzero(mask)
    positions = np.full(len(mask), -1, dtype=np.int64)
    positions[where] = np.arange(len(where))

    def spread(values: np.ndarray, fill) -> np.ndarray:
        full = np.full(len(mask), fill, dtype=values.dtype)
        full[where] = values
        return full

    taken = pa.array(np.where(positions >= 0, positions, 0))
    return CellMatches(
        spread(outcome.handled, False), spread(outcome.matched, False),
        spread(outcome.start, 0), spread(outcome.end, 0),
        outcome.preview.take(taken), outcome.normalized.take(taken), outcome.score, outcome.evidence,
    )


def _match(detector, outcome: CellMatches, j: int) -> Match:
    return Match(
        start=int(outcome.start[j]), end=int(outcome.end[j]), entity=detector.entity,
        score=outcome.score, detector=detector.name, evidence=outcome.evidence,
        preview=outcome.preview[j].as_py(), normalized=outcome.normalized[j].as_py(),
    )


@dataclass
class ColumnMatches:
    """A batch column's matches: one template row per match of a distinct value.

    Attributes:
        templates: ``_TEMPLATE`` rows sorted by value id, then position in the value.
        indices: Value id of each row of the column (null for a null cell).
        first_detector: Per value id, the first detector (registry order) that had it as a
            candidate: the per-cell path records rows in that order (examples follow it).
    """

    templates: pa.Table
    indices: pa.Array
    first_detector: np.ndarray

    def _rows(self) -> tuple[np.ndarray, np.ndarray]:
        """(row numbers, value ids) of the non-null cells."""
        valid = pc.is_valid(self.indices)
        rows = pc.indices_nonzero(valid).to_numpy()
        return rows, self.indices.filter(valid).to_numpy().astype(np.int64)

    def findings(self, record_keys: pa.Array, source: str, container: str, field: str) -> pa.Table:
        """The findings table (``reports.findings.SCHEMA``) of this column's batch."""
        rows, value_ids = self._rows()
        per_value = np.bincount(self.templates["value"].to_numpy(), minlength=len(self.first_detector))
        offsets = np.cumsum(per_value) - per_value
        counts = per_value[value_ids]
        rows, value_ids, counts = rows[counts > 0], value_ids[counts > 0], counts[counts > 0]
        total = int(counts.sum())
        picked = self.templates.take(pa.array(_ranges(offsets[value_ids], counts)))
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
