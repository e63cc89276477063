"""inventory.json: the contract other tools read (shape in docs and ../shared/DESIGN.md)."""

from __future__ import annotations

from fouille.scanner.engine.container import OVERFLOW_FIELD, ContainerResult
from fouille.scanner.engine.retention_count import summarize
from fouille.scanner.core.safe_names import shown_message, shown_name


def build_inventory(results: list[ContainerResult], errors: list[dict], scan_meta: dict) -> dict:
    fields = []
    containers = []
    retention = []  # one entry per container a retention rule applied to
    for result in sorted(results, key=lambda r: (r.source, r.container)):
        containers.append(
            {"source": result.source, "container": result.container, "rows": result.rows,
             "findings": result.findings}
        )
        fields.extend(stats.to_dict() for stats in result.fields.values())
        if result.retention:  # summarised now: the fields holding personal data are known
            retention.append({"source": result.source, "container": result.container,
                              **summarize(result.retention, result.fields, OVERFLOW_FIELD)})
    all_errors = [_shown_error(e) for e in errors]
    for result in results:
        all_errors.extend(_shown_error(e.to_dict()) for e in result.errors)
    return {
        "scan": scan_meta,
        "fields": fields,
        "containers": containers,
        "errors": all_errors,
        "retention": retention,
    }


def _shown_error(error: dict) -> dict:
    """An error as reports show it: its place's name masked, its message's secrets redacted
    (the one redaction step of ``fouille.scanner.core.safe_names``; a driver's message may quote a DSN)."""
    return {**error, "location": shown_name(str(error.get("location", ""))),
            "error": shown_message(str(error.get("error", "")))}
