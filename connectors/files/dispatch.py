"""Pick the reader from the name, unwrap ``.gz``: the entry point local files and S3 share."""

from __future__ import annotations

import gzip
import io
import shutil
import tempfile
import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO

from connectors.base import Batch, ReadError, ReadOptions
from connectors.files.csv_reader import read_csv
from connectors.files.json_reader import read_json, read_jsonl
from connectors.files.parquet_reader import read_parquet

READERS = {
    ".csv": read_csv,
    ".tsv": read_csv,
    ".txt": read_csv,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".parquet": read_parquet,
}
SUPPORTED_SUFFIXES = tuple(READERS) + tuple(s + ".gz" for s in READERS)
SPOOL_BYTES = 64 * 1024 * 1024


def reader_for(name: str):
    """(reader, compressed) for a file name, or (None, False) if unsupported."""
    lower = name.lower()
    compressed = lower.endswith(".gz")
    if compressed:
        lower = lower[:-3]
    for suffix, reader in READERS.items():
        if lower.endswith(suffix):
            return reader, compressed
    return None, False


def read_stream(
    name: str, opener: Callable[[], BinaryIO], options: ReadOptions
) -> Iterator[Batch | ReadError]:
    """Read one file-like object named ``name`` (its extension picks the reader).

    ``opener`` returns a fresh binary stream; it is called once. Parquet needs a seekable
    stream: a compressed Parquet file is spooled to a temporary file first.
    """
    reader, compressed = reader_for(name)
    if reader is None:
        yield ReadError(name, "unsupported file type")
        return
    try:
        raw = opener()
    except OSError as exc:
        yield ReadError(name, f"cannot open: {exc.strerror or type(exc).__name__}")
        return
    with raw:
        stream: BinaryIO = raw
        if compressed:
            stream = gzip.GzipFile(fileobj=raw, mode="rb")
            if reader is read_parquet:
                spooled = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)
                try:
                    shutil.copyfileobj(stream, spooled)
                except (EOFError, OSError):
                    yield ReadError(name, "truncated or corrupt compressed stream")
                    return
                spooled.seek(0)
                stream = spooled
        if reader is not read_parquet and not hasattr(stream, "peek"):
            stream = io.BufferedReader(stream)  # type: ignore[arg-type]
        try:
            yield from reader(name, stream, options)
        except (gzip.BadGzipFile, zlib.error):
            yield ReadError(name, "not a valid gzip file (corrupt compressed data)")
        except EOFError:
            yield ReadError(name, "truncated compressed stream (the file ends early)")
        except OSError as exc:
            yield ReadError(name, f"read failed ({type(exc).__name__})")
