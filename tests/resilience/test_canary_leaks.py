"""Canaries of every entity type, planted in every kind of store, never leave them.

After ``scan --full -vv``, the subject index, a DSAR for *another* person and ``ci``, every
output file (Parquet and SQLite read row by row), stdout and stderr are searched for each
canary in every written form: zero hits. The stores: CSV, JSONL, JSON, Parquet, gzip,
a chat-log export and a PostgreSQL table.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from resilience_helpers import run_fouille
from stdnum import luhn
from stdnum.fr import nir

PG_ADMIN = os.environ.get("FOUILLE_TEST_PG", "host=127.0.0.1 port=5432 user=postgres dbname=postgres")
OTHER_EMAIL = "other.person@example.org"


def _luhn_complete(base: str) -> str:
    return base + luhn.calc_check_digit(base)


def canaries() -> dict[str, tuple[str, list[str]]]:
    """entity -> (text planted, forms that must never appear in any output)."""
    siren = _luhn_complete("52310943")
    siret = _luhn_complete(_luhn_complete("41082765") + "0002")
    vat = f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"
    nir_value = "1840699123456" + nir.calc_check_digits("1840699123456")
    card = _luhn_complete("453201511283036")
    iban = "FR7630006000011234567890189"  # the bank-documentation sample IBAN
    return {
        "EMAIL_ADDRESS": ("zq7.canari@example.com", ["zq7.canari@example.com", "zq7.canari"]),
        "PHONE_NUMBER": ("04 65 71 38 29", ["04 65 71 38 29", "0465713829", "+33465713829"]),
        "IBAN_CODE": ("FR76 3000 6000 0112 3456 7890 189", [iban, "3000 6000 0112"]),
        "CREDIT_CARD": (card, [card, " ".join(card[i:i + 4] for i in range(0, 16, 4))]),
        "IP_ADDRESS": ("203.0.113.58", ["203.0.113.58"]),
        "FR_SIREN": (f"siren {siren}", [siren]),
        "FR_SIRET": (f"siret {siret}", [siret]),
        "FR_VAT": (f"TVA {vat}", [vat, vat.lower()]),
        "FR_NIR": (f"n° sécu {nir_value}", [nir_value]),
        "FR_CNI": ("carte d'identité n° 731292310285", ["731292310285"]),  # fouille: ignore (planted canary: no checksum, cannot be built)
        "FR_PASSPORT": ("passeport n° 17ZQ48213", ["17ZQ48213", "17zq48213"]),  # fouille: ignore (planted canary: no checksum, cannot be built)
        "DATE_OF_BIRTH": ("né le 17/09/1973", ["17/09/1973"]),  # fouille: ignore (planted canary: no checksum, cannot be built)
        "ADDRESS": ("27 rue des Canaris, 29700 Pluguffan", ["rue des Canaris", "Pluguffan"]),  # fouille: ignore (planted canary: no checksum, cannot be built)
        "PERSON": ("Zéphyrine Quenouillard", ["Quenouillard", "Zéphyrine"]),
        "LOCATION": ("Ploumanac'h", ["Ploumanac"]),
        "SENSITIVE_HEALTH": ("je suis diabétique depuis 2011", ["diabétique depuis 2011", "diabétique"]),
    }


PROSE = ("PERSON", "LOCATION", "SENSITIVE_HEALTH")


def note() -> str:
    """The identifiers, as a support agent would jot them down."""
    return "Client : " + ". ".join(t for e, (t, _) in canaries().items() if e not in PROSE) + "."


def prose() -> str:
    """Free text: names, places and a disclosure need sentences around them."""
    person, place, health = (canaries()[e][0] for e in PROSE)
    return (f"Bonjour, je m'appelle {person} et j'habite à {place} depuis longtemps. "
            f"Je vous écris car {health}, et je voudrais savoir si mon contrat le couvre bien.")


def plant_files(folder: Path) -> None:
    folder.mkdir(parents=True)
    values = {entity: text for entity, (text, _) in canaries().items()}
    row = {"email": values["EMAIL_ADDRESS"], "telephone": values["PHONE_NUMBER"],
           "iban": values["IBAN_CODE"], "notes": note(), "commentaire": prose()}
    other = {"email": OTHER_EMAIL, "telephone": "01 99 00 55 66", "iban": "", "notes": "RAS",
             "commentaire": "Bonjour, une question sur ma facture du mois dernier s'il vous plaît."}
    header = ";".join(row)
    lines = [header, ";".join(row.values()), ";".join(other.values())]
    (folder / "clients.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "clients.jsonl").write_text(json.dumps({"client": row}, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    (folder / "clients.json").write_text(json.dumps([{"client": row}], ensure_ascii=False), encoding="utf-8")
    pq.write_table(pa.Table.from_pylist([row, other]), folder / "clients.parquet")
    import gzip

    (folder / "clients.csv.gz").write_bytes(gzip.compress("\n".join(lines[:2]).encode("utf-8")))


def plant_chatlogs(folder: Path) -> None:
    folder.mkdir(parents=True)
    conversations = [
        {"conversation_id": "c1", "user": {"email": canaries()["EMAIL_ADDRESS"][0]},
         "messages": [{"role": "user", "text": prose() + "\n" + note(), "ts": "2024-01-01T10:00:00"},
                      {"role": "bot", "text": "Merci, c'est noté.", "ts": "2024-01-01T10:00:05"}]},
        {"conversation_id": "c2", "user": {"email": OTHER_EMAIL},
         "messages": [{"role": "user", "text": "Bonjour, une question.", "ts": "2024-01-02T10:00:00"}]},
    ]
    (folder / "chat.jsonl").write_text(
        "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in conversations), encoding="utf-8"
    )


@pytest.fixture
def pg_database():
    """A throw-away database holding the canaries; None when PostgreSQL is absent (not in CI)."""
    psycopg = pytest.importorskip("psycopg")
    try:
        admin = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is required in CI (127.0.0.1:5432)")
        yield None
        return
    name = f"fouille_leak_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    dsn = PG_ADMIN.replace("dbname=postgres", f"dbname={name}")
    values = {entity: text for entity, (text, _) in canaries().items()}
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("CREATE TABLE clients (id int PRIMARY KEY, email text, telephone text, "
                     "notes text, commentaire text)")
        conn.execute("INSERT INTO clients VALUES (1, %s, %s, %s, %s), (2, %s, '01 99 00 55 66', 'RAS', '')",
                     (values["EMAIL_ADDRESS"], values["PHONE_NUMBER"], note(), prose(), OTHER_EMAIL))
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.close()


def _texts_of(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` as searchable text (Parquet and SQLite read row by row)."""
    texts = {}
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        if path.suffix == ".parquet":
            texts[str(path)] = json.dumps(pq.read_table(path).to_pylist(), ensure_ascii=False, default=str)
        elif path.suffix == ".sqlite":
            db = sqlite3.connect(path)
            tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            rows = [r for t in tables for r in db.execute(f'SELECT * FROM "{t}"')]
            db.close()
            texts[str(path)] = json.dumps(rows, ensure_ascii=False, default=str)
        else:
            texts[str(path)] = path.read_bytes().decode("utf-8", errors="replace")
    return texts


