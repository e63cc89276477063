"""The pages' templates and the one catalogue: every key a template or a page uses exists in
French and English, and a value holding ``<``, ``"``, ``'`` or ``&`` is escaped in both pages
(the report and the DSAR answer), attributes included."""

from __future__ import annotations

import re
import string

import pytest
from jinja2 import nodes
from report_browser import PAYLOADS, open_report

from fouille.reports.html import NAV, render_report
from fouille.reports.html_env import environment, static_text
from fouille.scanner.core.i18n import CATALOGUE, LANGS, translator
from fouille.scanner.core.model import ENTITY_TYPES, SENSITIVE_TYPES
from fouille.scanner.core.retention import PRESETS
from fouille.scanner.dsar.records import Found, Link, Record, RecordRef
from fouille.scanner.dsar.summary import ITEMS, RIGHTS, Page, render_summary

EVIL = "<b x=\"1\" y='2'>&amp;"
EVIL_ESCAPED = "&lt;b x=&quot;1&quot; y=&#x27;2&#x27;&gt;&amp;amp;"
TEMPLATES = ("base.html.j2", "report.html.j2", "report_macros.html.j2", "dsar_summary.html.j2")


def template_keys() -> set[str]:
    """The literal keys the templates look up: ``t("...")``."""
    env = environment()
    keys = set()
    for name in TEMPLATES:
        source = env.loader.get_source(env, name)[0]
        for call in env.parse(source).find_all(nodes.Call):
            named_t = isinstance(call.node, nodes.Name) and call.node.name == "t"
            if named_t and call.args and isinstance(call.args[0], nodes.Const):
                keys.add(call.args[0].value)
    return keys


def page_keys() -> set[str]:
    """Keys built from names (entity types, presets, art. 15 items, rights, months...)."""
    keys = {f"nav.{anchor}" for anchor in NAV}
    keys |= {f"entity.{e}" for e in ENTITY_TYPES + SENSITIVE_TYPES}
    keys |= {f"preset.{name}" for name in PRESETS}
    keys |= {f"dsar.{item}" for item in ITEMS + ("count", "categories", "retention", "file")}
    keys |= {f"dsar.{who}" for who in ("controller", "contact", "dpo")}
    keys |= {f"dsar.rights.{right}" for right in RIGHTS}
    keys |= {f"dsar.{unit}" for unit in ("years", "months", "days")}
    keys |= {f"month.{m}" for m in range(1, 13)}
    keys |= {f"place.{kind}" for kind in ("postgres", "files", "s3", "chatlogs")}
    keys |= {f"link.{kind}" for kind in ("typed", "identifier", "foreign_key")}
    keys |= {f"period.{unit}" for unit in "ymd"}
    return keys | {"colon", "quoted", "mode.sample", "mode.full"}


def test_the_templates_use_catalogue_keys():
    assert {"title", "no_data", "filter", "art9.none", "errors.none"} <= template_keys()


@pytest.mark.parametrize("lang", LANGS)
def test_every_key_used_exists_in_each_language(lang):
    missing = sorted((template_keys() | page_keys()) - set(CATALOGUE[lang]))
    assert missing == []


def test_both_languages_have_the_same_keys_and_placeholders():
    french, english = CATALOGUE["fr"], CATALOGUE["en"]
    assert set(french) == set(english)
    fields = string.Formatter()
    for key, text in french.items():
        assert text.strip() and english[key].strip(), key
        ours = sorted(f for _, f, _, _ in fields.parse(text) if f)
        theirs = sorted(f for _, f, _, _ in fields.parse(english[key]) if f)
        assert ours == theirs, key
        assert text.count("|") == english[key].count("|"), key  # singular|plural


def test_a_missing_key_falls_back_to_french_then_to_the_key():
    t = translator("en")
    assert t("title") == "Personal data inventory"
    assert t("no.such.key") == "no.such.key" and t.get("no.such.key") is None
    assert translator("de").lang == "fr"


def test_templates_and_assets_come_from_the_package():
    env = environment()
    assert set(TEMPLATES) <= set(env.list_templates())
    assert "sortBy" in static_text("report.js") and ":root{" in static_text("report.css")
    assert "pre{" in static_text("dsar_summary.css")


def evil_page() -> Page:
    ref = RecordRef.of(EVIL, f"{EVIL}.csv", {"line": 2})
    found = [Found(Record(ref, {EVIL: EVIL, "email": "x@example.com"}), [Link("typed", "email")])]
    where = (ref.source, ref.container)
    return Page(
        records=found,
        groups={where: found},
        files={where: f"{EVIL}.csv"},
        subject={"identifiers": [{"type": "email", "value": EVIL}, {"type": EVIL, "value": "x"}]},
        disclosures={where: {"purposes": [EVIL], "label": EVIL}},
        retention={where: EVIL},
        kinds={EVIL: "files"},
        request={"received": "2026-01-31", "answer_due": "2026-02-28"},
        generated=EVIL,
        unreadable=1,
        controller={"controller": EVIL, "contact": EVIL},
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_planted_value_is_escaped_in_the_report(inventory, lang):
    inventory["scan"]["version"] = EVIL
    inventory["fields"][0].update(field=EVIL, source=EVIL)
    inventory["containers"][0]["container"] = EVIL  # a title attribute in the heat map
    inventory["errors"][0]["error"] = EVIL
    page = render_report(inventory, lang)
    assert EVIL not in page and "<b x" not in page
    assert page.count(EVIL_ESCAPED) >= 5
    assert f'data-sort="{EVIL_ESCAPED}"' in page  # in an attribute too


@pytest.mark.parametrize("lang", LANGS)
def test_a_planted_value_is_escaped_in_the_dsar_answer(lang):
    page = render_summary(evil_page(), lang)
    assert EVIL not in page and "<b x" not in page
    assert page.count(EVIL_ESCAPED) >= 8
    assert re.search(r'<td data-item="purposes">' + re.escape(EVIL_ESCAPED), page)


def test_the_dsar_answer_and_the_report_share_one_base_page(inventory):
    report, answer = render_report(inventory, "fr"), render_summary(evil_page(), "fr")
    for page in (report, answer):
        assert page.startswith('<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
                               '<meta http-equiv="Content-Security-Policy" content="default-src')
    assert "<script" not in answer and "script-src" not in answer


def test_planted_markup_never_runs_in_a_rendered_dsar_answer(browser):
    page = evil_page()
    payload = " ".join(PAYLOADS)
    page.subject["identifiers"].append({"type": payload, "value": payload})
    page.records[0].record.values[payload] = payload
    opened = open_report(browser, render_summary(page, "en"))
    assert opened.dialogs == [] and opened.page_errors == [] and opened.requests == []
    assert opened.console_errors == []
    assert opened.page.locator("script, img, svg, [onerror], [onload], [onmouseover]").count() == 0
    text = opened.page.inner_text("body")
    assert EVIL in text and all(p in text for p in PAYLOADS)
