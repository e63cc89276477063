"""The subject index: ``value_hash`` -> locations of every identifier finding of a full scan.

``index.sqlite`` holds keyed hashes, entity types and locations, never a raw value. A record
key that is itself personal data (an email primary key) is kept in its masked public form
(``{"email":"***"}``, ``key_masked = 1``): the lookup then finds the row by the subject's own
identifier (which the agent typed, or which was read from the subject's records), never by
anything stored here.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Self

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from fouille.scanner.core.findings import findings_files
from fouille.scanner.core.keys import Hasher, load_key
from fouille.scanner.core.keys import key_check as keyed_check
from fouille.scanner.core.model import IDENTIFIER_TYPES
from fouille.scanner.core.record_keys import masked_keys, parse_key

INDEX_NAME = "index.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS locations (
    value_hash TEXT NOT NULL,
    entity TEXT NOT NULL,
    source TEXT NOT NULL,
    container TEXT NOT NULL,
    record_key TEXT NOT NULL,
    field TEXT NOT NULL,
    key_masked INTEGER NOT NULL,
    PRIMARY KEY (value_hash, source, container, record_key, field)
) WITHOUT ROWID;
"""
# Index row order; the table's columns. ``key_masked`` is computed, the others read as they are.
_COLUMNS = ("value_hash", "entity", "source", "container", "record_key", "field", "key_masked")
_PRIMARY_KEY = "value_hash, source, container, record_key, field"
BATCH_ROWS = 16_384  # findings read at a time: the build's memory, whatever the scan's size
# The file is a temporary one until renamed, so no journal and no sync while it is written.
# The staging table and the sort spill to temporary files past 16 MB caches (larger ones were
# no faster at 4 M rows); the sort runs on helper threads.
_BULK_PRAGMAS = (
    "PRAGMA journal_mode = OFF",
    "PRAGMA synchronous = OFF",
    "PRAGMA temp_store = FILE",
    "PRAGMA cache_size = -16384",
    "PRAGMA temp.cache_size = -16384",
    f"PRAGMA threads = {min(4, os.cpu_count() or 1)}",
)


@dataclass(frozen=True)
class IndexEntry:
    """One place an identifier was found by the scan.

    Attributes:
        entity: Entity type of the finding.
        source: Source name.
        container: Table, file or conversation export.
        record_key: The record key as a dict (``{"id": 42}``; values ``***`` when masked).
        field: Column or JSON path.
        key_masked: The record key was personal data and is stored masked.
    """

    entity: str
    source: str
    container: str
    record_key: dict
    field: str
    key_masked: bool


def key_check(hasher: Hasher) -> str:
    """Stored in the index: tells a lookup it uses the scan's key."""
    return keyed_check(hasher, "index")


def build_index(out_dir: Path, hasher: Hasher | None = None, batch_rows: int = BATCH_ROWS) -> Path:
    """Build ``out_dir/index.sqlite`` from the findings of a (``--full``) scan; returns its path.

    Only identifier entities are indexed. ``hasher`` defaults to the installation key (the
    one the scan hashed with); only a check hash of it is stored, to catch a key mismatch.
    Rebuilt from scratch each time, mode 0600. Memory is bounded by ``batch_rows``, not by the
    number of findings: they are streamed into an unordered temporary table, then copied in
    primary-key order (sequential B-tree appends), the sort spilling to SQLite's temporary
    files. Written unjournalled to a temporary file, synced, then renamed: a killed build
    leaves at most ``.index.sqlite.tmp`` (removed by the next scan), never a half index.
    """
    out_dir = Path(out_dir)
    target = out_dir / INDEX_NAME
    tmp = out_dir / f".{INDEX_NAME}.tmp"
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        _write(tmp, out_dir, hasher, batch_rows)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())  # synchronous=OFF: on disk before it is published
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)  # the published index, if any, is left as it was
        raise
    return target


