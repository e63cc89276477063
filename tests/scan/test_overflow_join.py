"""Fields past the overflow limit are joined into one column that keeps every row."""

import pyarrow as pa

from fouille.scanner.engine.container_fields import join_columns as _join_columns


def test_join_keeps_rows_where_every_value_is_null():
    # pyarrow's null_handling="skip" drops such rows, which shifted every later row's key.
    joined = _join_columns([pa.array(["a", None, None]), pa.array([None, None, "b"])])
    assert joined.to_pylist() == ["a\n", None, "\nb"]


def test_join_in_chunks_keeps_length_and_values():
    columns = [pa.array([None if (row + col) % 3 else f"v{col}" for row in range(7)]) for col in range(5)]
    joined = _join_columns(columns, chunk=2)
    assert len(joined) == 7
    for row, text in enumerate(joined.to_pylist()):
        expected = [f"v{col}" for col in range(5) if (row + col) % 3 == 0]
        assert (text is None) == (not expected)
        assert [part for part in (text or "").split("\n") if part] == expected
