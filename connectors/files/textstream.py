"""Bytes to decoded lines, with physical line numbers, bounded line length and bad bytes reported.

Encoding is sniffed from the first block: a UTF-8 BOM, else strict UTF-8, else cp1252
(what Excel writes in France). A later line that does not decode is decoded with
replacement characters (so it is still scanned) and reported by line number.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from fouille.connectors.base import ReadError

SNIFF_BYTES = 64 * 1024
MAX_LINE_BYTES = 16 * 1024 * 1024  # longer lines are skipped and reported: memory stays bounded
BAD_BYTES = "bytes that do not decode in the file's encoding (replaced)"


class NotText(Exception):
    """The stream is binary (NUL bytes or mostly control characters)."""


def looks_binary(head: bytes) -> bool:
    if not head:
        return False
    if b"\x00" in head[:8192] and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    sample = head[:8192]
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control / len(sample) > 0.10


def sniff_encoding(head: bytes) -> str:
    """UTF-8 (with or without BOM) or cp1252, judged line by line on the first block.

    A file whose accented lines are mostly valid UTF-8 is UTF-8 with a few bad lines
    (reported later), not cp1252: cp1252 would silently garble every other line.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    utf8_lines = broken_lines = 0
    lines = head.split(b"\n")
    if len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut by the block's end
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8_lines += 1
        except UnicodeDecodeError:
            broken_lines += 1
    if broken_lines == 0 or utf8_lines > broken_lines:
        return "utf-8"
    return "cp1252"


@dataclass
class LineProblems:
    """Lines that had to be decoded with replacements, skipped, or that ended the stream."""

    bad_encoding: list[int] = field(default_factory=list)
    too_long: list[int] = field(default_factory=list)
    whole_lines: bool = False  # a line is one record (JSONL): a cut line is skipped, not scanned
    fatal: str | None = None
    fatal_line: int = 0

    def drain(self) -> list[tuple[int, str]]:
        out = [(n, BAD_BYTES) for n in self.bad_encoding]
        limit = MAX_LINE_BYTES // (1024 * 1024)
        fate = "skipped (not scanned)" if self.whole_lines else f"only its first {limit} MB scanned"
        out += [(n, f"line longer than {limit} MB: {fate}") for n in self.too_long]
        self.bad_encoding.clear()
        self.too_long.clear()
        return out


class DecodedLines:
    """Iterate decoded lines of a binary stream; ``line_no`` is the last line's number."""

    def __init__(self, stream: BinaryIO, encoding: str | None = None, max_line: int = MAX_LINE_BYTES):
        self._stream = stream
        self._max_line = max_line
        self.head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES] if hasattr(stream, "peek") else b""
        if looks_binary(self.head):
            raise NotText("binary content, not a text file")
        self.encoding = encoding or sniff_encoding(self.head)
        self.line_no = 0
        self.problems = LineProblems()

    def _read_line(self) -> bytes | None:
        line = self._stream.readline(self._max_line + 1)
        if not line:
            return None
        if len(line) > self._max_line and not line.endswith(b"\n"):
            # Keep the head of an oversized line (still scanned), skip the rest unread.
            while True:
                rest = self._stream.readline(1024 * 1024)
                if not rest or rest.endswith(b"\n"):
                    break
            self.problems.too_long.append(self.line_no + 1)
            if self.problems.whole_lines:
                return b"\n"  # half a JSON record is no record: skipped, and said so
            return line[: self._max_line] + b"\n"
        return line

    def read_raw(self, size: int, chunk: int = 64 * 1024) -> bytes:
        """Up to ``size`` undecoded bytes (the CSV fast path).

        Read in small chunks so that a stream failing midway (a truncated gzip) keeps
        what came before the failure; the failure ends the stream like in ``__iter__``.
        """
        parts, total = [], 0
        read = getattr(self._stream, "read1", self._stream.read)  # what is decoded, no more
        while total < size:
            try:
                part = read(min(chunk, size - total))
            except (EOFError, OSError, ValueError) as exc:
                # Raised again where the line reader reaches it, which names the line.
                self._stream = _FailedStream(exc)
                break
            if not part:
                break
            parts.append(part)
            total += len(part)
        return b"".join(parts)

    def restrict(self, start: int, end: int, line_no: int) -> None:
        """Read only bytes [start, end) of the (seekable) stream, whose first line is
        ``line_no + 1``: one piece of a file split into key ranges."""
        self._stream.seek(start)
        self._stream = _Limited(self._stream, end - start)
        self.line_no = line_no

    def unread(self, data: bytes) -> None:
        """Give bytes back: the next lines are read from ``data`` first, then the stream."""
        if data:
            self._stream = _Prefixed(data, self._stream)

    def __iter__(self) -> Iterator[str]:
        first = True
        while True:
            try:
                raw = self._read_line()
            except (EOFError, OSError, ValueError) as exc:
                self.problems.fatal = _describe_stream_error(exc)
                self.problems.fatal_line = self.line_no + 1
                return
            if raw is None:
                return
            self.line_no += 1
            encoding = self.encoding
            if first and encoding == "utf-8-sig":
                raw = raw.removeprefix(codecs.BOM_UTF8)
                encoding = "utf-8"
            elif encoding == "utf-8-sig":
                encoding = "utf-8"
            first = False
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                self.problems.bad_encoding.append(self.line_no)
                text = raw.decode(encoding, errors="replace")
            if "\x00" in text:
                text = text.replace("\x00", "")
            yield text


