"""A structured field's Arrow column, a batch at a time: each distinct value examined once.

1. The batch's column is dictionary-encoded, so each distinct value is examined once; a
   value examined in an earlier batch comes from a bounded cache (names, cities, dates and
   company numbers repeat).
2. Each detector's candidates: its RE2 prefilter over the distinct values, as per cell.
3. A value that is one clean e-mail or French phone is validated, masked and normalised in
   Arrow (``arrow_cells``). Every other candidate goes through the detector's own ``find``
   (checksums, names, addresses), then ``resolve``, as per cell.
4. Each value's matches (hashed once per value) come out as template rows; the engine
   repeats them for the rows holding the value (``fouille.scanner.engine.columnar``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from fouille.detectors.base import Match
from fouille.detectors.detection.arrow_cells import CELL_RULES, CellMatches
from fouille.detectors.detection.hints import detector_hint, fast_detectors
from fouille.detectors.detection.texts import resolve
from fouille.scanner.core.keys import Hasher

CACHE_VALUES = 30_000  # distinct values whose matches a field remembers across batches
NO_DETECTOR = np.iinfo(np.int32).max
# Per-value match columns, in this order (one row per match of a distinct value).
TEMPLATE = pa.schema([
    ("value", pa.int64()), ("pos", pa.int32()), ("entity", pa.string()), ("start", pa.int32()),
    ("end", pa.int32()), ("score", pa.float64()), ("detector", pa.string()),
    ("evidence", pa.list_(pa.string())), ("preview", pa.string()), ("value_hash", pa.string()),
])


@dataclass
class ValueMatches:
    """A batch column's matches: one template row per match of a distinct value.

    Attributes:
        templates: ``TEMPLATE`` rows sorted by value id, then position in the value.
        indices: Value id of each row of the column (null for a null cell).
        first_detector: Per value id, the first detector (registry order) that had it as a
            candidate: the per-cell path records rows in that order (examples follow it).
    """

    templates: pa.Table
    indices: pa.Array
    first_detector: np.ndarray


@dataclass
class _Candidates:
    """Per detector of the field: its candidate cells and its whole-cell outcome (or None)."""

    masks: list[np.ndarray]
    outcomes: list[CellMatches | None]


def _bools(array: pa.Array) -> np.ndarray:
    return pc.fill_null(array, False).to_numpy(zero_copy_only=False)


class ColumnarField:
    """The columnar detection state of one structured field: the values it already examined
    in Python (text, first candidate detector, matches), looked up in Arrow each batch."""

    def __init__(self, hint: str | None, hasher: Hasher):
        self.hint = detector_hint(hint)
        self.hasher = hasher
        self.detectors = fast_detectors(hint, False)  # what the per-cell path runs on the field
        self._forget()

    def _forget(self) -> None:
        self._known = pa.array([], pa.string())
        self._known_first = np.zeros(0, dtype=np.int64)
        self._known_matches = TEMPLATE.empty_table()  # "value" is the slot in ``_known``

    def detect(self, column: pa.Array) -> ValueMatches:
        encoded = pc.dictionary_encode(column)
        values = encoded.dictionary
        first = np.full(len(values), NO_DETECTOR, dtype=np.int64)
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
        templates = pa.concat_tables(tables).combine_chunks() if tables else TEMPLATE.empty_table()
        order = pc.sort_indices(templates, [("value", "ascending"), ("pos", "ascending")])
        return ValueMatches(templates.take(order), encoded.indices, first)

    def _candidates(self, cells: pa.Array, todo: np.ndarray, first: np.ndarray) -> _Candidates:
        """Each detector's candidate cells (``first`` noted) and whole-cell outcome."""
        found = _Candidates([], [])
        for index, detector in enumerate(self.detectors):
            if detector.only_with_hint:
                mask = np.ones(len(cells), dtype=bool)
            else:
                mask = _bools(pc.match_substring_regex(
                    cells, detector.prefilter, ignore_case=detector.prefilter_ignore_case))
            first[todo[mask & (first[todo] == NO_DETECTOR)]] = index
            rule = CELL_RULES.get(detector.name)
            outcome = None
            if rule is not None and mask.any():
                outcome = _scatter(rule(detector, cells.filter(pa.array(mask)), self.hint), mask)
            found.masks.append(mask)
            found.outcomes.append(outcome)
        return found

    def _examine(self, values: pa.Array, todo: np.ndarray, first: np.ndarray) -> list[pa.Table]:
        """Match the values ``todo`` (ids into ``values``): whole-cell ones in Arrow, the
        others with the detectors' ``find`` (remembered for the next batches)."""
        if not len(todo):
            return []
        cells = values.take(pa.array(todo)) if len(todo) < len(values) else values
        candidates = self._candidates(cells, todo, first)
        python = _in_python(candidates, len(cells))
        # The picked values: each detector's ``find`` where it is a candidate and its whole-cell
        # rule (if any) did not decide; a value whose detectors find nothing more keeps its
        # one whole-cell match alone, the others are resolved as per cell.
        picked = np.flatnonzero(python)
        texts = cells.take(pa.array(picked)).to_pylist()
        extra, whole = self._find_picked(candidates, picked, texts)
        alone = np.zeros(len(cells), dtype=bool)
        alone[picked[whole == 1]] = True
        alone[picked[list(extra)]] = False
        found = self._resolved_rows(candidates, picked, alone, extra, todo)
        tables = [
            self._whole_cell_table(detector, outcome, todo, outcome.matched & (~python | alone))
            for detector, outcome in zip(self.detectors, candidates.outcomes) if outcome is not None
        ]
        kept = picked[~alone[picked]]
        self._remember(cells.take(pa.array(kept)), todo[kept], first[todo[kept]], found)
        return tables + [found]

    def _find_picked(self, candidates: _Candidates, picked: np.ndarray,
                     texts: list) -> tuple[dict[int, list[Match]], np.ndarray]:
        """Each picked value's ``find`` matches, and how many whole-cell matches it has."""
        extra: dict[int, list[Match]] = {}
        whole = np.zeros(len(picked), dtype=np.int64)
        for detector, mask, outcome in zip(self.detectors, candidates.masks, candidates.outcomes):
            run = mask[picked]
            if outcome is not None:
                whole += run & outcome.matched[picked]
                run = run & ~outcome.handled[picked]
            for i in np.flatnonzero(run).tolist():
                if texts[i] and (found := detector.find(texts[i], self.hint)):
                    extra.setdefault(i, []).extend(found)
        return extra, whole

    def _resolved_rows(self, candidates: _Candidates, picked: np.ndarray, alone: np.ndarray,
                       extra: dict[int, list[Match]], todo: np.ndarray) -> pa.Table:
        """Template rows of the picked values not left alone: all their matches, resolved."""
        rows: list[tuple] = []
        for i in np.flatnonzero(~alone[picked]).tolist():
            j = picked[i]
            matches = extra.get(i, []) + [
                _match(detector, outcome, j) for detector, mask, outcome
                in zip(self.detectors, candidates.masks, candidates.outcomes)
                if outcome is not None and mask[j] and outcome.matched[j]
            ]
            rows.extend(
                (int(todo[j]), pos, m.entity, m.start, m.end, m.score, m.detector, list(m.evidence),
                 m.preview, self.hasher.hash(m.entity, m.normalized))
                for pos, m in enumerate(resolve(matches) if matches else [])
            )
        return _rows_table(rows)

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
        return pa.table([pa.array(c, f.type) for c, f in zip(columns, TEMPLATE)], schema=TEMPLATE)


