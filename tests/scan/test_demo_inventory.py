"""The demo's inventory classifies every demo column correctly (issue 2)."""

import json

from scan_cli import run_fouille

EXPECTED = {
    ("crm_export.csv", "id"): None,
    ("crm_export.csv", "nom"): "PERSON",
    ("crm_export.csv", "prenom"): "PERSON",
    ("crm_export.csv", "email"): "EMAIL_ADDRESS",
    ("crm_export.csv", "telephone"): "PHONE_NUMBER",
    ("crm_export.csv", "adresse"): "ADDRESS",
    ("crm_export.csv", "code_postal"): "LOCATION",
    ("crm_export.csv", "ville"): "LOCATION",
    ("crm_export.csv", "iban"): "IBAN_CODE",
    ("crm_export.csv", "siret"): "FR_SIRET",
    ("crm_export.csv", "date_naissance"): "DATE_OF_BIRTH",
    ("crm_export.csv", "notes"): "FREE_TEXT",
    ("crm_export.csv", "montant"): None,
    ("crm_export.csv", "statut"): None,
    ("crm_export.csv", "date_creation"): None,
    ("chatbot.jsonl", "conversation_id"): None,
    ("chatbot.jsonl", "ts"): None,
    ("chatbot.jsonl", "user.email"): "EMAIL_ADDRESS",
    ("chatbot.jsonl", "user.locale"): None,
    ("chatbot.jsonl", "messages[].role"): None,
    ("chatbot.jsonl", "messages[].text"): "FREE_TEXT",
    ("chatbot.jsonl", "messages[].ts"): None,
    ("commandes.parquet", "order_id"): None,
    ("commandes.parquet", "client_email"): "EMAIL_ADDRESS",
    ("commandes.parquet", "ip_client"): "IP_ADDRESS",
    ("commandes.parquet", "montant"): None,
    ("commandes.parquet", "date_commande"): None,
}


def test_demo_columns_are_classified(demo_data, tmp_path):
    out = tmp_path / "report"
    result = run_fouille("scan", str(demo_data), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    inventory = json.loads((out / "inventory.json").read_text())
    got = {(f["container"], f["field"]): f["classification"] for f in inventory["fields"]}
    assert got == EXPECTED
    assert (out / "report.html").exists()
    assert list((out / "findings").glob("*.parquet"))


def test_free_text_notes_hold_identifiers_found_in_sentences(demo_data, tmp_path):
    out = tmp_path / "report"
    run_fouille("scan", str(demo_data), "--out", str(out), "--quiet")
    inventory = json.loads((out / "inventory.json").read_text())
    notes = next(f for f in inventory["fields"] if f["field"] == "notes")
    assert {"PHONE_NUMBER", "EMAIL_ADDRESS"} <= set(notes["entities"])
    assert notes["ner_cells"] > 0
    email = next(f for f in inventory["fields"] if f["field"] == "email")["entities"]["EMAIL_ADDRESS"]
    assert email["ratio"] == 1.0 and email["max_score"] == 1.0
    assert all("***@" in example for example in email["examples"])
