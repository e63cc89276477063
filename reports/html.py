"""The DPO's report: one self-contained HTML page built from an inventory.

Everything is inline (CSS, a little JS, SVG charts), so the page opens offline
and can be mailed. The inventory holds strings taken from scanned stores (field
names, file names, error texts), so every one of them goes through ``esc`` —
including attribute values — and the script never builds HTML from data. A
Content-Security-Policy allows no request at all and runs only our own script
(by hash): even a value that slipped through escaping could neither run nor
call home.
"""

from __future__ import annotations

import base64
import hashlib
import html
import math
from collections import Counter, defaultdict
from datetime import UTC
from pathlib import Path

from reports.i18n import (
    Translator,
    entity_label,
    format_decimal,
    format_duration,
    format_int,
    format_percent,
    format_period,
    normalize_lang,
    translator,
)
from reports.registre import count_of, entity_rows, is_sensitive, totals_by_source
from reports.retention import PRESETS, parse_period, parse_timestamp
from scanner.model import ENTITY_TYPES, SENSITIVE_TYPES

_COLON = {"fr": "\u202f: ", "en": ": "}  # French puts a (narrow no-break) space before colons
_TYPE_ORDER = {e: i for i, e in enumerate(ENTITY_TYPES + SENSITIVE_TYPES)}
_PALETTE = (
    "#2563eb",
    "#0891b2",
    "#7c3aed",
    "#059669",
    "#d97706",
    "#4f46e5",
    "#0d9488",
    "#9333ea",
    "#65a30d",
    "#0284c7",
    "#ca8a04",
    "#475569",
    "#db2777",
    "#16a34a",
    "#6d28d9",
)
_SENSITIVE_PALETTE = ("#b91c1c", "#dc2626", "#991b1b", "#ef4444", "#7f1d1d", "#f87171", "#c2410c")

_CSS = """
:root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bg:#f8fafc;--card:#fff;--accent:#1d4ed8;
--red:#b91c1c;--redbg:#fef2f2}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);
background:var(--bg)}
header{background:#0f172a;color:#fff;padding:20px 32px}
header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;color:#cbd5e1}
nav{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);
padding:8px 32px;display:flex;gap:18px;flex-wrap:wrap}
nav a{color:var(--accent);text-decoration:none;font-weight:600}
main{padding:8px 32px 40px;max-width:1600px}
section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 20px;
margin:18px 0}
h2{margin:0 0 6px;font-size:18px}
h3{margin:16px 0 6px;font-size:15px}
.help{color:var(--muted);margin:0 0 12px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;
margin:10px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:10px 12px}
.card b{display:block;font-size:22px}
.card span{color:var(--muted);font-size:12px}
.card.alert{border-color:#fca5a5;background:var(--redbg)}
.card.alert b{color:var(--red)}
.meta{color:var(--muted);font-size:12px}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:14px}
.chart{border:1px solid var(--line);border-radius:6px;padding:8px 10px}
.chart h3{margin:0 0 4px}
svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;fill:#1f2937}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:5px 7px;text-align:left;vertical-align:top}
th{background:#f1f5f9;white-space:nowrap;position:relative}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
table.sortable th{cursor:pointer;user-select:none}
table.sortable th::after{content:" \\2195";color:#94a3b8;font-size:11px}
table.sortable th[aria-sort=ascending]::after{content:" \\25B2";color:var(--accent)}
table.sortable th[aria-sort=descending]::after{content:" \\25BC";color:var(--accent)}
.heat td{text-align:center;min-width:44px;font-variant-numeric:tabular-nums}
.heat td.name{text-align:left;white-space:nowrap;max-width:360px;overflow:hidden;
text-overflow:ellipsis}
.heat th.col{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;
vertical-align:bottom;text-align:left;padding:8px 4px}
.heat th.col.sens{color:var(--red)}
.chip{display:inline-block;border-radius:10px;padding:0 7px;margin:1px 2px;font-size:12px;
background:#e0e7ff;color:#1e3a8a}
.chip.sens{background:#fee2e2;color:var(--red)}
.art9{border:2px solid #fca5a5;background:var(--redbg)}
.art9 table th{background:#fee2e2}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
.ex{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;
color:#334155;display:block}
.why{color:var(--muted);font-size:12px;min-width:200px}
.flag{color:var(--red);font-weight:700}
.ok{color:#047857}
.filters{display:flex;gap:14px;align-items:center;margin:0 0 10px;flex-wrap:wrap}
.filters input[type=search]{padding:5px 8px;border:1px solid #cbd5e1;border-radius:5px;width:280px}
.muted{color:var(--muted)}
footer{color:var(--muted);padding:0 32px 30px;font-size:12px}
@media print{nav,.filters{display:none}section{break-inside:avoid}body{background:#fff}}
"""