def _in_python(candidates: _Candidates, count: int) -> np.ndarray:
    """Values some detector must read in Python: a candidate no whole-cell rule decided, or a
    value with more than one whole-cell match (resolved as per cell)."""
    python = np.zeros(count, dtype=bool)
    matched = np.zeros(count, dtype=np.int64)
    for mask, outcome in zip(candidates.masks, candidates.outcomes):
        if outcome is None:
            python |= mask
        else:
            python |= mask & ~outcome.handled
            matched += outcome.matched
    return python | (matched > 1)


def _rows_table(rows: list[tuple]) -> pa.Table:
    columns = list(zip(*rows)) if rows else [[] for _ in TEMPLATE]
    return pa.table([pa.array(c, f.type) for c, f in zip(columns, TEMPLATE)], schema=TEMPLATE)


def _templates_of(known: pa.Table, slots_count: int, slots: np.ndarray, value_ids: np.ndarray) -> pa.Table:
    """The remembered matches of ``slots`` (sorted by slot), renumbered as ``value_ids``."""
    per_slot = np.bincount(known["value"].to_numpy(), minlength=slots_count)
    offsets = np.cumsum(per_slot) - per_slot
    counts = per_slot[slots]
    picked = known.take(pa.array(ranges(offsets[slots], counts)))
    return picked.set_column(0, "value", pa.array(np.repeat(value_ids, counts), pa.int64()))


def ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
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
