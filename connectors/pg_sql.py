"""The SQL the PostgreSQL connector sends: the scan's SELECT (text values, raw keys, sample,
resume position) and the row lookup of a DSAR. Identifiers are always quoted by ``psycopg.sql``."""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg import sql

from fouille.connectors.pg_catalog import ColumnInfo, TableInfo
from fouille.scanner.core.column_hints import FREE_TEXT, hint_for
from fouille.scanner.core.record_keys import ROW_KEY

SAMPLE_SEED = 20240  # REPEATABLE seed: the same sample on every run and after a reconnect
SAMPLE_OVERDRAW = 1.25  # TABLESAMPLE is approximate; draw a little more, then LIMIT
SMALL_TABLE_FACTOR = 4  # up to 4x the sample size a table is read in key order, LIMIT n


def select_query(
    conn: psycopg.Connection, info: TableInfo, position: dict | None, sample: int | None
) -> tuple[sql.Composed, list]:
    """The SELECT for one attempt: value columns as text, then raw key columns."""
    table = sql.Identifier(info.schema, info.table)
    # Output columns get positional aliases so ORDER BY t.<key> never meets a same-named text column.
    values = [
        sql.SQL("{} AS {}").format(_text_expr(c), sql.Identifier(f"v{i}"))
        for i, c in enumerate(c for c in info.columns if c.is_scanned)
    ]
    keys = [sql.Identifier("t", k) for k in info.primary_key]
    selected = values + [
        sql.SQL("{} AS {}").format(k, sql.Identifier(f"k{i}")) for i, k in enumerate(keys)
    ]
    parts = [sql.SQL("SELECT {} FROM {} AS t").format(sql.SQL(", ").join(selected), table)]
    params: list = []
    pct = _sample_percent(conn, info, sample) if sample is not None else None
    if pct is not None:
        parts.append(
            sql.SQL("TABLESAMPLE SYSTEM ({}) REPEATABLE ({})").format(
                sql.Literal(pct), sql.Literal(SAMPLE_SEED)
            )
        )
    if info.primary_key:
        if position:
            casts = [
                sql.SQL("{}::{}").format(sql.Placeholder(), sql.SQL(info.column(k).sql_type))
                for k in info.primary_key
            ]
            parts.append(
                sql.SQL("WHERE ({}) > ({})").format(
                    sql.SQL(", ").join(keys), sql.SQL(", ").join(casts)
                )
            )
            params.extend(position[k] for k in info.primary_key)
        parts.append(sql.SQL("ORDER BY {}").format(sql.SQL(", ").join(keys)))
    done = (position or {}).get(ROW_KEY, 0) if not info.primary_key else 0
    if sample is not None:
        # Rows already read count against the sample, whatever the key kind.
        already = done if not info.primary_key else (position or {}).get("_read", 0)
        parts.append(sql.SQL("LIMIT {}").format(sql.Literal(max(sample - already, 0))))
    if done:
        parts.append(sql.SQL("OFFSET {}").format(sql.Literal(done)))
    return sql.SQL(" ").join(parts), params

def _sample_percent(
    conn: psycopg.Connection, info: TableInfo, sample: int
) -> float | None:
    """TABLESAMPLE percentage, or None when the table is small enough to read whole."""
    if info.kind == "view":
        return None
    estimated = info.estimated_rows
    if estimated < 0:  # never analyzed: count, but never more than is needed to decide
        bounded = sql.SQL("SELECT count(*) FROM (SELECT 1 FROM {} LIMIT %s) s").format(
            sql.Identifier(info.schema, info.table)
        )
        estimated = conn.execute(bounded, (SMALL_TABLE_FACTOR * sample + 1,)).fetchone()[0]
    if estimated <= SMALL_TABLE_FACTOR * sample:
        return None
    return min(100.0, 100.0 * SAMPLE_OVERDRAW * sample / estimated)


def may_hold_free_text(info: TableInfo) -> bool:
    """Sample mode scans free text fully, so such tables are not sampled (judged by column names)."""
    return any(hint_for(c.name) == FREE_TEXT for c in info.columns if c.is_scanned)


def _text_expr(column: ColumnInfo) -> sql.Composable:
    """A column as text: arrays one element per line, everything else in PostgreSQL's text form."""
    ident = sql.Identifier("t", column.name)
    if column.is_array:
        return sql.SQL("array_to_string({}, E'\\n')").format(ident)
    return sql.SQL("{}::text").format(ident)


def key_lookup(info: TableInfo, key: dict[str, Any]) -> tuple[sql.Composed, list]:
    """The SELECT of the row at ``key``: PK columns, or ``{"row": n}`` (best effort)."""
    target = sql.Identifier(info.schema, info.table)
    if not info.primary_key:
        return sql.SQL("SELECT * FROM {} OFFSET %s LIMIT 1").format(target), [int(key[ROW_KEY]) - 1]
    where = sql.SQL(" AND ").join(
        sql.SQL("{} = {}::{}").format(
            sql.Identifier(k), sql.Placeholder(), sql.SQL(info.column(k).sql_type)
        )
        for k in info.primary_key
    )
    return sql.SQL("SELECT * FROM {} WHERE {}").format(target, where), [key[k] for k in info.primary_key]
