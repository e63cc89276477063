"""The starting point of the art. 30 record of processing (registre), from an inventory.

Per source: the categories of personal data found, the special categories
(art. 9), and volumes. Written as CSV (opens in a spreadsheet) and Markdown
(pastes into a wiki). The DPO completes what a scan cannot know: purpose,
legal basis, recipients, retention, security measures.

The small readers at the top (``entity_rows``, ``totals_by_source``) are the one
place that walks an inventory's fields; the HTML report and the diff use them.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fouille.reports.spreadsheet import safe_cell
from fouille.scanner.core.i18n import entity_label, translator
from fouille.scanner.core.model import is_sensitive

# Art. 30 speaks of categories of data, not detector types.
CATEGORY_OF_ENTITY = {
    "PERSON": "identity",
    "DATE_OF_BIRTH": "identity",
    "FR_CNI": "official_id",
    "FR_PASSPORT": "official_id",
    "FR_NIR": "nir",
    # Official identifiers of people (issue 15): tax and national numbers, licences, plates.
    **dict.fromkeys(("FR_NIF", "FR_RPPS", "FR_LICENSE_PLATE", "FR_DRIVING_LICENSE",
                     "BE_NATIONAL_NUMBER", "CH_AVS", "ES_DNI", "ES_NIE", "IT_FISCAL_CODE",
                     "DE_TAX_ID", "PT_NIF", "LU_NATIONAL_ID", "NL_BSN"), "official_id"),
    "EMAIL_ADDRESS": "contact",
    "PHONE_NUMBER": "contact",
    "ADDRESS": "contact",
    "LOCATION": "location",
    "IBAN_CODE": "financial",
    "CREDIT_CARD": "financial",
    "IP_ADDRESS": "connection",
    "FR_SIREN": "business_id",
    "FR_SIRET": "business_id",
    "FR_VAT": "business_id",
}
CATEGORY_ORDER = (
    "identity",
    "official_id",
    "nir",
    "contact",
    "location",
    "financial",
    "connection",
    "business_id",
    "other",
)


def entity_rows(inventory: dict) -> Iterator[tuple[dict, str, dict]]:
    """Yield ``(field_record, entity, stats)`` for every entity found in every field."""
    for record in inventory.get("fields") or []:
        for entity, stats in (record.get("entities") or {}).items():
            yield record, str(entity), stats or {}


def count_of(stats: dict) -> int:
    """An entity's count, tolerant of a missing or null value."""
    return int(stats.get("count") or 0)


def totals_by_source(inventory: dict) -> dict[str, Counter]:
    """``{source: Counter({entity: count})}`` over fields.

    Conversations are not added: their art. 9 counts break down the same
    disclosures already counted in the message field.
    """
    totals: dict[str, Counter] = defaultdict(Counter)
    for record, entity, stats in entity_rows(inventory):
        totals[str(record.get("source", ""))][entity] += count_of(stats)
    return dict(totals)


def conversation_categories(inventory: dict) -> dict[str, set[str]]:
    """``{source: {SENSITIVE_*}}`` disclosed in conversations."""
    found: dict[str, set[str]] = defaultdict(set)
    for conv in inventory.get("conversations") or []:
        for category, n in (conv.get("categories") or {}).items():
            if n:
                found[str(conv.get("source", ""))].add(str(category))
    return dict(found)


@dataclass(frozen=True)
class RegistreEntry:
    """What the registre says about one source."""

    source: str
    categories: tuple[str, ...]
    entity_types: tuple[str, ...]
    special_categories: tuple[str, ...]
    containers: int
    fields_with_pii: int
    rows: int
    values_found: int
    sensitive_disclosures: int
    retention: tuple[str, ...] = ()  # per configured rule: container, period, expired records


