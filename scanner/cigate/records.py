"""Which record each line of a file belongs to, so that a name is judged with its row.

A name fails the gate when it sits in the same record as a real identifier (a row that
links a person to a number), not merely near one: a synthetic row beside a real one stays
synthetic. A record is the line itself (CSV, JSONL, text, source), except in multi-line
JSON, where it is the innermost ``{...}`` object the line opens or sits in, and in YAML,
where it is the list item (``- key: value`` and the lines indented under it).
"""

from __future__ import annotations

import re

_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_YAML_ITEM = re.compile(r"^(?P<indent>\s*)-\s")


def record_ids(rel_path: str, lines: list[str]) -> list[int]:
    """For each line (index 0 is line 1), the number of the line that starts its record."""
    suffix = rel_path.rpartition(".")[2].lower() if "." in rel_path.rpartition("/")[2] else ""
    if suffix == "json":
        return _json_records(lines)
    if suffix in ("yaml", "yml"):
        return _yaml_records(lines)
    return list(range(1, len(lines) + 1))


def _json_records(lines: list[str]) -> list[int]:
    """The line of the innermost object open on each line (its own line if none)."""
    open_at: list[int] = []  # line numbers of the objects open so far
    ids = []
    for number, line in enumerate(lines, 1):
        structure = _JSON_STRING.sub('""', line)
        first = open_at[-1] if open_at else None
        for char in structure:
            if char == "{":
                open_at.append(number)
            elif char == "}" and open_at:
                open_at.pop()
        opened_here = open_at and open_at[-1] == number
        ids.append(number if opened_here or first is None else first)
    return ids


def _yaml_records(lines: list[str]) -> list[int]:
    """The line of the list item each line is indented under (its own line if none)."""
    items: list[tuple[int, int]] = []  # (indent, line) of open list items
    ids = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            ids.append(items[-1][1] if items else number)
            continue
        indent = len(line) - len(line.lstrip())
        item = _YAML_ITEM.match(line)
        while items and indent <= items[-1][0]:
            items.pop()
        if item:
            items.append((len(item["indent"]), number))
        ids.append(items[-1][1] if items else number)
    return ids
