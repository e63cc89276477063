"""PostgreSQL in a process pool: every worker opens its own connection (issue 18, item 7).

A forked worker used to inherit the parent's cached connector and its open connection:
two processes on one socket hung the scan or failed tables (``DuplicateCursor``).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from psycopg.conninfo import conninfo_to_dict
from resilience_helpers import REPO, base_env

sys.path.insert(0, str(REPO / "tests" / "connectors"))
from pg_fixtures import crm_dsn, pg_database  # noqa: F401

RUNS = 3
HANG_SECONDS = 240  # a hang fails the test instead of blocking CI
CRM_TABLES = {"public.customers", "public.orders", "public.support_tickets", "public.newsletter"}


def _url(dsn: str) -> str:
    params = conninfo_to_dict(dsn)
    return (f"postgresql://{params.get('user', 'postgres')}@{params.get('host', '127.0.0.1')}:"
            f"{params.get('port', 5432)}/{params['dbname']}")


def _scan(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fouille.scanner.cli", *args], check=False,
                          capture_output=True, text=True, env=base_env(), cwd=REPO,
                          timeout=HANG_SECONDS)


@pytest.mark.parametrize("run", range(RUNS))
def test_two_workers_scan_every_table(crm_dsn, tmp_path, run):  # noqa: F811
    data = tmp_path / "data"
    data.mkdir()
    (data / "contacts.csv").write_text(
        "id,email\n" + "".join(f"{i},contact{i}@example.com\n" for i in range(200)), encoding="utf-8")
    try:
        done = _scan(["scan", _url(crm_dsn), str(data), "--workers", "2", "--out", str(tmp_path / "out"),
                      "--format", "json"])
    except subprocess.TimeoutExpired:
        pytest.fail(f"the scan with 2 workers hung (run {run})")
    assert done.returncode == 0, done.stderr[-2000:]
    inventory = json.loads(done.stdout)["inventory"]
    containers = {f["container"] for f in inventory["fields"]}
    assert CRM_TABLES | {"contacts.csv"} <= containers
    assert inventory["errors"] == []


def test_binary_columns_are_listed_not_silently_skipped(pg_database):  # noqa: F811
    import psycopg

    from fouille.connectors.base import Batch, ReadError, ReadOptions
    from fouille.connectors.postgres import PostgresConnector

    with psycopg.connect(pg_database.dsn, autocommit=True) as conn:
        conn.execute("CREATE SCHEMA media; CREATE TABLE media.photos "
                     "(id int PRIMARY KEY, email text, photo bytea);"
                     "INSERT INTO media.photos VALUES (1, 'photo@example.com', '\\x89504e47')")
    connector = PostgresConnector({"name": "db", "dsn": pg_database.dsn, "schemas": ["media"]})
    try:
        [table] = list(connector.containers())
        items = list(connector.read(table, ReadOptions()))
    finally:
        connector.close()
    errors = [(i.location, i.error) for i in items if isinstance(i, ReadError)]
    assert errors == [("media.photos:photo", "bytea column (binary or geometric): not scanned")]
    assert sum(i.num_rows for i in items if isinstance(i, Batch)) == 1