class _FailedStream:
    """A stream whose read failed: every further read raises the same error."""

    def __init__(self, error: BaseException):
        self._error = error

    def read(self, size: int = -1) -> bytes:
        raise self._error

    def readline(self, size: int = -1) -> bytes:
        raise self._error


class _Limited:
    """The next ``length`` bytes of a stream, then end of stream."""

    def __init__(self, stream, length: int):
        self._stream = stream
        self._left = length

    def _take(self, read, size: int) -> bytes:
        if self._left <= 0:
            return b""
        data = read(self._left if size is None or size < 0 else min(size, self._left))
        self._left -= len(data)
        return data

    def read(self, size: int = -1) -> bytes:
        return self._take(self._stream.read, size)

    def read1(self, size: int = -1) -> bytes:
        return self._take(getattr(self._stream, "read1", self._stream.read), size)

    def readline(self, size: int = -1) -> bytes:
        return self._take(self._stream.readline, size)


class _Prefixed:
    """A binary stream that serves ``prefix`` before the bytes of ``stream``."""

    def __init__(self, prefix: bytes, stream):
        self._prefix = prefix
        self._pos = 0
        self._stream = stream

    def read1(self, size: int = -1) -> bytes:
        if self._pos >= len(self._prefix):
            return getattr(self._stream, "read1", self._stream.read)(size)
        return self.read(size)

    def read(self, size: int = -1) -> bytes:
        left = len(self._prefix) - self._pos
        if left <= 0:
            return self._stream.read(size)
        take = left if size < 0 else min(size, left)
        data = self._prefix[self._pos : self._pos + take]
        self._pos += take
        return data

    def readline(self, size: int = -1) -> bytes:
        if self._pos >= len(self._prefix):
            return self._stream.readline(size)
        end = self._prefix.find(b"\n", self._pos)
        stop = len(self._prefix) if end < 0 else end + 1
        if size >= 0:
            stop = min(stop, self._pos + size)
        line = self._prefix[self._pos : stop]
        self._pos = stop
        if not line.endswith(b"\n") and self._pos >= len(self._prefix):
            rest = self._stream.readline(-1 if size < 0 else size - len(line))
            line += rest
        return line


def _describe_stream_error(exc: BaseException) -> str:
    message = str(exc) or type(exc).__name__
    if isinstance(exc, EOFError) or "end-of-stream" in message:
        return "truncated compressed stream (the file ends early)"
    if "Not a gzipped file" in message or "CRC" in message:
        return f"corrupt compressed stream ({type(exc).__name__})"
    return f"read failed: {type(exc).__name__}"


def open_lines(
    name: str, stream: BinaryIO, encoding: str | None = None, utf8_default: bool = False
) -> DecodedLines | ReadError:
    """Decoded lines of a text file, or the error that makes it unreadable (binary, empty).

    ``utf8_default``: never sniff cp1252 (JSON is UTF-8 by RFC 8259), so bad bytes are
    reported line by line instead of the whole file being silently garbled.
    """
    try:
        lines = DecodedLines(stream, encoding)
    except NotText as exc:
        return ReadError(name, str(exc))
    if utf8_default and lines.encoding == "cp1252" and not encoding:
        lines.encoding = "utf-8"
    if not lines.head.lstrip(codecs.BOM_UTF8).strip():
        return ReadError(name, "empty file")
    return lines


def line_errors(name: str, lines: DecodedLines) -> Iterator[ReadError]:
    """The line problems found so far (bad bytes, over-long lines), as errors naming the line."""
    return (ReadError(f"{name}:line {n}", problem) for n, problem in lines.problems.drain())


def ending_error(name: str, lines: DecodedLines) -> Iterator[ReadError]:
    """The error that ended the stream early (truncated gzip...), if any."""
    if lines.problems.fatal:
        yield ReadError(f"{name}:line {lines.problems.fatal_line}", lines.problems.fatal)
