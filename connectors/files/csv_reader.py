"""CSV: delimiter and encoding sniffed (overridable), header row, quoted multi-line fields.

Records are keyed by the physical line they start on, the header being line 1. Rows with
the wrong number of fields are reported and still scanned (missing fields empty, extra
fields in ``_extra``), so nothing they hold is lost.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import BinaryIO

from fouille.connectors.base import Batch, ReadError, ReadOptions
from fouille.connectors.files.batching import ColumnBuilder
from fouille.connectors.files.csv_blocks import fast_batches, piece_bounds
from fouille.connectors.files.textstream import (
    MAX_LINE_BYTES,
    DecodedLines,
    ending_error,
    line_errors,
    open_lines,
)

DELIMITERS = (";", ",", "\t", "|")
EXTRA_FIELD = "_extra"
csv.field_size_limit(MAX_LINE_BYTES)


def sniff_delimiter(head: str) -> str:
    """The candidate that splits the first lines most consistently (quotes ignored roughly)."""
    lines = [ln for ln in head.splitlines()[:20] if ln.strip()]
    if not lines:
        return ","
    best, best_score = ",", 0.0
    for delimiter in DELIMITERS:
        counts = [_count_outside_quotes(ln, delimiter) for ln in lines]
        if not counts[0]:
            continue
        consistent = sum(1 for c in counts if c == counts[0]) / len(counts)
        score = consistent * 10 + min(counts[0], 50) / 50
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            count += 1
    return count


def _unique_names(header: list[str]) -> list[str]:
    names, seen = [], {}
    for i, raw in enumerate(header):
        name = raw.strip() or f"column_{i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name}_{seen[name]}"
        else:
            seen[name] = 1
        names.append(name)
    return names


def read_csv(name: str, stream: BinaryIO, options: ReadOptions) -> Iterator[Batch | ReadError]:
    """Stream a CSV as batches; problems become ``ReadError`` naming the file and line."""
    lines = open_lines(name, stream, options.extra.get("encoding"))
    if isinstance(lines, ReadError):
        yield lines
        return
    head_text = lines.head.decode(lines.encoding.replace("-sig", ""), errors="replace").lstrip("\ufeff")
    delimiter = options.extra.get("delimiter") or sniff_delimiter(head_text)
    reader = csv.reader(iter(lines), delimiter=delimiter)
    header = yield from _header(name, reader)
    if header is None:
        return
    names = _unique_names(header)
    skip_rows = int(options.extra.get("skip_until_line", 0))
    piece = options.extra.get("piece")  # (index, pieces, size): one key range of a split file
    if piece:
        index, pieces, size = piece
        start, end, lines_before = piece_bounds(stream, size, index, pieces, stream.tell())
        lines.restrict(start, end, lines.line_no if lines_before < 0 else lines_before)
    # Clean blocks go through pyarrow; the first block that is not clean, and all after it,
    # through the csv module, which names each problem's line.
    yield from fast_batches(lines, names, delimiter, options.batch_rows, skip_rows)
    yield from _checked_rows(name, lines, reader, ColumnBuilder(names, options.batch_rows, EXTRA_FIELD), skip_rows)
    yield from ending_error(name, lines)


def _header(name: str, reader: Iterator[list[str]]) -> Iterator[ReadError]:
    """The header row (the generator's return value), or None after saying why."""
    try:
        return next(reader)
    except StopIteration:
        yield ReadError(name, "empty file")
    except csv.Error as exc:
        yield ReadError(f"{name}:line 1", f"unreadable header ({exc.__class__.__name__})")
    return None


def _checked_rows(name: str, lines: DecodedLines, reader: Iterator[list[str]], rows: ColumnBuilder,
                  skip_rows: int) -> Iterator[Batch | ReadError]:
    """The rest of the file row by row, each problem named by the line its record starts on."""
    width = len(rows.names)
    previous_end = lines.line_no
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield ReadError(f"{name}:line {previous_end + 1}", f"malformed CSV record ({exc})"[:200])
            previous_end = lines.line_no
            continue
        start_line = previous_end + 1
        previous_end = lines.line_no
        yield from line_errors(name, lines)
        if not row or (len(row) == 1 and not row[0].strip()) or start_line <= skip_rows:
            continue  # a blank line, or before the piece's first line
        if len(row) != width:
            yield ReadError(
                f"{name}:line {start_line}", f"expected {width} fields, found {len(row)} (row still scanned)"
            )
        batch = rows.add(start_line, row)
        if batch is not None:
            yield batch
    yield from line_errors(name, lines)
    batch = rows.flush()
    if batch is not None:
        yield batch
