"""Pick the reader from the name, unwrap ``.gz``: the entry point local files and S3 share."""

from __future__ import annotations

import gzip
import io
import tempfile
import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO

from fouille.connectors.base import Batch, ReadError, ReadOptions
from fouille.connectors.files.csv_reader import read_csv
from fouille.connectors.files.json_reader import read_json, read_jsonl
from fouille.connectors.files.parquet_reader import read_parquet

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
SPOOL_BYTES = 64 * 1024 * 1024  # kept in memory below this, then on temporary disk
# A compressed Parquet file is spooled whole before it can be read: a 3 MB .parquet.gz
# used to expand to 2.9 GB of temporary disk. Parquet is compressed inside already, so a
# real one barely shrinks under gzip; past RATIO_GRACE_BYTES, expanding more than
# MAX_EXPANSION_RATIO times, or beyond MAX_SPOOL_BYTES, is refused (``ReadOptions.extra``
# keys ``max_expansion_ratio`` and ``max_spool_bytes``, set from ``[scan]``).
MAX_EXPANSION_RATIO = 100
MAX_SPOOL_BYTES = 4 * 1024**3
RATIO_GRACE_BYTES = 16 * 1024 * 1024
COPY_CHUNK = 1024 * 1024


class ExpansionTooLarge(Exception):
    """A compressed stream expands beyond the configured ratio or size."""


class _Counting:
    """A binary stream counting the (compressed) bytes read from it."""

    def __init__(self, stream: BinaryIO):
        self._stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self.count += len(data)
        return data

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def spool_capped(stream: BinaryIO, compressed: _Counting, options: ReadOptions):
    """Decompress ``stream`` into a temporary file, refusing a decompression bomb."""
    ratio = options.extra.get("max_expansion_ratio", MAX_EXPANSION_RATIO)
    limit = options.extra.get("max_spool_bytes", MAX_SPOOL_BYTES)
    spooled = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 - returned
    written = 0
    try:
        while chunk := stream.read(COPY_CHUNK):
            written += len(chunk)
            if written > limit or (written > RATIO_GRACE_BYTES and written > ratio * compressed.count):
                raise ExpansionTooLarge(
                    f"decompresses to more than {ratio} times its size or {limit // 2**20} MB "
                    "(a decompression bomb?): skipped")
            spooled.write(chunk)
    except BaseException:
        spooled.close()
        raise
    spooled.seek(0)
    return spooled


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
            counted = _Counting(raw)
            stream = gzip.GzipFile(fileobj=counted, mode="rb")  # type: ignore[arg-type]
            if reader is read_parquet:
                try:
                    stream = spool_capped(stream, counted, options)
                except ExpansionTooLarge as exc:
                    yield ReadError(name, str(exc))
                    return
                except (EOFError, OSError, zlib.error):
                    yield ReadError(name, "truncated or corrupt compressed stream")
                    return
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
