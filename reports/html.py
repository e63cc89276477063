"""The DPO's report: one self-contained HTML page built from an inventory.

This module gathers what the page shows (plain values); ``templates/report.html.j2`` lays it
out. Everything is inline (CSS, a little JS, SVG charts), so the page opens offline and can
be mailed. The inventory holds strings taken from scanned stores (field names, file names,
error texts): the templates escape every value, attributes included, and the script never
builds HTML from data. A Content-Security-Policy allows no request at all and runs only our
own script (by hash): even a value that slipped through escaping could neither run nor call
home.
"""

from __future__ import annotations

from pathlib import Path

from fouille.reports.html_charts import bar_charts, heatmap
from fouille.reports.html_env import asset, content_security_policy, render, static_text
from fouille.reports.html_fields import fields_table
from fouille.reports.html_tables import (
    art9,
    containers_table,
    errors_table,
    moment,
    presets_table,
    retention_table,
)
from fouille.reports.registre import count_of, entity_rows
from fouille.scanner.core.i18n import Translator, format_duration, format_int, translator
from fouille.scanner.core.model import is_sensitive

SCRIPT = "report.js"
NAV = ("overview", "art9", "containers", "fields", "retention", "errors")


def scan_sources(inventory: dict) -> list[str]:
    declared = [str(s) for s in (inventory.get("scan") or {}).get("sources") or []]
    seen = [str(c.get("source", "")) for c in inventory.get("containers") or []]
    seen += [str(f.get("source", "")) for f in inventory.get("fields") or []]
    return list(dict.fromkeys(declared + seen))


def overview(inventory: dict, t: Translator) -> dict:
    """The summary cards (label, value, alert) and the scan's details (label, value)."""
    lang = t.lang
    scan = inventory.get("scan") or {}
    containers = inventory.get("containers") or []
    errors = inventory.get("errors") or []
    found = [(r, e) for r, e, s in entity_rows(inventory) if count_of(s)]
    pii_fields = {(r.get("source"), r.get("container"), r.get("field")) for r, _ in found}
    art9_fields = {
        (r.get("source"), r.get("container"), r.get("field")) for r, e in found if is_sensitive(e)
    }
    rows = sum(int(c.get("rows") or 0) for c in containers)
    cards = [
        (t("sources"), format_int(len(scan_sources(inventory)), lang), False),
        (t("containers"), format_int(len(containers), lang), False),
        (t("rows_scanned"), format_int(rows, lang), False),
        (t("duration"), format_duration(scan.get("duration_s"), lang), False),
        (t("fields_with_pii"), format_int(len(pii_fields), lang), False),
        (t("art9_fields"), format_int(len(art9_fields), lang), bool(art9_fields)),
        (t("errors"), format_int(len(errors), lang), bool(errors)),
    ]
    mode = scan.get("mode")
    meta = [
        (t("mode"), t(f"mode.{mode}") if mode in ("sample", "full") else mode),
        (t("started"), moment(scan.get("started"))),
        (t("finished"), moment(scan.get("finished"))),
        (t("version"), scan.get("version")),
        (t("sources"), ", ".join(scan_sources(inventory))),
    ]
    return {"cards": cards, "meta": [(k, v) for k, v in meta if v not in (None, "")]}


def render_report(inventory: dict, lang: str = "fr") -> str:
    """Render an inventory (inventory.json as a dict) as one self-contained HTML page.

    Args:
        inventory: The inventory, as written by the scan.
        lang: ``fr`` or ``en``.

    Returns:
        The page, ready to write to ``report.html``.
    """
    t = translator(lang)
    page = render(
        "report.html.j2",
        lang=t.lang,
        t=t,
        title=t("title"),
        policy=content_security_policy(static_text(SCRIPT), data_images=True),
        css=asset("report.css"),
        script=asset(SCRIPT),
        nav=NAV,
        version=(inventory.get("scan") or {}).get("version") or "",
        overview=overview(inventory, t),
        charts=bar_charts(inventory, scan_sources(inventory), t.lang),
        heatmap=heatmap(inventory, t.lang),
        art9=art9(inventory, t),
        containers=containers_table(inventory, t),
        fields=fields_table(inventory, t),
        retention=retention_table(inventory, t),
        presets=presets_table(t),
        errors=errors_table(inventory, t),
    )
    return page + "\n"


def write_report(inventory: dict, out_dir: str | Path, lang: str = "fr") -> Path:
    """Write ``report.html`` into ``out_dir`` and return its path."""
    path = Path(out_dir) / "report.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(inventory, lang), encoding="utf-8")
    return path
