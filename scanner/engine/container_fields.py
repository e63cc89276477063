"""A batch's columns before detection: free text or structured, capped cells, extra fields joined."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
from fouille.scanner.core.column_hints import FREE_TEXT
from fouille.scanner.engine.stats import FieldStats

PROFILE_VALUES = 200
FREE_TEXT_MIN_CHARS = 30
FREE_TEXT_MIN_WORDS = 5
PROFILE_CHARS = 4_000  # characters of each sampled value looked at when profiling
OVERFLOW_FIELD = "_extra_fields"  # where fields beyond ``max_fields`` are scanned together


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


def profile(stats: FieldStats, column: pa.Array) -> None:
    """Decide, from the first batch, whether the field is free text."""
    values = []
    for value in column.to_pylist()[: PROFILE_VALUES * 5]:
        if value and value.strip():
            values.append(value)
            if len(values) >= PROFILE_VALUES:
                break
    if values or len(column):
        stats.free_text = looks_like_free_text(values, stats.hint)


def capped(stats: FieldStats, column: pa.Array, cap: int) -> pa.Array:
    """``column`` with each cell cut to ``cap`` characters; what is cut is counted in ``stats``."""
    if cap <= 0:
        return column
    lengths = pc.utf8_length(column)
    over = pc.fill_null(pc.greater(lengths, cap), False)
    count = int(pc.sum(over).as_py() or 0)
    if not count:
        return column
    stats.cells_capped += count
    stats.chars_not_examined += int(pc.sum(pc.subtract(pc.filter(lengths, over), cap)).as_py())
    return pc.utf8_slice_codeunits(column, 0, cap)


def non_empty_cells(column: pa.Array) -> int:
    non_empty = pc.and_(pc.is_valid(column), pc.not_equal(pc.utf8_trim_whitespace(column), ""))
    return int(pc.sum(pc.fill_null(non_empty, False)).as_py() or 0)


def join_columns(columns: list[pa.Array], chunk: int = 500) -> pa.Array:
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
    return parts[0] if len(parts) == 1 else join_columns(parts, chunk)


def split_overflow(data: pa.RecordBatch, known: dict, max_fields: int) -> tuple[pa.RecordBatch, bool]:
    """``data`` with the fields beyond ``max_fields`` joined into ``OVERFLOW_FIELD``; True if any."""
    kept, overflow = [], []
    for index, name in enumerate(data.schema.names):
        if name in known or len(known) + len(kept) < max_fields:
            kept.append(index)
        else:
            overflow.append(data.column(index))
    if not overflow:
        return data, False
    fields = [data.schema.field(i) for i in kept] + [pa.field(OVERFLOW_FIELD, pa.string())]
    columns = [data.column(i) for i in kept] + [join_columns(overflow)]
    return pa.RecordBatch.from_arrays(columns, schema=pa.schema(fields)), True
