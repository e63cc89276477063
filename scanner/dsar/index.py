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
from dataclasses import dataclass
from pathlib import Path
from typing import Self

import pyarrow.compute as pc

from reports.findings import read_findings
from scanner.keys import Hasher, load_key
from scanner.model import IDENTIFIER_TYPES

INDEX_NAME = "index.sqlite"
MASKED = "***"
KEY_CHECK_MESSAGE = "fouille index key check"  # hashed: tells a lookup it uses the scan's key
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
    return hasher.hash("_", KEY_CHECK_MESSAGE)


def is_masked_key(public_key: str) -> bool:
    """True for the masked public form ``{"email":"***"}`` of a sensitive record key."""
    try:
        parts = json.loads(public_key)
    except ValueError:
        return False
    return isinstance(parts, dict) and bool(parts) and all(v == MASKED for v in parts.values())


def build_index(out_dir: Path, hasher: Hasher | None = None) -> Path:
    """Build ``out_dir/index.sqlite`` from the findings of a (``--full``) scan; returns its path.

    Only identifier entities are indexed. ``hasher`` defaults to the installation key (the
    one the scan hashed with); only a check hash of it is stored, to catch a key mismatch. Rebuilt from scratch each time (written to a
    temporary file, then renamed), mode 0600.
    """
    out_dir = Path(out_dir)
    target = out_dir / INDEX_NAME
    tmp = out_dir / f".{INDEX_NAME}.tmp"
    if tmp.exists():
        tmp.unlink()
    findings = read_findings(out_dir)
    findings = findings.filter(pc.is_in(findings["entity"], value_set=_identifier_set()))
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    conn = sqlite3.connect(tmp)
    try:
        conn.executescript(_SCHEMA)
        conn.executemany(
            "INSERT OR IGNORE INTO locations VALUES (?, ?, ?, ?, ?, ?, ?)", _rows(findings)
        )
        meta = {
            "mode": _scan_mode(out_dir),
            "rows": str(conn.execute("SELECT count(*) FROM locations").fetchone()[0]),
        }
        meta["key_check"] = key_check(hasher or Hasher(load_key()))
        conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())
        conn.commit()
    finally:
        conn.close()
    os.replace(tmp, target)
    return target


def _identifier_set():
    import pyarrow as pa

    return pa.array(sorted(IDENTIFIER_TYPES), type=pa.string())


def _rows(findings) -> Iterator[tuple]:
    columns = ("value_hash", "entity", "source", "container", "record_key", "field")
    for batch in findings.select(list(columns)).to_batches(max_chunksize=50_000):
        data = [batch.column(i).to_pylist() for i in range(len(columns))]
        for value_hash, entity, source, container, key, field in zip(*data):
            yield value_hash, entity, source, container, key, field, int(is_masked_key(key))


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
            IndexEntry(entity, source, container, json.loads(key), field, bool(masked))
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
