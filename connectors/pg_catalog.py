"""PostgreSQL discovery from the system catalog: tables, columns, primary and foreign keys.

Reads ``pg_catalog`` only (readable by any role), so a scan role with SELECT on some
tables still lists them all; whether a table is readable shows up when it is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase

import psycopg

# Binary and geometric payloads hold no readable text worth scanning.
SKIPPED_TYPES = frozenset({"bytea", "point", "line", "lseg", "box", "path", "polygon", "circle"})
JSON_TYPES = frozenset({"json", "jsonb"})


@dataclass(frozen=True)
class ColumnInfo:
    """One column: name, SQL type (``format_type``), type oid and how it is read."""

    name: str
    sql_type: str
    type_oid: int
    is_array: bool = False

    @property
    def is_json(self) -> bool:
        return self.sql_type in JSON_TYPES

    @property
    def is_scanned(self) -> bool:
        return self.sql_type.removesuffix("[]") not in SKIPPED_TYPES


@dataclass(frozen=True)
class ForeignKey:
    """``orders(customer_id) -> customers(id)``, tables named ``schema.table``."""

    table: str
    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...]


@dataclass(frozen=True)
class TableInfo:
    """A table or view with what the reader needs: columns, primary key, foreign keys."""

    schema: str
    table: str
    kind: str  # "table", "view", "materialized view", "partitioned table"
    columns: tuple[ColumnInfo, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    estimated_rows: int = -1  # pg_class.reltuples; -1 when never analyzed
    version: str = ""  # row estimate, size and write counters: ``--resume`` rescans on change

    @property
    def name(self) -> str:
        return f"{self.schema}.{self.table}"

    def column(self, name: str) -> ColumnInfo:
        return next(c for c in self.columns if c.name == name)


_KINDS = {"r": "table", "p": "partitioned table", "v": "view", "m": "materialized view"}

_TABLES_SQL = """
SELECT c.oid, n.nspname, c.relname, c.relkind, c.reltuples::bigint,
       concat_ws(':', c.reltuples::bigint, pg_relation_size(c.oid),
                 pg_stat_get_tuples_inserted(c.oid) + pg_stat_get_tuples_updated(c.oid)
                 + pg_stat_get_tuples_deleted(c.oid))
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = ANY(%(kinds)s) AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%%'
ORDER BY n.nspname, c.relname
"""
_COLUMNS_SQL = """
SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.atttypid, t.typcategory = 'A'
FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
WHERE a.attrelid = ANY(%(oids)s) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum
"""
# Key columns in constraint order (unnest WITH ORDINALITY keeps conkey's order).
_CONSTRAINTS_SQL = """
SELECT con.conrelid, con.contype, con.conname,
       array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, pos)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.pos),
       rn.nspname || '.' || rc.relname,
       array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, pos)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.pos)
FROM pg_constraint con
LEFT JOIN pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
WHERE con.conrelid = ANY(%(oids)s) AND con.contype IN ('p', 'f')
ORDER BY con.conrelid, con.conname
"""


def _matches(patterns: list[str], schema: str, table: str) -> bool:
    """A glob matches the bare table name or ``schema.table``."""
    return any(fnmatchcase(table, p) or fnmatchcase(f"{schema}.{table}", p) for p in patterns)


def discover(
    conn: psycopg.Connection,
    schemas: list[str],
    include: list[str] | None = None,
    exclude: list[str] | None = None,
    views: bool = False,
) -> list[TableInfo]:
    """List the tables (and views if asked) of ``schemas`` (globs allowed) that pass the filters."""
    kinds = ["r", "p"] + (["v", "m"] if views else [])
    picked = {}
    for oid, schema, table, relkind, reltuples, version in conn.execute(
        _TABLES_SQL, {"kinds": kinds}
    ):
        if not any(fnmatchcase(schema, s) for s in schemas):
            continue
        if include and not _matches(include, schema, table):
            continue
        if exclude and _matches(exclude, schema, table):
            continue
        picked[oid] = (schema, table, _KINDS[relkind], reltuples, version)
    oids = list(picked)
    columns: dict[int, list[ColumnInfo]] = {oid: [] for oid in oids}
    for relid, name, sql_type, type_oid, is_array in conn.execute(_COLUMNS_SQL, {"oids": oids}):
        columns[relid].append(ColumnInfo(name, sql_type, type_oid, is_array))
    primary: dict[int, tuple[str, ...]] = {}
    foreign: dict[int, list[ForeignKey]] = {oid: [] for oid in oids}
    for relid, contype, _, cols, ref_table, ref_cols in conn.execute(
        _CONSTRAINTS_SQL, {"oids": oids}
    ):
        schema, table = picked[relid][:2]
        if contype == "p":
            primary[relid] = tuple(cols)
        else:
            foreign[relid].append(
                ForeignKey(f"{schema}.{table}", tuple(cols), ref_table, tuple(ref_cols))
            )
    conn.rollback()  # end the catalog transaction: no snapshot held while idle
    return [
        TableInfo(
            schema,
            table,
            kind,
            tuple(columns[oid]),
            primary.get(oid, ()),
            tuple(foreign[oid]),
            int(reltuples),
            version,
        )
        for oid, (schema, table, kind, reltuples, version) in picked.items()
    ]
