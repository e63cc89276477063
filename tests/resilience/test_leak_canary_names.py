"""Canaries planted in *names* (and values) of every connector never leave their stores.

File names, CSV headers, JSON and JSONL keys, Parquet columns, chat-log file names and user
keys, PostgreSQL column names and jsonb keys, S3 keys and headers each hold a unique e-mail or
phone number. After ``scan --full -vv`` and ``ci``, every output byte (inventory, report,
findings, registre, state, index, the S3 change-tracking file, stdout, stderr with the debug
log) is searched for each canary, raw and normalised: zero hits. Extends
``test_canary_leaks`` (values) with the same reading of outputs.
"""

from __future__ import annotations

import json
import os
import sys
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from resilience_helpers import base_env, run_fouille
from test_canary_leaks import PG_ADMIN, _texts_of

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "connectors"))
from s3_fixtures import moto_endpoint, s3_client  # noqa: F401

NAME_CANARIES = {
    "file name": "fiona.fichier@example.com",
    "CSV header": "hector.entete@example.com",
    "JSON key": "jules.clejson@example.com",
    "JSONL key": "04 65 71 61 07",
    "Parquet column": "paula.colonne@example.com",
    "Parquet nested key": "nina.imbrique@example.com",
    "chat-log file name": "chloe.journal@example.com",
    "chat user key": "cyril.cleuser@example.com",
    "PostgreSQL column": "gaston.colonnepg@example.com",
    "jsonb key": "justine.jsonb@example.com",
    "S3 key": "sacha.objet@example.com",
    "S3 CSV header": "serge.entetes3@example.com",
}
VALUE_CANARY = "valentin.valeur@example.com"


def forms(canary: str) -> list[str]:
    """Every way a canary could be written: raw, lower case, e-mail local part, phone digits."""
    out = [canary, canary.lower()]
    if "@" in canary:
        out.append(canary.split("@")[0])
    else:
        digits = "".join(c for c in canary if c.isdigit())
        out += [digits, "+33" + digits[1:], digits[1:]]
    return out


def plant_files(folder: Path) -> None:
    c = NAME_CANARIES
    folder.mkdir(parents=True)
    (folder / f"{c['file name']}.csv").write_text(f"id;email\n1;{VALUE_CANARY}\n", encoding="utf-8")
    (folder / "entetes.csv").write_text(f"id;{c['CSV header']};ville\n1;oui;Paris\n", encoding="utf-8")
    users = {"users": {c["JSON key"]: {"ville": "Paris", "email": VALUE_CANARY}, "u2": {"ville": "Lyon"}}}
    (folder / "users.json").write_text(json.dumps(users), encoding="utf-8")
    (folder / "annuaire.jsonl").write_text(json.dumps({"contacts": {c["JSONL key"]: "Durand"}}) + "\n",
                                           encoding="utf-8")
    table = pa.table({"id": [1], c["Parquet column"]: ["x"],
                      "profil": [{c["Parquet nested key"]: "y", "ville": "Nantes"}]})
    pq.write_table(table, folder / "colonnes.parquet")


def plant_chatlogs(folder: Path) -> None:
    c = NAME_CANARIES
    folder.mkdir(parents=True)
    conversation = {"conversation_id": "c1", "user": {c["chat user key"]: "oui", "email": VALUE_CANARY},
                    "messages": [{"role": "user", "text": f"Écrivez-moi à {VALUE_CANARY}, merci.",
                                  "ts": "2024-01-01T10:00:00"}]}
    (folder / f"{c['chat-log file name']}.jsonl").write_text(json.dumps(conversation) + "\n",
                                                             encoding="utf-8")


def plant_bucket(endpoint: str) -> str:
    bucket = f"fouille-names-{uuid.uuid4().hex[:12]}"
    client = s3_client(endpoint)
    client.create_bucket(Bucket=bucket)
    c = NAME_CANARIES
    client.put_object(Bucket=bucket, Key=f"clients/{c['S3 key']}.csv",
                      Body=f"id;email\n1;{VALUE_CANARY}\n".encode())
    client.put_object(Bucket=bucket, Key="clients/entetes.csv",
                      Body=f"id;{c['S3 CSV header']}\n1;oui\n".encode())
    return bucket


@pytest.fixture
def pg_dsn():
    """A throw-away database whose names hold canaries; None when PostgreSQL is absent."""
    psycopg = pytest.importorskip("psycopg")
    try:
        admin = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is required in CI (127.0.0.1:5432)")
        yield None
        return
    name = f"fouille_names_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    c = NAME_CANARIES
    with psycopg.connect(PG_ADMIN.replace("dbname=postgres", f"dbname={name}"), autocommit=True) as conn:
        conn.execute(f'CREATE TABLE fiches (id int PRIMARY KEY, "{c["PostgreSQL column"]}" text, '
                     "email text, profil jsonb)")
        conn.execute("INSERT INTO fiches VALUES (1, 'oui', %s, %s)",
                     (VALUE_CANARY, json.dumps({c["jsonb key"]: {"ville": "Brest"}})))
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.close()


def test_name_canaries_never_leave_their_stores(tmp_path, moto_endpoint, pg_dsn):  # noqa: F811
    data, chats, out = tmp_path / "data", tmp_path / "chats", tmp_path / "report"
    plant_files(data)
    plant_chatlogs(chats)
    bucket = plant_bucket(moto_endpoint)
    pg = f'[[sources]]\nname = "crm"\ntype = "postgres"\ndsn = "{pg_dsn}"\n\n' if pg_dsn else ""
    config = tmp_path / "fouille.toml"
    config.write_text(
        f'[scan]\nmode = "full"\nout = "{out}"\n\n'
        f'[[sources]]\nname = "exports"\ntype = "files"\npaths = ["{data}"]\n\n'
        f'[[sources]]\nname = "chatbot"\ntype = "chatlogs"\npaths = ["{chats}/*.jsonl"]\n\n'
        f'[[sources]]\nname = "bucket"\ntype = "s3"\nbucket = "{bucket}"\n'
        f'endpoint_url = "{moto_endpoint}"\naddressing_style = "path"\n\n{pg}',
        encoding="utf-8")
    runs = {"scan": run_fouille("-vv", "scan", "--config", str(config), env=base_env())}
    assert runs["scan"].returncode == 0, runs["scan"].stderr[-3000:]
    runs["since-last"] = run_fouille("-vv", "scan", "--config", str(config), "--since-last")
    assert runs["since-last"].returncode == 0, runs["since-last"].stderr[-3000:]
    runs["ci"] = run_fouille("-vv", "ci", str(data), str(chats), "--root", str(tmp_path))

    texts = _texts_of(out)
    for name, run in runs.items():
        texts[f"{name} stdout"], texts[f"{name} stderr"] = run.stdout, run.stderr
    planted = {**NAME_CANARIES, "value": VALUE_CANARY}
    leaks = [f"{kind} ({form}) in {where}" for kind, canary in planted.items() for form in forms(canary)
             for where, text in texts.items() if form.lower() in text.lower()]
    assert not leaks, "\n".join(leaks)

    inventory = json.loads((out / "inventory.json").read_text(encoding="utf-8"))
    containers = {(f["source"], f["container"]) for f in inventory["fields"] if f["field"] == "(names)"}
    sources = {"exports", "chatbot", "bucket"} | ({"crm"} if pg_dsn else set())
    assert {s for s, _ in containers} == sources  # every connector's names were read and masked
    assert VALUE_CANARY not in json.dumps(inventory)
    assert any(f["field"] == "users.*.ville" for f in inventory["fields"])
    assert (out / "state.sqlite").exists() and (out / "index.sqlite").exists()
