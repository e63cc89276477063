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
import logging
import os
from collections.abc import Iterator
from typing import Any

import psycopg
import pyarrow as pa
from psycopg import errors
from psycopg.conninfo import conninfo_to_dict

from fouille.connectors.base import Batch, Connector, Container, ReadError, ReadOptions
from fouille.connectors.pg_catalog import ForeignKey, TableInfo, discover
from fouille.connectors.pg_rows import copy_rows, key_value, last_position, rows_to_data
from fouille.connectors.pg_sql import key_lookup, may_hold_free_text, select_query
from fouille.scanner.core.column_hints import FREE_TEXT, hint_for
from fouille.scanner.core.record_keys import ROW_KEY
from fouille.scanner.core.secrets import Secret, quote_url_password, redact_dsn, redact_text

log = logging.getLogger(__name__)

DEFAULT_STATEMENT_TIMEOUT = "5min"
MAX_RECONNECTS = 3
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
        if options.sample_rows is not None and not may_hold_free_text(info):
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
                            position = last_position(batch, position)
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
        query, params = select_query(conn, info, position, sample)
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
            data, problems = rows_to_data(columns, rows)
            for problem in problems - errors_seen:
                errors_seen.add(problem)
                yield ReadError(info.name, problem)
            key_batch = pa.RecordBatch.from_arrays(
                [pa.array([key_value(k[i]) for k in keys]) for i in range(len(key_names))],
                names=key_names,
            )
            yield Batch(data=data, keys=key_batch, key_is_sensitive=sensitive)

    def _fetch(self, conn: psycopg.Connection, info: TableInfo, query, params, batch_rows: int):
        """Lists of at most ``batch_rows`` row tuples, streamed from the server."""
        if self.stream == "copy":
            yield from copy_rows(conn, info, query, params, batch_rows)
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
        try:
            query, params = key_lookup(info, key)
            with conn.cursor() as cur:
                cur.execute(query, params)
                row = cur.fetchone()
                names = [d.name for d in cur.description] if cur.description else []
            return dict(zip(names, row)) if row is not None else None
        finally:
            self._reset()
