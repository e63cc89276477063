"""The report's other tables as plain values: art. 9, containers, retention, errors."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC

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
from fouille.reports.registre import count_of, entity_rows
from fouille.scanner.core.i18n import Translator, entity_label, format_int, format_period
from fouille.scanner.core.model import is_sensitive
from fouille.scanner.core.retention import PRESETS, parse_period, parse_timestamp

CONVERSATIONS_SHOWN = 20  # more rows are folded, so the containers and fields stay in view
ART9_COLUMNS = ("source", "container", "field", "category", "#count")
CONVERSATION_COLUMNS = ("source", "container", "conversation", "category", "#count")


def moment(value: object) -> object:
    """ISO timestamps as ``2026-11-20 09:14 UTC``; anything else as given."""
    parsed = parse_timestamp(value) if isinstance(value, str) else None
    return parsed.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if parsed else value


def _art9_fields(inventory: dict, t: Translator) -> tuple[list, Counter]:
    rows, totals = [], Counter()
    for record, entity, stats in entity_rows(inventory):
        if not is_sensitive(entity) or not count_of(stats):
            continue
        totals[entity] += count_of(stats)
        rows.append([
            Cell(record.get("source")),
            Cell(record.get("container")),
            path(record.get("field")),
            chips([chip(entity, t.lang)], sort=entity_label(entity, t.lang)),
            num(count_of(stats), t.lang),
        ])
    return rows, totals


def _art9_conversations(inventory: dict, t: Translator) -> list:
    rows = []
    for conv in inventory.get("conversations") or []:
        categories = {str(k): int(v or 0) for k, v in (conv.get("categories") or {}).items() if v}
        if not categories:
            continue
        ordered = sorted(categories.items(), key=lambda kv: type_sort_key(kv[0]))
        rows.append([
            Cell(conv.get("source")),
            Cell(conv.get("container")),
            Cell(conv.get("conversation"), css="mono"),
            chips([chip(c, t.lang, f"{t('colon')}{n}") for c, n in ordered]),
            num(sum(categories.values()), t.lang),
        ])
    return rows


def art9(inventory: dict, t: Translator) -> dict:
    """Art. 9 categories: totals (chips), fields, conversations (the first 20, then folded)."""
    field_rows, totals = _art9_fields(inventory, t)
    conv_rows = _art9_conversations(inventory, t)
    total = int(inventory.get("conversations_total") or 0)
    note = ""
    if total > len(conv_rows):  # the inventory keeps only the top conversations
        note = t("art9.conversations_top").format(
            shown=format_int(len(conv_rows), t.lang), total=format_int(total, t.lang))
    rest = conv_rows[CONVERSATIONS_SHOWN:]
    ordered = sorted(totals.items(), key=lambda kv: type_sort_key(kv[0]))
    return {
        "found": bool(field_rows or conv_rows),
        "totals": [chip(e, t.lang, f" {format_int(n, t.lang)}") for e, n in ordered],
        "fields": table("art9-fields", t, ART9_COLUMNS, field_rows),
        "conversations": table("art9-conversations", t, CONVERSATION_COLUMNS,
                               conv_rows[:CONVERSATIONS_SHOWN]),
        "conversations_note": note,
        "more": t("art9.more").format(n=format_int(len(rest), t.lang)) if rest else "",
        "more_conversations": table("art9-conversations-more", t, CONVERSATION_COLUMNS, rest),
    }


def containers_table(inventory: dict, t: Translator) -> Table:
    """Per container: rows, fields, fields with personal data, the types found."""
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
    rows = []
    for container in inventory.get("containers") or []:
        key = (str(container.get("source", "")), str(container.get("container", "")))
        info = per_container[key]
        types = sorted(info["types"], key=type_sort_key)
        cells = (
            Cell(key[0]),
            path(key[1]),
            num(container.get("rows"), t.lang),
            num(len(info["fields"]), t.lang),
            num(len(info["pii"]), t.lang),
            chips([chip(e, t.lang) for e in types], sort=len(info["types"])),
        )
        rows.append(Row(cells, pii=1 if info["pii"] else 0))
    columns = ("source", "container", "#rows", "#fields", "#fields_with_pii", "entity_types")
    return table("containers-table", t, columns, rows)


def keep_label(keep: object, t: Translator) -> str:
    """A retention period in words; a preset by its name, then its period."""
    preset = PRESETS.get(str(keep or "").strip().lower())
    if not preset:
        try:
            return format_period(parse_period(str(keep)), t.lang)
        except ValueError:
            return str(keep or "–")
    return f"{t(f'preset.{preset.name}')} ({format_period(parse_period(preset.keep), t.lang)})"


def _status(rule: dict, expired: int, undated: int, t: Translator) -> Cell:
    if expired:
        mark, text = "flag", t("retention.flag")
    elif rule.get("field_found") is False:
        mark, text = "flag", t("retention.no_field")
    elif undated:
        mark, text = "flag", t("retention.check")
    else:
        mark, text = "ok", t("retention.ok")
    return Cell(("⚠ " if mark == "flag" else "✓ ") + text, sort=expired, mark=mark)


def retention_table(inventory: dict, t: Translator) -> Table:
    """Per configured rule: the period, records with personal data, expired, undated."""
    rows = []
    for rule in inventory.get("retention") or []:
        expired = int(rule.get("expired_records") or 0)
        # Records with personal data whose date is empty or unreadable: neither kept nor expired.
        undated = int(rule.get("undated_records") or 0) + int(rule.get("unreadable_records") or 0)
        keep = keep_label(rule.get("keep"), t)
        before = moment(rule.get("cutoff")) if rule.get("cutoff") else None
        if before:
            keep += " · " + t("retention.before").format(date=str(before)[:10])
        rows.append([
            Cell(rule.get("source")),
            path(rule.get("container")),
            path(rule.get("field")),
            Cell(keep),
            num(rule.get("records_with_pii"), t.lang),
            num(expired, t.lang),
            num(undated, t.lang),
            _status(rule, expired, undated, t),
        ])
    columns = ("source", "container", "retention.timestamp", "retention.keep",
               "#retention.records", "#retention.expired", "#retention.undated",
               "retention.status")
    return table("retention-table", t, columns, rows)


def presets_table(t: Translator) -> Table:
    """The French presets: the label in the report's language, then the name for ``keep =``."""
    rows = [
        [
            Cell(t(f"preset.{p.name}"), kind="preset", items=(p.name,)),
            Cell(format_period(parse_period(p.keep), t.lang)),
            Cell(p.basis_fr if t.lang == "fr" else p.basis_en),
            Cell(p.reference, css="why"),
        ]
        for p in PRESETS.values()
    ]
    columns = ("retention.preset", "retention.keep", "retention.basis", "retention.reference")
    return table("retention-presets", t, columns, rows, sortable=False)


def errors_table(inventory: dict, t: Translator) -> Table:
    rows = [
        [Cell(e.get("source")), path(e.get("location")), Cell(e.get("error"))]
        for e in inventory.get("errors") or []
    ]
    return table("errors-table", t, ("source", "location", "error"), rows)
