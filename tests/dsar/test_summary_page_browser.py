"""The answer page in Chromium: the art. 15 items configured in fouille.toml, the person's
rights, the CNIL, the deadline, in French and English; nothing runs, nothing is fetched.
"""

from __future__ import annotations

import os

import pytest

from tests.dsar.households import PEOPLE, run_dsar
from tests.reports.report_browser import chromium_available, launch, open_report

ITEMS_FR = {
    "purposes": "gestion des commandes; service client",
    "legal_basis": "exécution du contrat",
    "recipients": "notre transporteur",
    "retention": "3 ans après la dernière commande",
    "origin": "collectées auprès de vous lors de votre commande",
    "automated_decisions": "aucune",
}


@pytest.fixture(scope="module")
def browser():
    if not chromium_available():
        if os.environ.get("CI"):
            pytest.fail("Chromium needed in CI")
        pytest.skip("chromium not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


def _page(configured, out, lang: str) -> str:
    code, _ = run_dsar(
        configured,
        out,
        "--index",
        str(configured.report),
        "--lang",
        lang,
        "--received",
        "2026-03-02",
        "--email",
        PEOPLE["jeanne"]["email"],
    )
    assert code == 0
    return (out / "summary.html").read_text(encoding="utf-8")


def _opened(browser, page_html: str):
    opened = open_report(browser, page_html)
    assert opened.requests == [] and opened.dialogs == [] and opened.page_errors == []
    assert opened.console_errors == []
    return opened.page


def test_the_french_page_shows_every_art15_item_from_the_config(browser, configured, tmp_path):
    page = _opened(browser, _page(configured, tmp_path / "fr", "fr"))
    crm = page.locator("h3", has_text="notre base clients").first
    assert crm.is_visible()
    table = page.locator("h3:has-text('notre base clients — customers') + table")
    for item, text in ITEMS_FR.items():
        assert table.locator(f'td[data-item="{item}"]').inner_text() == text, item
    categories = table.locator('td[data-item="categories"]').inner_text()
    assert "E-mail" in categories or "Adresse e-mail" in categories or "mail" in categories
    # A source without [sources.dsar] says so instead of inventing an answer.
    other = page.locator("h3:has-text('contacts.csv') + table")
    assert other.locator('td[data-item="purposes"]').inner_text() == (
        "à compléter par le responsable du traitement"
    )
    rights = page.locator("#rights li").all_inner_texts()
    for word in ("Rectification", "Effacement", "Limitation", "Opposition", "Portabilité"):
        assert any(r.startswith(word) for r in rights), word
    assert "CNIL" in page.locator("#cnil").inner_text()
    controller = page.locator("#controller").inner_text()
    assert "Boutique Exemple SAS" in controller and "dpo@boutique.example.com" in controller
    deadline = page.locator("#deadline").inner_text()
    assert "2 mars 2026" in deadline and "2 avril 2026" in deadline and "deux mois" in deadline
    body = page.inner_text("body")
    assert "trouvé grâce à votre adresse e-mail" in body
    assert "public.customers" not in body and '{"id"' not in body


def test_the_english_page_speaks_english(browser, configured, tmp_path):
    page = _opened(browser, _page(configured, tmp_path / "en", "en"))
    table = page.locator("h3:has-text('our customer database — customers') + table")
    assert table.locator('td[data-item="legal_basis"]').inner_text() == (
        "performance of the contract"
    )
    body = page.inner_text("body")
    for words in (
        "Your rights",
        "Erasure",
        "Portability",
        "lodge a complaint",
        "two further months",
        "found by your e-mail address",
    ):
        assert words in body, words
