"""Read records as they are now, from any configured source: by key, by identifier, by foreign key.

PostgreSQL goes through ``pg_access`` (primary-key lookups and SQL ``WHERE``). Every other
source (files, S3, chat exports) is streamed with its own connector's reader: a container
is read once per request, keeping only the wanted rows, and reading stops once the
position (line, row, index) is past the last wanted one.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

from fouille.connectors.base import Batch, Connector, Container, ReadError, ReadOptions
from fouille.connectors.pg_catalog import ForeignKey
from fouille.scanner.core.config import ScanConfig
from fouille.scanner.core.safe_names import shown_name
from fouille.scanner.dsar import pg_access
from fouille.scanner.dsar.identifiers import SearchForm, candidate_rows
from fouille.scanner.dsar.ownership import PersonTables
from fouille.scanner.dsar.records import POSITION_KEYS, Record, RecordRef, key_json, position_key
from fouille.scanner.engine.sources import build_connector

log = logging.getLogger("fouille")
BATCH_ROWS = 5_000


class StoreError(Exception):
    """A source or container that could not be read. The message names the place, never a value."""


class Stores:
    """The configured sources, opened lazily, for record lookups."""

    def __init__(self, config: ScanConfig):
        self.config = config
        self.specs = {spec["name"]: spec for spec in config.sources}
        self._connectors: dict[str, Connector] = {}
        self._containers: dict[str, dict[str, Container]] = {}
        self._person_tables: dict[str, PersonTables] = {}
        # Where a source could not be listed (an unreachable S3 store): the answer is incomplete.
        self.listing_errors: dict[str, list[ReadError]] = {}

    def kind(self, source: str) -> str:
        return self.specs[source]["type"] if source in self.specs else "unknown"

    def connector(self, source: str) -> Connector:
        if source not in self.specs:
            raise StoreError(f"source {source!r} is not in the configuration")
        if source not in self._connectors:
            self._connectors[source] = build_connector(self.specs[source], self.config.base_dir)
        return self._connectors[source]

    def containers(self, source: str) -> dict[str, Container]:
        """Containers of a source by name; listing errors are kept in ``listing_errors``."""
        if source not in self._containers:
            found, errors = {}, []
            for item in self.connector(source).containers():
                if isinstance(item, ReadError):
                    log.warning("%s: %s: %s", source, item.location, item.error)
                    errors.append(item)
                else:
                    found[shown_name(item.name)] = item  # the index holds shown names
            self._containers[source] = found
            self.listing_errors[source] = errors
        return self._containers[source]

    def person_tables(self, source: str) -> PersonTables | None:
        """Which tables hold people (PostgreSQL sources only; None for the others)."""
        if self.kind(source) != "postgres":
            return None
        if source not in self._person_tables:
            connector = self.connector(source)
            self._person_tables[source] = PersonTables(connector.tables(), connector.foreign_keys())
        return self._person_tables[source]

    def close(self) -> None:
        for connector in self._connectors.values():
            connector.close()

    # -- by record key -----------------------------------------------------------------------

    def fetch(self, source: str, container: str, keys: list[dict]) -> dict[str, Record]:
        """Current records at ``keys`` (by key_json); keys with no record are absent."""
        if self.kind(source) == "postgres":
            out = {}
            for key in keys:
                record = pg_access.fetch(self.connector(source), container, key)
                if record is not None:
                    out[record.ref.key] = record
            return out
        wanted = {key_json(position_key(k)) for k in keys}
        return {r.ref.key: r for r in self._stream(source, container, wanted=wanted)}

    # -- by identifier -----------------------------------------------------------------------

    def containing(
        self, source: str, container: str, forms: list[SearchForm], fields: list[str] | None = None
    ) -> list[Record]:
        """Records of one container where a field contains an identifier's needle (prefilter)."""
        if self.kind(source) == "postgres":
            return pg_access.rows_containing(self.connector(source), container, forms, fields)
        return list(self._stream(source, container, forms=forms))

    # -- by foreign key ----------------------------------------------------------------------

    def referencing(self, record: Record) -> Iterator[tuple[ForeignKey, Record]]:
        """Rows of other tables whose foreign key points at ``record`` (PostgreSQL only)."""
        if self.kind(record.ref.source) != "postgres":
            return
        connector = self.connector(record.ref.source)
        for fk in pg_access.referencing_keys(connector, record.ref.container):
            for child in pg_access.rows_referencing(connector, fk, record):
                yield fk, child

    # -- streaming ---------------------------------------------------------------------------

    def _stream(
        self,
        source: str,
        container: str,
        wanted: set[str] | None = None,
        forms: list[SearchForm] | None = None,
    ) -> Iterator[Record]:
        """Records of a streamed container: those at ``wanted`` keys, or matching ``forms``."""
        target = self.containers(source).get(container)
        if target is None and self.listing_errors.get(source):
            raise StoreError(f"{source}: {container}: the source could not be listed")
        if target is None:
            raise StoreError(f"{source}: {container}: no longer exists")
        last_wanted = _last_position(wanted) if wanted else None
        grouped: dict[str, tuple[dict, list[dict]]] = {}
        for item in self.connector(source).read(target, ReadOptions(batch_rows=BATCH_ROWS)):
            if isinstance(item, ReadError):
                log.warning("%s: %s: %s", source, item.location, item.error)
                continue
            rows = _batch_rows(item, forms)
            for key, values in rows:
                pos = position_key(key)
                ref = key_json(pos)
                if wanted is not None and ref not in wanted:
                    continue
                grouped.setdefault(ref, (pos, []))[1].append(values)
            if last_wanted is not None and _past(item, last_wanted):
                break
        for ref, (pos, rows) in grouped.items():
            values = rows[0] if len(rows) == 1 else {"messages": rows}
            yield Record(RecordRef(source, container, ref), values)


def _batch_rows(batch: Batch, forms: list[SearchForm] | None) -> Iterator[tuple[dict, dict]]:
    """(record key, field values) of a batch's rows: all of them, or the prefiltered ones."""
    picked = None
    if forms:
        picked = candidate_rows(batch.data.columns, forms)
        if not picked:
            return
    key_names = batch.keys.schema.names
    key_columns = [c.to_pylist() for c in batch.keys.columns]
    names = batch.data.schema.names
    data = None
    for row in range(batch.num_rows) if picked is None else sorted(picked):
        key = {name: column[row] for name, column in zip(key_names, key_columns)}
        if data is None:
            data = [c.to_pylist() for c in batch.data.columns]
        yield (
            key,
            {name: column[row] for name, column in zip(names, data) if column[row] is not None},
        )


def _last_position(wanted: set[str]) -> tuple[str, int] | None:
    """(key name, highest value) when every wanted key is a single file position."""
    positions = [json.loads(w) for w in wanted]
    names = {next(iter(p)) for p in positions if len(p) == 1}
    if len(names) != 1 or any(len(p) != 1 for p in positions):
        return None
    name = names.pop()
    if name not in POSITION_KEYS:
        return None
    return name, max(int(p[name]) for p in positions)


def _past(batch: Batch, last: tuple[str, int] | None) -> bool:
    """True once a batch has gone beyond the last wanted position (positions only grow)."""
    if last is None or batch.num_rows == 0 or last[0] not in batch.keys.schema.names:
        return False
    return int(batch.keys.column(last[0])[-1].as_py()) > last[1]
