"""The subject's folder: records.json, one CSV per container, summary.html, manifest.json.

This is the one output of fouille that holds raw values, by design: the folder is created
with mode 0700 and every file with mode 0600. Records of other people (``needs_review``)
appear only in manifest.json, masked: never their values.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from fouille.reports.spreadsheet import safe_cell
from fouille.scanner.core.atomic import write_text
from fouille.scanner.core.i18n import normalize_lang
from fouille.scanner.core.retention_rules import rule_for
from fouille.scanner.dsar.disclosure import disclosure_for
from fouille.scanner.dsar.identifiers import record_texts
from fouille.scanner.dsar.result import DsarResult
from fouille.scanner.dsar.records import Found
from fouille.scanner.dsar.summary import Page, categories_of, render_summary, summary_blocks
from fouille.scanner.dsar.summary_pdf import PdfUnavailable, write_summary_pdf
from fouille.scanner.core.out_folder import FolderRefused, check_new_or_empty

# File suffixes dropped from an attached CSV's name (``contacts.csv`` -> ``exports-contacts.csv``).
_SUFFIXES = re.compile(
    r"(\.(csv|tsv|txt|jsonl|ndjson|json|parquet|gz|bz2|zst|xz))+$", re.IGNORECASE
)


class OutputError(Exception):
    """The output folder cannot be used (not empty, not a folder)."""


@dataclass
class Request:
    """Who asked, when, and what the DSAR was run against.

    Attributes:
        subject: ``{"identifiers": [{"type", "value"}]}`` (raw: the person's own).
        sources: The configured source specs (kinds, ``dsar`` and ``retention`` entries).
        dates: ``deadline.deadlines`` of the request.
        lang: Language of summary.html.
        controller: The top-level ``[dsar]`` table (who answers, where to write).
    """

    subject: dict
    sources: list[dict]
    dates: dict
    lang: str = "fr"
    controller: dict = field(default_factory=dict)


def check_folder(out: Path) -> None:
    """Refuse an existing non-empty folder: two people's data must never mix."""
    try:
        check_new_or_empty(out, "folder for each request")
    except FolderRefused as exc:
        raise OutputError(str(exc)) from None


def prepare_folder(out: Path) -> Path:
    """Create ``out`` with mode 0700 (after ``check_folder``)."""
    out = Path(out)
    check_folder(out)
    out.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(out, 0o700)
    return out


def json_text(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def csv_name(source: str, container: str, kind: str, taken: set[str]) -> str:
    """A clean, unique file name: ``crm-customers.csv``, ``exports-contacts.csv``."""
    name = container.split(".", 1)[-1] if kind == "postgres" else container.rsplit("/", 1)[-1]
    stem = f"{source}-{_SUFFIXES.sub('', name)}"
    stem = re.sub(r"[^0-9A-Za-z_-]+", "_", stem).strip("._-") or "records"
    unique, n = f"{stem}.csv", 2
    while unique in taken:
        unique, n = f"{stem}-{n}.csv", n + 1
    taken.add(unique)
    return unique


def csv_text(found: list[Found]) -> str:
    """A container's records as CSV (UTF-8 with BOM for spreadsheets); nested values as JSON.

    Every cell goes through ``safe_cell``: a value starting with ``=`` stays text.
    """
    rows = [record_texts(f.record.values) if _nested(f) else f.record.values for f in found]
    fields = list(dict.fromkeys(name for row in rows for name in row))
    buffer = io.StringIO()
    # RFC 4180 line ends: a CR or LF inside a value is then always quoted (with "\n" alone,
    # a bare CR would be written unquoted and split the row in a reader).
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(c) for c in ("record_key", "provenance", *fields)])
    for f, row in zip(found, rows):
        cells = [f.record.ref.key, " | ".join(map(str, f.provenance))]
        cells += [_cell(row.get(name)) for name in fields]
        writer.writerow([safe_cell(c) for c in cells])
    return "\ufeff" + buffer.getvalue()


def _nested(found: Found) -> bool:
    return any(isinstance(v, (dict, list)) for v in found.record.values.values())


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def manifest_entry(found: Found) -> dict:
    ref = found.record.ref
    return {
        "source": ref.source,
        "container": ref.container,
        "record_key": ref.key_dict(),
        "provenance": str(found.provenance[0]),
        "also": [str(p) for p in found.provenance[1:]],
    }


def _groups(records: list[Found]) -> dict[tuple[str, str], list[Found]]:
    groups: dict[tuple[str, str], list[Found]] = {}
    for found in records:
        groups.setdefault((found.record.ref.source, found.record.ref.container), []).append(found)
    return groups


def _manifest(result: DsarResult, request: Request, files: dict, generated: str) -> dict:
    unreadable = len(result.errors)
    return {
        "generated": generated,
        "request": request.dates,
        "complete": not unreadable,
        "incomplete_because": (
            f"{unreadable} store(s) or container(s) could not be read: see errors"
            if unreadable
            else None
        ),
        "records": [
            {**manifest_entry(f), "only_through_shared": True}
            if f.record.ref in result.included_shared
            else manifest_entry(f)
            for f in result.records()
        ],
        "needs_review": result.needs_review(),
        "stale": result.stale,
        "shared_identifiers": result.shared,
        "errors": result.errors,
        "files": sorted(files.values()),
    }


def write_export(out: Path, result: DsarResult, request: Request) -> dict:
    """Write the folder; returns the manifest written."""
    out = prepare_folder(out)
    generated = datetime.now(UTC).isoformat(timespec="seconds")
    records = result.records()
    groups = _groups(records)
    specs = {spec["name"]: spec for spec in request.sources}
    kinds = {name: spec.get("type", "files") for name, spec in specs.items()}
    taken: set[str] = set()
    files = {}
    for (source, container), group in groups.items():
        files[(source, container)] = csv_name(source, container, kinds.get(source, ""), taken)
        write_text(out / files[(source, container)], csv_text(group))
    records_json = {
        "generated": generated,
        "subject": request.subject,
        "records": [
            {
                **manifest_entry(f),
                "categories": categories_of(f.record.values),
                "values": f.record.values,
            }
            for f in records
        ],
    }
    write_text(out / "records.json", json_text(records_json))
    page = Page(
        records=records,
        groups=groups,
        files=files,
        subject=request.subject,
        disclosures={w: disclosure_for(specs.get(w[0], {}), w[1]) for w in groups},
        retention={w: (rule_for(specs.get(w[0], {}), w[1]) or {}).get("keep") for w in groups},
        kinds=kinds,
        request=request.dates,
        generated=generated,
        unreadable=len(result.errors),
        controller=request.controller,
    )
    write_text(out / "summary.html", render_summary(page, request.lang))
    manifest = _manifest(result, request, files, generated)
    manifest["summary_pdf"] = _write_pdf(out, page, request.lang)
    write_text(out / "manifest.json", json_text(manifest))
    return manifest


def _write_pdf(out: Path, page: Page, lang: str) -> str:
    """``summary.pdf``, or why it could not be drawn here (the HTML is the answer)."""
    try:
        missing = write_summary_pdf(out / "summary.pdf", summary_blocks(page, normalize_lang(lang)))
    except PdfUnavailable as exc:
        return f"summary.pdf not written: {exc}"
    except Exception as exc:  # noqa: BLE001 - the HTML is the answer; a PDF failure must not end it
        return f"summary.pdf not written: it could not be drawn ({type(exc).__name__})"
    if missing:
        return f"summary.pdf lacks {missing} character(s) its font cannot draw: send summary.html"
    return "summary.pdf"
