"""The DSAR summary in a real browser: markup planted in the scanned data never runs.

Hostile strings go where the stores reach ``summary.html``: the source name, a file name
(the container), column names and the subject's own values (CSV and a chat export). A real
``fouille scan --full`` then ``fouille dsar`` build the page; Chromium opens it.
"""

from __future__ import annotations

import csv
import json
import re

import pytest
from report_browser import PAYLOADS, open_report

from fouille.scanner.cli.main import main

SUBJECT = "camille.roux@example.com"
HOSTILE_FILE = "<img src=x onerror=alert(2)>.csv"  # no "/" in a file name
HOSTILE_SOURCE = "<svg onload=alert(3)>"


def _plant(root) -> None:
    data = root / "data"
    data.mkdir()
    with open(data / HOSTILE_FILE, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["email", "created_at", *PAYLOADS])
        writer.writerow([SUBJECT, "2020-01-01", *PAYLOADS])
        writer.writerow(["someone.else@example.com", "2026-01-01", *("x" * len(PAYLOADS))])
    chat = {"conversation_id": PAYLOADS[0], "messages": [
        {"role": PAYLOADS[1], "text": f"Écrivez-moi à {SUBJECT} {' '.join(PAYLOADS)}"}]}
    (data / "chat.jsonl").write_text(json.dumps(chat, ensure_ascii=False) + "\n", encoding="utf-8")
    (root / "fouille.toml").write_text(
        f'[scan]\nout = "report"\n\n[[sources]]\nname = {json.dumps(HOSTILE_SOURCE)}\n'
        f'type = "files"\npaths = [{json.dumps(str(data))}]\n'
        'retention = { field = "created_at", keep = "prospects" }\n',
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def summary_html(tmp_path_factory) -> str:
    """``fouille scan --full`` then ``fouille dsar`` over the planted stores: the page."""
    root = tmp_path_factory.mktemp("dsar-xss")
    _plant(root)
    config = str(root / "fouille.toml")
    assert main(["scan", "--config", config, "--full", "--quiet"]) == 0
    out = root / "dsar"
    assert main(["dsar", "--config", config, "--email", SUBJECT, "--out", str(out)]) == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {r["container"] for r in manifest["records"]} == {HOSTILE_FILE, "chat.jsonl"}
    return (out / "summary.html").read_text(encoding="utf-8")


def assert_nothing_ran(opened) -> None:
    page = opened.page
    assert opened.dialogs == []
    assert opened.page_errors == []
    assert opened.requests == []  # an unescaped <img src=x> would have fetched x
    assert page.locator("script, img, svg, iframe, object, embed").count() == 0
    assert page.locator("[onerror], [onload], [onmouseover], [x]").count() == 0
    # Shown as text, where the person can read what is held about them.
    text = page.inner_text("body")
    for payload in PAYLOADS:
        assert payload in text, payload
    assert HOSTILE_FILE in text and HOSTILE_SOURCE in text


def test_planted_markup_never_runs_in_the_dsar_summary(browser, summary_html):
    opened = open_report(browser, summary_html)
    assert_nothing_ran(opened)
    # Something blocked by the policy would show as a console error: nothing was.
    assert opened.console_errors == []
    assert "3 an(s)" in opened.page.inner_text("body")  # the configured preset, written out


def test_escaping_alone_holds_without_the_policy(browser, summary_html):
    page_html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", summary_html)
    assert "Content-Security-Policy" not in page_html
    opened = open_report(browser, page_html)
    assert_nothing_ran(opened)
    opened.page.locator("td").last.hover()  # an on* attribute would fire here
    assert opened.dialogs == []


def test_planted_markup_never_loads_without_javascript_either(browser, summary_html):
    opened = open_report(browser, summary_html, javascript=False)
    assert opened.requests == []
    assert opened.page.locator("img, svg, script").count() == 0
