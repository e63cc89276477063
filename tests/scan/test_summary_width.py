"""The end-of-scan summary is never cut to 80 columns when stdout is not a terminal (issue 23)."""

import io
from pathlib import Path
from types import SimpleNamespace

from fouille.scanner.core.console import make_console
from fouille.reports.console_summary import print_summary

FIELD = "adresse_de_livraison_principale_du_client_pour_les_commandes_internationales"


def test_piped_summary_is_plain_and_uncut():
    inventory = {
        "fields": [{"source": "files", "container": "exports/commandes_2026_archive_complete.csv",
                    "field": FIELD, "classification": "ADDRESS",
                    "entities": {"ADDRESS": {"count": 200}, "PERSON": {"count": 3}},
                    "rows_scanned": 200}],
        "errors": [], "containers": [{}], "scan": {},
    }
    stream = io.StringIO()  # not a terminal, as with `fouille scan . > out.txt`
    print_summary(SimpleNamespace(inventory=inventory, out_dir=Path("r")), make_console(stream))
    lines = stream.getvalue().splitlines()
    header = ["source", "container", "field", "classification", "entities", "rows"]
    assert lines[0].split("\t") == header
    assert lines[1].split("\t")[2] == FIELD  # rich cut it to "adresse_de_livr…" before
    assert "…" not in stream.getvalue()


def test_summary_says_which_counts_are_of_a_sample():
    inventory = {
        "fields": [{"source": "crm", "container": "clients", "field": "iban",
                    "classification": "IBAN_CODE", "entities": {"IBAN_CODE": {"count": 1000}},
                    "rows_scanned": 1000}],
        "errors": [], "containers": [{"source": "crm", "container": "clients", "rows": 200000}],
        "scan": {"mode": "sample"},
    }
    stream = io.StringIO()
    print_summary(SimpleNamespace(inventory=inventory, out_dir=Path("r")), make_console(stream))
    row = stream.getvalue().splitlines()[1].split("\t")
    assert row[4] == "IBAN_CODE 1000 in sample, ≈200000"
    assert row[5] == "1000 of 200000 (sample)"
