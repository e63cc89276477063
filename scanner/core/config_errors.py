"""pydantic errors about ``fouille.toml`` as one line each: file, table, key, what was expected.

``fouille.toml: [scan] workers: expected an integer, got "two"``
``fouille.toml: [[sources]] #2 (type "files"), source 'crm': unknown key "pathz" (allowed: ...)``

A value is quoted only when short and never for the keys that may hold a secret.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from fouille.scanner.core.config_tables import ROOT_TABLES, SOURCE_TYPES
from pydantic import ValidationError

HEADERS = tuple(ROOT_TABLES[t] for t in ("scan", "dsar", "ci"))  # "[scan] workers": one place
ITEM_LABELS = {"retention": "retention rule"}  # "retention rule #2"; other lists: "dsar #1"
SECRET_KEYS = {"dsn", "dsn_env"}
SHOWN_CHARS = 40
MAX_ERRORS = 10
EXPECTED = {
    "int_type": "an integer",
    "string_type": "a string",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a table",
    "model_type": "a table",
    "model_attributes_type": "a table",
    "dataclass_type": "a table",
}


def describe(error: ValidationError, data: object, origin: str | None = None,
             prefix: Sequence[str | int] = ()) -> str:
    """One line per problem (at most ``MAX_ERRORS``); ``data`` is the raw TOML, to name sources."""
    head = f"{origin}: " if origin else ""
    return "\n".join(head + _line(e, data, (*prefix, *e["loc"])) for e in error.errors()[:MAX_ERRORS])


def source_label(index: int, raw: object) -> str:
    """``[[sources]] #2 (type "files"), source 'crm'``: as much as the raw table tells."""
    label = f"[[sources]] #{index + 1}"
    if isinstance(raw, dict):
        if isinstance(raw.get("type"), str):
            label += f' (type "{raw["type"]}")'
        if isinstance(raw.get("name"), str) and raw["name"]:
            label += f", source {raw['name']!r}"
    return label


def _line(error: dict, data: object, loc: tuple) -> str:
    kind = error["type"]
    if kind == "missing":
        return _join(_where(loc[:-1], data), f"'{loc[-1]}' is required")
    if kind == "union_tag_not_found":
        return _join(_where(loc, data), f"'type' is required (one of {', '.join(SOURCE_TYPES)})")
    if kind == "union_tag_invalid":
        tag = error["ctx"]["tag"]
        return _join(_where(loc, data), f"type: expected one of {', '.join(SOURCE_TYPES)}, got {tag!r}")
    return _join(_where(loc, data), _problem(error, loc))


def _problem(error: dict, loc: tuple) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "value_error":
        return str(ctx["error"])
    if kind == "expected":
        what = error["msg"]
    elif kind in EXPECTED:
        what = EXPECTED[kind]
    elif kind == "literal_error":
        what = ctx["expected"]
    elif kind in ("greater_than_equal", "less_than_equal"):
        what = f"an integer {'>=' if 'ge' in ctx else '<='} {ctx.get('ge', ctx.get('le'))}"
    else:
        return error["msg"]
    hide = bool(loc) and loc[-1] in SECRET_KEYS
    return f"expected {what}, got {_given(error['input'], hide)}"


def _given(value: object, hide: bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        if hide:
            return "a string"
        shown = value if len(value) <= SHOWN_CHARS else value[: SHOWN_CHARS - 3] + "..."
        return json.dumps(shown, ensure_ascii=False)
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"  # TOML dates and times


def _where(loc: tuple, data: object) -> list[str]:
    """``("sources", 1, "files", "retention", 0, "keep")`` -> the parts of a readable place."""
    parts, i = [], 0
    if loc and ROOT_TABLES.get(loc[0]) in HEADERS:
        parts, i = [ROOT_TABLES[loc[0]]], 1
    elif loc[:1] == ("sources",):
        parts, i = ["[[sources]]"], 1
        if len(loc) > 1 and isinstance(loc[1], int):
            raw = data.get("sources") if isinstance(data, dict) else None
            parts = [source_label(loc[1], _item(raw, loc[1]))]
            i = 3 if len(loc) > 2 and loc[2] in SOURCE_TYPES else 2  # the union's tag
    while i < len(loc):
        if i + 1 < len(loc) and isinstance(loc[i + 1], int):
            parts.append(f"{ITEM_LABELS.get(loc[i], loc[i])} #{loc[i + 1] + 1}")
            i += 2
        else:
            parts.append(str(loc[i]) if not isinstance(loc[i], int) else f"#{loc[i] + 1}")
            i += 1
    return parts


def _item(raw: object, index: int) -> object:
    if isinstance(raw, (list, dict)):
        try:
            return raw[index]
        except (IndexError, KeyError):
            return None
    return None


def _join(parts: list[str], problem: str) -> str:
    """``[scan] workers: ...``: a root table and its key read as one place."""
    if len(parts) > 1 and parts[0] in HEADERS:
        parts = [f"{parts[0]} {parts[1]}", *parts[2:]]
    return ": ".join([*parts, problem])
