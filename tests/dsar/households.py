"""Households for DSAR identity-safety tests: PostgreSQL, a CSV export and chat logs.

- Jeanne and Marc Martin share a landline and a joint account (one IBAN); Marc discloses a
  health condition in a ticket linked to his customer row only.
- Paul and Julie Lefèvre share a family e-mail.
- Paul, Julie and four colleagues share a company switchboard (fewer than ``--max-shared``).
- Léa Hoarau lives in La Réunion: a mobile ``0692…`` and a landline outside the numbering
  plan (``04 09…``, unallocated), both to be found however they are written.
Synthetic: example.com / example.org, ARCEP fiction ranges (04 65 71, 01 99 00, 05 36 49),
the bank-documentation sample IBAN; the two out-of-range numbers are made up.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

from tests.connectors.pg_fixtures import ADMIN_DSN, dsn_for, require_postgres

LANDLINE = "01 99 00 45 67"
SWITCHBOARD = "05 36 49 20 00"
JOINT_IBAN = "FR76 3000 6000 0112 3456 7890 189"  # the bank-documentation sample
FAMILY_EMAIL = "famille.lefevre@example.org"
OUTSIDE_PLAN = "04 09 00 12 34"  # 04 09: no operator holds this block
OVERSEAS = "0692 99 00 12"  # La Réunion mobile  # fouille: ignore (overseas test number: no fiction range overseas)
OVERSEAS_INTL = "+262 692 99 00 12"  # fouille: ignore (the same, written internationally)
HEALTH_TICKET = "Je suis diabétique, merci de livrer avant midi"


def _person(pid, first, last, email, phone, mobile, iban=None) -> dict:
    return {
        "id": pid,
        "first": first,
        "last": last,
        "email": email,
        "phone": phone,
        "mobile": mobile,
        "iban": iban,
    }


PEOPLE = {
    "jeanne": _person(
        1, "Jeanne", "Martin", "jeanne.martin@example.com", LANDLINE, "04 65 71 11 22", JOINT_IBAN
    ),
    "marc": _person(
        2, "Marc", "Martin", "marc.martin@example.com", LANDLINE, "04 65 71 33 44", JOINT_IBAN
    ),
    "paul": _person(3, "Paul", "Lefèvre", FAMILY_EMAIL, SWITCHBOARD, "04 65 71 55 66"),
    "julie": _person(4, "Julie", "Lefèvre", FAMILY_EMAIL, SWITCHBOARD, "04 65 71 77 88"),
    **{
        name: _person(
            5 + i, first, last, f"{name}@example.com", SWITCHBOARD, f"04 65 71 90 {10 + i}"
        )
        for i, (name, first, last) in enumerate(
            [
                ("luc", "Luc", "Bernard"),
                ("ines", "Inès", "Moreau"),
                ("hugo", "Hugo", "Petit"),
                ("zoe", "Zoé", "Roux"),
            ]
        )
    },
    "lea": _person(9, "Léa", "Hoarau", "lea.hoarau@example.org", OUTSIDE_PLAN, OVERSEAS),
}

DDL = """
CREATE TABLE customers (id integer PRIMARY KEY, first_name text, last_name text, email text,
                        phone text, mobile text, iban text);
CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer REFERENCES customers(id),
                     label text);
CREATE TABLE support_tickets (id integer PRIMARY KEY,
                              customer_id integer REFERENCES customers(id), body text);
CREATE TABLE payments (id integer PRIMARY KEY, iban text, titulaire text, amount numeric(8, 2));
"""
TICKETS = [
    (20, 1, "Ma commande n'est pas arrivée"),
    (21, 2, HEALTH_TICKET),
    (22, None, f"Rappelez-nous au {LANDLINE} s'il vous plaît"),
    (23, None, "Mon portable : 04.65.71.11.22"),
    (24, None, f"Écrire à {FAMILY_EMAIL.upper()} pour la facture"),
    (25, 2, f"Appelez le fixe {LANDLINE} après 18 h"),
    (26, 9, "Colis reçu, merci"),
]
PAYMENTS = [(30, JOINT_IBAN, "M. et Mme Martin", "50.00")]
CSV_LINES = [
    "Nom;Prénom;Email;Téléphone;id_client",
    *[
        f"{p['last']};{p['first']};{p['email']};{p['mobile'] if p['iban'] is None else p['phone']};"
        f"{p['id']}"
        for p in (PEOPLE[n] for n in ("jeanne", "marc", "paul", "julie"))
    ],
    f";;;{LANDLINE};",
    f"Hoarau;Léa;;{OVERSEAS_INTL};",
    "Hoarau;Léa;;04.09.00.12.34;",
]
CHAT = [
    ("c1", "Bonjour, je suis Jeanne, mon portable est le 04.65.71.11.22"),
    ("c2", "C'est Marc, mon adresse est marc.martin@example.com"),
    ("c3", f"Rappelez le fixe de la maison au {LANDLINE}"),
    ("c4", f"Notre adresse commune : {FAMILY_EMAIL}"),
    (
        "c5",
        f"Vous pouvez me joindre au {OVERSEAS_INTL}",
    ),  # fouille: ignore (overseas test number: no fiction range overseas)
    ("c6", "ou sur le fixe 0409001234"),
]

# The CRM's art. 15 texts, as a DPO writes them in fouille.toml.
DSAR_SECTION = """[sources.dsar]
label = { fr = "notre base clients", en = "our customer database" }
purposes = ["gestion des commandes", "service client"]
legal_basis = { fr = "exécution du contrat", en = "performance of the contract" }
recipients = ["notre transporteur"]
retention = "3 ans après la dernière commande"
origin = "collectées auprès de vous lors de votre commande"
automated_decisions = "aucune"

