"""Rows fetched from PostgreSQL as Arrow: string value columns (JSON spread by path), record keys
and the position a read resumes from."""

from __future__ import annotations

import json
from typing import Any

import psycopg
import pyarrow as pa
from psycopg import sql

from fouille.connectors.base import Batch
from fouille.connectors.files.flatten import TooDeep, flatten
from fouille.connectors.pg_catalog import ColumnInfo, TableInfo
from fouille.scanner.core.record_keys import ROW_KEY


def rows_to_data(columns: list[ColumnInfo], rows: list[tuple]) -> tuple[pa.RecordBatch, set[str]]:
    """Row tuples to string columns; JSON columns spread into one column per path."""
    names: list[str] = []
    arrays: list[pa.Array] = []
    problems: set[str] = set()
    for i, column in enumerate(columns):
        cells = [r[i] for r in rows]
        if not column.is_json:
            names.append(column.name)
            arrays.append(pa.array(cells, type=pa.string()))
            continue
        paths: dict[str, list[str | None]] = {}
        for j, cell in enumerate(cells):
            if cell is None:
                continue
            try:
                flat = flatten(json.loads(cell), prefix=column.name)
            except (TooDeep, RecursionError, ValueError):
                problems.add(f"column {column.name}: JSON too deep or malformed, cell skipped")
                continue
            for path, values in flat.items():
                paths.setdefault(path, [None] * len(rows))[j] = "\n".join(values)
        for path, values in paths.items():
            names.append(path)
            arrays.append(pa.array(values, type=pa.string()))
    return pa.RecordBatch.from_arrays(arrays, names=names), problems


def key_value(value: Any) -> Any:
    """Keys stay ints or strings in Arrow; other types (uuid, date, numeric) as text."""
    return value if isinstance(value, (int, str)) and not isinstance(value, bool) else str(value)


def last_position(batch: Batch, previous: dict | None) -> dict:
    """The resume position after ``batch``: its last key, plus rows read so far (for samples)."""
    last = {name: batch.keys.column(name)[-1].as_py() for name in batch.keys.schema.names}
    if ROW_KEY in last:
        return last
    last["_read"] = (previous or {}).get("_read", 0) + batch.num_rows
    return last


def copy_rows(conn: psycopg.Connection, info: TableInfo, query, params, batch_rows: int):
    """``COPY (query) TO STDOUT`` parsed into typed row tuples, ``batch_rows`` at a time."""
    types = ["text"] * sum(c.is_scanned for c in info.columns)
    types += [info.column(k).type_oid for k in info.primary_key]
    statement = sql.SQL("COPY ({}) TO STDOUT").format(query)
    with conn.cursor() as cur, cur.copy(statement, params or None) as copy:
        copy.set_types(types)
        rows = []
        for row in copy.rows():
            rows.append(row)
            if len(rows) >= batch_rows:
                yield rows
                rows = []
        if rows:
            yield rows
