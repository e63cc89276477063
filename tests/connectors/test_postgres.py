"""PostgreSQL connector against a real server (127.0.0.1:5432, trust auth; CI fails without it)."""

from __future__ import annotations

import os

import psycopg
import pytest
from psycopg import errors

from fouille.connectors.base import Batch, ReadError, ReadOptions
from fouille.connectors.postgres import PostgresConnector
from fouille.scanner.core.secrets import Secret, redact_dsn, redact_text

try:
    from tests.connectors.pg_fixtures import (
        PgDatabase,
        crm_dsn,
        grant_select,
        people_table_sql,
        pg_database,
    )
except ImportError:  # pytest run with tests/connectors itself on sys.path
    from pg_fixtures import PgDatabase, crm_dsn, grant_select, people_table_sql, pg_database  # noqa: F401

EDGE_DDL = r'''
CREATE SCHEMA edge;
CREATE TABLE edge.no_pk (name text, email text);
INSERT INTO edge.no_pk SELECT 'Nom ' || i, 'np' || i || '@example.org' FROM generate_series(1, 25) i;
CREATE TABLE edge.composite (tenant int, user_id int, phone text, PRIMARY KEY (tenant, user_id));
INSERT INTO edge.composite
    SELECT t, u, '01 99 00 ' || lpad(t::text, 2, '0') || ' ' || lpad(u::text, 2, '0')
    FROM generate_series(1, 3) t, generate_series(1, 4) u;
CREATE TABLE edge.subscribers (email text PRIMARY KEY, name text);
INSERT INTO edge.subscribers VALUES ('zoe@example.com', 'Zoé'), ('adam@example.com', 'Adam');
CREATE TABLE edge.events (id bigint PRIMARY KEY, payload jsonb);
INSERT INTO edge.events VALUES
    (1, '{"contact": {"email": "ev1@example.com", "phones": ["01 99 00 12 34", "02 61 91 00 01"]},
          "kind": "signup"}'),
    (2, '{"contact": {"email": "ev2@example.com"}, "items": [{"sku": "A-1"}, {"sku": "B-2"}]}'),
    (3, NULL);
CREATE TABLE edge.profiles (id int PRIMARY KEY, tags text[]);
INSERT INTO edge.profiles VALUES (1, ARRAY['vip', 'tags@example.com']), (2, '{}'), (3, NULL);
CREATE TABLE edge."Clients Été ""VIP""" ("ID Client" int PRIMARY KEY, "Adresse Mail" text);
INSERT INTO edge."Clients Été ""VIP""" VALUES (7, 'vip@example.com');
CREATE TABLE edge.secrets (id int PRIMARY KEY, num_secu text);
INSERT INTO edge.secrets VALUES (1, 'forbidden-value-42');
CREATE VIEW edge.v_subscribers AS SELECT email, upper(name) AS name FROM edge.subscribers;
CREATE VIEW edge.slow AS SELECT i AS id, pg_sleep(0.3)::text AS s FROM generate_series(1, 5) i;
ANALYZE;
'''
BIG_ROWS = 200_000
READABLE_EDGE = [
    "no_pk",
    "composite",
    "subscribers",
    "events",
    "profiles",
    'Clients Été "VIP"',
    "v_subscribers",
    "slow",
]


@pytest.fixture(scope="module")
def db(pg_database: PgDatabase, crm_dsn: str) -> PgDatabase:
    with psycopg.connect(pg_database.dsn, autocommit=True) as conn:
        conn.execute(EDGE_DDL)
        conn.execute(people_table_sql("big", BIG_ROWS))
        grant_select(conn, pg_database.scan_role, "edge", READABLE_EDGE)  # not edge.secrets
        grant_select(conn, pg_database.scan_role, "big")
    return pg_database


def connector(dsn: str, **config) -> PostgresConnector:
    return PostgresConnector({"name": "crm", "dsn": dsn, **config})


