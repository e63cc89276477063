"""The art. 30 registre built from an inventory, as CSV and Markdown."""

from __future__ import annotations

import csv
import io

from fouille.reports.registre import build_registre, registre_csv, registre_markdown, write_registre


def by_source(inventory):
    return {entry.source: entry for entry in build_registre(inventory)}


def test_one_entry_per_source_in_scan_order(inventory):
    assert [e.source for e in build_registre(inventory)] == ["crm", "exports", "bucket", "chatbot"]


def test_categories_special_categories_and_volumes(inventory):
    crm = by_source(inventory)["crm"]
    assert crm.categories == (
        "identity",
        "nir",
        "contact",
        "financial",
        "connection",
        "business_id",
    )
    assert crm.special_categories == ("SENSITIVE_HEALTH", "SENSITIVE_UNION")
    assert crm.containers == 4
    assert crm.rows == 48210 + 9312 + 61877 + 1840221
    # Fields with at least one entity: customers 7, tickets subject+body, invoices 2, access_log 1.
    assert crm.fields_with_pii == 12
    assert crm.sensitive_disclosures == 23 + 2
    expected_values = sum(
        s["count"]
        for f in inventory["fields"]
        if f["source"] == "crm"
        for e, s in f["entities"].items()
        if not e.startswith("SENSITIVE_")
    )
    assert crm.values_found == expected_values

    bucket = by_source(inventory)["bucket"]
    assert bucket.special_categories == ()
    assert bucket.categories == ("identity", "contact", "connection")


def test_conversation_categories_count_as_special_categories(inventory):
    inventory["conversations"].append(
        {
            "source": "chatbot",
            "container": "x",
            "conversation": "c9",
            "categories": {"SENSITIVE_UNION": 1},
        }
    )
    assert "SENSITIVE_UNION" in by_source(inventory)["chatbot"].special_categories


def test_empty_inventory_gives_no_entries():
    assert build_registre({}) == []
    assert registre_csv({}).count("\n") == 1  # header only


def test_csv_reads_back_in_french_and_english(inventory):
    rows = list(csv.reader(io.StringIO(registre_csv(inventory, "fr"))))
    assert rows[0][:4] == [
        "Source",
        "Catégories de données",
        "Types de données",
        "Catégories particulières (art. 9)",
    ]
    crm = rows[1]
    assert crm[0] == "crm" and "Coordonnées" in crm[1] and "Santé" in crm[3]
    english = list(csv.reader(io.StringIO(registre_csv(inventory, "en"))))
    assert "Contact details" in english[1][1] and "Health" in english[1][3]


def test_csv_defuses_spreadsheet_formulas(inventory):
    for record in inventory["fields"] + inventory["containers"]:
        if record["source"] == "bucket":
            record["source"] = '=HYPERLINK("http://example.com")'
    inventory["scan"]["sources"][2] = '=HYPERLINK("http://example.com")'
    rows = list(csv.reader(io.StringIO(registre_csv(inventory))))
    assert rows[3][0].startswith("'=")


def test_markdown_table_escapes_markup(inventory):
    evil = "<img src=x onerror=alert(1)>|*x*"
    inventory["scan"]["sources"][0] = evil
    for record in inventory["fields"] + inventory["containers"]:
        if record["source"] == "crm":
            record["source"] = evil
    text = registre_markdown(inventory, "fr")
    assert "<img" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;\\|\\*x\\*" in text
    table = [line for line in text.splitlines() if line.startswith("|")]
    assert len(table) == 2 + 4
    assert all(line.count(" | ") == 9 for line in table if not line.startswith("|---"))


def test_configured_retention_and_expired_records_per_source(inventory):
    crm = by_source(inventory)["crm"]
    assert crm.retention == ("public.support_tickets: 3y (1204)",)
    assert by_source(inventory)["exports"].retention == ()
    rows = list(csv.reader(io.StringIO(registre_csv(inventory, "en"))))
    assert rows[0][-1] == "Configured retention (expired)"
    assert rows[1][-1] == "public.support_tickets: 3y (1204)"


def test_write_registre(tmp_path, inventory):
    paths = write_registre(inventory, tmp_path / "out", "en")
    assert sorted(p.name for p in paths) == ["registre.csv", "registre.md"]
    assert (tmp_path / "out" / "registre.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert "# Record of processing" in (tmp_path / "out" / "registre.md").read_text()
