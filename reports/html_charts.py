"""The report's pictures as plain values: bars per source and the container × type heat map.

The template draws them (inline SVG, coloured table cells); nothing here is markup.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from fouille.reports.html_cells import TYPE_ORDER, chip, type_sort_key
from fouille.reports.registre import count_of, entity_rows, totals_by_source
from fouille.scanner.core.i18n import entity_label, format_int
from fouille.scanner.core.model import is_sensitive

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
# Bar chart layout, in SVG units: label column, longest bar, value column, bar height and gap.
LABEL_W, BAR_W, VALUE_W, BAR_H, GAP, TOP = 200, 250, 80, 18, 6, 4


def color(entity: str) -> str:
    """A stable colour per entity type; art. 9 categories in reds."""
    palette = _SENSITIVE_PALETTE if is_sensitive(entity) else _PALETTE
    index = TYPE_ORDER.get(entity)
    if index is None:
        index = int(hashlib.sha256(entity.encode("utf-8")).hexdigest(), 16)
    return palette[index % len(palette)]


@dataclass(frozen=True)
class Bar:
    entity: str
    label: str
    count: str  # formatted
    y: int
    length: str  # SVG units, one decimal
    value_x: str
    color: str


@dataclass(frozen=True)
class BarChart:
    source: str
    width: int
    height: int
    bars: tuple[Bar, ...]
    label_x: int = LABEL_W - 8  # labels end here, right-aligned
    bar_x: int = LABEL_W
    bar_h: int = BAR_H


def bar_chart(source: str, totals: Counter, lang: str) -> BarChart | None:
    """Horizontal bars, one per entity type found in a source; None if it found nothing."""
    items = sorted(((e, n) for e, n in totals.items() if n), key=lambda item: (-item[1], item[0]))
    if not items:
        return None
    peak = max(n for _, n in items)
    bars = []
    for i, (entity, n) in enumerate(items):
        length = max(2.0, BAR_W * n / peak)
        bars.append(Bar(entity, entity_label(entity, lang), format_int(n, lang),
                        TOP + i * (BAR_H + GAP), f"{length:.1f}", f"{LABEL_W + length + 6:.1f}",
                        color(entity)))
    height = TOP + len(items) * (BAR_H + GAP)
    return BarChart(source, LABEL_W + BAR_W + VALUE_W, height, tuple(bars))


def bar_charts(inventory: dict, sources: list[str], lang: str) -> list[BarChart]:
    totals = totals_by_source(inventory)
    charts = (bar_chart(s, totals.get(s, Counter()), lang) for s in sources)
    return [chart for chart in charts if chart]


@dataclass(frozen=True)
class HeatCell:
    text: str
    title: str
    style: str  # background and ink, from the count (never from data)


def heat_cell(n: int, peak: int, sensitive: bool, lang: str) -> HeatCell | None:
    if not n:
        return None
    strength = math.log1p(n) / math.log1p(peak)
    alpha = 0.12 + 0.88 * strength
    rgb = "185,28,28" if sensitive else "29,78,216"
    ink = "#fff" if alpha > 0.55 else "#111827"
    text = format_int(n, lang)
    return HeatCell(text, text, f"background:rgba({rgb},{alpha:.2f});color:{ink}")


def heatmap(inventory: dict, lang: str) -> dict | None:
    """Container × entity type counts: ``types`` (chips) and ``rows``; None if nothing found."""
    grid: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for record, entity, stats in entity_rows(inventory):
        where = (str(record.get("source", "")), str(record.get("container", "")))
        grid[where][entity] += count_of(stats)
    types = sorted(
        {e for counts in grid.values() for e, n in counts.items() if n}, key=type_sort_key
    )
    if not types:
        return None
    peak = max(n for counts in grid.values() for n in counts.values())
    rows = [
        (source, container, [heat_cell(counts.get(e, 0), peak, is_sensitive(e), lang) for e in types])
        for (source, container), counts in grid.items()
        if any(counts.values())
    ]
    return {"types": [chip(e, lang) for e in types], "rows": rows}