# Never builds HTML from data: sorting moves rows, filtering toggles `hidden`.
_JS = """
(function () {
  var lang = document.documentElement.lang || 'fr';
  function key(cell) {
    var v = cell.getAttribute('data-sort');
    return v === null ? cell.textContent.trim() : v;
  }
  function sortBy(table, th, index) {
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
      other.removeAttribute('aria-sort');
    });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var numeric = th.classList.contains('num');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[index]), y = key(b.cells[index]);
      var c = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0)
                      : x.localeCompare(y, lang, {numeric: true, sensitivity: 'base'});
      return ascending ? c : -c;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      th.tabIndex = 0;
      th.addEventListener('click', function () { sortBy(table, th, index); });
      th.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          sortBy(table, th, index);
        }
      });
    });
  });
  document.querySelectorAll('.filters[data-for]').forEach(function (box) {
    var table = document.getElementById(box.getAttribute('data-for'));
    var text = box.querySelector('input[type=search]');
    var piiOnly = box.querySelector('input[type=checkbox]');
    var shown = box.querySelector('.shown');
    function apply() {
      var query = text.value.trim().toLowerCase(), visible = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var hide = (query && row.textContent.toLowerCase().indexOf(query) < 0) ||
                   (piiOnly && piiOnly.checked && row.getAttribute('data-pii') !== '1');
        row.hidden = !!hide;
        if (!hide) { visible += 1; }
      });
      if (shown) { shown.textContent = visible + ' / ' + table.tBodies[0].rows.length; }
    }
    text.addEventListener('input', apply);
    if (piiOnly) { piiOnly.addEventListener('change', apply); }
    box.hidden = false;
    apply();
  });
}());
"""


