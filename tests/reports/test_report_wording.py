"""The French report speaks French: presets, periods, evidence, detectors, the max score
explained; the art. 9 conversation list folds after 20 rows (issue 23)."""

from __future__ import annotations

import re

from fouille.reports.html import render_report


def _text(page: str) -> str:
    return re.sub(r"<[^>]+>", " ", page)


def test_retention_presets_and_periods_in_french(inventory):
    page = _text(render_report(inventory, "fr"))
    assert "prospects (3y)" not in page and "chats (30d)" not in page
    assert "prospects (3 ans)" in page and "conversations (chat) (30 jours)" in page
    assert 'keep = "connection_logs"' in page.replace("&quot;", '"')  # what to write in the config
    assert "journaux de connexion" in page


def test_evidence_and_detector_names_translated(inventory):
    field = next(f for f in inventory["fields"] if f["entities"])
    stats = next(iter(field["entities"].values()))
    stats["evidence"] = ["lexicon", "attribution"]
    stats["detectors"] = ["column_hint"]
    page = _text(render_report(inventory, "fr"))
    assert "attribution; lexicon" not in page and "column_hint" not in page
    assert "terme d'un lexique sensible" in page.replace("&#x27;", "'")
    assert "nom de la colonne" in page


def test_max_score_is_explained(inventory):
    assert "Score max : la confiance la plus haute" in _text(render_report(inventory, "fr"))
    assert "Max score: the highest confidence" in _text(render_report(inventory, "en"))


def test_art9_conversations_fold_after_20_rows(inventory):
    template = inventory["conversations"][0]
    inventory["conversations"] = [
        {**template, "conversation": f"conv-{i:03d}"} for i in range(250)
    ]
    page = render_report(inventory, "fr")
    shown = page.split("<details>")[0]
    assert shown.count("conv-0") == 20
    assert "230 autres conversations" in page
    assert page.count("conv-") == 250  # every row is still in the page, folded


def test_counts_say_sample_or_complete_with_the_estimate(inventory):
    inventory["scan"]["mode"] = "sample"
    inventory["containers"] = [{"source": "crm", "container": "clients", "rows": 200_000}]
    inventory["fields"] = [
        {"source": "crm", "container": "clients", "field": "iban", "classification": "IBAN_CODE",
         "rows_scanned": 1000, "non_empty": 1000,
         "entities": {"IBAN_CODE": {"count": 1000, "ratio": 1.0, "max_score": 1.0}}},
        {"source": "crm", "container": "clients", "field": "notes", "classification": "FREE_TEXT",
         "rows_scanned": 200_000, "non_empty": 200_000,
         "entities": {"EMAIL_ADDRESS": {"count": 12, "ratio": 0.0, "max_score": 1.0}}},
    ]
    page = render_report(inventory, "fr").replace("\u202f", " ")
    assert "1 000 (échantillon de 1 000 lignes ; ≈ 200 000 au total)" in page
    assert "12 (toutes les lignes)" in page
    page = render_report(inventory, "en")
    assert "1,000 (sample of 1,000 rows; ≈ 200,000 in all)" in page


def test_no_english_evidence_term_left_in_the_french_sample(inventory):
    page = _text(render_report(inventory, "fr"))
    for term in ("first-person", "column-name", "lexicon", "column_hint", "(3y)", "(30d)"):
        assert term not in page, term
