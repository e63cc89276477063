"""The subject's folder: records.json, one CSV per container, summary.html, manifest.json.

This is the one output of fouille that holds raw values, by design: the folder is created
with mode 0700 and every file with mode 0600.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path

from reports.atomic import write_text
from scanner.dsar.identifiers import record_texts
from scanner.dsar.lookup import DsarResult
from scanner.dsar.records import Found
from scanner.dsar.summary import categories_of, render_summary


class OutputError(Exception):
    """The output folder cannot be used (not empty, not a folder)."""


def check_folder(out: Path) -> None:
    """Refuse an existing non-empty folder: two people's data must never mix."""
    out = Path(out)
    if out.exists():
        if not out.is_dir():
            raise OutputError(f"{out} exists and is not a folder")
        if any(out.iterdir()):
            raise OutputError(f"{out} is not empty: give a new folder for each request")


def prepare_folder(out: Path) -> Path:
    """Create ``out`` with mode 0700 (after ``check_folder``)."""
    out = Path(out)
    check_folder(out)
    out.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(out, 0o700)
    return out


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def _csv_name(source: str, container: str, taken: set[str]) -> str:
    stem = re.sub(r"[^0-9A-Za-z._-]+", "_", f"{source}__{container}").strip("._") or "records"
    name, n = f"{stem}.csv", 2
    while name in taken:
        name, n = f"{stem}-{n}.csv", n + 1
    taken.add(name)
    return name


def _csv_text(found: list[Found]) -> str:
    """A container's records as CSV (UTF-8 with BOM for spreadsheets); nested values as JSON."""
    rows = [record_texts(f.record.values) if _nested(f) else f.record.values for f in found]
    fields = list(dict.fromkeys(name for row in rows for name in row))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["record_key", "provenance", *fields])
    for f, row in zip(found, rows):
        cells = [_cell(row.get(name)) for name in fields]
        writer.writerow([f.record.ref.key, " | ".join(f.provenance), *cells])
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
        "provenance": found.provenance[0],
        "also": found.provenance[1:],
    }


def write_export(
    out: Path, result: DsarResult, subject: dict, retention: dict, lang: str = "fr"
) -> dict:
    """Write the folder; returns the manifest written."""
    out = prepare_folder(out)
    generated = datetime.now(UTC).isoformat(timespec="seconds")
    records = result.records()
    by_container: dict[tuple[str, str], list[Found]] = {}
    for found in records:
        by_container.setdefault((found.record.ref.source, found.record.ref.container), []).append(
            found
        )
    taken: set[str] = set()
    files = {}
    for (source, container), group in by_container.items():
        name = _csv_name(source, container, taken)
        files[f"{source}\x1f{container}"] = name
        write_text(out / name, _csv_text(group))
    write_text(
        out / "records.json",
        _json(
            {
                "generated": generated,
                "subject": subject,
                "records": [
                    {
                        **manifest_entry(f),
                        "categories": categories_of(f.record.values),
                        "values": f.record.values,
                    }
                    for f in records
                ],
            }
        ),
    )
    manifest = {
        "generated": generated,
        "records": [manifest_entry(f) for f in records],
        "stale": result.stale,
        "shared_identifiers": result.shared,
        "errors": result.errors,
        "files": sorted(files.values()),
    }
    write_text(out / "manifest.json", _json(manifest))
    write_text(
        out / "summary.html",
        render_summary(records, by_container, files, subject, retention, generated, lang),
    )
    return manifest
