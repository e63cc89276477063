"""PostgreSQL connector: each table streamed read-only in bounded Arrow batches.

Safety: the session is READ ONLY (``default_transaction_read_only`` plus ``BEGIN READ
ONLY``) with a ``statement_timeout``; identifiers are quoted with ``psycopg.sql``; the DSN
is a ``Secret`` and every message goes through ``redact_text``.

Record keys: the primary-key columns with their values. A table or view without a
primary key gets ``row`` (1-based position in scan order, ctid-free): stable while the
table is unchanged (``synchronize_seqscans`` is off so scans start at block 0), not
across updates or VACUUM FULL; ``fetch_by_key`` on it is best effort.

Streaming: a named (server-side) cursor fetched ``batch_rows`` at a time by default, or
``COPY (SELECT ...) TO STDOUT`` with ``stream = "copy"`` (docs/benchmarks_postgres.md
compares them). Full mode orders by primary key and resumes with ``WHERE (pk) > (last)``,
which is also how a dropped connection is recovered mid-table.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
from collections.abc import Iterator
from typing import Any

import psycopg
import pyarrow as pa
from psycopg import errors, sql
from psycopg.conninfo import conninfo_to_dict

from connectors.base import Batch, Connector, Container, ReadError, ReadOptions
from connectors.files.flatten import TooDeep, flatten
from connectors.pg_catalog import ColumnInfo, ForeignKey, TableInfo, discover
from connectors.secrets import Secret, quote_url_password, redact_dsn, redact_text
from detectors.column_hints import FREE_TEXT, hint_for

log = logging.getLogger(__name__)

DEFAULT_STATEMENT_TIMEOUT = "5min"
MAX_RECONNECTS = 3
SAMPLE_SEED = 20240  # REPEATABLE seed: the same sample on every run and after a reconnect
SAMPLE_OVERDRAW = 1.25  # TABLESAMPLE is approximate; draw a little more, then LIMIT
SMALL_TABLE_FACTOR = 4  # up to 4x the sample size a table is read in key order, LIMIT n
ROW_KEY = "row"
_cursor_ids = itertools.count(1)


class PostgresConnector(Connector):
    """A PostgreSQL database configured by one ``[[sources]]`` entry.

    Config keys: ``name``, ``dsn`` or ``dsn_env``, ``schemas`` (globs, default ``["public"]``),
    ``include`` / ``exclude`` (table globs on ``table`` or ``schema.table``), ``views``
    (bool), ``sample_rows``, ``batch_rows``, ``statement_timeout`` (``"30s"`` or ms),
    ``stream`` (``"cursor"`` or ``"copy"``).

    Sample mode (``ReadOptions.sample_rows`` set) samples only tables without a column
    named like free text (``body``, ``notes``, ``commentaire``...): free text is scanned fully.
    """

    def __init__(self, config: dict):
        super().__init__(config["name"])
        dsn = config.get("dsn")
        if dsn is None and config.get("dsn_env"):
            dsn = os.environ.get(config["dsn_env"])
            if dsn is None:
                raise ValueError(
                    f"source {self.name}: environment variable {config['dsn_env']} is not set"
                )
        if not dsn:
            raise ValueError(f"source {self.name}: needs dsn or dsn_env")
        self._dsn = Secret(quote_url_password(dsn.reveal() if isinstance(dsn, Secret) else dsn))
        password = conninfo_to_dict(self._dsn.reveal()).get("password") or ""
        self._secrets = (Secret(password),) if password else ()
        self.schemas = list(config.get("schemas") or ["public"])
        self.include = list(config.get("include") or [])
        self.exclude = list(config.get("exclude") or [])
        self.views = bool(config.get("views", False))
        self.sample_rows = config.get("sample_rows")
        self.batch_rows = config.get("batch_rows")
        timeout = config.get("statement_timeout", DEFAULT_STATEMENT_TIMEOUT)
        self.statement_timeout = str(timeout)
        self.stream = config.get("stream", "cursor")
        if self.stream not in ("cursor", "copy"):
            raise ValueError(f"source {self.name}: stream must be 'cursor' or 'copy'")
        self._conn: psycopg.Connection | None = None
        self._conn_pid = 0  # the process that opened ``_conn``
        self._tables: dict[str, TableInfo] | None = None

    @classmethod
    def from_config(cls, spec: dict) -> PostgresConnector:
        """From a validated ``[[sources]]`` entry (or a positional source spec)."""
        return cls(spec)

    @classmethod
    def from_url(cls, name: str, url: str) -> PostgresConnector:
        """A positional ``postgresql://`` source with default settings."""
        return cls({"name": name, "dsn": url})

    # -- connection -------------------------------------------------------------------------

    def connection(self) -> psycopg.Connection:
        """The session used for reading: READ ONLY, with the statement timeout set.

        A connection belongs to the process that opened it: a forked worker that inherited
        one drops it (never closes it: that would end the parent's session) and opens its own.
        """
        if self._conn is not None and self._conn_pid != os.getpid():
            self._conn = None
        if self._conn is None or self._conn.closed:
            conn = psycopg.connect(self._dsn.reveal(), autocommit=True, application_name="fouille")
            for setting, value in (
                ("default_transaction_read_only", "on"),
                ("statement_timeout", self.statement_timeout),
                ("synchronize_seqscans", "off"),
            ):
                conn.execute("SELECT set_config(%s, %s, false)", (setting, value))
            conn.autocommit = False
            conn.read_only = True
            self._conn = conn
            self._conn_pid = os.getpid()
        return self._conn

    def close(self) -> None:
        if self._conn is not None and self._conn_pid == os.getpid():
            self._conn.close()
        self._conn = None

    def __getstate__(self) -> dict:
        # A connection cannot cross processes: workers open their own.
        return {**self.__dict__, "_conn": None}

    def describe(self) -> str:
        return f"PostgresConnector({self.name}, {redact_dsn(self._dsn.reveal())})"

    def _message(self, exc: BaseException) -> str:
        """What went wrong, without values: server messages can quote row data."""
        if isinstance(exc, errors.InsufficientPrivilege):
            return "permission denied"
        if isinstance(exc, errors.QueryCanceled):
            return f"statement timeout ({self.statement_timeout}) or query cancelled"
        sqlstate = getattr(exc, "sqlstate", None)
        if sqlstate:
            return f"{type(exc).__name__} (SQLSTATE {sqlstate})"
        # Connection-level errors carry no row data; they may name host or user, never a password.
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return redact_text(f"{type(exc).__name__}: {first_line}", self._secrets)

    def _reset(self) -> None:
        """After a failed statement: roll back, or drop a broken connection."""
        if self._conn is None:
            return
        try:
            self._conn.rollback()
        except psycopg.Error:
            self.close()

    # -- discovery ---------------------------------------------------------------------------

    def tables(self) -> dict[str, TableInfo]:
        """Discovered tables by ``schema.table`` (cached)."""
        if self._tables is None:
            found = discover(
                self.connection(), self.schemas, self.include, self.exclude, self.views
            )
            self._tables = {t.name: t for t in found}
        return self._tables

    def containers(self) -> Iterator[Container | ReadError]:
        try:
            tables = self.tables()
        except psycopg.Error as exc:
            self._reset()
            yield ReadError(self.name, self._message(exc))
            return
        for info in tables.values():
            yield Container(name=info.name, ref=info, size=max(info.estimated_rows, 0),
                            version=info.version)

    def foreign_keys(self) -> list[ForeignKey]:
        """Every foreign key between discovered tables, for linking records in a DSAR."""
        return [fk for t in self.tables().values() for fk in t.foreign_keys]

    # -- reading -----------------------------------------------------------------------------

    def read(self, container: Container, options: ReadOptions) -> Iterator[Batch | ReadError]:
        info = (
            container.ref if isinstance(container.ref, TableInfo) else self.tables()[container.name]
        )
        batch_rows = int(self.batch_rows or options.batch_rows)
        sample = None
        if options.sample_rows is not None and not _may_hold_free_text(info):
            sample = int(self.sample_rows or options.sample_rows)
        position = dict(options.resume_after) if options.resume_after else None
        if position is None:  # said once per table: a column left out is not silently missing
            for column in info.columns:
                if not column.is_scanned:
                    yield ReadError(f"{info.name}:{column.name}",
                                    f"{column.sql_type} column (binary or geometric): not scanned")
        reconnects = 0
        try:
            while True:
                stream = self._read_from(info, position, batch_rows, sample)
                try:
                    for batch in stream:
                        if isinstance(batch, Batch):
                            position = _last_position(batch, position)
                        yield batch
                    return
                except (errors.QueryCanceled, errors.InsufficientPrivilege) as exc:
                    yield ReadError(info.name, self._message(exc))
                    return
                except psycopg.OperationalError as exc:
                    broken = self._conn is None or self._conn.broken or self._conn.closed
                    if not broken or reconnects >= MAX_RECONNECTS:
                        yield ReadError(info.name, self._message(exc))
                        return
                    reconnects += 1
                    self.close()
                    log.warning(
                        "%s: connection lost reading %s, reconnecting (%d/%d)",
                        self.describe(),
                        info.name,
                        reconnects,
                        MAX_RECONNECTS,
                    )
                except psycopg.Error as exc:
                    yield ReadError(info.name, self._message(exc))
                    return
                finally:
                    stream.close()
        finally:
            self._reset()  # end the read-only transaction: no snapshot held between tables

    def _read_from(
        self, info: TableInfo, position: dict | None, batch_rows: int, sample: int | None
    ) -> Iterator[Batch | ReadError]:
        """One attempt: stream ``info`` after ``position`` (a PK dict or ``{"row": n}``)."""
        conn = self.connection()
        query, params = self._select(conn, info, position, sample)
        columns = [c for c in info.columns if c.is_scanned]
        key_names = list(info.primary_key) or [ROW_KEY]
        sensitive = any(hint_for(k) not in (None, FREE_TEXT) for k in info.primary_key)
        next_row = (position or {}).get(ROW_KEY, 0) + 1 if not info.primary_key else None
        errors_seen: set[str] = set()
        for rows in self._fetch(conn, info, query, params, batch_rows):
            if info.primary_key:
                keys = [list(r[len(columns) :]) for r in rows]
            else:
                keys = [[next_row + i] for i in range(len(rows))]
                next_row += len(rows)
            data, problems = _rows_to_data(columns, rows)
            for problem in problems - errors_seen:
                errors_seen.add(problem)
                yield ReadError(info.name, problem)
            key_batch = pa.RecordBatch.from_arrays(
                [pa.array([_key_value(k[i]) for k in keys]) for i in range(len(key_names))],
                names=key_names,
            )
            yield Batch(data=data, keys=key_batch, key_is_sensitive=sensitive)

    def _select(
        self, conn: psycopg.Connection, info: TableInfo, position: dict | None, sample: int | None
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
        pct = self._sample_percent(conn, info, sample) if sample is not None else None
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
        self, conn: psycopg.Connection, info: TableInfo, sample: int
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

    def _fetch(self, conn: psycopg.Connection, info: TableInfo, query, params, batch_rows: int):
        """Lists of at most ``batch_rows`` row tuples, streamed from the server."""
        if self.stream == "copy":
            yield from _copy_rows(conn, info, query, params, batch_rows)
            return
        with conn.cursor(name=f"fouille_scan_{next(_cursor_ids)}") as cur:
            cur.itersize = batch_rows
            cur.execute(query, params)
            while rows := cur.fetchmany(batch_rows):
                yield rows

    # -- lookups -----------------------------------------------------------------------------

    def fetch_by_key(self, table: str, key: dict[str, Any]) -> dict[str, Any] | None:
        """The current row at ``key`` (PK columns, or ``{"row": n}`` best effort), or None.

        Values come back as Python objects (JSON parsed); for the DSAR export only.
        """
        info = self.tables()[table]
        conn = self.connection()
        target = sql.Identifier(info.schema, info.table)
        try:
            if info.primary_key:
                where = sql.SQL(" AND ").join(
                    sql.SQL("{} = {}::{}").format(
                        sql.Identifier(k), sql.Placeholder(), sql.SQL(info.column(k).sql_type)
                    )
                    for k in info.primary_key
                )
                query = sql.SQL("SELECT * FROM {} WHERE {}").format(target, where)
                params = [key[k] for k in info.primary_key]
            else:
                query = sql.SQL("SELECT * FROM {} OFFSET %s LIMIT 1").format(target)
                params = [int(key[ROW_KEY]) - 1]
            with conn.cursor() as cur:
                cur.execute(query, params)
                row = cur.fetchone()
                names = [d.name for d in cur.description] if cur.description else []
            return dict(zip(names, row)) if row is not None else None
        finally:
            self._reset()


def _may_hold_free_text(info: TableInfo) -> bool:
    """Sample mode scans free text fully, so such tables are not sampled (judged by column names)."""
    return any(hint_for(c.name) == FREE_TEXT for c in info.columns if c.is_scanned)


def _text_expr(column: ColumnInfo) -> sql.Composable:
    """A column as text: arrays one element per line, everything else in PostgreSQL's text form."""
    ident = sql.Identifier("t", column.name)
    if column.is_array:
        return sql.SQL("array_to_string({}, E'\\n')").format(ident)
    return sql.SQL("{}::text").format(ident)


def _rows_to_data(columns: list[ColumnInfo], rows: list[tuple]) -> tuple[pa.RecordBatch, set[str]]:
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


def _key_value(value: Any) -> Any:
    """Keys stay ints or strings in Arrow; other types (uuid, date, numeric) as text."""
    return value if isinstance(value, (int, str)) and not isinstance(value, bool) else str(value)


def _last_position(batch: Batch, previous: dict | None) -> dict:
    """The resume position after ``batch``: its last key, plus rows read so far (for samples)."""
    last = {name: batch.keys.column(name)[-1].as_py() for name in batch.keys.schema.names}
    if ROW_KEY in last:
        return last
    last["_read"] = (previous or {}).get("_read", 0) + batch.num_rows
    return last


def _copy_rows(conn: psycopg.Connection, info: TableInfo, query, params, batch_rows: int):
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
