"""Names are data too (issue 18, item 1): JSON keys, CSV headers and file names holding personal
data are masked wherever they are shown or stored, and counted; a JSON path whose keys vary per
record is shown as a pattern; names without personal data stay exactly as they are."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from resilience_helpers import run_fouille
from test_canary_leaks import _texts_of

NAMES_FIELD = "(names)"  # fouille.scanner.core.safe_names.NAMES_FIELD

KEY_EMAILS = ("ylva.keyowner@example.com", "bo.secondkey@example.org")
HEADER_EMAIL = "hedda.header@example.net"
FILE_EMAIL = "flora.filename@example.com"
PHONE_KEY = "04 65 71 20 17"
FOLDER_EMAIL = "olga.dossier@example.com"  # a positional folder: the source is named after it
SECRETS = (*KEY_EMAILS, HEADER_EMAIL, FILE_EMAIL, FOLDER_EMAIL, "ylva.keyowner", "hedda.header",
           "flora.filename", "olga.dossier", PHONE_KEY, "0465712017")


@pytest.mark.parametrize(("raw", "shown"), [
    ('users["ylva.keyowner@example.com"].ville', "users.*.ville"),
    ("users.12345.ville", "users.*.ville"),
    ("users.6f1c2a9e-1b2c-4d3e-8f90-123456789abc.nom", "users.*.nom"),
    ("hedda.header@example.net", "*"),
    ("contacts.04 65 71 20 17", "contacts.*"),
    ("email", "email"),
    ("ville", "ville"),
    ("client.email", "client.email"),
    ("messages[].text", "messages[].text"),
    ('meta["a.b"].c', "meta.a.b.c"),
    ("address_line2", "address_line2"),
])
def test_field_names(raw, shown):
    from fouille.scanner.core.safe_names import shown_field

    assert shown_field(raw).shown == shown


@pytest.mark.parametrize(("raw", "shown"), [
    ("exports/flora.filename@example.com.csv", "exports/f***@e****.com.csv"),
    ("s3://bucket/clients/04 65 71 20 17/fiche.json", "s3://bucket/clients/04 ** ** ** 17/fiche.json"),
    ("customers.csv", "customers.csv"),
    ("public.customers", "public.customers"),
    ("broken.csv:line 17", "broken.csv:line 17"),
])
def test_container_names(raw, shown):
    from fouille.scanner.core.safe_names import shown_container

    assert shown_container(raw).shown == shown


def _plant(folder: Path) -> None:
    folder.mkdir()
    users = {"users": {KEY_EMAILS[0]: {"ville": "Paris", "tel": "01 99 00 12 34"},
                       KEY_EMAILS[1]: {"ville": "Lyon"}},
             "contacts": {PHONE_KEY: {"nom": "Durand"}}}
    (folder / "users.json").write_text(json.dumps(users), encoding="utf-8")
    (folder / "customers.csv").write_text("id;email;ville\n1;a.b@example.com;Paris\n", encoding="utf-8")
    (folder / "headers.csv").write_text(f"id;{HEADER_EMAIL}\n1;oui\n", encoding="utf-8")
    (folder / f"{FILE_EMAIL}.csv").write_text("id;note\n1;RAS\n", encoding="utf-8")


def test_names_are_masked_counted_and_resumable(tmp_path):
    data, out = tmp_path / FOLDER_EMAIL, tmp_path / "report"
    _plant(data)
    scan = run_fouille("-vv", "scan", str(data), "--out", str(out))
    assert scan.returncode == 0, scan.stderr[-3000:]
    inventory = json.loads((out / "inventory.json").read_text(encoding="utf-8"))
    fields = {(f["container"], f["field"]): f for f in inventory["fields"]}
    assert {("users.json", "users.*.ville"), ("users.json", "users.*.tel"),
            ("users.json", "contacts.*.nom")} <= set(fields)
    assert {("customers.csv", "email"), ("customers.csv", "ville")} <= set(fields)  # untouched
    names = fields[("users.json", NAMES_FIELD)]["entities"]
    assert names["EMAIL_ADDRESS"]["count"] >= 2 and names["PHONE_NUMBER"]["count"] >= 1
    assert "EMAIL_ADDRESS" in fields[("headers.csv", NAMES_FIELD)]["entities"]
    containers = {c["container"] for c in inventory["containers"]}
    assert "f***@e****.com.csv" in containers and "customers.csv" in containers
    assert {c["source"] for c in inventory["containers"]} == {"o***@e****.com"}

    resumed = run_fouille("scan", str(data), "--out", str(out), "--resume", "--quiet")
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    again = json.loads((out / "inventory.json").read_text(encoding="utf-8"))
    assert again["scan"]["resumed"] and again["fields"] == inventory["fields"]

    texts = _texts_of(out)
    texts.update({"stdout": scan.stdout, "stderr": scan.stderr})
    leaks = [f"{s} in {where}" for s in SECRETS for where, text in texts.items() if s in text]
    assert not leaks, "\n".join(leaks)
    with sqlite3.connect(out / "state.sqlite") as db:
        ids = [pid for (pid,) in db.execute("SELECT id FROM partitions")]
    assert len(ids) == 4 and all(len(pid) == 64 for pid in ids)  # keyed hashes, no raw name
