"""Accumulate rows into bounded Arrow batches of string columns plus key columns."""

from __future__ import annotations

import pyarrow as pa

from fouille.connectors.base import MAX_BATCH_BYTES, Batch
from fouille.scanner.core.record_keys import LINE_KEY


class _Bounded:
    """Rows held until there are ``batch_rows`` of them or their text reaches ``MAX_BATCH_BYTES``."""

    def __init__(self, batch_rows: int):
        self.batch_rows = max(1, batch_rows)
        self._count = 0
        self._held = 0  # characters held: a batch is bounded by size as well as rows

    def _full(self, chars: int) -> bool:
        """Count one more row of ``chars`` characters; True once the batch is full."""
        self._count += 1
        self._held += chars
        return self._count >= self.batch_rows or self._held >= MAX_BATCH_BYTES

    def _emptied(self) -> None:
        self._count = self._held = 0


class BatchBuilder(_Bounded):
    """Collects rows (dicts of field -> str) and record keys; flushes every ``batch_rows`` rows.

    Fields may differ from row to row (JSON); a batch's columns are the union, in first-seen order.

    Args:
        key: The record key's column (int64), or the schema of several key columns (``add``
            then takes a tuple per row).
        batch_rows: Rows per batch at most.
        field_metadata: Arrow field metadata by field name.
    """

    def __init__(self, key: str | pa.Schema, batch_rows: int, field_metadata: dict | None = None):
        super().__init__(batch_rows)
        self.key_schema = key if isinstance(key, pa.Schema) else pa.schema([(key, pa.int64())])
        self._metadata = field_metadata or {}
        self._rows: list[dict[str, str | None]] = []
        self._keys: list = []
        self._fields: dict[str, None] = {}

    def add(self, key: object, row: dict[str, str | None]) -> Batch | None:
        self._rows.append(row)
        self._keys.append(key)
        chars = 0
        for name, value in row.items():
            self._fields.setdefault(name, None)
            chars += len(value) if value else 0
        return self.flush() if self._full(chars) else None

    def flush(self) -> Batch | None:
        if not self._rows:
            return None
        fields = [pa.field(name, pa.string(), metadata=self._metadata.get(name)) for name in self._fields]
        if fields:
            arrays = [pa.array([row.get(f.name) for row in self._rows], type=pa.string()) for f in fields]
            data = pa.RecordBatch.from_arrays(arrays, schema=pa.schema(fields))
        else:  # rows with no fields (``null``, ``{}``) still count, row-aligned with their keys
            data = pa.RecordBatch.from_struct_array(pa.array([{}] * len(self._rows), type=pa.struct([])))
        keys = [self._keys] if len(self.key_schema) == 1 else list(zip(*self._keys))
        key_batch = pa.RecordBatch.from_arrays(
            [pa.array(column, type=f.type) for column, f in zip(keys, self.key_schema)],
            schema=self.key_schema,
        )
        self._rows, self._keys, self._fields = [], [], {}
        self._emptied()
        return Batch(data=data, keys=key_batch)


class ColumnBuilder(_Bounded):
    """Rows of fixed columns (the CSV path: column lists, no per-row dicts), keyed by line;
    cells past the header's width are joined into one ``extra`` field."""

    def __init__(self, names: list[str], batch_rows: int, extra: str):
        super().__init__(batch_rows)
        self.names = names
        self.extra_name = extra
        self._reset()

    def _reset(self) -> None:
        self.columns: list[list[str | None]] = [[] for _ in self.names]
        self.extra: list[str | None] = []
        self.keys: list[int] = []
        self.has_extra = False
        self._emptied()

    def add(self, line: int, row: list[str]) -> Batch | None:
        width = len(self.names)
        for i in range(width):
            self.columns[i].append(row[i] if i < len(row) else None)
        self.has_extra |= len(row) > width
        self.extra.append(" ".join(row[width:]) if len(row) > width else None)
        self.keys.append(line)
        return self.flush() if self._full(sum(len(cell) for cell in row)) else None

    def flush(self) -> Batch | None:
        if not self.keys:
            return None
        names, columns = list(self.names), self.columns
        if self.has_extra:
            names, columns = names + [self.extra_name], columns + [self.extra]
        batch = columns_batch(names, columns, LINE_KEY, self.keys)
        self._reset()
        return batch


def columns_batch(names: list[str], columns: list[list[str | None]], key_name: str, keys: list[int]) -> Batch:
    """A batch from column lists (the CSV path: fixed columns, no per-row dicts)."""
    data = pa.RecordBatch.from_arrays([pa.array(col, type=pa.string()) for col in columns], names=names)
    return Batch(data=data, keys=pa.RecordBatch.from_pydict({key_name: pa.array(keys, type=pa.int64())}))
