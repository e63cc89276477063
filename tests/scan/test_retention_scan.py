"""Retention end to end: ``fouille scan`` with a rule counts exactly the expired records that hold
personal data (CSV and PostgreSQL), keeps the counts through ``--resume``, and the report shows them.

The expected numbers come from the generated data itself (each record's true moment), never
from the scanner's own parser; "now" is pinned with FOUILLE_NOW.
"""

from __future__ import annotations

import csv
import json
import random
import re
from datetime import UTC, datetime, timedelta

import psycopg
from faker import Faker
from psycopg import sql
from scan_cli import run_fouille

from fouille.scanner.core.i18n import format_int
from tests.connectors.pg_fixtures import grant_select, pg_database  # noqa: F401

NOW = "2026-06-15T12:00:00Z"
CUTOFF = datetime(2023, 6, 15, 12, 0, tzinfo=UTC)  # NOW minus 3 years
ROWS = 3_000  # more than the 1,000-value sample: the count must still read every record


def _stored(moment: datetime, style: int) -> tuple[str, datetime]:
    """A moment written the way a real export might, and the moment that text stands for."""
    if style == 0:
        return moment.date().isoformat(), datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
    if style == 1:
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ"), moment
    if style == 2:
        local = moment + timedelta(hours=2)
        return local.strftime("%Y-%m-%d %H:%M:%S+02:00"), moment
    if style == 3:
        return moment.strftime("%d/%m/%Y"), datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
    return str(int(moment.timestamp())), moment


def write_contacts(path, seed: int = 7) -> dict:
    """clients.csv: e-mail (personal data) sometimes empty, created_at in five spellings,
    some empty or unreadable. Returns the true counts."""
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    start = datetime(2018, 1, 1, tzinfo=UTC)
    span = int((datetime(2026, 6, 1, tzinfo=UTC) - start).total_seconds())
    truth = {"expired": 0, "expired_no_pii": 0, "undated": 0, "unreadable": 0, "with_pii": 0}
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "email", "statut", "created_at"])
        for i in range(1, ROWS + 1):
            has_pii = rng.random() > 0.15
            email = f"{fake.user_name()}{i}@example.com" if has_pii else ""
            roll = rng.random()
            if roll < 0.03:
                text, moment = "", None
                truth["undated"] += has_pii
            elif roll < 0.05:
                text, moment = rng.choice(["n/a", "inconnue", "2023-13-45"]), None
                truth["unreadable"] += has_pii
            else:
                text, moment = _stored(start + timedelta(seconds=rng.randrange(span)), rng.randrange(5))
            expired = moment is not None and moment < CUTOFF
            truth["expired"] += expired and has_pii
            truth["expired_no_pii"] += expired and not has_pii
            truth["with_pii"] += has_pii
            writer.writerow([i, email, rng.choice(["actif", "inactif"]), text])
    return truth