def read_all(conn: PostgresConnector, table: str, **options) -> tuple[list[Batch], list[ReadError]]:
    container = next(c for c in conn.containers() if c.name == table)
    batches, errs = [], []
    for item in conn.read(container, ReadOptions(**options)):
        (batches if isinstance(item, Batch) else errs).append(item)
    return batches, errs


def column(batches: list[Batch], name: str) -> list:
    """Values of a key column (native types) or else of a data column (strings)."""
    return [
        v
        for b in batches
        for v in (b.keys if name in b.keys.schema.names else b.data).column(name).to_pylist()
    ]


def test_discovery_lists_tables_keys_and_foreign_keys(db):
    pg = connector(db.dsn, schemas=["public", "edge"])
    names = {c.name for c in pg.containers()}
    assert {"public.customers", "public.orders", "edge.no_pk", 'edge.Clients Été "VIP"'} <= names
    assert "edge.v_subscribers" not in names  # views only when asked
    tables = pg.tables()
    assert tables["public.customers"].primary_key == ("id",)
    assert tables["edge.composite"].primary_key == ("tenant", "user_id")
    assert tables["edge.no_pk"].primary_key == ()
    assert tables["edge.events"].column("payload").is_json
    assert tables["edge.profiles"].column("tags").is_array
    fks = {(fk.table, fk.columns, fk.ref_table, fk.ref_columns) for fk in pg.foreign_keys()}
    assert ("public.orders", ("customer_id",), "public.customers", ("id",)) in fks
    assert ("public.support_tickets", ("customer_id",), "public.customers", ("id",)) in fks
    views = connector(db.dsn, schemas=["edge"], views=True, include=["v_*"])
    assert [c.name for c in views.containers()] == ["edge.v_subscribers"]
    excluded = connector(db.dsn, schemas=["public"], exclude=["public.order*", "support_*"])
    assert {c.name for c in excluded.containers()} == {"public.customers", "public.newsletter"}


def test_primary_key_is_the_record_key(db):
    batches, errs = read_all(connector(db.dsn), "public.customers", batch_rows=7)
    assert not errs
    assert all(b.num_rows <= 7 for b in batches)
    ids = column(batches, "id")
    assert ids == list(range(1, 61))  # ordered by key, every row once
    assert batches[0].keys.schema.names == ["id"]
    assert not batches[0].key_is_sensitive
    assert all(e.endswith("@example.com") for e in column(batches, "email"))
    assert batches[0].data.column("loyalty_points").type == "string"


def test_table_without_primary_key_uses_row_numbers(db):
    batches, errs = read_all(connector(db.dsn, schemas=["edge"]), "edge.no_pk", batch_rows=10)
    assert not errs
    assert batches[0].keys.schema.names == ["row"]
    assert column(batches, "row") == list(range(1, 26))


def test_composite_key(db):
    batches, _ = read_all(connector(db.dsn, schemas=["edge"]), "edge.composite")
    keys = batches[0].keys.to_pylist()
    assert keys[0] == {"tenant": 1, "user_id": 1} and keys[-1] == {"tenant": 3, "user_id": 4}
    assert column(batches, "phone")[0] == "01 99 00 01 01"


def test_email_primary_key_is_marked_sensitive(db):
    batches, _ = read_all(connector(db.dsn, schemas=["edge"]), "edge.subscribers")
    assert batches[0].key_is_sensitive
    assert column(batches, "email") == ["adam@example.com", "zoe@example.com"]


def test_jsonb_is_flattened_to_paths(db):
    batches, errs = read_all(connector(db.dsn, schemas=["edge"]), "edge.events")
    assert not errs
    data = batches[0].data
    assert "payload" not in data.schema.names
    assert data.column("payload.contact.email").to_pylist() == [
        "ev1@example.com",
        "ev2@example.com",
        None,
    ]
    assert (
        data.column("payload.contact.phones[]").to_pylist()[0] == "01 99 00 12 34\n02 61 91 00 01"
    )
    assert data.column("payload.items[].sku").to_pylist()[1] == "A-1\nB-2"


