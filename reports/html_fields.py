"""The report's fields table: per field and entity type, the count, ratio, score, masked
examples and why the type was found, in the reader's language."""

from __future__ import annotations

from fouille.reports.html_cells import (
    Cell,
    Row,
    Table,
    chip,
    chips,
    num,
    path,
    table,
    type_sort_key,
)
from fouille.reports.registre import count_of
from fouille.scanner.core.i18n import (
    Translator,
    entity_label,
    format_decimal,
    format_int,
    format_percent,
)
from fouille.scanner.core.model import is_sensitive

COLUMNS = ("source", "container", "field", "classification", "entity", "#count", "#ratio",
           "#max_score", "examples", "why")
EXAMPLES_SHOWN = 3


def names(value: object) -> list[str]:
    """Detectors or evidence as a list, whether stored as a list or as {name: count}."""
    if isinstance(value, dict):
        return [str(k) for k, _ in sorted(value.items(), key=lambda kv: -int(kv[1] or 0))]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)] if value else []


def evidence_label(item: str, t: Translator) -> str:
    """``context:sécu`` -> ``contexte « sécu »``; unknown evidence is shown as stored."""
    kind, _, detail = str(item).partition(":")
    label = t.get(f"evidence.{kind}")
    if label is None:
        return str(item)
    return f"{label} {t('quoted').format(text=detail)}" if detail else label


def type_name(value: object, t: Translator) -> str:
    """A classification or column hint in words: an entity label, free text, or nothing."""
    if not value:
        return t("classification.none")
    if value == "FREE_TEXT":
        return t("classification.FREE_TEXT")
    return entity_label(str(value), t.lang)


def why(record: dict, stats: dict, t: Translator) -> str:
    evidence = names(stats.get("evidence"))
    parts = [evidence_label(e, t) for e in evidence]
    detectors = [t.get(f"detector.{d}", d) for d in names(stats.get("detectors"))]
    if detectors:
        parts.append(f"{t('detectors')}{t('colon')}{', '.join(detectors)}")
    hint = record.get("hint")
    if hint and not any(e.startswith("column") for e in evidence):
        parts.append(f"{t('hint')}{t('colon')}{type_name(hint, t)}")
    return "; ".join(parts)


def container_rows(inventory: dict) -> dict:
    return {(c.get("source"), c.get("container")): int(c.get("rows") or 0)
            for c in inventory.get("containers") or []}


def count_cell(count: int, record: dict, sampled: dict, t: Translator) -> Cell:
    """A field's count, saying whether it is a sample count or complete, with the estimate.

    In sample mode a structured field stops after ``sample_rows`` values: its count is of
    the sample, and the container's rows (``sampled``, empty in full mode) give the
    estimated total; free text is read whole.
    """
    lang = t.lang
    scanned = int(record.get("rows_scanned") or 0)
    total = sampled.get((record.get("source"), record.get("container")))
    if not total:
        return num(count, lang)
    if scanned >= total or not scanned:
        note = t("count.complete")
    else:
        note = t("count.sample").format(
            scanned=format_int(scanned, lang),
            estimate=format_int(round(count * total / scanned), lang))
    return Cell(f"{format_int(count, lang)} ({note})", sort=count, css="num")


def _measure(value: float | None, text: str) -> Cell:
    return Cell(text, sort=value if value is not None else -1, css="num")


def entity_row(record: dict, entity: str, stats: dict, sampled: dict, t: Translator) -> Row:
    lang = t.lang
    # Art. 9: counts only, never an example, even a masked one.
    examples = [] if is_sensitive(entity) else names(stats.get("examples"))
    ratio, score = stats.get("ratio"), stats.get("max_score")
    cells = (
        chips([chip(entity, lang)], sort=entity_label(entity, lang)),
        count_cell(count_of(stats), record, sampled, t),
        _measure(ratio, format_percent(ratio, lang)),
        _measure(score, format_decimal(score, lang)),
        Cell(kind="examples", items=tuple(examples[:EXAMPLES_SHOWN])),
        Cell(why(record, stats, t), css="why"),
    )
    return Row(cells, pii=1 if count_of(stats) else 0)


def _empty_row(lang: str) -> tuple[Cell, ...]:
    none = Cell("–", sort=-1, css="num")
    return (Cell("–"), num(0, lang), none, none, Cell(""), Cell(""))


def fields_table(inventory: dict, t: Translator) -> Table:
    """One row per field and entity type found (one row for a field with none)."""
    sample_mode = (inventory.get("scan") or {}).get("mode") == "sample"
    sampled = container_rows(inventory) if sample_mode else {}
    rows = []
    for record in inventory.get("fields") or []:
        base = (
            Cell(record.get("source")),
            path(record.get("container")),
            path(record.get("field")),
            Cell(type_name(record.get("classification"), t)),
        )
        entities = sorted(
            (record.get("entities") or {}).items(), key=lambda kv: type_sort_key(kv[0])
        )
        if not entities:
            rows.append(Row(base + _empty_row(t.lang), pii=0))
        for entity, stats in entities:
            row = entity_row(record, entity, stats or {}, sampled, t)
            rows.append(Row(base + row.cells, row.pii))
    return table("fields-table", t, COLUMNS, rows)