def test_csv_scan_counts_expired_records_with_personal_data(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    truth = write_contacts(data / "clients.csv")
    (data / "produits.csv").write_text("ref,created_at\nA1,2001-01-01\n", encoding="utf-8")
    config = tmp_path / "fouille.toml"
    config.write_text(
        '[scan]\nout = "report"\nbatch_rows = 500\n\n[[sources]]\nname = "exports"\ntype = "files"\n'
        f'paths = ["{data}/*.csv"]\n'
        'retention = [{ container = "clients*.csv", field = "created_at", keep = "3y" }]\n',
        encoding="utf-8",
    )
    env = {"FOUILLE_NOW": NOW, "FOUILLE_LANG": "fr"}
    result = run_fouille("scan", "--config", str(config), "--quiet", env_extra=env)
    assert result.returncode == 0, result.stderr
    inventory = json.loads((tmp_path / "report" / "inventory.json").read_text())
    assert inventory["retention"] == [
        {
            "source": "exports",
            "container": "clients.csv",
            "field": "created_at",
            "keep": "3y",
            "as_of": "2026-06-15T12:00:00+00:00",
            "cutoff": "2023-06-15T12:00:00+00:00",
            "field_found": True,
            "records": ROWS,
            "records_with_pii": truth["with_pii"],
            "expired_records": truth["expired"],
            "expired_without_pii": truth["expired_no_pii"],
            "undated_records": truth["undated"],
            "unreadable_records": truth["unreadable"],
        }
    ]
    assert 1_000 < truth["expired"] < 2_000 and truth["undated"] and truth["unreadable"]
    # The detectors still stopped at the sample; only the count read everything.
    email = next(f for f in inventory["fields"] if f["field"] == "email")
    assert email["classification"] == "EMAIL_ADDRESS" and email["rows_scanned"] == 1_000
    clients = next(c for c in inventory["containers"] if c["container"] == "clients.csv")
    assert clients["rows"] == 1_000  # two batches of 500, then the count alone read on

    page = (tmp_path / "report" / "report.html").read_text(encoding="utf-8")
    table = re.search(r'<table[^>]*id="retention-table".*?</table>', page, re.DOTALL).group(0)
    row = next(r for r in re.findall(r"<tr.*?</tr>", table, re.DOTALL) if "clients.csv" in r)
    cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td.*?</td>", row, re.DOTALL)]
    assert cells[4:7] == [
        format_int(truth["with_pii"], "fr"),
        format_int(truth["expired"], "fr"),
        format_int(truth["undated"] + truth["unreadable"], "fr"),
    ]
    assert "à purger" in cells[7] and "avant le 2023-06-15" in cells[3]

    # --resume rebuilds the inventory from the saved state: the same counts.
    again = run_fouille("scan", "--config", str(config), "--quiet", "--resume", env_extra=env)
    assert again.returncode == 0, again.stderr
    resumed = json.loads((tmp_path / "report" / "inventory.json").read_text())
    assert resumed["retention"] == inventory["retention"] and resumed["scan"]["resumed"]


def test_scan_refuses_a_retention_typo(tmp_path):
    config = tmp_path / "fouille.toml"
    config.write_text(
        '[[sources]]\nname = "exports"\ntype = "files"\npaths = ["x.csv"]\n'
        'retention = { field = "created_at", keep = "prospect" }\n',
        encoding="utf-8",
    )
    result = run_fouille("scan", "--config", str(config), "--quiet")
    assert result.returncode == 2
    assert "keep = 'prospect' is neither a period" in result.stderr and "prospects" in result.stderr


PG_TABLE = """
CREATE SCHEMA retention_case;
CREATE TABLE retention_case.prospects (
    id bigint PRIMARY KEY, email text, statut text, last_contact timestamptz);
INSERT INTO retention_case.prospects
    SELECT i,
           CASE WHEN i % 7 = 0 THEN NULL ELSE 'prospect' || i || '@example.com' END,
           'nouveau',
           CASE WHEN i % 50 = 0 THEN NULL
                ELSE timestamptz '2018-01-01 00:00:00+00' + (i * 7919 % 3000) * interval '1 day'
                     + (i % 86400) * interval '1 second' END
    FROM generate_series(1, 4000) i;
ANALYZE retention_case.prospects;
"""


def test_postgres_table_is_read_whole_for_its_rule(tmp_path, pg_database):  # noqa: F811
    with psycopg.connect(pg_database.dsn, autocommit=True) as conn:
        conn.execute(PG_TABLE)
        grant_select(conn, pg_database.scan_role, "retention_case")
        cutoff = datetime(2023, 6, 15, 12, 0, tzinfo=UTC)
        expired, undated = conn.execute(
            sql.SQL(
                "SELECT count(*) FILTER (WHERE last_contact < %s AND email IS NOT NULL),"
                " count(*) FILTER (WHERE last_contact IS NULL AND email IS NOT NULL)"
                " FROM retention_case.prospects"
            ),
            (cutoff,),
        ).fetchone()
    config = tmp_path / "fouille.toml"
    config.write_text(
        f'[scan]\nout = "report"\n\n[[sources]]\nname = "crm"\ntype = "postgres"\n'
        f"dsn = {json.dumps(pg_database.scan_dsn)}\nschemas = [\"retention_case\"]\n"
        'retention = { table = "prospects", field = "last_contact", keep = "prospects" }\n',
        encoding="utf-8",
    )
    result = run_fouille("scan", "--config", str(config), "--quiet", env_extra={"FOUILLE_NOW": NOW})
    assert result.returncode == 0, result.stderr
    inventory = json.loads((tmp_path / "report" / "inventory.json").read_text())
    (rule,) = inventory["retention"]
    assert (rule["container"], rule["keep"]) == ("retention_case.prospects", "prospects")
    assert rule["records"] == 4000  # not a TABLESAMPLE sample
    assert rule["expired_records"] == expired and expired > 1000
    assert rule["undated_records"] == undated and rule["unreadable_records"] == 0
    assert rule["records_with_pii"] == 4000 - 4000 // 7