def test_text_array_one_element_per_line(db):
    batches, _ = read_all(connector(db.dsn, schemas=["edge"]), "edge.profiles")
    assert column(batches, "tags") == ["vip\ntags@example.com", "", None]


def test_quoted_mixed_case_unicode_table(db):
    pg = connector(db.dsn, schemas=["edge"], include=["Clients*"])
    batches, errs = read_all(pg, 'edge.Clients Été "VIP"')
    assert not errs
    assert batches[0].keys.to_pylist() == [{"ID Client": 7}]
    assert column(batches, "Adresse Mail") == ["vip@example.com"]
    assert batches[0].key_is_sensitive is False
    row = pg.fetch_by_key('edge.Clients Été "VIP"', {"ID Client": 7})
    assert row == {"ID Client": 7, "Adresse Mail": "vip@example.com"}


def test_view_is_read_when_views_enabled(db):
    pg = connector(db.dsn, schemas=["edge"], views=True, include=["v_subscribers"])
    batches, errs = read_all(pg, "edge.v_subscribers")
    assert not errs and batches[0].keys.schema.names == ["row"]
    assert sorted(column(batches, "name")) == ["ADAM", "ZOÉ"]


def test_scan_role_permission_denied_is_an_error_and_reading_goes_on(db):
    pg = connector(db.scan_dsn, schemas=["edge"])
    results = {}
    for container in pg.containers():
        items = list(pg.read(container, ReadOptions()))
        results[container.name] = items
    denied = results["edge.secrets"]
    assert len(denied) == 1 and isinstance(denied[0], ReadError)
    assert denied[0].location == "edge.secrets" and "permission denied" in denied[0].error
    assert "forbidden-value-42" not in repr(denied)
    assert isinstance(results["edge.subscribers"][0], Batch)  # the next tables still read
    assert all(
        isinstance(i, Batch)
        for name, items in results.items()
        if name != "edge.secrets"
        for i in items
    )


@pytest.mark.parametrize("as_scan_role", [False, True])
def test_cannot_write_through_the_connection(db, as_scan_role):
    pg = connector(db.scan_dsn if as_scan_role else db.dsn, schemas=["public"])
    conn = pg.connection()
    for statement in (
        "INSERT INTO newsletter VALUES ('w@example.com', true, now())",
        "UPDATE customers SET status = 'x'",
        "CREATE TABLE public.x (i int)",
    ):
        with pytest.raises((errors.ReadOnlySqlTransaction, errors.InsufficientPrivilege)) as raised:
            conn.execute(statement)
        conn.rollback()
        if not as_scan_role:  # superuser: only the read-only transaction stops it
            assert isinstance(raised.value, errors.ReadOnlySqlTransaction)
    conn.autocommit = True  # the session default is read-only too, not only BEGIN READ ONLY
    with pytest.raises((errors.ReadOnlySqlTransaction, errors.InsufficientPrivilege)):
        conn.execute("DELETE FROM orders")
    pg.close()
    with psycopg.connect(db.dsn) as admin:
        assert admin.execute("SELECT count(*) FROM orders").fetchone()[0] == 120


def test_statement_timeout_is_an_error_and_next_table_reads(db):
    pg = connector(
        db.dsn,
        schemas=["edge"],
        views=True,
        include=["slow", "subscribers"],
        statement_timeout="200ms",
    )
    containers = {c.name: c for c in pg.containers()}
    slow = list(pg.read(containers["edge.slow"], ReadOptions()))
    assert [type(i) for i in slow] == [ReadError]
    assert "statement timeout" in slow[0].error
    after = list(pg.read(containers["edge.subscribers"], ReadOptions()))
    assert isinstance(after[0], Batch) and after[0].num_rows == 2


