"""The answer itself: art. 15 items from fouille.toml, dates and deadline, safe CSVs, bad input.

Runs ``fouille dsar`` on the household stores (``households.py``) with a ``[sources.dsar]``
for the CRM, and on small file-only stores for the edge cases.
"""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest

from fouille.scanner.cli.main import main
from fouille.scanner.core.config import ConfigError, validate_source
from fouille.scanner.dsar.deadline import add_months, deadlines
from tests.dsar.households import PEOPLE, Household, keys_of, run_dsar, write_stores


def jeanne(household: Household, out, *args: str):
    return run_dsar(
        household,
        out,
        "--index",
        str(household.report),
        "--email",
        PEOPLE["jeanne"]["email"],
        *args,
    )


def test_dates_and_deadline_are_in_the_manifest_and_the_page(configured, tmp_path):
    code, manifest = jeanne(configured, tmp_path / "out", "--received", "2026-01-31")
    assert code == 0
    assert manifest["request"]["received"] == "2026-01-31"
    assert manifest["request"]["answer_due"] == "2026-02-28"
    assert manifest["request"]["extended_due"] == "2026-04-30"
    assert "two further months" in manifest["request"]["extension_rule"]
    page = (tmp_path / "out" / "summary.html").read_text(encoding="utf-8")
    assert "28 février 2026" in page and "12(3)" in page


def test_the_page_words_places_and_links_without_internal_strings(configured, tmp_path):
    code, _ = jeanne(configured, tmp_path / "out", "--lang", "en")
    assert code == 0
    page = (tmp_path / "out" / "summary.html").read_text(encoding="utf-8")
    assert "our customer database" in page
    assert "found by your e-mail address" in page
    assert "linked to another of your records (our customer database — customers)" in page
    for internal in ('{"id"', "public.customers", "matched by", "by foreign key", "{&quot;id"):
        assert internal not in page, internal
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "crm-customers.csv" in names and "exports-contacts.csv" in names


def test_csv_cells_that_would_run_as_formulas_are_defused(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    hostile = ['=HYPERLINK("http://x.test")', "+33 1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
    with open(data / "contacts.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["email", "=cmd", *[f"c{i}" for i in range(len(hostile))]])
        writer.writerow(["zoe.roux@example.com", "ok", *hostile])
    out = tmp_path / "out"
    code = main(["dsar", str(data), "--live", "--email", "zoe.roux@example.com", "--out", str(out)])
    assert code == 0
    with open(out / "data-contacts.csv", newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))  # newline="": a CR inside a cell stays a CR
    cells = [cell for row in rows for cell in row]
    assert "'=cmd" in cells
    for value in hostile:
        assert "'" + value in cells, value
    assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in cells)


def test_an_identifier_that_matches_nothing_gives_an_empty_valid_answer(
    configured, tmp_path, capsys
):
    out = tmp_path / "out"
    code, manifest = run_dsar(
        configured,
        out,
        "--index",
        str(configured.report),
        "--email",
        "personne@example.org",
        "--phone",
        "01 99 00 99 99",
    )
    assert code == 0
    assert manifest["records"] == [] and manifest["complete"] is True
    assert "no record found" in capsys.readouterr().out
    page = (out / "summary.html").read_text(encoding="utf-8")
    assert "aucun enregistrement" in page and "CNIL" in page
    assert json.loads((out / "records.json").read_text(encoding="utf-8"))["records"] == []


def test_an_unreadable_store_makes_the_answer_incomplete(household, tmp_path, capsys):
    root = tmp_path / "stores"
    config = write_stores(root, household.dsn + " connect_timeout=2")
    text = config.read_text(encoding="utf-8").replace(
        "port=5432", "port=1"
    )  # nothing listens there
    config.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    code, manifest = run_dsar(
        Household(root, config, household.report, household.dsn),
        out,
        "--live",
        "--email",
        PEOPLE["jeanne"]["email"],
    )
    assert code == 3
    assert manifest["complete"] is False
    assert [e["source"] for e in manifest["errors"]] == ["crm"]
    assert ("exports", "contacts.csv", '{"line":2}') in keys_of(manifest["records"])
    assert "INCOMPLETE" in capsys.readouterr().err
    assert 'id="incomplete"' in (out / "summary.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "dsar, message",
    [
        ({"purposes": 3}, "purposes"),
        ({"colour": "blue"}, "unknown key"),
        ({"legal_basis": {"de": "Vertrag"}}, "fr = ..., en = ..."),
        ([{"container": "", "purposes": "x"}], "container"),
    ],
)
def test_a_malformed_dsar_section_is_a_config_error(dsar, message):
    with pytest.raises(ConfigError, match=message):
        validate_source({"name": "crm", "type": "files", "paths": ["x"], "dsar": dsar})


@pytest.mark.parametrize(
    "received, due",
    [
        ("2026-01-31", "2026-02-28"),
        ("2028-01-31", "2028-02-29"),
        ("2026-03-15", "2026-04-15"),
        ("2026-12-20", "2027-01-20"),
    ],
)
def test_one_month_is_counted_to_the_same_day_or_the_months_end(received, due):
    assert add_months(date.fromisoformat(received), 1).isoformat() == due
    assert deadlines(date.fromisoformat(received))["answer_due"] == due


def test_a_dsar_entry_per_container_glob_applies_to_its_containers_only(tmp_path):
    import tomllib

    from fouille.scanner.dsar.disclosure import disclosure_for

    text = (
        '[[sources]]\nname = "exports"\ntype = "files"\npaths = ["x"]\n'
        '[[sources.dsar]]\ncontainer = "leads_*.csv"\npurposes = "prospection"\n'
        '[[sources.dsar]]\npurposes = "facturation"\n'
    )
    spec = validate_source(tomllib.loads(text)["sources"][0])
    assert disclosure_for(spec, "in/leads_2026.csv")["purposes"] == "prospection"
    assert disclosure_for(spec, "invoices.csv")["purposes"] == "facturation"
    assert disclosure_for({"name": "crm", "type": "files"}, "x.csv") == {}


def test_summary_pdf_holds_the_same_answer(configured, tmp_path):
    from pypdf import PdfReader

    from fouille.scanner.dsar.summary_pdf import find_font

    out = tmp_path / "out"
    code, manifest = jeanne(configured, out)
    assert code == 0
    if find_font() is None:  # no Unicode font on this machine: said, not faked
        assert manifest["summary_pdf"].startswith("summary.pdf not written")
        assert not (out / "summary.pdf").exists()
        return
    assert manifest["summary_pdf"] == "summary.pdf"
    assert oct((out / "summary.pdf").stat().st_mode & 0o777) == "0o600"
    text = " ".join(p.extract_text() for p in PdfReader(out / "summary.pdf").pages)
    text = " ".join(text.split())
    for expected in (
        "Vos données personnelles",
        "gestion des commandes",
        "exécution du contrat",
        "notre transporteur",
        PEOPLE["jeanne"]["email"],
        "CNIL",
        "Portabilité",
    ):
        assert expected in text, expected
    for value in (PEOPLE["marc"]["email"], PEOPLE["marc"]["mobile"]):
        assert value not in text


def test_a_malformed_top_level_dsar_table_is_a_config_error(tmp_path):
    from fouille.scanner.core.config import load_config

    config = tmp_path / "fouille.toml"
    config.write_text('[dsar]\nphone = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key"):
        load_config(str(config))
