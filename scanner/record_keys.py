"""Record keys of a whole batch in their public JSON form, for the columnar findings table.

The same text as ``Location.public_key`` row by row: integer, boolean and plain-string keys are
written in Arrow; other types, or strings that need JSON escapes, go through
``Location.public_key`` itself. A key that is personal data is masked (its names only).
"""

from __future__ import annotations

import json

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from connectors.base import Batch
from scanner.model import Location

_NEEDS_JSON_ESCAPE = r'["\\\x00-\x1f]'  # what json.dumps escapes with ensure_ascii=False


def public_keys(batch: Batch) -> pa.Array:
    """Each row's record key as ``Location.public_key`` writes it (JSON, masked if sensitive)."""
    keys = batch.keys
    names = keys.schema.names
    if batch.key_is_sensitive:  # the masked form names the columns only
        masked = Location("", "", tuple((name, None) for name in names), "", True).public_key()
        return _repeat(masked, batch.num_rows)
    pieces: list = ["{"]
    for i, (name, column) in enumerate(zip(names, keys.columns)):
        text = _json_values(column)
        if text is None:
            return _python_keys(keys)
        pieces += [("," if i else "") + json.dumps(name, ensure_ascii=False) + ":", text]
    pieces.append("}")
    if len(pieces) == 2:
        return _repeat("{}", batch.num_rows)
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
    return pa.array(
        [Location("", "", tuple(zip(names, values)), "").public_key() for values in zip(*columns)],
        pa.string(),
    )


def _repeat(text: str, rows: int) -> pa.Array:
    return pa.array([text], pa.string()).take(pa.array(np.zeros(rows, dtype=np.int64)))