def test_canaries_never_leave_their_stores(tmp_path, pg_database):
    data, chats = tmp_path / "data", tmp_path / "chats"
    plant_files(data)
    plant_chatlogs(chats)
    out, dsar_out, ci_out = tmp_path / "report", tmp_path / "dsar", tmp_path / "ci.sarif"
    pg_source = (f'[[sources]]\nname = "crm"\ntype = "postgres"\ndsn = "{pg_database}"\n'
                 if pg_database else "")
    config = tmp_path / "fouille.toml"
    config.write_text(
        f'[scan]\nmode = "full"\nout = "{out}"\n\n'
        f'[[sources]]\nname = "exports"\ntype = "files"\npaths = ["{data}"]\n\n'
        f'[[sources]]\nname = "chatbot"\ntype = "chatlogs"\npaths = ["{chats}/*.jsonl"]\n\n{pg_source}',
        encoding="utf-8",
    )
    runs = {"scan": run_fouille("-vv", "scan", "--config", str(config))}
    assert runs["scan"].returncode == 0, runs["scan"].stderr[-3000:]

    from fouille.scanner.dsar.index import build_index

    build_index(out)
    runs["dsar"] = run_fouille("-vv", "dsar", "--email", OTHER_EMAIL, "--config", str(config),
                               "--out", str(dsar_out))
    assert runs["dsar"].returncode == 0, runs["dsar"].stderr[-3000:]
    runs["ci"] = run_fouille("-vv", "ci", str(data), "--root", str(tmp_path), "--format", "sarif",
                             "--output", str(ci_out))
    runs["ci-text"] = run_fouille("-vv", "ci", str(data), str(chats), "--root", str(tmp_path))
    assert runs["ci"].returncode == 1 and runs["ci-text"].returncode == 1  # the canaries fail the gate

    inventory = json.loads((out / "inventory.json").read_text(encoding="utf-8"))
    found = {entity for f in inventory["fields"] for entity in f["entities"]}
    planted = set(canaries()) - {"PERSON", "LOCATION"}  # NER may or may not name these
    assert planted <= found, f"not detected: {planted - found}"
    if pg_database:
        assert any(f["source"] == "crm" for f in inventory["fields"])
    assert (out / "index.sqlite").exists() and (out / "state.sqlite").exists()
    assert OTHER_EMAIL in json.dumps(_texts_of(dsar_out), ensure_ascii=False)  # the export works

    texts = {}
    for folder in (out, dsar_out):
        texts.update(_texts_of(folder))
    texts[str(ci_out)] = ci_out.read_text(encoding="utf-8")
    for name, run in runs.items():
        texts[f"{name} stdout"], texts[f"{name} stderr"] = run.stdout, run.stderr
    leaks = [f"{entity} ({form}) in {where}"
             for entity, (_, forms) in canaries().items() for form in forms
             for where, text in texts.items() if form.lower() in text.lower()]
    assert not leaks, "\n".join(leaks)
