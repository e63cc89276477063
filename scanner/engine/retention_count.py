"""Count a container's records older than its retention period, and how many hold personal data.

The counter sees every batch of the container. It reads the rule's timestamp column with
Arrow (no Python loop over rows), sorts each row as kept, expired, undated (empty) or
unreadable, and counts rows by *which fields are filled* (a bit per field). Which fields
hold personal data is only known once the scan is over, so the answer — expired records
holding personal data — is worked out at the end from those counts: exact, and no row,
value or timestamp is kept.

Timestamps are read in the one date grammar of ``fouille.scanner.core.timestamps``.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pyarrow as pa
import pyarrow.compute as pc

from fouille.connectors.base import Batch
from fouille.scanner.core.retention import cutoff
from fouille.scanner.core.timestamps import epoch_seconds
from fouille.scanner.engine.stats import FieldStats

KEPT, EXPIRED, UNDATED, UNREADABLE = range(4)
_WORD_BITS = 63  # filled-field bits per int64 word


def _non_empty(column: pa.Array) -> pa.Array:
    if column.type != pa.string():
        return pc.fill_null(pc.is_valid(column), False)
    filled = pc.not_equal(pc.utf8_trim_whitespace(column), "")
    return pc.fill_null(filled, False)


def has_personal_data(stats: FieldStats) -> bool:
    """A field with at least one value recognised as personal data (as the report counts them)."""
    return any(entity.count for entity in stats.entities.values())


class RetentionCounter:
    """Fed every batch of one container; ``counts()`` is what the scan records for it."""

    def __init__(self, rule: dict, now: datetime):
        self.rule = rule
        self.now = now
        self.cutoff = cutoff(rule["keep"], now)
        self._cutoff_s = int(self.cutoff.timestamp())
        self._bit: dict[str, int] = {}  # field name -> its bit in the filled-field pattern
        self._patterns: Counter[tuple[int, ...]] = Counter()  # (status, *words) -> rows
        self.field_found = False

    def add(self, batch: Batch) -> None:
        if not batch.num_rows:
            return
        status = self._status(batch)
        columns = {"status": status}
        for index, word in enumerate(self._filled_words(batch.data)):
            columns[f"w{index}"] = word
        grouped = pa.table(columns).group_by(list(columns)).aggregate([([], "count_all")])
        found = grouped.to_pydict()
        counts = found.pop("count_all")
        for key, count in zip(zip(*found.values()), counts):
            self._patterns[key] += count

    def _status(self, batch: Batch) -> pa.Array:
        field = self.rule["field"]
        source = batch.data if field in batch.data.schema.names else batch.keys
        if field not in source.schema.names:
            return pa.array([UNDATED] * batch.num_rows, pa.int8())
        self.field_found = True
        column = source.column(field)
        seconds = epoch_seconds(column)
        expired = pc.if_else(pc.less(seconds, self._cutoff_s), EXPIRED, KEPT)
        missing = pc.invert(_non_empty(column))
        unknown = pc.if_else(missing, UNDATED, UNREADABLE)
        return pc.cast(pc.coalesce(expired, unknown), pa.int8())

    def _filled_words(self, data: pa.RecordBatch) -> list[pa.Array]:
        for name in data.schema.names:
            self._bit.setdefault(name, len(self._bit))
        words = [pa.array([0] * data.num_rows, pa.int64())
                 for _ in range((len(self._bit) + _WORD_BITS - 1) // _WORD_BITS)]
        for name, column in zip(data.schema.names, data.columns):
            word, bit = divmod(self._bit[name], _WORD_BITS)
            flag = pc.if_else(_non_empty(column), pa.scalar(1 << bit, pa.int64()), 0)
            words[word] = pc.bit_wise_or(words[word], flag)
        return words

    def counts(self) -> dict:
        """The rule, the fields in bit order, and rows per (state, filled-field mask): JSON,
        mergeable across key-range pieces, summarised once the scan is over (``summarize``)."""
        patterns: Counter[tuple[int, int]] = Counter()
        for (status, *words), rows in self._patterns.items():
            mask = sum(word << (_WORD_BITS * index) for index, word in enumerate(words))
            patterns[(status, mask)] += rows
        return {
            "field": self.rule["field"],
            "keep": self.rule["keep"],
            "as_of": self.now.isoformat(timespec="seconds"),
            "cutoff": self.cutoff.isoformat(timespec="seconds"),
            "field_found": self.field_found,
            "fields": list(self._bit),  # insertion order is bit order
            "patterns": sorted([status, mask, rows] for (status, mask), rows in patterns.items()),
        }


def _bits(mask: int):
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def merge_counts(mine: dict | None, other: dict | None) -> dict | None:
    """Two pieces (key ranges) of one container counted as one; fields re-aligned by name."""
    if not mine or not other:
        return mine or other
    fields = list(mine["fields"])
    index = {name: i for i, name in enumerate(fields)}
    remap = []
    for name in other["fields"]:
        if name not in index:
            index[name] = len(fields)
            fields.append(name)
        remap.append(index[name])
    same = remap == list(range(len(remap)))
    patterns: Counter[tuple[int, int]] = Counter({(s, m): n for s, m, n in mine["patterns"]})
    for status, mask, rows in other["patterns"]:
        if not same:
            mask = sum(1 << remap[bit] for bit in _bits(mask))
        patterns[(status, mask)] += rows
    return {
        **mine,
        "field_found": mine["field_found"] or other["field_found"],
        "fields": fields,
        "patterns": sorted([status, mask, rows] for (status, mask), rows in patterns.items()),
    }


def summarize(counts: dict, fields: dict[str, FieldStats], overflow_field: str) -> dict:
    """The inventory entry: records, with personal data, expired, undated, unreadable.

    ``fields``: the container's field stats, which say by now which fields hold personal data.
    """
    pii = {name for name, stats in fields.items() if has_personal_data(stats)}
    # Fields past the engine's per-container limit were scanned together as one.
    overflow = overflow_field in pii
    pii_mask = sum(1 << bit for bit, name in enumerate(counts["fields"])
                   if name in pii or (overflow and name not in fields))
    totals: Counter[int] = Counter()
    with_pii: Counter[int] = Counter()
    for status, mask, rows in counts["patterns"]:
        totals[status] += rows
        if mask & pii_mask:
            with_pii[status] += rows
    return {
        **{key: counts[key] for key in ("field", "keep", "as_of", "cutoff", "field_found")},
        "records": sum(totals.values()),
        "records_with_pii": sum(with_pii.values()),
        "expired_records": with_pii[EXPIRED],
        "expired_without_pii": totals[EXPIRED] - with_pii[EXPIRED],
        "undated_records": with_pii[UNDATED],
        "unreadable_records": with_pii[UNREADABLE],
    }
