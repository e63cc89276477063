"""inventory.json: the contract other tools read (shape in docs and ../shared/DESIGN.md)."""

from __future__ import annotations

from scanner.engine import OVERFLOW_FIELD, ContainerResult
from scanner.retention_count import summarize


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
    all_errors = list(errors)
    for result in results:
        all_errors.extend(e.to_dict() for e in result.errors)
    return {
        "scan": scan_meta,
        "fields": fields,
        "containers": containers,
        "errors": all_errors,
        "retention": retention,
    }
