"""Resume state: which partitions are finished, with their counters (SQLite in the report folder).

A partition is recorded only after its findings file is on disk (fsynced, renamed), so a
scan killed at any point resumes with nothing lost and nothing doubled: a partition
killed before its record is scanned again and its findings file replaced, never appended.
Holds counters and masked previews only.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("fouille")


def _parsed_result(text: object, check: Callable[[dict], object] | None) -> dict | None:
    """A recorded result, or None when the row is damaged (not JSON, or ``check`` fails)."""
    try:
        result = json.loads(text)
        if not isinstance(result, dict):
            return None
        if check is not None:
            check(result)
    except (TypeError, ValueError, KeyError, AttributeError):
        return None
    return result


class ScanState:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        os.chmod(path, 0o600)  # counters and masked previews: for the report's owner only
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS partitions (id TEXT PRIMARY KEY, result TEXT NOT NULL)"
        )
        self._db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(partitions)")}
        if "version" not in columns:  # a state file written before versions were recorded
            self._db.execute("ALTER TABLE partitions ADD COLUMN version TEXT NOT NULL DEFAULT ''")
        self._db.commit()

    def done(self, check: Callable[[dict], object] | None = None) -> dict[str, dict]:
        """The recorded results by partition id; a row that cannot be read (a damaged file,
        or ``check`` raises on it) is left out: its partition is scanned again."""
        rows = self._db.execute("SELECT id, result FROM partitions").fetchall()
        done = {}
        for pid, result in rows:
            parsed = _parsed_result(result, check)
            if isinstance(pid, str) and parsed is not None:
                done[pid] = parsed
            else:
                log.warning("state.sqlite: an unreadable partition record was skipped; "
                            "that partition is scanned again")
        return done

    def record(self, partition_id: str, result: dict, version: str = "") -> None:
        """Record a finished partition with the version of its input (``Container.version``)."""
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO partitions (id, result, version) VALUES (?, ?, ?)",
                (partition_id, json.dumps(result, ensure_ascii=False), version),
            )

    def versions(self) -> dict[str, str]:
        """The input version each recorded partition was scanned at."""
        return dict(self._db.execute("SELECT id, version FROM partitions").fetchall())

    def forget(self, partition_ids: set[str]) -> None:
        """Drop these partitions' records (a ``--since-last`` scan re-reads or drops them)."""
        with self._db:
            self._db.executemany("DELETE FROM partitions WHERE id = ?", [(p,) for p in partition_ids])

    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def close(self) -> None:
        self._db.close()
