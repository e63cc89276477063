"""Count a container's records older than its retention period, and how many hold personal data.

The counter sees every batch of the container. It reads the rule's timestamp column with
Arrow (no Python loop over rows), sorts each row as kept, expired, undated (empty) or
unreadable, and counts rows by *which fields are filled* (a bit per field). Which fields
hold personal data is only known once the scan is over, so the answer — expired records
holding personal data — is worked out at the end from those counts: exact, and no row,
value or timestamp is kept.

Timestamps read: ISO 8601 dates and date-times (``T`` or space, fractions, ``Z``/``+02``/
``+02:00`` offsets, PostgreSQL's text form), French ``dd/mm/yyyy`` (optionally ``hh:mm[:ss]``
or ``14h30``), Unix epoch seconds (9-10 digits) and milliseconds (13 digits). Times without
an offset are UTC.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pyarrow as pa
import pyarrow.compute as pc

from connectors.base import Batch
from reports.retention import cutoff
from scanner.stats import FieldStats

KEPT, EXPIRED, UNDATED, UNREADABLE = range(4)
_WORD_BITS = 63  # filled-field bits per int64 word

_ISO = (
    r"^(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
    r"(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?:Z|UTC|(?P<sign>[+-])(?P<oh>\d{2})(?::?(?P<om>\d{2}))?)?$"
)
_FRENCH = (
    r"^(?P<d>\d{1,2})/(?P<mo>\d{1,2})/(?P<y>\d{4})"
    r"(?:,?\s+(?:à\s+)?(?P<h>\d{1,2})[:h](?P<mi>\d{2})(?::(?P<s>\d{2}))?)?$"
)
_EPOCH_SECONDS = r"^\d{9,10}(?:\.\d+)?$"
_EPOCH_MILLIS = r"^\d{13}$"
_CANONICAL = "%Y-%m-%dT%H:%M:%S"


def _number(part: pa.Array, default: int) -> pa.Array:
    """A matched digit group as int64; ``default`` where the optional group is absent."""
    return pc.cast(pc.if_else(pc.equal(part, ""), str(default), part), pa.int64())


def _from_parts(parts: pa.StructArray, offsets: bool) -> pa.Array:
    """Matched date parts -> int64 epoch seconds (null when unmatched or not a real date)."""
    units = {"mo": 1, "d": 1, "h": 0, "mi": 0, "s": 0}
    numbers = {name: _number(parts.field(name), default) for name, default in units.items()}
    padded = [pc.utf8_lpad(pc.cast(numbers[n], pa.string()), width=2, padding="0") for n in units]
    canonical = pc.binary_join_element_wise(
        parts.field("y"), "-", padded[0], "-", padded[1], "T",
        padded[2], ":", padded[3], ":", padded[4], "",
    )
    canonical = pc.if_else(pc.is_valid(parts), canonical, pa.scalar(None, pa.string()))
    moment = pc.strptime(canonical, format=_CANONICAL, unit="s", error_is_null=True)
    # strptime rolls 30 February over to 2 March: a real date keeps its day and month.
    real = pc.and_(pc.equal(pc.day(moment), numbers["d"]), pc.equal(pc.month(moment), numbers["mo"]))
    seconds = pc.if_else(real, pc.cast(moment, pa.int64()), pa.scalar(None, pa.int64()))
    if offsets:
        east = pc.add(pc.multiply(_number(parts.field("oh"), 0), 3600),
                      pc.multiply(_number(parts.field("om"), 0), 60))
        east = pc.if_else(pc.equal(parts.field("sign"), "-"), pc.negate(east), east)
        seconds = pc.subtract(seconds, east)
    return seconds


def _epoch_numbers(text: pa.Array) -> pa.Array:
    as_number = pc.cast(pc.if_else(pc.match_substring_regex(text, _EPOCH_SECONDS), text, None),
                        pa.float64())
    seconds = pc.cast(pc.floor(as_number), pa.int64())
    millis = pc.cast(pc.if_else(pc.match_substring_regex(text, _EPOCH_MILLIS), text, None), pa.int64())
    return pc.coalesce(seconds, pc.divide(millis, 1000))


_READERS = (
    lambda text: _from_parts(pc.extract_regex(text, _ISO), offsets=True),
    lambda text: _from_parts(pc.extract_regex(text, _FRENCH), offsets=False),
    _epoch_numbers,
)


def epoch_seconds(column: pa.Array) -> pa.Array:
    """A column of stored timestamps -> int64 seconds since 1970 (UTC); null when unreadable."""
    if pa.types.is_timestamp(column.type) or pa.types.is_date(column.type):
        return pc.cast(pc.cast(column, pa.timestamp("s", tz="UTC"), safe=False), pa.int64())
    text = pc.utf8_trim_whitespace(pc.cast(column, pa.string()))
    text = pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text)
    seconds = pa.nulls(len(text), pa.int64())
    for read in _READERS:  # a column is usually one format: stop once every cell is read
        if pc.sum(pc.and_(pc.is_null(seconds), pc.is_valid(text))).as_py() in (0, None):
            break
        seconds = pc.coalesce(seconds, read(text))
    return seconds


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
