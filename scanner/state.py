"""Resume state: which partitions are finished, with their counters (SQLite in the report folder).

A partition is recorded only after its findings file is on disk (fsynced, renamed), so a
scan killed at any point resumes with nothing lost and nothing doubled: a partition
killed before its record is scanned again and its findings file replaced, never appended.
Holds counters and masked previews only.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path


class ScanState:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        os.chmod(path, 0o600)  # counters and masked previews: for the report's owner only
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS partitions (id TEXT PRIMARY KEY, result TEXT NOT NULL)"
        )
        self._db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        self._db.commit()

    def done(self) -> dict[str, dict]:
        rows = self._db.execute("SELECT id, result FROM partitions").fetchall()
        return {pid: json.loads(result) for pid, result in rows}

    def record(self, partition_id: str, result: dict) -> None:
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO partitions (id, result) VALUES (?, ?)",
                (partition_id, json.dumps(result, ensure_ascii=False)),
            )

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