def esc(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute (``<``, ``>``, ``&``, quotes)."""
    return html.escape("" if value is None else str(value), quote=True)


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _content_security_policy() -> str:
    # No default-src: nothing may be fetched. Only our inline script (by hash) runs.
    return (
        f"default-src 'none'; script-src '{_script_hash(_JS)}'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def _type_sort_key(entity: str) -> tuple[int, str]:
    return _TYPE_ORDER.get(entity, len(_TYPE_ORDER)), entity


def _color(entity: str) -> str:
    """A stable colour per entity type; art. 9 categories in reds."""
    palette = _SENSITIVE_PALETTE if is_sensitive(entity) else _PALETTE
    index = _TYPE_ORDER.get(entity)
    if index is None:
        index = int(hashlib.sha256(entity.encode("utf-8")).hexdigest(), 16)
    return palette[index % len(palette)]


def _chip(entity: str, lang: str, suffix: str = "") -> str:
    css = "chip sens" if is_sensitive(entity) else "chip"
    label = esc(entity_label(entity, lang) + suffix)
    return f'<span class="{css}" title="{esc(entity)}">{label}</span>'


def _td(text: object, sort: object = None, css: str = "") -> str:
    """A table cell holding escaped text; ``sort`` is the key the script sorts by."""
    attrs = f' data-sort="{esc(sort)}"' if sort is not None else ""
    attrs += f' class="{css}"' if css else ""
    return f"<td{attrs}>{esc(text)}</td>"


def _td_path(text: object, sort: object = None) -> str:
    """A cell for a container or field name: may wrap after ``/``, ``.`` and ``_``."""
    escaped = esc(text)
    for sep in ("/", ".", "_"):
        escaped = escaped.replace(sep, sep + "<wbr>")
    return _td_html(escaped, sort=text if sort is None else sort, css="mono")


def _td_html(markup: str, sort: object = None, css: str = "") -> str:
    """A table cell holding markup built (and escaped) by the caller."""
    attrs = f' data-sort="{esc(sort)}"' if sort is not None else ""
    attrs += f' class="{css}"' if css else ""
    return f"<td{attrs}>{markup}</td>"


def _num(value: object, lang: str) -> str:
    number = int(value or 0)
    return _td(format_int(number, lang), sort=number, css="num")


NUM_CLASS = ' class="num"'


def _columns(t: Translator, *keys: str) -> list[tuple[str, bool]]:
    """Table headers from string keys; a leading ``#`` marks a numeric column."""
    return [(t(key.lstrip("#")), key.startswith("#")) for key in keys]


def _table(
    table_id: str,
    headers: list[tuple[str, bool]],
    rows: list[str],
    t: Translator,
    sortable: bool = True,
    row_attrs: list[str] | None = None,
) -> str:
    """A table; headers are (label, is_numeric); rows are pre-built ``<td>`` strings."""
    if not rows:
        return f'<p class="muted">{esc(t("no_data"))}</p>'
    head = "".join(
        f'<th scope="col"{NUM_CLASS if numeric else ""}>{esc(label)}</th>'
        for label, numeric in headers
    )
    attrs = row_attrs or [""] * len(rows)
    body = "".join(f"<tr{extra}>{cells}</tr>" for cells, extra in zip(rows, attrs, strict=True))
    css = "sortable" if sortable else ""
    return (
        f'<div class="scroll"><table id="{esc(table_id)}" class="{css}">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def _filters(table_id: str, t: Translator, pii_checkbox: bool = False) -> str:
    # Hidden until the script runs: without JS there is nothing to filter with.
    checkbox = (
        f'<label><input type="checkbox"> {esc(t("filter.pii_only"))}</label>'
        if pii_checkbox
        else ""
    )
    return (
        f'<div class="filters" data-for="{esc(table_id)}" hidden>'
        f'<label>{esc(t("filter"))} <input type="search" '
        f'placeholder="{esc(t("filter.placeholder"))}"></label>{checkbox}'
        f'<span class="shown muted"></span></div>'
    )


def _section(anchor: str, title: str, body: str, help_text: str = "", css: str = "") -> str:
    """A report section: heading, optional help line, then ``body`` (already markup)."""
    attrs = f' class="{css}"' if css else ""
    help_html = f'<p class="help">{esc(help_text)}</p>' if help_text else ""
    return f'<section id="{anchor}"{attrs}><h2>{esc(title)}</h2>{help_html}{body}</section>'


def _scan_sources(inventory: dict) -> list[str]:
    declared = [str(s) for s in (inventory.get("scan") or {}).get("sources") or []]
    seen = [str(c.get("source", "")) for c in inventory.get("containers") or []]
    seen += [str(f.get("source", "")) for f in inventory.get("fields") or []]
    return list(dict.fromkeys(declared + seen))


def _moment(value: object) -> object:
    """ISO timestamps as ``2026-11-20 09:14 UTC``; anything else as given."""
    moment = parse_timestamp(value) if isinstance(value, str) else None
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if moment else value


def _overview(inventory: dict, lang: str, t: Translator) -> str:
    scan = inventory.get("scan") or {}
    containers = inventory.get("containers") or []
    errors = inventory.get("errors") or []
    pii_fields = {
        (r.get("source"), r.get("container"), r.get("field"))
        for r, _, s in entity_rows(inventory)
        if count_of(s)
    }
    art9_fields = {
        (r.get("source"), r.get("container"), r.get("field"))
        for r, e, s in entity_rows(inventory)
        if is_sensitive(e) and count_of(s)
    }
    rows = sum(int(c.get("rows") or 0) for c in containers)
    cards = [
        (t("sources"), format_int(len(_scan_sources(inventory)), lang), False),
        (t("containers"), format_int(len(containers), lang), False),
        (t("rows_scanned"), format_int(rows, lang), False),
        (t("duration"), format_duration(scan.get("duration_s"), lang), False),
        (t("fields_with_pii"), format_int(len(pii_fields), lang), False),
        (t("art9_fields"), format_int(len(art9_fields), lang), bool(art9_fields)),
        (t("errors"), format_int(len(errors), lang), bool(errors)),
    ]
    card_html = "".join(
        f'<div class="card{" alert" if alert else ""}"><b>{esc(value)}</b>'
        f"<span>{esc(label)}</span></div>"
        for label, value, alert in cards
    )
    mode = scan.get("mode")
    meta = [
        (t("mode"), t(f"mode.{mode}") if mode in ("sample", "full") else mode),
        (t("started"), _moment(scan.get("started"))),
        (t("finished"), _moment(scan.get("finished"))),
        (t("version"), scan.get("version")),
        (t("sources"), ", ".join(_scan_sources(inventory))),
    ]
    meta_html = " · ".join(
        f"{esc(k)}{_COLON[lang]}{esc(v)}" for k, v in meta if v not in (None, "")
    )
    body = f'<div class="cards">{card_html}</div><p class="meta">{meta_html}</p>'
    return _section("overview", t("overview"), body)


def _bar_chart(source: str, totals: Counter, lang: str) -> str:
    """Horizontal bars, one per entity type found in a source, as inline SVG."""
    items = sorted(((e, n) for e, n in totals.items() if n), key=lambda item: (-item[1], item[0]))
    if not items:
        return ""
    label_w, bar_w, value_w, bar_h, gap, top = 200, 250, 80, 18, 6, 4
    width = label_w + bar_w + value_w
    height = top + len(items) * (bar_h + gap)
    peak = max(n for _, n in items)
    bars = []
    for i, (entity, n) in enumerate(items):
        y = top + i * (bar_h + gap)
        length = max(2.0, bar_w * n / peak)
        label = entity_label(entity, lang)
        bars.append(
            f"<g><title>{esc(label)} ({esc(entity)}): {esc(format_int(n, lang))}</title>"
            f'<text x="{label_w - 8}" y="{y + 13}" text-anchor="end">{esc(label)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{length:.1f}" height="{bar_h}" rx="3" '
            f'fill="{_color(entity)}"></rect>'
            f'<text x="{label_w + length + 6:.1f}" y="{y + 13}">'
            f"{esc(format_int(n, lang))}</text></g>"
        )
    return (
        f'<div class="chart"><h3>{esc(source)}</h3>'
        f'<svg role="img" aria-label="{esc(source)}" width="100%" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(bars)}</svg></div>'
    )


def _charts(inventory: dict, lang: str, t: Translator) -> str:
    totals = totals_by_source(inventory)
    panels = "".join(
        _bar_chart(s, totals.get(s, Counter()), lang) for s in _scan_sources(inventory)
    )
    body = (
        f'<div class="charts">{panels}</div>'
        if panels
        else f'<p class="muted">{esc(t("no_data"))}</p>'
    )
    return _section("charts", t("chart.by_source"), body, t("chart.by_source.help"))


def _heat_cell(n: int, peak: int, sensitive: bool, lang: str) -> str:
    if not n:
        return "<td></td>"
    strength = math.log1p(n) / math.log1p(peak)
    alpha = 0.12 + 0.88 * strength
    rgb = "185,28,28" if sensitive else "29,78,216"
    ink = "#fff" if alpha > 0.55 else "#111827"
    return (
        f'<td style="background:rgba({rgb},{alpha:.2f});color:{ink}" '
        f'title="{esc(format_int(n, lang))}">{esc(format_int(n, lang))}</td>'
    )


def _heatmap(inventory: dict, lang: str, t: Translator) -> str:
    grid: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for record, entity, stats in entity_rows(inventory):
        grid[(str(record.get("source", "")), str(record.get("container", "")))][entity] += count_of(
            stats
        )
    types = sorted(
        {e for counts in grid.values() for e, n in counts.items() if n}, key=_type_sort_key
    )
    if not types:
        return ""
    peak = max(n for counts in grid.values() for n in counts.values())
    head = "".join(
        f'<th scope="col" class="col{" sens" if is_sensitive(e) else ""}" '
        f'title="{esc(e)}">{esc(entity_label(e, lang))}</th>'
        for e in types
    )
    rows = []
    for (source, container), counts in grid.items():
        if not any(counts.values()):
            continue
        cells = "".join(_heat_cell(counts.get(e, 0), peak, is_sensitive(e), lang) for e in types)
        rows.append(
            f'<tr><td class="name" title="{esc(source)} / {esc(container)}">'
            f'<span class="muted">{esc(source)} /</span> {esc(container)}</td>{cells}</tr>'
        )
    table = (
        f'<div class="scroll"><table class="heat"><thead><tr><th></th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    return _section("heatmap", t("heatmap"), table, t("heatmap.help"))


def _art9(inventory: dict, lang: str, t: Translator) -> str:
    field_rows, totals = [], Counter()
    for record, entity, stats in entity_rows(inventory):
        if not is_sensitive(entity) or not count_of(stats):
            continue
        totals[entity] += count_of(stats)
        field_rows.append(
            _td(record.get("source"))
            + _td(record.get("container"))
            + _td_path(record.get("field"))
            + _td_html(_chip(entity, lang), sort=entity_label(entity, lang))
            + _num(count_of(stats), lang)
        )
    conv_rows = []
    for conv in inventory.get("conversations") or []:
        categories = {str(k): int(v or 0) for k, v in (conv.get("categories") or {}).items() if v}
        if not categories:
            continue
        chips = "".join(
            _chip(c, lang, f"{_COLON[lang]}{n}")
            for c, n in sorted(categories.items(), key=lambda kv: _type_sort_key(kv[0]))
        )
        conv_rows.append(
            _td(conv.get("source"))
            + _td(conv.get("container"))
            + _td(conv.get("conversation"), css="mono")
            + _td_html(chips)
            + _num(sum(categories.values()), lang)
        )
    if not field_rows and not conv_rows:
        body = f'<p class="ok">{esc(t("art9.none"))}</p>'
    else:
        summary = "".join(
            _chip(e, lang, f" {format_int(n, lang)}")
            for e, n in sorted(totals.items(), key=lambda kv: _type_sort_key(kv[0]))
        )
        body = f"<p>{summary}</p>"
        body += f"<h3>{esc(t('art9.fields'))}</h3>" + _table(
            "art9-fields",
            _columns(t, "source", "container", "field", "category", "#count"),
            field_rows,
            t,
        )
        if conv_rows:
            body += f"<h3>{esc(t('art9.conversations'))}</h3>"
            total = int(inventory.get("conversations_total") or 0)
            if total > len(conv_rows):  # the inventory keeps only the top conversations
                note = t("art9.conversations_top").format(
                    shown=format_int(len(conv_rows), lang), total=format_int(total, lang))
                body += f'<p class="help">{esc(note)}</p>'
            body += _conversations_table(conv_rows, lang, t)
    return _section("art9", t("art9"), body, t("art9.help"), css="art9")


CONVERSATIONS_SHOWN = 20  # more rows are folded, so the containers and fields stay in view


def _conversations_table(rows: list[str], lang: str, t: Translator) -> str:
    """The art. 9 conversations: the first 20 rows, the rest folded under a count."""
    headers = _columns(t, "source", "container", "conversation", "category", "#count")
    html = _table("art9-conversations", headers, rows[:CONVERSATIONS_SHOWN], t)
    rest = rows[CONVERSATIONS_SHOWN:]
    if rest:
        more = t("art9.more").format(n=format_int(len(rest), lang))
        html += (f"<details><summary>{esc(more)}</summary>"
                 f"{_table('art9-conversations-more', headers, rest, t)}</details>")
    return html


def _containers(inventory: dict, lang: str, t: Translator) -> str:
    per_container: dict[tuple[str, str], dict] = defaultdict(
        lambda: {"fields": set(), "pii": set(), "types": Counter()}
    )
    for record in inventory.get("fields") or []:
        key = (str(record.get("source", "")), str(record.get("container", "")))
        per_container[key]["fields"].add(record.get("field"))
    for record, entity, stats in entity_rows(inventory):
        key = (str(record.get("source", "")), str(record.get("container", "")))
        if count_of(stats):
            per_container[key]["pii"].add(record.get("field"))
            per_container[key]["types"][entity] += count_of(stats)
    rows, attrs = [], []
    for container in inventory.get("containers") or []:
        key = (str(container.get("source", "")), str(container.get("container", "")))
        info = per_container[key]
        chips = "".join(_chip(e, lang) for e in sorted(info["types"], key=_type_sort_key))
        rows.append(
            _td(key[0])
            + _td_path(key[1])
            + _num(container.get("rows"), lang)
            + _num(len(info["fields"]), lang)
            + _num(len(info["pii"]), lang)
            + _td_html(chips, sort=len(info["types"]))
        )
        attrs.append(f' data-pii="{1 if info["pii"] else 0}"')
    table = _table(
        "containers-table",
        _columns(t, "source", "container", "#rows", "#fields", "#fields_with_pii", "entity_types"),
        rows,
        t,
        row_attrs=attrs,
    )
    body = _filters("containers-table", t, pii_checkbox=True) + table
    return _section("containers", t("containers.title"), body)


def _evidence_label(item: str, lang: str, t: Translator) -> str:
    """``context:sécu`` -> ``contexte « sécu »``; unknown evidence is shown as stored."""
    kind, _, detail = str(item).partition(":")
    label = t(f"evidence.{kind}")
    if label == f"evidence.{kind}":
        return str(item)
    quoted = f"« {detail} »" if lang == "fr" else f"“{detail}”"
    return f"{label} {quoted}" if detail else label


def _names(value: object) -> list[str]:
    """Detectors or evidence as a list, whether stored as a list or as {name: count}."""
    if isinstance(value, dict):
        return [str(k) for k, _ in sorted(value.items(), key=lambda kv: -int(kv[1] or 0))]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)] if value else []


def _why(record: dict, stats: dict, lang: str, t: Translator) -> str:
    parts = [_evidence_label(e, lang, t) for e in _names(stats.get("evidence"))]
    detectors = [_known(t, f"detector.{d}", d) for d in _names(stats.get("detectors"))]
    if detectors:
        parts.append(f"{t('detectors')}{_COLON[lang]}{', '.join(detectors)}")
    hint = record.get("hint")
    if hint and not any(str(e).startswith("column") for e in _names(stats.get("evidence"))):
        parts.append(f"{t('hint')}{_COLON[lang]}{_type_name(hint, lang, t)}")
    return "; ".join(parts)


def _known(t: Translator, key: str, fallback: str) -> str:
    """``t(key)`` when the language has it, else the internal name as stored."""
    label = t(key)
    return fallback if label == key else label


def _type_name(value: object, lang: str, t: Translator) -> str:
    """A classification or column hint in words: an entity label, free text, or nothing."""
    if not value:
        return t("classification.none")
    if value == "FREE_TEXT":
        return t("classification.FREE_TEXT")
    return entity_label(str(value), lang)


def _count_cell(count: int, record: dict, inventory: dict, lang: str, t: Translator) -> str:
    """A field's count, saying whether it is a sample count or complete, with the estimate.

    In sample mode a structured field stops after ``sample_rows`` values: its count is of
    the sample, and the container's rows give the estimated total; free text is read whole.
    """
    scanned = int(record.get("rows_scanned") or 0)
    total = _container_rows(inventory).get((record.get("source"), record.get("container")))
    if (inventory.get("scan") or {}).get("mode") != "sample" or not total:
        return _num(count, lang)
    if scanned >= total or not scanned:
        note = t("count.complete")
    else:
        note = t("count.sample").format(
            scanned=format_int(scanned, lang),
            estimate=format_int(round(count * total / scanned), lang))
    return _td(f"{format_int(count, lang)} ({note})", sort=count, css="num")


def _container_rows(inventory: dict) -> dict:
    return {(c.get("source"), c.get("container")): int(c.get("rows") or 0)
            for c in inventory.get("containers") or []}


def _fields(inventory: dict, lang: str, t: Translator) -> str:
    rows, attrs = [], []
    for record in inventory.get("fields") or []:
        base = (
            _td(record.get("source"))
            + _td_path(record.get("container"))
            + _td_path(record.get("field"))
            + _td(_type_name(record.get("classification"), lang, t))
        )
        entities = sorted(
            (record.get("entities") or {}).items(), key=lambda kv: _type_sort_key(kv[0])
        )
        if not entities:
            rows.append(
                base
                + _td("–")
                + _num(0, lang)
                + _td("–", sort=-1, css="num")
                + _td("–", sort=-1, css="num")
                + _td("")
                + _td("")
            )
            attrs.append(' data-pii="0"')
            continue
        for entity, stats in entities:
            stats = stats or {}
            # Art. 9: counts only, never an example, even a masked one.
            examples = [] if is_sensitive(entity) else _names(stats.get("examples"))
            example_html = "".join(f'<span class="ex">{esc(x)}</span>' for x in examples[:3])
            ratio, score = stats.get("ratio"), stats.get("max_score")
            rows.append(
                base
                + _td_html(_chip(entity, lang), sort=entity_label(entity, lang))
                + _count_cell(count_of(stats), record, inventory, lang, t)
                + _td(
                    format_percent(ratio, lang), sort=ratio if ratio is not None else -1, css="num"
                )
                + _td(
                    format_decimal(score, lang), sort=score if score is not None else -1, css="num"
                )
                + _td_html(example_html)
                + _td(_why(record, stats, lang, t), css="why")
            )
            attrs.append(f' data-pii="{1 if count_of(stats) else 0}"')
    table = _table(
        "fields-table",
        _columns(
            t,
            "source",
            "container",
            "field",
            "classification",
            "entity",
            "#count",
            "#ratio",
            "#max_score",
            "examples",
            "why",
        ),
        rows,
        t,
        row_attrs=attrs,
    )
    body = _filters("fields-table", t, pii_checkbox=True) + table
    return _section("fields", t("fields.title"), body, f'{t("fields.help")} {t("max_score.help")}')


def _keep_label(keep: object, lang: str) -> str:
    preset = PRESETS.get(str(keep or "").strip().lower())
    if not preset:
        try:
            return format_period(parse_period(str(keep)), lang)
        except ValueError:
            return str(keep or "–")
    t = translator(lang)
    return f"{t(f'preset.{preset.name}')} ({format_period(parse_period(preset.keep), lang)})"


def _retention(inventory: dict, lang: str, t: Translator) -> str:
    rules = inventory.get("retention") or []
    rows = []
    for rule in rules:
        expired = int(rule.get("expired_records") or 0)
        # Records with personal data whose date is empty or unreadable: neither kept nor expired.
        undated = int(rule.get("undated_records") or 0) + int(rule.get("unreadable_records") or 0)
        if expired:
            status = f'<span class="flag">⚠ {esc(t("retention.flag"))}</span>'
        elif rule.get("field_found") is False:
            status = f'<span class="flag">⚠ {esc(t("retention.no_field"))}</span>'
        elif undated:
            status = f'<span class="flag">⚠ {esc(t("retention.check"))}</span>'
        else:
            status = f'<span class="ok">✓ {esc(t("retention.ok"))}</span>'
        keep = _keep_label(rule.get("keep"), lang)
        before = _moment(rule.get("cutoff")) if rule.get("cutoff") else None
        if before:
            keep += " · " + t("retention.before").format(date=str(before)[:10])
        rows.append(
            _td(rule.get("source"))
            + _td_path(rule.get("container"))
            + _td_path(rule.get("field"))
            + _td(keep)
            + _num(rule.get("records_with_pii"), lang)
            + _num(expired, lang)
            + _num(undated, lang)
            + _td_html(status, sort=expired)
        )
    if rows:
        body = _table(
            "retention-table",
            _columns(
                t,
                "source",
                "container",
                "retention.timestamp",
                "retention.keep",
                "#retention.records",
                "#retention.expired",
                "#retention.undated",
                "retention.status",
            ),
            rows,
            t,
        )
    else:
        body = f'<p class="muted">{esc(t("retention.none"))}</p>'
    preset_rows = [  # the label in the report's language, then the name to write in keep =
        _td_html(f'{esc(t(f"preset.{p.name}"))} <span class="mono">keep = "{esc(p.name)}"</span>')
        + _td(format_period(parse_period(p.keep), lang))
        + _td(p.basis_fr if lang == "fr" else p.basis_en)
        + _td(p.reference, css="why")
        for p in PRESETS.values()
    ]
    presets = _table(
        "retention-presets",
        _columns(t, "retention.preset", "retention.keep", "retention.basis", "retention.reference"),
        preset_rows,
        t,
        sortable=False,
    )
    body += f"<h3>{esc(t('retention.presets'))}</h3>{presets}"
    return _section("retention", t("retention"), body, t("retention.help"))


def _errors(inventory: dict, lang: str, t: Translator) -> str:
    errors = inventory.get("errors") or []
    rows = [
        _td(e.get("source")) + _td_path(e.get("location")) + _td(e.get("error")) for e in errors
    ]
    body = (
        _table(
            "errors-table",
            _columns(t, "source", "location", "error"),
            rows,
            t,
        )
        if rows
        else f'<p class="ok">{esc(t("errors.none"))}</p>'
    )
    return _section("errors", t("errors.title"), body)


def render_report(inventory: dict, lang: str = "fr") -> str:
    """Render an inventory (inventory.json as a dict) as one self-contained HTML page.

    Args:
        inventory: The inventory, as written by the scan.
        lang: ``fr`` or ``en``.

    Returns:
        The page, ready to write to ``report.html``.
    """
    lang = normalize_lang(lang)
    t = translator(lang)
    nav = "".join(
        f'<a href="#{anchor}">{esc(t(f"nav.{anchor}"))}</a>'
        for anchor in ("overview", "art9", "containers", "fields", "retention", "errors")
    )
    version = (inventory.get("scan") or {}).get("version") or ""
    sections = [
        _overview(inventory, lang, t),
        _charts(inventory, lang, t),
        _heatmap(inventory, lang, t),
        _art9(inventory, lang, t),
        _containers(inventory, lang, t),
        _fields(inventory, lang, t),
        _retention(inventory, lang, t),
        _errors(inventory, lang, t),
    ]
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(_content_security_policy())}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        '<link rel="icon" href="data:,">'
        f"<title>{esc(t('title'))}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{esc(t('title'))}</h1><p>{esc(t('subtitle'))}</p></header>"
        f"<nav>{nav}</nav><main>"
        f'<noscript><p class="muted">{esc(t("noscript"))}</p></noscript>'
        + "".join(sections)
        + f"</main><footer>{esc(t('generated_by'))} {esc(version)}</footer>"
        f"<script>{_JS}</script></body></html>\n"
    )


def write_report(inventory: dict, out_dir: str | Path, lang: str = "fr") -> Path:
    """Write ``report.html`` into ``out_dir`` and return its path."""
    path = Path(out_dir) / "report.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(inventory, lang), encoding="utf-8")
    return path