def test_connection_dropped_mid_table_resumes_after_last_key(db):
    pg = connector(db.dsn, batch_rows=10)
    container = next(c for c in pg.containers() if c.name == "public.customers")
    stream = pg.read(container, ReadOptions())
    first = next(stream)
    pid = pg.connection().info.backend_pid
    with psycopg.connect(db.dsn, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    rest = list(stream)
    assert all(isinstance(i, Batch) for i in rest)
    ids = column([first, *rest], "id")
    assert ids == list(range(1, 61))
    assert pg.connection().info.backend_pid != pid


def test_resume_after_and_stream_modes_agree(db):
    cursor_pg = connector(db.dsn, schemas=["edge", "public"])
    copy_pg = connector(db.dsn, schemas=["edge", "public"], stream="copy")
    for table in (
        "public.customers",
        "edge.events",
        "edge.composite",
        "edge.no_pk",
        "edge.profiles",
    ):
        via_cursor, _ = read_all(cursor_pg, table)
        via_copy, errs = read_all(copy_pg, table)
        assert not errs
        assert [b.data.to_pylist() for b in via_cursor] == [b.data.to_pylist() for b in via_copy]
        assert [b.keys.to_pylist() for b in via_cursor] == [b.keys.to_pylist() for b in via_copy]
    for pg in (cursor_pg, copy_pg):
        batches, _ = read_all(pg, "edge.composite", resume_after={"tenant": 2, "user_id": 4})
        assert batches[0].keys.to_pylist()[0] == {"tenant": 3, "user_id": 1}
        batches, _ = read_all(pg, "edge.no_pk", resume_after={"row": 20})
        assert column(batches, "row") == [21, 22, 23, 24, 25]
        assert column(batches, "name") == [f"Nom {i}" for i in range(21, 26)]


def test_sample_mode_bounded_sample_with_small_table_fallback(db):
    pg = connector(db.dsn, schemas=["big", "public"])
    batches, errs = read_all(pg, "big.people", sample_rows=1000, batch_rows=400)
    assert not errs
    ids = column(batches, "id")
    assert 500 <= len(ids) <= 1000 and ids == sorted(set(ids))
    assert max(ids) - min(ids) > 100_000  # spread over the table, not its first pages
    small, _ = read_all(pg, "public.customers", sample_rows=1000)
    assert column(small, "id") == list(range(1, 61))  # small table: read whole
    capped, _ = read_all(pg, "public.orders", sample_rows=50)
    assert len(column(capped, "id")) == 50
    free_text, _ = read_all(pg, "public.support_tickets", sample_rows=10)
    assert len(column(free_text, "id")) == 60  # a `body` column: free text is read whole


def current_rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_200k_rows_stream_with_bounded_memory(db):
    pg = connector(db.scan_dsn, schemas=["big"])
    container = next(pg.containers())
    baseline, peak, rows, last_id = current_rss(), 0, 0, 0
    for batch in pg.read(container, ReadOptions(batch_rows=10_000)):
        assert isinstance(batch, Batch) and batch.num_rows <= 10_000
        ids = batch.keys.column("id").to_pylist()
        assert ids[0] == last_id + 1
        last_id, rows = ids[-1], rows + batch.num_rows
        peak = max(peak, current_rss() - baseline)
    assert rows == BIG_ROWS
    assert peak < 150 * 2**20, f"RSS grew by {peak / 2**20:.0f} MiB"


def test_fetch_by_key_returns_current_row(db):
    pg = connector(db.dsn, schemas=["public", "edge"])
    row = pg.fetch_by_key("public.customers", {"id": 3})
    assert row["id"] == 3 and row["email"].endswith("3@example.com")
    assert pg.fetch_by_key("public.customers", {"id": 999}) is None
    event = pg.fetch_by_key("edge.events", {"id": 1})
    assert event["payload"]["contact"]["email"] == "ev1@example.com"
    assert pg.fetch_by_key("edge.subscribers", {"email": "zoe@example.com"})["name"] == "Zoé"
    assert (
        pg.fetch_by_key("edge.composite", {"tenant": "2", "user_id": 3})["phone"]
        == "01 99 00 02 03"
    )
    assert pg.fetch_by_key("edge.no_pk", {"row": 2})["name"] == "Nom 2"


def test_password_never_shown(db, monkeypatch, caplog):
    password = "Hunter2-Pw"
    unreachable = connector(f"postgresql://postgres:{password}@127.0.0.1:1/nowhere")
    items = list(unreachable.containers())
    assert len(items) == 1 and isinstance(items[0], ReadError)
    shown = " ".join([repr(items), unreachable.describe(), repr(unreachable.__dict__), caplog.text])
    assert password not in shown and "***" in unreachable.describe()
    monkeypatch.setenv("CRM_DSN", f"{db.dsn} password={password}")
    from_env = PostgresConnector({"name": "crm", "dsn_env": "CRM_DSN"})
    assert password not in from_env.describe()
    assert any(c.name == "public.customers" for c in from_env.containers())  # trust auth
    url = PostgresConnector.from_url("db", f"postgresql://u:{password}@h/crm")
    assert url.describe() == "PostgresConnector(db, postgresql://u:***@h/crm)"


@pytest.mark.parametrize(
    "dsn, shown",
    [
        ("postgresql://reader:p%40ss@db:5432/crm", "postgresql://reader:***@db:5432/crm"),
        (
            "postgres://reader@db/crm?password=abc&sslmode=require",
            "postgres://reader@db/crm?password=***&sslmode=require",
        ),
        ("host=db password='x y\\'z' user=r", "host=db password=*** user=r"),
        ("host=db PASSWORD = plain user=r", "host=db PASSWORD = *** user=r"),
        ("host=db user=r", "host=db user=r"),
    ],
)
def test_redact_dsn(dsn, shown):
    assert redact_dsn(dsn) == shown


def test_secret_never_prints():
    secret = Secret("tr0ub4dor")
    assert "tr0ub4dor" not in repr(secret) + str(secret) + f"{secret}" + repr([secret])
    assert secret.reveal() == "tr0ub4dor"
    assert redact_text("failed for tr0ub4dor", ("tr0ub4dor",)) == "failed for ***"


def test_crm_end_to_end_classification(db, tmp_path, monkeypatch):
    """The scan role scans the CRM; PII columns classified right, nothing else called PII."""
    from fouille.scanner.core.config import ScanConfig, source_from_argument
    from fouille.scanner.cli.scan import run_scan

    try:
        from tests.connectors.pg_fixtures import CRM_PII_COLUMNS
    except ImportError:
        from pg_fixtures import CRM_PII_COLUMNS

    monkeypatch.setenv("FOUILLE_KEY", "0" * 64)
    url = psycopg.conninfo.conninfo_to_dict(db.scan_dsn)
    source = source_from_argument(
        f"postgresql://{url['user']}@{url['host']}:{url['port']}/{url['dbname']}", set()
    )
    outcome = run_scan(ScanConfig(out=str(tmp_path / "report"), sources=[source]))
    assert outcome.inventory["errors"] == [] and outcome.exit_code == 0
    fields = {(f["container"], f["field"]): f for f in outcome.inventory["fields"]}
    assert {c for c, _ in fields} == {
        "public.customers",
        "public.orders",
        "public.support_tickets",
        "public.newsletter",
    }
    for (container, name), entry in fields.items():
        expected = CRM_PII_COLUMNS.get(container, {}).get(name)
        assert entry["classification"] == expected, (container, name, entry["entities"])
    body = fields[("public.support_tickets", "body")]["entities"]
    assert {"PERSON", "PHONE_NUMBER", "SENSITIVE_HEALTH", "EMAIL_ADDRESS"} <= set(body)
    assert "@example.com" not in str(outcome.inventory)  # examples are masked