[dsar]
controller = "Boutique Exemple SAS"
contact = "dpo@boutique.example.com, 1 rue de l'Exemple, 75000 Paris"
"""

# key_json of each record, by container, for each person's complete answer.
CUSTOMERS, ORDERS, TICKETS_T = "public.customers", "public.orders", "public.support_tickets"
CSV, CHAT_LOG = "contacts.csv", "logs/chat.jsonl"


def _own(name: str) -> set[tuple[str, str, str]]:
    person = PEOPLE[name]
    return {
        ("crm", CUSTOMERS, f'{{"id":{person["id"]}}}'),
        ("crm", ORDERS, f'{{"id":{10 + person["id"]}}}'),
    }


EXPECTED = {
    "jeanne": _own("jeanne")
    | {
        ("crm", TICKETS_T, '{"id":20}'),
        ("crm", TICKETS_T, '{"id":23}'),
        ("exports", CSV, '{"line":2}'),
        ("chatbot", CHAT_LOG, '{"line":1}'),
    },
    "marc": _own("marc")
    | {
        ("crm", TICKETS_T, '{"id":21}'),
        ("crm", TICKETS_T, '{"id":25}'),
        ("exports", CSV, '{"line":3}'),
        ("chatbot", CHAT_LOG, '{"line":2}'),
    },
    "paul": _own("paul") | {("exports", CSV, '{"line":4}')},
    "julie": _own("julie") | {("exports", CSV, '{"line":5}')},
    "luc": _own("luc"),
    "lea": _own("lea")
    | {
        ("crm", TICKETS_T, '{"id":26}'),
        ("exports", CSV, '{"line":7}'),
        ("exports", CSV, '{"line":8}'),
        ("chatbot", CHAT_LOG, '{"line":5}'),
        ("chatbot", CHAT_LOG, '{"line":6}'),
    },
}
# Reached only through the Martins' landline or joint IBAN: never in either answer.
MARTIN_SHARED_ONLY = {
    ("crm", TICKETS_T, '{"id":22}'),
    ("crm", "public.payments", '{"id":30}'),
    ("exports", CSV, '{"line":6}'),
    ("chatbot", CHAT_LOG, '{"line":3}'),
}


@dataclass(frozen=True)
class Household:
    root: Path
    config: Path
    report: Path
    dsn: str


def create_database() -> tuple[str, str]:
    require_postgres()
    name = f"fouille_household_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    dsn = dsn_for(name)
    with psycopg.connect(dsn) as conn:
        conn.execute(DDL)
        cur = conn.cursor()
        cur.executemany(
            "INSERT INTO customers VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [
                (p["id"], p["first"], p["last"], p["email"], p["phone"], p["mobile"], p["iban"])
                for p in PEOPLE.values()
            ],
        )
        cur.executemany(
            "INSERT INTO orders VALUES (%s, %s, %s)",
            [(10 + p["id"], p["id"], "commande web") for p in PEOPLE.values()],
        )
        cur.executemany("INSERT INTO support_tickets VALUES (%s, %s, %s)", TICKETS)
        cur.executemany("INSERT INTO payments VALUES (%s, %s, %s, %s)", PAYMENTS)
    return name, dsn


def drop_database(name: str) -> None:
    with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def write_stores(root: Path, dsn: str, dsar_section: str = "") -> Path:
    """The CSV export, the chat log and ``fouille.toml`` (``dsar_section`` appended to crm)."""
    (root / "exports").mkdir(parents=True, exist_ok=True)
    (root / "exports" / CSV).write_text("\n".join(CSV_LINES) + "\n", encoding="utf-8")
    (root / "logs").mkdir(exist_ok=True)
    with open(root / "logs" / "chat.jsonl", "w", encoding="utf-8") as out:
        for conversation, text in CHAT:
            line = {"conversation_id": conversation, "messages": [{"role": "user", "text": text}]}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    config = root / "fouille.toml"
    config.write_text(
        f'[scan]\nout = "report"\n\n'
        f'[[sources]]\nname = "crm"\ntype = "postgres"\ndsn = {json.dumps(dsn)}\n{dsar_section}\n'
        f'[[sources]]\nname = "exports"\ntype = "files"\n'
        f"paths = [{json.dumps(str(root / 'exports'))}]\n\n"
        f'[[sources]]\nname = "chatbot"\ntype = "chatlogs"\npaths = ["logs/*.jsonl"]\n',
        encoding="utf-8",
    )
    return config


def scanned_household(root: Path):
    """Create the stores and ``fouille scan --full`` them; yields a ``Household``, then drops
    the database."""
    from fouille.scanner.cli.main import main

    name, dsn = create_database()
    try:
        config = write_stores(root, dsn)
        assert main(["scan", "--config", str(config), "--full", "--quiet"]) == 0
        yield Household(root, config, root / "report", dsn)
    finally:
        drop_database(name)


def run_dsar(household: Household, out: Path, *args: str) -> tuple[int, dict]:
    from fouille.scanner.cli.main import main

    code = main(["dsar", "--config", str(household.config), "--out", str(out), *args])
    path = out / "manifest.json"
    return code, json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def keys_of(entries: list[dict]) -> set[tuple[str, str, str]]:
    return {
        (e["source"], e["container"], json.dumps(e["record_key"], separators=(",", ":")))
        for e in entries
    }


def exported_text(out: Path) -> str:
    """Every file of the answer as text (summary.pdf through its text layer)."""
    from pypdf import PdfReader

    texts = []
    for path in sorted(out.iterdir()):
        if path.suffix == ".pdf":
            texts += [page.extract_text() for page in PdfReader(path).pages]
        else:
            texts.append(path.read_text(encoding="utf-8-sig"))
    return "\n".join(texts)