def _write(path: Path, out_dir: Path, hasher: Hasher | None, batch_rows: int) -> None:
    """The index into the empty file ``path``, in one unjournalled transaction."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in _BULK_PRAGMAS:
            conn.execute(pragma)
        conn.executescript(_SCHEMA)
        conn.execute("BEGIN")
        conn.execute(f"CREATE TEMP TABLE staging ({', '.join(_COLUMNS)})")  # rowid = read order
        marks = ", ".join("?" * len(_COLUMNS))
        for rows in _row_batches(out_dir, batch_rows):
            conn.executemany(f"INSERT INTO staging VALUES ({marks})", rows)
        # First occurrence of a primary key wins, as with row-by-row INSERT OR IGNORE.
        inserted = conn.execute(
            f"INSERT OR IGNORE INTO locations SELECT {', '.join(_COLUMNS)} FROM staging "
            f"ORDER BY {_PRIMARY_KEY}, rowid"
        ).rowcount
        meta = {"mode": _scan_mode(out_dir), "rows": str(inserted)}
        meta["key_check"] = key_check(hasher or Hasher(load_key()))
        conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())
        conn.execute("COMMIT")
    finally:
        conn.close()


def _row_batches(out_dir: Path, batch_rows: int) -> Iterator[Iterator[tuple]]:
    """Index rows (``_COLUMNS`` order) of the identifier findings, one iterator per Parquet batch.

    Rows are made one at a time as SQLite takes them (a list of them would wake the cyclic
    garbage collector every few hundred tuples).
    """
    for batch, masked in _read_ahead(_identifier_batches(out_dir, batch_rows)):
        columns = [batch.column(name).to_pylist() for name in _COLUMNS[:-1]]
        yield zip(*columns, masked)


def _identifier_batches(out_dir: Path, batch_rows: int) -> Iterator[tuple[pa.RecordBatch, list]]:
    """Identifier findings (the index's columns) and their ``key_masked``, batch by batch."""
    identifiers = pa.array(sorted(IDENTIFIER_TYPES), type=pa.string())
    for path in findings_files(out_dir):
        # Read ahead in 1 MB buffers: pre-buffering holds far more, growing with the file.
        parquet = pq.ParquetFile(path, pre_buffer=False, buffer_size=1 << 20)
        for batch in parquet.iter_batches(batch_rows, columns=list(_COLUMNS[:-1])):
            batch = batch.filter(
                pc.fill_null(pc.is_in(batch["entity"], value_set=identifiers), False)
            )
            if batch.num_rows:
                yield batch, masked_keys(batch.column("record_key"))


def _read_ahead(items: Iterator) -> Iterator:
    """``items``, the next one made on a thread while the caller uses this one.

    Reading and filtering Parquet release the GIL: they overlap SQLite's inserts.
    """
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(next, items, None)
        while (item := pending.result()) is not None:
            pending = pool.submit(next, items, None)
            yield item


def _scan_mode(out_dir: Path) -> str:
    try:
        inventory = json.loads((out_dir / "inventory.json").read_text(encoding="utf-8"))
        return str(inventory.get("scan", {}).get("mode", "unknown"))
    except (OSError, ValueError):
        return "unknown"


class SubjectIndex:
    """Read side of ``index.sqlite``: hash lookups only."""

    def __init__(self, path: Path):
        self.path = Path(path)
        if not self.path.exists():
            raise FileNotFoundError(f"no subject index at {self.path} (run `fouille scan --full`)")
        self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)

    @classmethod
    def in_report(cls, report_dir: Path) -> SubjectIndex:
        return cls(Path(report_dir) / INDEX_NAME)

    def meta(self) -> dict[str, str]:
        return dict(self._conn.execute("SELECT name, value FROM meta"))

    def key_matches(self, hasher: Hasher) -> bool | None:
        """Whether the index was built with this installation key (None: unknown)."""
        stored = self.meta().get("key_check")
        return None if stored is None else stored == key_check(hasher)

    def lookup(self, value_hash: str, limit: int | None = None) -> list[IndexEntry]:
        """Locations of one hash (at most ``limit``, to cap shared identifiers cheaply)."""
        query = (
            "SELECT entity, source, container, record_key, field, key_masked FROM locations "
            "WHERE value_hash = ? ORDER BY source, container, record_key, field"
        )
        params: tuple = (value_hash,)
        if limit is not None:
            query += " LIMIT ?"
            params += (limit,)
        return [
            IndexEntry(entity, source, container, parse_key(key), field, bool(masked))
            for entity, source, container, key, field, masked in self._conn.execute(query, params)
        ]

    def record_count(self, value_hash: str, cap: int) -> int:
        """Distinct records holding this hash, counted up to ``cap`` (cheap for shared values)."""
        query = (
            "SELECT count(*) FROM (SELECT DISTINCT source, container, record_key FROM locations "
            "WHERE value_hash = ? LIMIT ?)"
        )
        return int(self._conn.execute(query, (value_hash, cap)).fetchone()[0])

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
