"""CSV: delimiter and encoding sniffed (overridable), header row, quoted multi-line fields.

Records are keyed by the physical line they start on, the header being line 1. Rows with
the wrong number of fields are reported and still scanned (missing fields empty, extra
fields in ``_extra``), so nothing they hold is lost.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import BinaryIO

from connectors.base import MAX_BATCH_BYTES, Batch, ReadError, ReadOptions
from connectors.files.batching import columns_batch
from connectors.files.csv_blocks import fast_batches, piece_bounds
from connectors.files.textstream import MAX_LINE_BYTES, ending_error, line_errors, open_lines

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
    try:
        header = next(reader)
    except StopIteration:
        yield ReadError(name, "empty file")
        return
    except csv.Error as exc:
        yield ReadError(f"{name}:line 1", f"unreadable header ({exc.__class__.__name__})")
        return
    names = _unique_names(header)
    width = len(names)
    columns: list[list[str | None]] = [[] for _ in names]
    extra: list[str | None] = []
    keys: list[int] = []
    has_extra = False
    skip_rows = int(options.extra.get("skip_until_line", 0))

    held = 0  # bytes (about) of the rows held: a batch is bounded by bytes as well as rows

    def flush() -> Batch:
        nonlocal columns, extra, keys, has_extra, held
        out_names, out_cols = list(names), columns
        if has_extra:
            out_names, out_cols = out_names + [EXTRA_FIELD], out_cols + [extra]
        batch = columns_batch(out_names, out_cols, "line", keys)
        columns, extra, keys, has_extra, held = [[] for _ in names], [], [], False, 0
        return batch

    piece = options.extra.get("piece")  # (index, pieces, size): one key range of a split file
    if piece:
        index, pieces, size = piece
        start, end, lines_before = piece_bounds(stream, size, index, pieces, stream.tell())
        lines.restrict(start, end, lines.line_no if lines_before < 0 else lines_before)
    # Clean blocks go through pyarrow; the first block that is not clean, and all after it,
    # through the csv module below, which names each problem's line.
    yield from fast_batches(lines, names, delimiter, options.batch_rows, skip_rows)
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
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # blank line
        if start_line <= skip_rows:
            continue
        if len(row) != width:
            yield ReadError(
                f"{name}:line {start_line}", f"expected {width} fields, found {len(row)} (row still scanned)"
            )
        for i in range(width):
            columns[i].append(row[i] if i < len(row) else None)
        if len(row) > width:
            has_extra = True
            extra.append(" ".join(row[width:]))
        else:
            extra.append(None)
        keys.append(start_line)
        held += sum(len(cell) for cell in row)
        if len(keys) >= options.batch_rows or held >= MAX_BATCH_BYTES:
            yield flush()
    yield from line_errors(name, lines)
    if keys:
        yield flush()
    yield from ending_error(name, lines)
