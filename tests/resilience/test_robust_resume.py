"""``--resume`` after the inputs changed: what changed is scanned again, what vanished is
dropped, what is unchanged is kept (issue 18, item 9)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from resilience_helpers import REPO, comparable_inventory, findings_multiset, run_fouille

sys.path.insert(0, str(REPO / "tests" / "connectors"))
from pg_fixtures import pg_database  # noqa: F401


def _write(path: Path, prefix: str, rows: int) -> None:
    path.write_text("id;email\n" + "".join(f"{i};{prefix}{i}@example.com\n" for i in range(rows)),
                    encoding="utf-8")


def _scan_args(data: Path, out: Path) -> list[str]:
    return ["scan", str(data), "--out", str(out), "--full", "--quiet"]


def test_resume_rescans_changed_and_drops_deleted_inputs(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    _write(data / "kept.csv", "kept", 10)
    _write(data / "edited.csv", "old", 10)
    _write(data / "deleted.csv", "gone", 10)
    out = tmp_path / "report"
    assert run_fouille(*_scan_args(data, out)).returncode == 0
    _write(data / "edited.csv", "new", 25)
    stat = (data / "edited.csv").stat()
    os.utime(data / "edited.csv", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    (data / "deleted.csv").unlink()
    resumed = run_fouille(*_scan_args(data, out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    fresh = tmp_path / "fresh"
    assert run_fouille(*_scan_args(data, fresh)).returncode == 0
    assert comparable_inventory(out) == comparable_inventory(fresh)
    assert findings_multiset(out) == findings_multiset(fresh)
    containers = {c["container"]: c for c in comparable_inventory(out)["containers"]}
    assert set(containers) == {"kept.csv", "edited.csv"}


def test_resume_rescans_a_table_written_to_since(tmp_path, pg_database):  # noqa: F811
    import psycopg

    with psycopg.connect(pg_database.dsn, autocommit=True) as conn:
        conn.execute("CREATE SCHEMA resumed; CREATE TABLE resumed.people (id int PRIMARY KEY, email text);"
                     "CREATE TABLE resumed.other (id int PRIMARY KEY, email text);"
                     "INSERT INTO resumed.people VALUES (1, 'first@example.com');"
                     "INSERT INTO resumed.other VALUES (1, 'other@example.com')")
    config = tmp_path / "fouille.toml"
    config.write_text(f'[[sources]]\nname = "db"\ntype = "postgres"\ndsn = "{pg_database.dsn}"\n'
                      'schemas = ["resumed"]\n', encoding="utf-8")
    out = tmp_path / "report"
    args = ["scan", "--config", str(config), "--out", str(out), "--full", "--quiet"]
    assert run_fouille(*args).returncode == 0
    with psycopg.connect(pg_database.dsn, autocommit=True) as conn:  # closed: its stats are flushed
        conn.execute("INSERT INTO resumed.people VALUES (2, 'second@example.com')")
    resumed = run_fouille(*args, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    rows = {c["container"]: c["rows"] for c in comparable_inventory(out)["containers"]}
    assert rows == {"resumed.people": 2, "resumed.other": 1}
