"""Record keys: the one home of their text forms, one value at a time and a whole column at once.

A record key is ordered ``(name, value)`` pairs: ``(("line", 17),)``, ``(("id", 9),)``. Its
JSON form is compact (``{"id":9}``, no ASCII escaping). Reports, findings and the DSAR index
hold its *public* form: the JSON form, or, when the key is itself personal data (an e-mail
primary key), the masked form that keeps only the names (``{"email":"***"}``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Protocol

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

RecordKey = tuple[tuple[str, object], ...]
MASKED = "***"  # every value of a masked key
# Keys that give a record's position in a file (``line``: JSONL, CSV; ``index``: JSON array;
# ``row``: Parquet, or a PostgreSQL table without primary key).
LINE_KEY = "line"
INDEX_KEY = "index"
ROW_KEY = "row"
POSITION_KEYS = (LINE_KEY, INDEX_KEY, ROW_KEY)
# Chat exports key a message by its file position, then these two.
CONVERSATION_KEY = "conversation"
MESSAGE_KEY = "message"
_NEEDS_JSON_ESCAPE = r'["\\\x00-\x1f]'  # what json.dumps escapes with ensure_ascii=False
# The compact masked form (names without quote, backslash or control character: those are
# left to ``json.loads``).
_NAME = r'"[^"\\\x00-\x1f]*"'
_MASKED_KEY_RE = rf'^\{{{_NAME}:"\*\*\*"(?:,{_NAME}:"\*\*\*")*\}}$'


def key_json(key: Mapping) -> str:
    """The record key as compact JSON (raw: for the DSAR index and DSAR references only)."""
    return json.dumps(dict(key), ensure_ascii=False, separators=(",", ":"), default=str)


def masked_key(names: Iterable[str]) -> str:
    """The masked public form: the key's names, every value ``***``."""
    return key_json({name: MASKED for name in names})


def public_key(key: RecordKey, sensitive: bool = False) -> str:
    """The record key as reports show it: masked when it is itself personal data."""
    return masked_key(name for name, _ in key) if sensitive else key_json(dict(key))


def parse_key(text: str) -> dict:
    """A stored key (JSON or public form) back as a dict."""
    return json.loads(text)


def is_masked_key(text: str) -> bool:
    """True for the masked public form ``{"email":"***"}`` of a sensitive record key."""
    try:
        parts = parse_key(text)
    except ValueError:
        return False
    return isinstance(parts, dict) and bool(parts) and all(v == MASKED for v in parts.values())


class KeyedRows(Protocol):
    """Rows with their record-key columns (a connector's ``Batch``)."""

    keys: pa.RecordBatch
    key_is_sensitive: bool


def public_keys(batch: KeyedRows) -> pa.Array:
    """Each row's ``public_key``, built in Arrow where the JSON text allows it."""
    keys = batch.keys
    names = keys.schema.names
    if batch.key_is_sensitive:
        return _repeat(masked_key(names), keys.num_rows)
    pieces: list = ["{"]
    for i, (name, column) in enumerate(zip(names, keys.columns)):
        text = _json_values(column)
        if text is None:
            return _python_keys(keys)
        pieces += [("," if i else "") + json.dumps(name, ensure_ascii=False) + ":", text]
    pieces.append("}")
    if len(pieces) == 2:
        return _repeat("{}", keys.num_rows)
    return pc.binary_join_element_wise(*pieces, "")


def _json_values(column: pa.Array) -> pa.Array | None:
    """JSON text of each key value where Arrow writes it as ``json.dumps`` does, else None."""
    if pa.types.is_integer(column.type) or pa.types.is_boolean(column.type):
        text = pc.cast(column, pa.string())
    elif pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
        column = pc.cast(column, pa.string())
        if pc.any(pc.match_substring_regex(column, _NEEDS_JSON_ESCAPE)).as_py():
            return None
        text = pc.binary_join_element_wise('"', column, '"', "")
    else:
        return None
    return pc.fill_null(text, "null")


def _python_keys(keys: pa.RecordBatch) -> pa.Array:
    names = keys.schema.names
    columns = [c.to_pylist() for c in keys.columns]
    return pa.array([key_json(dict(zip(names, values))) for values in zip(*columns)], pa.string())


def _repeat(text: str, rows: int) -> pa.Array:
    return pa.array([text], pa.string()).take(pa.array(np.zeros(rows, dtype=np.int64)))


def masked_keys(keys: pa.Array) -> list[int]:
    """``is_masked_key`` (as 0/1) of every key, without parsing each one.

    The compact form ``public_key`` writes is recognised by one regex; only keys that could
    still be masked in another JSON spelling (spaces, ``\\u002a``...) are parsed.
    """
    exact = pc.fill_null(pc.match_substring_regex(keys, _MASKED_KEY_RE), False)
    maybe = pc.or_(pc.match_substring(keys, MASKED), pc.match_substring(keys, "\\u"))
    unsure = pc.and_not(pc.fill_null(maybe, False), exact)
    masked = exact.cast(pa.int8()).to_pylist()
    for i in pc.indices_nonzero(unsure).to_pylist():
        masked[i] = int(is_masked_key(keys[i].as_py()))
    return masked


def key_value_json(keys: pa.Array, name: str) -> pa.Array:
    """The JSON text of key ``name``'s value in each compact key, where it is a string or null
    (``"c1"``, ``"***"``, ``null``); null where the key has no such string."""
    value = '"' + re.escape(name) + r'":(?P<value>"(?:[^"\\]|\\.)*"|null)'
    return pc.struct_field(pc.extract_regex(keys, value), [0])
