"""Parquet: row groups streamed with ``iter_batches``; columns cast to strings, nested ones flattened.

Records are keyed ``row``, 1-based. Needs a seekable file object (local file, or the
S3 connector's ranged-read file).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from connectors.base import Batch, ReadError, ReadOptions
from connectors.files.flatten import TooDeep, flatten

_PLAIN = (pa.types.is_string, pa.types.is_large_string, pa.types.is_integer, pa.types.is_floating,
          pa.types.is_decimal, pa.types.is_temporal, pa.types.is_boolean)


def _string_columns(batch: pa.RecordBatch) -> dict[str, pa.Array]:
    out: dict[str, pa.Array] = {}
    for name, column in zip(batch.schema.names, batch.columns):
        kind = column.type
        if pa.types.is_string(kind):
            out[name] = column
        elif any(check(kind) for check in _PLAIN):
            out[name] = pc.cast(column, pa.string())
        elif pa.types.is_dictionary(kind):
            out[name] = pc.cast(column.dictionary_decode(), pa.string())
        elif pa.types.is_nested(kind):
            rows = [flatten(value, name) if value is not None else {} for value in column.to_pylist()]
            paths = dict.fromkeys(p for row in rows for p in row)
            for path in paths:
                out[path] = pa.array(
                    ["\n".join(row[path]) if path in row else None for row in rows], type=pa.string()
                )
        # binary and other opaque types are not text: skipped
    return out


def read_parquet(name: str, stream: BinaryIO, options: ReadOptions) -> Iterator[Batch | ReadError]:
    try:
        parquet = pq.ParquetFile(stream)
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield ReadError(name, f"not a readable Parquet file ({type(exc).__name__})")
        return
    row = 1
    try:
        for batch in parquet.iter_batches(batch_size=options.batch_rows):
            try:
                columns = _string_columns(batch)
            except TooDeep as exc:
                yield ReadError(f"{name}:row {row}", str(exc))
                row += batch.num_rows
                continue
            data = pa.RecordBatch.from_pydict(columns) if columns else pa.RecordBatch.from_arrays(
                [pa.nulls(batch.num_rows)], names=["_empty"]
            )
            keys = pa.RecordBatch.from_pydict(
                {"row": pa.array(range(row, row + batch.num_rows), type=pa.int64())}
            )
            row += batch.num_rows
            yield Batch(data=data, keys=keys)
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield ReadError(f"{name}:row {row}", f"Parquet read failed ({type(exc).__name__})")
