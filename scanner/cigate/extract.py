"""The text pieces of one file that detectors read, each with its line and column.

Data and text files (CSV, JSON/JSONL, YAML, SQL, Markdown...) are read line by line;
a value whose key or CSV header names what it is (``email``, ``nom``, ``iban``) is
also given that hint, as the scan does with column names. Source files give their
string literals only. Pieces never span a line, so a position is a (line, column).
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from fouille.scanner.core.column_hints import FREE_TEXT, hint_for
from fouille.scanner.cigate.literals import SOURCE_EXTENSIONS, source_literals

CSV_EXTENSIONS = {".csv": None, ".tsv": "\t", ".psv": "|"}
KEY_VALUE_EXTENSIONS = frozenset(
    {".json", ".jsonl", ".ndjson", ".yaml", ".yml", ".toml", ".ini", ".cfg", ".env", ".properties"}
)
# "key": "value" (JSON), key: value (YAML), key = value (TOML / INI / .env)
_JSON_PAIR = re.compile(r'"(?P<key>[^"\\]{1,64})"\s*:\s*"(?P<value>(?:[^"\\]|\\.)*)"')
_LINE_PAIR = re.compile(r"^\s*-?\s*(?P<key>[\w.\- ]{1,64}?)\s*[:=]\s*(?P<value>\S.*?)\s*$")


@dataclass(frozen=True)
class Piece:
    """A stretch of one line: ``col`` is the 0-based offset of ``text`` in that line."""

    line: int
    col: int
    text: str
    hint: str | None = None


@lru_cache(maxsize=4096)
def entity_hint(key: str) -> str | None:
    """The entity a key or header names; free text gives no hint."""
    hint = hint_for(key)
    return None if hint == FREE_TEXT else hint


def split_lines(text: str) -> list[str]:
    """Lines as editors number them (``\\n``, with a ``\\r`` before it dropped)."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def pieces(rel_path: str, text: str, lines: list[str]) -> list[Piece]:
    """Every piece of one file, by its type."""
    suffix = "." + rel_path.rpartition(".")[2].lower() if "." in rel_path.rpartition("/")[2] else ""
    if suffix in SOURCE_EXTENSIONS:
        return literal_pieces(text, suffix)
    found = [Piece(n, 0, line) for n, line in enumerate(lines, 1) if line.strip()]
    if suffix in CSV_EXTENSIONS:
        found += csv_cell_pieces(lines, CSV_EXTENSIONS[suffix])
    elif suffix in KEY_VALUE_EXTENSIONS:
        found += key_value_pieces(lines)
    return found


def literal_pieces(text: str, suffix: str) -> list[Piece]:
    """String literals cut at line ends, placed by line and column."""
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    found = []
    for offset, literal in source_literals(text, suffix):
        for part in literal.split("\n"):
            line = bisect_right(starts, offset)
            col = offset - starts[line - 1]
            if part.strip():
                found.append(Piece(line, col, part.removesuffix("\r")))
            offset += len(part) + 1
    return found


def csv_cell_pieces(lines: list[str], delimiter: str | None) -> list[Piece]:
    """Cells under a header that names an entity, with that hint."""
    if not lines or not lines[0].strip():
        return []
    delimiter = delimiter or max(",;\t|", key=lines[0].count)
    header = next(csv.reader([lines[0]], delimiter=delimiter))
    hints = [entity_hint(name) for name in header]
    if not any(hints):
        return []
    found = []
    for number, line in enumerate(lines[1:], 2):
        cursor = 0
        for index, cell in enumerate(next(csv.reader([line], delimiter=delimiter), [])):
            at = line.find(cell, cursor) if cell else -1
            if at < 0:
                continue
            cursor = at + len(cell)
            if index < len(hints) and hints[index] and cell.strip():
                found.append(Piece(number, at, cell, hints[index]))
    return found


def key_value_pieces(lines: list[str]) -> list[Piece]:
    """JSON ``"key": "value"`` pairs and YAML / INI ``key: value`` lines whose key names an entity."""
    found = []
    for number, line in enumerate(lines, 1):
        pairs = list(_JSON_PAIR.finditer(line)) or [m for m in [_LINE_PAIR.match(line)] if m]
        for pair in pairs:
            hint = entity_hint(pair["key"])
            if hint:
                value_start, value = pair.start("value"), pair["value"]
                stripped = value.strip("'\"")
                found.append(Piece(number, value_start + value.find(stripped), stripped, hint))
    return found
