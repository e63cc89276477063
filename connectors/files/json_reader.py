"""JSONL (one record per line, key ``line``) and JSON arrays (key ``index``, 0-based), streamed.

A JSON array is decoded object by object with ``raw_decode`` over a sliding buffer,
so a large export is never held whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from connectors.base import Batch, ReadError, ReadOptions
from connectors.files.batching import BatchBuilder
from connectors.files.flatten import TooDeep, flatten_record
from connectors.files.textstream import DecodedLines, ending_error, line_errors, open_lines

CHUNK_CHARS = 1024 * 1024
MAX_RECORD_CHARS = 64 * 1024 * 1024


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
            one_per_line = True
        except ValueError:
            one_per_line = False
        if one_per_line:
            yield from read_jsonl_lines(name, lines, options)
        else:
            yield from _read_single_object(name, lines, options)
        return
    yield from _read_array(name, lines, options)


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


def _read_single_object(name, lines, options):
    parts, size = [], 0
    for line in lines:  # bounded: a huge single object is refused before it is all in memory
        parts.append(line)
        size += len(line)
        if size > MAX_RECORD_CHARS:
            yield ReadError(name, "single JSON object larger than 64 MB")
            return
    yield from line_errors(name, lines)
    text = "".join(parts)
    try:
        record = flatten_record(_parse(text))
    except (ValueError, TooDeep) as exc:
        yield ReadError(name, str(exc) if isinstance(exc, TooDeep) else "invalid JSON")
        return
    builder = BatchBuilder("index", options.batch_rows)
    builder.add(0, record)
    yield builder.flush()


def _read_array(name: str, lines: DecodedLines, options: ReadOptions) -> Iterator[Batch | ReadError]:
    decoder = json.JSONDecoder()
    builder = BatchBuilder("index", options.batch_rows)
    source = iter(lines)
    buffer = ""
    pos = 0
    index = 0
    started = False
    exhausted = False

    def refill() -> bool:
        nonlocal buffer, pos, exhausted
        chunk = []
        size = 0
        for line in source:
            chunk.append(line)
            size += len(line)
            if size >= CHUNK_CHARS:
                break
        else:
            exhausted = True
        if not chunk:
            return False
        buffer = buffer[pos:] + "".join(chunk)
        pos = 0
        return True

    while True:
        while pos < len(buffer) and buffer[pos] in " \t\r\n,":
            pos += 1
        if not started:
            if pos >= len(buffer) and not refill():
                break
            if pos < len(buffer) and buffer[pos] == "[":
                started = True
                pos += 1
            elif pos < len(buffer):  # bytes that looked like "[" but decode to something else
                yield ReadError(name, "not a JSON array")
                break
            continue
        if pos >= len(buffer):
            if exhausted or not refill():
                yield ReadError(f"{name}:index {index}", "JSON array not closed (file truncated?)")
                break
            continue
        if buffer[pos] == "]":
            break
        try:
            value, end = decoder.raw_decode(buffer, pos)
        except RecursionError:
            yield ReadError(f"{name}:index {index}", "nested too deeply to parse")
            break
        except ValueError:
            if not exhausted and len(buffer) - pos < MAX_RECORD_CHARS and refill():
                continue
            yield ReadError(f"{name}:index {index}", "invalid JSON; rest of the file skipped")
            break
        pos = end
        try:
            record = flatten_record(value)
        except TooDeep as exc:
            yield ReadError(f"{name}:index {index}", str(exc))
            index += 1
            continue
        batch = builder.add(index, record)
        index += 1
        if batch is not None:
            yield batch
        yield from line_errors(name, lines)
    yield from _finish(name, lines, builder)


__all__ = ["read_json", "read_jsonl"]
