"""PostgreSQL reads a DSAR needs beyond the connector's scan: rows by identifier, rows by foreign key.

Everything goes through the connector's read-only session; identifiers are quoted with
``psycopg.sql`` and values passed as parameters. Each call ends its transaction.
"""

from __future__ import annotations

from psycopg import sql

from fouille.connectors.pg_catalog import ForeignKey, TableInfo
from fouille.connectors.postgres import ROW_KEY, PostgresConnector
from fouille.scanner.dsar.identifiers import SearchForm
from fouille.scanner.dsar.records import Record, RecordRef

_POSITION_ALIAS = "__fouille_row"
# A cell reduced like identifiers.reduce_column, in SQL.
_REDUCED = {
    "lower": "lower({})",
    "digits": "regexp_replace({}, '\\D', '', 'g')",
    "alnum": "upper(regexp_replace({}, '[^0-9A-Za-z]', '', 'g'))",
}


def _select_rows(info: TableInfo, where: sql.Composable) -> sql.Composed:
    """``SELECT *`` of matching rows; a table without a primary key also gets its scan position."""
    table = sql.Identifier(info.schema, info.table)
    if info.primary_key:
        return sql.SQL("SELECT t.* FROM {} AS t WHERE {}").format(table, where)
    numbered = sql.SQL("SELECT t.*, row_number() OVER () AS {} FROM {} AS t").format(
        sql.Identifier(_POSITION_ALIAS), table
    )
    return sql.SQL("SELECT * FROM ({}) AS t WHERE {}").format(numbered, where)


def _records(connector: PostgresConnector, info: TableInfo, query, params) -> list[Record]:
    conn = connector.connection()
    try:
        with conn.cursor() as cur:
            cur.execute(query, params)
            names = [d.name for d in cur.description]
            rows = cur.fetchall()
    finally:
        conn.rollback()  # end the read-only transaction: no snapshot held between calls
    out = []
    for row in rows:
        values = dict(zip(names, row))
        if info.primary_key:
            key = {k: values[k] for k in info.primary_key}
        else:
            key = {ROW_KEY: values.pop(_POSITION_ALIAS)}
        out.append(Record(RecordRef.of(connector.name, info.name, _plain(key)), values))
    return out


def _plain(key: dict) -> dict:
    """Key values as JSON-friendly scalars, like the scan's record keys."""
    return {
        k: v if isinstance(v, (int, str)) and not isinstance(v, bool) else str(v)
        for k, v in key.items()
    }


def fetch(connector: PostgresConnector, table: str, key: dict) -> Record | None:
    """The row at ``key`` as it is now, or None (through the connector's ``fetch_by_key``)."""
    values = connector.fetch_by_key(table, key)
    if values is None:
        return None
    return Record(RecordRef.of(connector.name, table, key), values)


def rows_containing(
    connector: PostgresConnector,
    table: str,
    forms: list[SearchForm],
    columns: list[str] | None = None,
) -> list[Record]:
    """Rows where a column (all text-readable ones by default), reduced, contains a needle.

    A cheap prefilter: the caller verifies each row with the detectors.
    """
    info = connector.tables()[table]
    names = columns or [c.name for c in info.columns if c.is_scanned]
    tests, params = [], []
    for name in names:
        cell = sql.SQL("{}::text").format(sql.Identifier("t", name))
        for form in forms:
            reduced = sql.SQL(_REDUCED[form.kind]).format(cell)
            tests.append(sql.SQL("position({} in {}) > 0").format(sql.Placeholder(), reduced))
            params.append(form.needle)
    if not tests:
        return []
    return _records(connector, info, _select_rows(info, sql.SQL(" OR ").join(tests)), params)


def referencing_keys(connector: PostgresConnector, table: str) -> list[ForeignKey]:
    """Foreign keys from other tables to ``table`` (a table's links to itself are not followed:
    a customer's referrer is another person)."""
    return [fk for fk in connector.foreign_keys() if fk.ref_table == table and fk.table != table]


def rows_referencing(connector: PostgresConnector, fk: ForeignKey, parent: Record) -> list[Record]:
    """Rows of ``fk.table`` whose foreign key points at ``parent``."""
    values = [parent.values.get(c) for c in fk.ref_columns]
    if any(v is None for v in values):
        return []
    info = connector.tables()[fk.table]
    where = sql.SQL(" AND ").join(
        sql.SQL("{} = {}").format(sql.Identifier("t", c), sql.Placeholder()) for c in fk.columns
    )
    return _records(connector, info, _select_rows(info, where), values)
