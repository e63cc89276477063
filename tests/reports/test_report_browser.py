"""The report in a real browser: loads clean, draws, sorts, and never runs planted markup."""

from __future__ import annotations

import re

import pytest
from report_browser import PAYLOADS, open_report, pixel_variety

from fouille.reports.html import render_report


def plant(inventory: dict) -> dict:
    """Put hostile strings everywhere scanned or configured text reaches the report."""
    payload = " ".join(PAYLOADS)
    inventory["scan"].update(version=payload, mode=payload, started=payload)
    inventory["scan"]["sources"].append(payload)
    field = inventory["fields"][1]
    field.update(
        source=payload, container=payload, field=payload, hint=payload, classification=payload
    )
    stats = field["entities"]["EMAIL_ADDRESS"]
    stats.update(
        examples=list(PAYLOADS), detectors=[payload], evidence=[f"context:{payload}", payload]
    )
    field["entities"][payload] = dict(stats)
    inventory["fields"][11]["entities"]["SENSITIVE_HEALTH"]["examples"] = [payload]
    inventory["containers"].append({"source": payload, "container": payload, "rows": 3})
    inventory["errors"].append({"source": payload, "location": payload, "error": payload})
    inventory["retention"].append(
        {
            "source": payload,
            "container": payload,
            "field": payload,
            "keep": payload,
            "expired_records": 1,
            "records_with_pii": 2,
        }
    )
    inventory["conversations"].append(
        {
            "source": payload,
            "container": payload,
            "conversation": payload,
            "categories": {payload: 2},
        }
    )
    return inventory


def assert_nothing_ran(opened) -> None:
    page = opened.page
    assert opened.dialogs == []
    assert opened.page_errors == []
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1  # ours, at the end of the body
    assert page.locator("[onerror], [onload], [onmouseover]").count() == 0
    # The hostile strings are shown as text, so the DPO sees what was found.
    assert "<script>alert(1)</script>" in page.inner_text("#errors")


def test_page_loads_without_console_error_or_network_request(browser, inventory):
    opened = open_report(browser, render_report(inventory, "fr"))
    assert opened.console_errors == []
    assert opened.page_errors == []
    assert [u for u in opened.requests if not u.startswith("data:")] == []
    assert opened.page.title() == "Inventaire des données personnelles"
    assert opened.page.locator("#fields-table tbody tr").count() > 30


def test_english_page_loads_clean(browser, inventory):
    opened = open_report(browser, render_report(inventory, "en"))
    assert opened.console_errors == [] and opened.requests == []
    assert opened.page.locator("html").get_attribute("lang") == "en"
    assert "Sensitive data (GDPR art. 9)" in opened.page.inner_text("#art9")


def test_charts_render(browser, inventory):
    opened = open_report(browser, render_report(inventory, "fr"))
    page = opened.page
    assert page.locator("#charts svg").count() == 4  # one panel per source
    assert page.locator("#charts svg rect").count() >= 15
    box = page.locator("#charts svg").first.bounding_box()
    assert box["width"] > 300 and box["height"] > 50
    variety = pixel_variety(browser, page.locator("#charts").screenshot())
    assert variety["colours"] > 20, variety
    assert variety["nonWhite"] > 0.05, variety
    heat = pixel_variety(browser, page.locator("#heatmap").screenshot())
    assert heat["colours"] > 20 and heat["nonWhite"] > 0.10, heat


def column_keys(page, table: str, index: int) -> list[str]:
    return page.eval_on_selector_all(
        f"#{table} tbody tr",
        f"rows => rows.map(r => r.cells[{index}].getAttribute('data-sort') "
        f"?? r.cells[{index}].textContent.trim())",
    )


def test_table_sorts_when_header_clicked(browser, inventory):
    page = open_report(browser, render_report(inventory, "fr")).page
    count_header = page.locator("#fields-table thead th", has_text=re.compile("^Nombre$"))
    count_header.click()
    ascending = [float(k) for k in column_keys(page, "fields-table", 5)]
    assert ascending == sorted(ascending) and ascending[0] < ascending[-1]
    assert count_header.get_attribute("aria-sort") == "ascending"
    count_header.click()
    descending = [float(k) for k in column_keys(page, "fields-table", 5)]
    assert descending == sorted(ascending, reverse=True)
    assert count_header.get_attribute("aria-sort") == "descending"

    page.locator("#containers-table thead th", has_text=re.compile("^Conteneur$")).click()
    names = column_keys(page, "containers-table", 1)
    assert names == sorted(names, key=str.lower)


def test_filter_hides_rows(browser, inventory):
    page = open_report(browser, render_report(inventory, "fr")).page
    page.locator('.filters[data-for="fields-table"] input[type=search]').fill("paiements")
    visible = page.locator("#fields-table tbody tr:not([hidden])")
    assert visible.count() == 3
    assert all("paiements" in text for text in visible.all_inner_texts())
    page.locator('.filters[data-for="fields-table"] input[type=checkbox]').check()
    assert visible.count() == 2  # the amount column holds no personal data


def test_readable_without_javascript(browser, inventory):
    page = open_report(browser, render_report(inventory, "fr"), javascript=False).page
    assert page.locator("#fields-table tbody tr").count() > 30
    assert page.locator("#fields-table").is_visible()
    assert not page.locator('.filters[data-for="fields-table"]').is_visible()
    assert page.locator("#charts svg").count() == 4


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_planted_markup_never_runs(browser, inventory, lang):
    opened = open_report(browser, render_report(plant(inventory), lang))
    assert_nothing_ran(opened)
    # Blocked by the policy would show as a console error: escaping alone must hold.
    assert opened.console_errors == []
    assert opened.requests == []


def test_planted_markup_never_runs_even_without_the_policy(browser, inventory):
    page_html = re.sub(
        r'<meta http-equiv="Content-Security-Policy"[^>]*>',
        "",
        render_report(plant(inventory), "fr"),
    )
    assert "Content-Security-Policy" not in page_html
    opened = open_report(browser, page_html)
    assert_nothing_ran(opened)
    assert opened.requests == []  # an unescaped <img src=x> would have fetched x


def test_hovering_planted_names_runs_nothing(browser, inventory):
    opened = open_report(browser, render_report(plant(inventory), "fr"))
    opened.page.locator("#errors td").first.hover()
    opened.page.locator("#heatmap td.name").last.hover()
    assert opened.dialogs == []
