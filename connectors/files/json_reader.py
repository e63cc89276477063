"""JSONL (one record per line, key ``line``) and JSON arrays (key ``index``, 0-based), streamed.

A JSON array is decoded element by element (``json_stream``), so a large export is never
held whole, a compact one-line export is never cut, and an element nested too deeply is
skipped alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from connectors.base import Batch, ReadError, ReadOptions
from connectors.files.batching import BatchBuilder
from connectors.files.flatten import TooDeep, flatten_record
from connectors.files.json_stream import TextChunks, json_array_values
from connectors.files.textstream import DecodedLines, ending_error, line_errors, open_lines


def _parse(text: str) -> object:
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise TooDeep("nested too deeply to parse") from exc


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
    builder = BatchBuilder("line", options.batch_rows)
    for text in lines:
        yield from line_errors(name, lines)
        if not text.strip():
            continue
        try:
            record = flatten_record(_parse(text))
        except (ValueError, TooDeep) as exc:
            reason = str(exc) if isinstance(exc, TooDeep) else "invalid JSON"
            yield ReadError(f"{name}:line {lines.line_no}", reason)
            continue
        batch = builder.add(lines.line_no, record)
        if batch is not None:
            yield batch
    yield from _finish(name, lines, builder)


def _finish(name: str, lines: DecodedLines, builder: BatchBuilder) -> Iterator[Batch | ReadError]:
    """End of a record loop: remaining line problems, the last batch, an early end of stream."""
    yield from line_errors(name, lines)
    batch = builder.flush()
    if batch is not None:
        yield batch
    yield from ending_error(name, lines)


def _read_array(name: str, stream: BinaryIO, encoding: str, options: ReadOptions
                ) -> Iterator[Batch | ReadError]:
    """A JSON array (or one value), streamed by ``json_stream``: any size, any nesting."""
    chunks = TextChunks(stream, encoding)  # only peeked at so far: read from its start
    builder = BatchBuilder("index", options.batch_rows)
    for item in json_array_values(name, chunks):
        yield from _bad_bytes(name, chunks)
        if isinstance(item, ReadError):
            yield item
            continue
        index, value = item
        try:
            record = flatten_record(value)
        except TooDeep as exc:
            yield ReadError(f"{name}:index {index}", f"{exc}: skipped")
            continue
        batch = builder.add(index, record)
        if batch is not None:
            yield batch
    yield from _bad_bytes(name, chunks)
    batch = builder.flush()
    if batch is not None:
        yield batch


def _bad_bytes(name: str, chunks: TextChunks) -> Iterator[ReadError]:
    for line in chunks.bad_lines:
        yield ReadError(f"{name}:line {line}", "bytes that do not decode in the file's encoding (replaced)")
    chunks.bad_lines.clear()


__all__ = ["read_json", "read_jsonl"]
