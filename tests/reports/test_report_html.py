"""The report page as text: escaping, self-containment, sections, languages."""

from __future__ import annotations

import html
import re

import pytest

from fouille.reports.html import render_report, write_report
from fouille.scanner.core.i18n import default_lang, format_duration, format_int, format_percent


def test_page_is_self_contained(inventory):
    page = render_report(inventory, "fr")
    # The only URL is the SVG namespace; nothing is linked or fetched.
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) == {"http://www.w3.org/2000/svg"}
    assert not re.search(r"<(link|script|img|iframe)[^>]+(src|href)=\"(?!data:|#)", page)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert html.unescape(policy).startswith("default-src 'none'; script-src 'sha256-")
    assert page.count("<script>") == 1


def test_sections_and_counts(inventory):
    page = render_report(inventory, "fr")
    for anchor in (
        "overview",
        "charts",
        "heatmap",
        "art9",
        "containers",
        "fields",
        "retention",
        "errors",
    ):
        assert f'id="{anchor}"' in page
    assert "2\u202f128\u202f236" in page  # rows scanned, French grouping
    assert "2 min 13 s" in page
    assert page.count("<svg") == 4


def test_art9_shows_counts_never_examples(inventory):
    inventory["fields"][11]["entities"]["SENSITIVE_HEALTH"]["examples"] = ["je suis diabétique"]
    page = render_report(inventory, "fr")
    assert "diabétique" not in page
    assert "conv-000412" in page


def test_every_scanned_string_is_escaped(inventory):
    evil = '<b onclick="x">&amp;\''
    inventory["fields"][0]["field"] = evil
    inventory["errors"][0]["error"] = evil
    inventory["fields"][1]["entities"]["EMAIL_ADDRESS"]["examples"] = [evil]
    page = render_report(inventory, "en")
    assert "<b onclick" not in page
    assert "&lt;b onclick=&quot;x&quot;&gt;&amp;amp;&#x27;" in page


def test_english_and_empty_inventory():
    page = render_report({}, "en")
    assert '<html lang="en">' in page and "Everything was read." in page
    assert "No sensitive data found." in page and "No retention period configured" in page


def test_unknown_language_falls_back_to_french(inventory):
    assert '<html lang="fr">' in render_report(inventory, "de")


def test_write_report(tmp_path, inventory):
    path = write_report(inventory, tmp_path / "out", "en")
    assert path.name == "report.html" and path.read_text().startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    "env, expected",
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_MESSAGES": "fr_CA", "LANG": "en_US"}, "fr"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "fr"),
        ({}, "fr"),
    ],
)
def test_default_lang_from_locale(env, expected):
    assert default_lang(env) == expected


def test_number_formats():
    assert format_int(1234567, "fr") == "1\u202f234\u202f567"
    assert format_int(1234567, "en") == "1,234,567"
    assert format_percent(0.253, "fr") == "25,3\u202f%"
    assert format_percent(0.253, "en") == "25.3%"
    assert format_duration(4000, "en") == "1 h 6 min"
    assert format_duration(2.5, "fr") == "2,5 s"
