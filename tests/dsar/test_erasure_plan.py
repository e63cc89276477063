"""``fouille dsar --plan-erasure``: the plan's SQL, run by hand, removes exactly the person's rows.

fouille never runs it: the test plays the DPO, in a throw-away copy of the household base.
"""

from __future__ import annotations

import json

import psycopg
import pytest

from tests.dsar.households import (
    PEOPLE,
    Household,
    create_database,
    drop_database,
    run_dsar,
    write_stores,
)

TABLES = ("customers", "orders", "support_tickets", "payments")


def _rows(dsn: str) -> set[tuple[str, int]]:
    with psycopg.connect(dsn) as conn:
        return {(t, row[0]) for t in TABLES for row in conn.execute(f"SELECT id FROM {t}")}


@pytest.fixture
def database():
    name, dsn = create_database()
    try:
        yield dsn
    finally:
        drop_database(name)


def test_the_plan_deletes_exactly_the_persons_rows(database, tmp_path):
    root = tmp_path / "stores"
    config = write_stores(root, database)
    before = _rows(database)
    out = tmp_path / "out"
    code, manifest = run_dsar(
        Household(root, config, root / "report", database),
        out,
        "--live",
        "--email",
        PEOPLE["jeanne"]["email"],
        "--plan-erasure",
    )
    assert code == 0
    assert _rows(database) == before  # writing the plan changed nothing
    plan = json.loads((out / "erasure_plan.json").read_text(encoding="utf-8"))
    assert len(plan) == len(manifest["records"])
    customer = next(p for p in plan if p["container"] == "public.customers")
    assert {"first_name", "last_name", "email", "phone", "mobile", "iban"} <= set(
        customer["fields"]
    )
    assert any(p["source"] == "exports" and "delete this record" in p["action"] for p in plan)
    script = (out / "erasure_plan.sql").read_text(encoding="utf-8")
    assert "NEVER executed" in script
    with psycopg.connect(database, autocommit=True) as conn:
        conn.execute(script)
    removed = before - _rows(database)
    assert removed == {
        ("customers", 1),
        ("orders", 11),
        ("support_tickets", 20),
        ("support_tickets", 23),
    }
