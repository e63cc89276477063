"""Stored timestamps: the one date grammar, read one value at a time or a whole Arrow column.

Forms read: ISO 8601 dates and date-times (``T`` or space, fractions, ``Z``/``UTC``/``+02``/
``+02:00`` offsets, PostgreSQL's text form), French ``dd/mm/yyyy`` (optionally ``hh:mm[:ss]``
or ``14h30``), Unix epoch seconds (9-10 digits) and milliseconds (13 digits). Times without an
offset are UTC. Data columns are read in every form (``epoch_seconds``); a single value written
by a machine (``FOUILLE_NOW``, a report's dates) in the ISO and epoch forms (``parse_timestamp``).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pyarrow as pa
import pyarrow.compute as pc

ISO = (
    r"^(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
    r"(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?P<f>[.,]\d+)?)?)?"
    r"\s*(?:Z|UTC|(?P<sign>[+-])(?P<oh>\d{2})(?::?(?P<om>\d{2}))?)?$"
)
FRENCH = (
    r"^(?P<d>\d{1,2})/(?P<mo>\d{1,2})/(?P<y>\d{4})"
    r"(?:,?\s+(?:à\s+)?(?P<h>\d{1,2})[:h](?P<mi>\d{2})(?::(?P<s>\d{2}))?)?$"
)
EPOCH_SECONDS = r"^\d{9,10}(?:\.\d+)?$"
EPOCH_MILLIS = r"^\d{13}$"
_CANONICAL = "%Y-%m-%dT%H:%M:%S"
_ISO_RE = re.compile(ISO, re.ASCII)
_EPOCH_SECONDS_RE = re.compile(EPOCH_SECONDS, re.ASCII)
_EPOCH_MILLIS_RE = re.compile(EPOCH_MILLIS, re.ASCII)


def as_utc(moment: datetime) -> datetime:
    # Naive timestamps are taken as UTC, the usual storage convention.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def parse_timestamp(value: object) -> datetime | None:
    """A stored timestamp: datetime, date, Unix epoch seconds, or text in the ISO or epoch form.

    Returns None for empty or unreadable values, so callers can count them apart.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return as_utc(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, (int, float)):
        return _from_epoch(float(value))
    text = str(value).strip()
    if _EPOCH_SECONDS_RE.match(text):
        return _from_epoch(float(text))
    if _EPOCH_MILLIS_RE.match(text):
        return _from_epoch(int(text) / 1000)
    found = _ISO_RE.match(text)
    return _iso_moment(found) if found else None


def _from_epoch(seconds: float) -> datetime | None:
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _iso_moment(found: re.Match[str]) -> datetime | None:
    """The moment an ``ISO`` match names, in its own offset (None: not a real date or offset)."""
    part = found.groupdict()
    micro = int((part["f"][1:] + "000000")[:6]) if part["f"] else 0
    try:
        zone = UTC
        if part["sign"]:
            east = timedelta(hours=int(part["oh"]), minutes=int(part["om"] or 0))
            zone = timezone(-east if part["sign"] == "-" else east)
        return datetime(int(part["y"]), int(part["mo"]), int(part["d"]), int(part["h"] or 0),
                        int(part["mi"] or 0), int(part["s"] or 0), micro, tzinfo=zone)
    except ValueError:
        return None


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
    as_number = pc.cast(pc.if_else(pc.match_substring_regex(text, EPOCH_SECONDS), text, None),
                        pa.float64())
    seconds = pc.cast(pc.floor(as_number), pa.int64())
    millis = pc.cast(pc.if_else(pc.match_substring_regex(text, EPOCH_MILLIS), text, None), pa.int64())
    return pc.coalesce(seconds, pc.divide(millis, 1000))


_READERS = (
    lambda text: _from_parts(pc.extract_regex(text, ISO), offsets=True),
    lambda text: _from_parts(pc.extract_regex(text, FRENCH), offsets=False),
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
