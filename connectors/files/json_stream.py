"""JSON values streamed one record at a time: JSON Lines line by line, JSON arrays element by
element, whatever the file's size or nesting.

The one streamer of the files (``.json``, ``.jsonl``) and chatlogs readers. A small bracket scanner
finds where each element of the top-level array ends (strings skipped whole, brackets
counted: no recursion, no line length limit), then the standard library decodes that
element alone. So a compact 1 GB export on one line is read in bounded memory, and an
element nested too deeply (or invalid, or over ``MAX_ELEMENT_CHARS``) is skipped alone,
named by its index, while the elements after it are still read.

Why not ijson: its C backend (yajl) rejects ``NaN``/``Infinity`` (which Python's
``json.dumps`` writes) and ``1e999``, and a parse error there ends the whole stream.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from typing import BinaryIO

from fouille.connectors.base import ReadError
from fouille.connectors.files.textstream import BAD_BYTES, DecodedLines, line_errors

READ_BYTES = 1024 * 1024
# The decoder's errors count the newlines before the failing position: text already read is
# dropped past this many characters, so a file of many invalid elements stays linear.
DROP_READ_CHARS = 64 * 1024
MAX_ELEMENT_CHARS = 64 * 1024 * 1024  # one element (record) larger than this is skipped
_NEXT = re.compile(r'["\[\]{}]')  # what changes the depth, or starts a string
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_SCALAR_END = re.compile(r"[,\] \t\r\n]")  # JSON's own blanks: \s also holds \x1c-\x1f
_SPACE = " \t\r\n\ufeff"
_DECODER = json.JSONDecoder()


class TextChunks:
    """Decoded text of a binary stream, chunk by chunk; lines with bytes that do not decode
    are decoded with replacement characters and their numbers kept in ``bad_lines``."""

    def __init__(self, stream: BinaryIO, encoding: str = "utf-8"):
        self._stream = stream
        self._encoding = "utf-8" if encoding == "utf-8-sig" else encoding
        self._carry = b""
        self._first = True
        self.line_no = 1  # of the next character handed out
        self.bad_lines: list[int] = []

    def read(self) -> str:
        """The next chunk of text ('' at the end)."""
        while True:
            raw = self._stream.read(READ_BYTES)
            data = self._carry + raw
            if self._first:
                data, self._first = data.removeprefix(codecs.BOM_UTF8), False
            if not data:
                return ""
            cut = _safe_cut(data) if raw else len(data)  # a short read may split a character
            data, self._carry = data[:cut], data[cut:]
            if data:
                break
        try:
            text = data.decode(self._encoding)
        except UnicodeDecodeError:
            text = self._decode_by_line(data)
        self.line_no += text.count("\n")
        return text

    def _decode_by_line(self, data: bytes) -> str:
        parts = []
        for offset, line in enumerate(data.split(b"\n")):
            try:
                parts.append(line.decode(self._encoding))
            except UnicodeDecodeError:
                self.bad_lines.append(self.line_no + offset)
                parts.append(line.decode(self._encoding, errors="replace"))
        return "\n".join(parts)


def _safe_cut(data: bytes) -> int:
    """Where to cut ``data`` so no character is split: after its last newline, else before
    a trailing incomplete UTF-8 sequence."""
    newline = data.rfind(b"\n", len(data) - 64 * 1024)
    if newline >= 0:
        return newline + 1
    cut = len(data)
    while cut > len(data) - 4 and cut > 0 and (data[cut - 1] & 0xC0) == 0x80:
        cut -= 1
    return cut - 1 if cut > 0 and data[cut - 1] >= 0xC0 else cut


class _Buffer:
    """A sliding window over ``TextChunks``: text from ``start`` on is kept."""

    def __init__(self, chunks: TextChunks):
        self.chunks = chunks
        self.text = ""
        self.pos = 0
        self.exhausted = False

    def more(self, keep_from: int) -> bool:
        """Read on; keep text from ``keep_from`` (positions shift by what is dropped)."""
        if self.exhausted:
            return False
        chunk = self.chunks.read()
        self.exhausted = not chunk
        self.text = self.text[keep_from:] + chunk
        self.pos -= keep_from
        return not self.exhausted

    def skip(self, chars: str) -> str:
        """Skip ``chars``; the next character, or '' at the end."""
        while True:
            while self.pos < len(self.text) and self.text[self.pos] in chars:
                self.pos += 1
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more(self.pos):
                return ""


def _element_end(buf: _Buffer) -> tuple[int, bool] | None:
    """Move ``buf.pos`` past the element starting there: (start, too_large), or None when
    the stream ends inside it. Text before ``start`` may be dropped to make room."""
    start, depth, too_large = buf.pos, 0, False
    while True:
        if buf.pos - start > MAX_ELEMENT_CHARS:  # keep counting brackets, drop the text
            too_large, start = True, buf.pos
        head = buf.text[buf.pos] if buf.pos < len(buf.text) else ""
        if depth == 0 and head and head not in "[{\"":
            found = _SCALAR_END.search(buf.text, buf.pos)
            if found or buf.exhausted:
                buf.pos = found.start() if found else len(buf.text)
                return start, too_large
        elif head == '"':
            found = _STRING.match(buf.text, buf.pos)
            if found:
                buf.pos = found.end()
                if depth == 0:
                    return start, too_large
                continue
        elif head:
            found = _NEXT.search(buf.text, buf.pos)
            if found:
                char = found.group()
                buf.pos = found.start() + (0 if char == '"' else 1)
                if char != '"':
                    depth += 1 if char in "[{" else -1
                    if depth == 0:
                        return start, too_large
                continue
        keep = start
        if not buf.more(keep):
            return None
        start -= keep


def json_array_values(name: str, chunks: TextChunks) -> Iterator[tuple[int, object] | ReadError]:
    """(index, value) for each element of a top-level JSON array, with elements that cannot
    be decoded reported by index (``name:index 3``) and skipped alone; or (0, value) when
    the file holds one value that is not an array."""
    buf = _Buffer(chunks)
    if buf.skip(_SPACE) != "[":
        yield from _single_value(name, buf)
        return
    buf.pos += 1
    index = 0
    while (head := buf.skip(_SPACE + ",")) != "]":
        where = f"{name}:index {index}"
        if not head:
            yield ReadError(where, "JSON array not closed (file truncated?)")
            return
        fast = _decode_whole(buf)
        if fast is not None:
            yield index, fast[0]
            index += 1
            continue
        bounds = _element_end(buf)  # the slow path: an element cut by the read, deep or invalid
        if bounds is None:
            yield ReadError(where, "JSON array not closed (file truncated?)")
            return
        start, too_large = bounds
        if buf.pos == start:  # never stand still on a character no rule consumes
            buf.pos += 1
        if too_large:
            yield ReadError(where, f"element larger than {MAX_ELEMENT_CHARS // 2**20} MB: skipped")
        else:
            yield from _decoded(where, index, buf.text[start:buf.pos])
        index += 1


def _decode_whole(buf: _Buffer) -> tuple[object] | None:
    """The element at ``buf.pos`` when the C decoder reads it whole from the text at hand
    (the common case); None otherwise (incomplete, too deep, invalid: the slow path)."""
    if buf.pos > DROP_READ_CHARS:
        buf.text, buf.pos = buf.text[buf.pos:], 0
    try:
        value, end = _DECODER.raw_decode(buf.text, buf.pos)
    except (ValueError, RecursionError):
        return None
    if end >= len(buf.text) and not buf.exhausted:
        return None  # a number at the end of the text may go on in the next read
    buf.pos = end
    return (value,)


def _decoded(where: str, index: int, text: str, element: bool = True
             ) -> Iterator[tuple[int, object] | ReadError]:
    try:
        yield index, json.loads(text)
    except RecursionError:
        yield ReadError(where, "nested too deeply to parse" + (": skipped" if element else ""))
    except ValueError:
        yield ReadError(where, "invalid JSON element: skipped" if element else "invalid JSON")


def _single_value(name: str, buf: _Buffer) -> Iterator[tuple[int, object] | ReadError]:
    while buf.more(buf.pos):
        if len(buf.text) - buf.pos > MAX_ELEMENT_CHARS:
            yield ReadError(name, f"single JSON value larger than {MAX_ELEMENT_CHARS // 2**20} MB")
            return
    text = buf.text[buf.pos:]
    if not text.strip():
        return
    yield from _decoded(name, 0, text, element=False)


def jsonl_values(name: str, lines: DecodedLines) -> Iterator[tuple[int, object] | ReadError]:
    """(line number, value) of each non-blank line; invalid lines, bad bytes and over-long
    lines reported by line number."""
    for text in lines:
        yield from line_errors(name, lines)
        if text.strip():
            yield from _decoded(f"{name}:line {lines.line_no}", lines.line_no, text, element=False)
    yield from line_errors(name, lines)


def array_values(name: str, chunks: TextChunks) -> Iterator[tuple[int, object] | ReadError]:
    """``json_array_values``, with the lines whose bytes do not decode reported as they come."""
    for item in json_array_values(name, chunks):
        yield from _bad_bytes(name, chunks)
        yield item
    yield from _bad_bytes(name, chunks)


def _bad_bytes(name: str, chunks: TextChunks) -> Iterator[ReadError]:
    for line in chunks.bad_lines:
        yield ReadError(f"{name}:line {line}", BAD_BYTES)
    chunks.bad_lines.clear()
