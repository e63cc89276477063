"""Accumulate rows into bounded Arrow batches of string columns plus key columns."""

from __future__ import annotations

import pyarrow as pa

from connectors.base import MAX_BATCH_BYTES, Batch


class BatchBuilder:
    """Collects rows (dicts of field -> str) and record keys; flushes every ``batch_rows`` rows.

    Fields may differ from row to row (JSON); a batch's columns are the union, in first-seen order.
    """

    def __init__(self, key_name: str, batch_rows: int):
        self.key_name = key_name
        self.batch_rows = max(1, batch_rows)
        self._rows: list[dict[str, str | None]] = []
        self._keys: list[int] = []
        self._fields: dict[str, None] = {}
        self._held = 0  # characters held: a batch is bounded by size as well as rows

    def add(self, key: int, row: dict[str, str | None]) -> Batch | None:
        self._rows.append(row)
        self._keys.append(key)
        for name, value in row.items():
            self._fields.setdefault(name, None)
            self._held += len(value) if value else 0
        if len(self._rows) >= self.batch_rows or self._held >= MAX_BATCH_BYTES:
            return self.flush()
        return None

    def flush(self) -> Batch | None:
        if not self._rows:
            return None
        columns = {
            name: pa.array([row.get(name) for row in self._rows], type=pa.string())
            for name in self._fields
        }
        if columns:
            data = pa.RecordBatch.from_pydict(columns)
        else:  # rows with no fields (``null``, ``{}``) still count, row-aligned with their keys
            data = pa.RecordBatch.from_struct_array(pa.array([{}] * len(self._rows), type=pa.struct([])))
        keys = pa.RecordBatch.from_pydict({self.key_name: pa.array(self._keys, type=pa.int64())})
        self._rows, self._keys, self._fields, self._held = [], [], {}, 0
        return Batch(data=data, keys=keys)


def columns_batch(names: list[str], columns: list[list[str | None]], key_name: str, keys: list[int]) -> Batch:
    """A batch from column lists (the CSV path: fixed columns, no per-row dicts)."""
    data = pa.RecordBatch.from_arrays([pa.array(col, type=pa.string()) for col in columns], names=names)
    return Batch(data=data, keys=pa.RecordBatch.from_pydict({key_name: pa.array(keys, type=pa.int64())}))
