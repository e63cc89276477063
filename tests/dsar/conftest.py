"""A multi-store fixture for DSAR tests: PostgreSQL CRM, a cp1252 ``;`` CSV export, chatbot JSONL logs.

The subject is Jeanne Martin (customer 1). She appears with her email in another case
(CSV, chat, newsletter primary key), her phone in several spellings (customer row, a
ticket body, the CSV, a chat message) and in orders reachable only by foreign key.
Another Jeanne Martin (customer 2) shares her name only. Synthetic data: example.com /
example.org, ARCEP fiction phone ranges.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from tests.connectors.pg_fixtures import ADMIN_DSN, dsn_for, require_postgres

SUBJECT_EMAIL = "jeanne.martin@example.com"
SUBJECT_PHONE = "01 99 00 12 34"
OTHER_EMAIL = "jeanne.martin.lyon@example.org"
OTHER_PHONE = "02 61 91 55 66"
SWITCHBOARD = "05 36 49 10 00"
MAX_SHARED = 5

DDL = """
CREATE TABLE customers (id integer PRIMARY KEY, first_name text, last_name text, email text,
                        phone text, phone_pro text);
CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer REFERENCES customers(id),
                     total numeric(10, 2), label text);
CREATE TABLE order_items (id integer PRIMARY KEY, order_id integer REFERENCES orders(id), product text);
CREATE TABLE support_tickets (id integer PRIMARY KEY, subject text, body text);
CREATE TABLE newsletter (email text PRIMARY KEY, subscribed_on date);
"""
ROWS = {
    "customers": [
        (1, "Jeanne", "Martin", SUBJECT_EMAIL, SUBJECT_PHONE, SWITCHBOARD),
        (2, "Jeanne", "Martin", OTHER_EMAIL, OTHER_PHONE, None),
        (3, "Paul", "Durand", "paul.durand@example.com", "03 53 01 77 88", SWITCHBOARD),
    ],
    "orders": [
        (10, 1, "19.90", "commande web"),
        (11, 1, "5.00", "retour"),
        (12, 2, "42.00", "commande web"),
        (13, 3, "7.50", "commande web"),
    ],
    "order_items": [(100, 10, "Parapluie"), (101, 12, "Théière")],
    "support_tickets": [
        (
            6,
            "Adresse",
            f"Merci d'écrire à {SUBJECT_EMAIL} pour la facture",
        ),  # edited after the scan
        (7, "Rappel", "Bonjour, c'est Jeanne Martin, rappelez-moi au 01.99.00.12.34 svp"),
        (8, "Devis", "Jeanne Martin demande un devis pour la semaine prochaine"),
        (9, "Rappel", "Paul Durand attend un appel au 03 53 01 77 88"),
        *[
            (20 + i, "Accueil", f"Appel transféré depuis le standard {SWITCHBOARD}")
            for i in range(6)
        ],
    ],
    "newsletter": [("Jeanne.Martin@Example.com", "2024-03-01"), (OTHER_EMAIL, "2024-05-02")],
}
CSV_LINES = [
    "Nom;Prénom;Email;Téléphone;Ville",
    "Martin;Jeanne;JEANNE.MARTIN@EXAMPLE.COM;+33 1 99 00 12 34;Évry",
    f"Martin;Jeanne;{OTHER_EMAIL};{OTHER_PHONE};Nîmes",
    "Durand;Paul;paul.durand@example.com;03 53 01 77 88;Sète",
    "Martin;J.;;0199001234;Évry",
]
CHAT = [
    {
        "conversation_id": "c1",
        "ts": "2024-06-01T10:00:00",
        "messages": [
            {"role": "user", "text": "Bonjour, mon numéro est le 01 99 00 12 34"},
            {"role": "bot", "text": "Merci, un conseiller vous rappelle."},
        ],
    },
    {
        "conversation_id": "c2",
        "ts": "2024-06-02T11:00:00",
        "messages": [
            {"role": "user", "text": f"Je suis Jeanne Martin, mon mail est {OTHER_EMAIL}"}
        ],
    },
    {
        "conversation_id": "c3",
        "ts": "2024-06-03T12:00:00",
        "messages": [{"role": "user", "text": "écrivez-moi sur Jeanne.Martin@EXAMPLE.com"}],
    },
]

# What a DSAR for the subject must return, exactly.
EXPECTED = {
    ("crm", "public.customers", '{"id":1}'),
    ("crm", "public.orders", '{"id":10}'),
    ("crm", "public.orders", '{"id":11}'),
    ("crm", "public.order_items", '{"id":100}'),
    ("crm", "public.newsletter", '{"email":"Jeanne.Martin@Example.com"}'),
    ("crm", "public.support_tickets", '{"id":7}'),
    ("exports", "crm_export.csv", '{"line":2}'),
    ("exports", "crm_export.csv", '{"line":5}'),
    ("chatbot", "logs/chat.jsonl", '{"line":1}'),
    ("chatbot", "logs/chat.jsonl", '{"line":3}'),
}


@dataclass(frozen=True)
class Stores:
    root: Path
    config: Path
    report: Path
    dsn: str


def _create_database() -> tuple[str, str]:
    require_postgres()
    name = f"fouille_dsar_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    dsn = dsn_for(name)
    with psycopg.connect(dsn) as conn:
        conn.execute(DDL)
        for table, rows in ROWS.items():
            marks = sql.SQL(", ").join(sql.Placeholder() * len(rows[0]))
            query = sql.SQL("INSERT INTO {} VALUES ({})").format(sql.Identifier(table), marks)
            conn.cursor().executemany(query, rows)
    return name, dsn


def _drop_database(name: str) -> None:
    with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def write_files(root: Path) -> None:
    (root / "exports").mkdir(parents=True, exist_ok=True)
    (root / "exports" / "crm_export.csv").write_bytes(
        ("\r\n".join(CSV_LINES) + "\r\n").encode("cp1252")
    )
    (root / "logs").mkdir(exist_ok=True)
    with open(root / "logs" / "chat.jsonl", "w", encoding="utf-8") as out:
        out.writelines(json.dumps(conversation, ensure_ascii=False) + "\n" for conversation in CHAT)


def write_config(root: Path, dsn: str, chat_type: str = "chatlogs") -> Path:
    """The chat export as a ``chatlogs`` source (container ``logs/chat.jsonl``) or, read as
    plain JSONL, a ``files`` source (container ``chat.jsonl``)."""
    chat_paths = "logs/*.jsonl" if chat_type == "chatlogs" else str(root / "logs")
    config = root / "fouille.toml"
    config.write_text(
        f'[scan]\nout = "report"\n\n'
        f'[[sources]]\nname = "crm"\ntype = "postgres"\ndsn = {json.dumps(dsn)}\n'
        f'retention = {{ table = "support_tickets", field = "created_at", keep = "3y" }}\n\n'
        f'[[sources]]\nname = "exports"\ntype = "files"\npaths = [{json.dumps(str(root / "exports"))}]\n\n'
        f'[[sources]]\nname = "chatbot"\ntype = "{chat_type}"\npaths = [{json.dumps(chat_paths)}]\n',
        encoding="utf-8",
    )
    return config


def full_scan(config: Path) -> Path:
    """``fouille scan --full`` then the index, as the pipeline will do it."""
    from fouille.scanner.cli.main import main
    from fouille.scanner.dsar.index import build_index

    report = config.parent / "report"
    code = main(["scan", "--config", str(config), "--full", "--quiet"])
    assert code == 0, f"scan exit code {code}"
    build_index(report)
    return report


@pytest.fixture(scope="session")
def stores(tmp_path_factory) -> Stores:
    """The stores, scanned once; ticket 6 is edited after the scan (its index entry is stale)."""
    import os

    os.environ["FOUILLE_KEY"] = (
        "test-key-not-secret"  # the session fixture runs before autouse ones
    )
    root = tmp_path_factory.mktemp("dsar")
    name, dsn = _create_database()
    try:
        write_files(root)
        config = write_config(root, dsn)
        report = full_scan(config)
        with psycopg.connect(dsn) as conn:
            conn.execute("UPDATE support_tickets SET body = 'Facture envoyée.' WHERE id = 6")
        yield Stores(root, config, report, dsn)
    finally:
        _drop_database(name)


@pytest.fixture(scope="session")
def household(tmp_path_factory):
    """The households of ``households.py``, scanned once (``fouille scan --full``)."""
    import os

    from tests.dsar.households import scanned_household

    os.environ["FOUILLE_KEY"] = "test-key-not-secret"
    yield from scanned_household(tmp_path_factory.mktemp("household"))


@pytest.fixture(scope="session")
def configured(household, tmp_path_factory):
    """The household stores with the CRM's ``[sources.dsar]`` configured (same scan index)."""
    from tests.dsar.households import DSAR_SECTION, Household, write_stores

    root = tmp_path_factory.mktemp("configured")
    config = write_stores(root, household.dsn, DSAR_SECTION)
    return Household(root, config, household.report, household.dsn)
