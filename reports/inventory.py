"""inventory.json: the contract other tools read (shape in docs and ../shared/DESIGN.md)."""

from __future__ import annotations

from scanner.engine import ContainerResult


def build_inventory(results: list[ContainerResult], errors: list[dict], scan_meta: dict) -> dict:
    fields = []
    containers = []
    for result in sorted(results, key=lambda r: (r.source, r.container)):
        containers.append(
            {"source": result.source, "container": result.container, "rows": result.rows,
             "findings": result.findings}
        )
        fields.extend(stats.to_dict() for stats in result.fields.values())
    all_errors = list(errors)
    for result in results:
        all_errors.extend(e.to_dict() for e in result.errors)
    return {
        "scan": scan_meta,
        "fields": fields,
        "containers": containers,
        "errors": all_errors,
    }