def build_registre(inventory: dict) -> list[RegistreEntry]:
    """One entry per scanned source, in the scan's source order, then alphabetical."""
    totals = totals_by_source(inventory)
    in_conversations = conversation_categories(inventory)
    pii_fields: dict[str, set] = defaultdict(set)
    for record, _, stats in entity_rows(inventory):
        if count_of(stats):
            pii_fields[str(record.get("source", ""))].add(
                (record.get("container"), record.get("field"))
            )
    rows: Counter = Counter()
    containers: Counter = Counter()
    for container in inventory.get("containers") or []:
        rows[str(container.get("source", ""))] += int(container.get("rows") or 0)
        containers[str(container.get("source", ""))] += 1
    declared = [str(s) for s in (inventory.get("scan") or {}).get("sources") or []]
    sources = declared + sorted(
        (set(totals) | set(containers) | set(in_conversations)) - set(declared)
    )

    retention: dict[str, list[str]] = defaultdict(list)
    for rule in inventory.get("retention") or []:
        retention[str(rule.get("source", ""))].append(
            f"{rule.get('container')}: {rule.get('keep')} ({int(rule.get('expired_records') or 0)})"
        )
    entries = []
    for source in dict.fromkeys(sources):
        found = totals.get(source, Counter())
        ordinary = sorted(e for e, n in found.items() if n and not is_sensitive(e))
        special = sorted(
            {e for e, n in found.items() if n and is_sensitive(e)}
            | in_conversations.get(source, set())
        )
        categories = {CATEGORY_OF_ENTITY.get(e, "other") for e in ordinary}
        entries.append(
            RegistreEntry(
                source=source,
                categories=tuple(c for c in CATEGORY_ORDER if c in categories),
                entity_types=tuple(ordinary),
                special_categories=tuple(special),
                containers=containers[source],
                fields_with_pii=len(pii_fields[source]),
                rows=rows[source],
                values_found=sum(found[e] for e in ordinary),
                sensitive_disclosures=sum(found[e] for e in special),
                retention=tuple(retention.get(source, ())),
            )
        )
    return entries


def _labels(entry: RegistreEntry, lang: str) -> tuple[str, str, str]:
    t = translator(lang)
    return (
        "; ".join(t(f"cat.{c}") for c in entry.categories),
        "; ".join(entity_label(e, lang) for e in entry.entity_types),
        "; ".join(entity_label(e, lang) for e in entry.special_categories),
    )


def _headers(lang: str) -> list[str]:
    t = translator(lang)
    return [
        t("source"),
        t("registre.categories"),
        t("registre.entity_types"),
        t("registre.special"),
        t("registre.containers"),
        t("registre.fields"),
        t("registre.rows"),
        t("registre.volume"),
        t("registre.sensitive"),
        t("registre.retention"),
    ]


def registre_csv(inventory: dict, lang: str = "fr") -> str:
    """The registre as CSV text, one row per source."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_headers(lang))
    for entry in build_registre(inventory):
        writer.writerow([safe_cell(v) for v in _cells(entry, lang)])  # no formula runs
    return out.getvalue()


def _cells(entry, lang: str) -> list:
    """One registre row, in the order of ``_headers``: the same for CSV and Markdown."""
    return [
        entry.source,
        *_labels(entry, lang),
        entry.containers,
        entry.fields_with_pii,
        entry.rows,
        entry.values_found,
        entry.sensitive_disclosures,
        "; ".join(entry.retention),
    ]


def _md(value: object) -> str:
    """Text safe in a Markdown table cell: no HTML, no table or emphasis syntax."""
    escaped = html.escape(str(value), quote=False).replace("\n", " ")
    return re.sub(r"([\\`*_\[\]|#])", r"\\\1", escaped)


def registre_markdown(inventory: dict, lang: str = "fr") -> str:
    """The registre as a Markdown document with one table row per source."""
    t = translator(lang)
    headers = _headers(lang)
    lines = [
        f"# {t('registre.title')}",
        "",
        t("registre.note"),
        "",
        "| " + " | ".join(headers) + " |",
        "|" + "---|" * len(headers),
    ]
    for entry in build_registre(inventory):
        lines.append("| " + " | ".join(_md(c) if c != "" else "–" for c in _cells(entry, lang)) + " |")
    return "\n".join(lines) + "\n"


def write_registre(inventory: dict, out_dir: str | Path, lang: str = "fr") -> list[Path]:
    """Write ``registre.csv`` (UTF-8 with BOM, for spreadsheets) and ``registre.md``."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, md_path = folder / "registre.csv", folder / "registre.md"
    csv_path.write_text(registre_csv(inventory, lang), encoding="utf-8-sig")
    md_path.write_text(registre_markdown(inventory, lang), encoding="utf-8")
    return [csv_path, md_path]
