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

from fouille.connectors.base import MAX_BATCH_BYTES, Batch, ReadError, ReadOptions
from fouille.connectors.files.flatten import TooDeep, flatten
from fouille.scanner.core.record_keys import ROW_KEY

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


def _open(stream: BinaryIO) -> pq.ParquetFile:
    """The file, with its string columns read as dictionaries where they are stored so:
    a 493-byte file whose dictionary holds one huge string used to decode to 13.6 GB."""
    schema = pq.ParquetFile(stream).schema_arrow
    strings = [f.name for f in schema if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)]
    stream.seek(0)
    return pq.ParquetFile(stream, read_dictionary=strings)


def _decoded_bytes(batch: pa.RecordBatch) -> pa.Array | None:
    """Per row, the bytes its text columns take once decoded (None: no text column)."""
    total = None
    for column in batch.columns:
        kind = column.type
        if pa.types.is_dictionary(kind) and pa.types.is_string(kind.value_type):
            lengths = pc.take(pc.binary_length(column.dictionary), column.indices)
        elif pa.types.is_string(kind) or pa.types.is_large_string(kind):
            lengths = pc.binary_length(column)
        else:
            continue
        lengths = pc.fill_null(pc.cast(lengths, pa.int64()), 0)
        total = lengths if total is None else pc.add(total, lengths)
    return total


def byte_bounded(batch: pa.RecordBatch, limit: int = MAX_BATCH_BYTES) -> Iterator[pa.RecordBatch]:
    """``batch`` in slices whose decoded text holds at most ``limit`` bytes (one row at least)."""
    sizes = _decoded_bytes(batch)
    if sizes is None or (pc.sum(sizes).as_py() or 0) <= limit:
        yield batch
        return
    start, held = 0, 0
    for index, size in enumerate(sizes.to_pylist()):
        if held and held + size > limit:
            yield batch.slice(start, index - start)
            start, held = index, 0
        held += size
    yield batch.slice(start)


def _binary_columns(schema: pa.Schema) -> list[str]:
    return [f.name for f in schema if pa.types.is_binary(f.type) or pa.types.is_large_binary(f.type)
            or pa.types.is_fixed_size_binary(f.type)]


def read_parquet(name: str, stream: BinaryIO, options: ReadOptions) -> Iterator[Batch | ReadError]:
    try:
        parquet = _open(stream)
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield ReadError(name, f"not a readable Parquet file ({type(exc).__name__})")
        return
    for column in _binary_columns(parquet.schema_arrow):  # said once, not silently dropped
        yield ReadError(f"{name}:{column}", "binary column (bytes, not text): not scanned")
    row = 1
    try:
        for batch in (piece for whole in parquet.iter_batches(batch_size=options.batch_rows)
                      for piece in byte_bounded(whole)):
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
                {ROW_KEY: pa.array(range(row, row + batch.num_rows), type=pa.int64())}
            )
            row += batch.num_rows
            yield Batch(data=data, keys=keys)
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield ReadError(f"{name}:row {row}", f"Parquet read failed ({type(exc).__name__})")
