"""JSONL (one record per line, key ``line``) and JSON arrays (key ``index``, 0-based), streamed.

A JSON array is decoded element by element (``json_stream``), so a large export is never
held whole, a compact one-line export is never cut, and an element nested too deeply is
skipped alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from fouille.connectors.base import Batch, ReadError, ReadOptions
from fouille.connectors.files.batching import BatchBuilder
from fouille.connectors.files.flatten import TooDeep, flatten_record
from fouille.connectors.files.json_stream import TextChunks, array_values, jsonl_values
from fouille.connectors.files.textstream import DecodedLines, ending_error, open_lines
from fouille.scanner.core.record_keys import INDEX_KEY, LINE_KEY


def read_jsonl(name: str, stream: BinaryIO, options: ReadOptions) -> Iterator[Batch | ReadError]:
    lines = open_lines(name, stream, options.extra.get("encoding"), utf8_default=True)
    if isinstance(lines, ReadError):
        yield lines
        return
    lines.problems.whole_lines = True
    yield from read_jsonl_lines(name, lines, options)


def read_json(name: str, stream: BinaryIO, options: ReadOptions) -> Iterator[Batch | ReadError]:
    """A JSON array of objects (or one object, or JSON Lines saved as ``.json``)."""
    lines = open_lines(name, stream, options.extra.get("encoding"), utf8_default=True)
    if isinstance(lines, ReadError):
        yield lines
        return
    head = lines.head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"["):
        # JSON Lines saved as .json, or one (maybe pretty-printed) object per file.
        first_line = head.split(b"\n", 1)[0]
        try:
            json.loads(first_line)
            one_per_line = b"\n" in head.strip()  # one value alone is not JSON Lines
        except (ValueError, RecursionError):
            one_per_line = False
        if one_per_line:
            lines.problems.whole_lines = True
            yield from read_jsonl_lines(name, lines, options)
            return
    yield from _read_array(name, stream, lines.encoding, options)


def read_jsonl_lines(name: str, lines: DecodedLines, options: ReadOptions) -> Iterator[Batch | ReadError]:
    """One JSON record per line (key ``line``); bad lines and bad bytes reported by line number."""
    builder = BatchBuilder(LINE_KEY, options.batch_rows)
    for item in jsonl_values(name, lines):
        yield from _added(name, LINE_KEY, "", builder, item)
    yield from _flushed(builder)
    yield from ending_error(name, lines)


def _read_array(name: str, stream: BinaryIO, encoding: str, options: ReadOptions
                ) -> Iterator[Batch | ReadError]:
    """A JSON array (or one value), streamed by ``json_stream``: any size, any nesting."""
    chunks = TextChunks(stream, encoding)  # only peeked at so far: read from its start
    builder = BatchBuilder(INDEX_KEY, options.batch_rows)
    for item in array_values(name, chunks):
        yield from _added(name, INDEX_KEY, ": skipped", builder, item)
    yield from _flushed(builder)


def _added(name: str, key: str, skipped: str, builder: BatchBuilder,
           item: tuple[int, object] | ReadError) -> Iterator[Batch | ReadError]:
    """One streamed value flattened into the batch (a full batch comes out), or its error."""
    if isinstance(item, ReadError):
        yield item
        return
    position, value = item
    try:
        record = flatten_record(value)
    except TooDeep as exc:
        yield ReadError(f"{name}:{key} {position}", f"{exc}{skipped}")
        return
    batch = builder.add(position, record)
    if batch is not None:
        yield batch


def _flushed(builder: BatchBuilder) -> Iterator[Batch]:
    batch = builder.flush()
    if batch is not None:
        yield batch


__all__ = ["read_json", "read_jsonl"]
