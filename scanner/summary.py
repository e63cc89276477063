"""The end-of-scan summary a person reads in the terminal: per field, what was found."""

from __future__ import annotations

from rich.table import Table


def print_summary(outcome, console) -> None:
    inventory = outcome.inventory
    table = Table(title="Personal data found", show_lines=False)
    for column in ("source", "container", "field", "classification", "entities", "rows"):
        table.add_column(column)
    for f in inventory["fields"]:
        if not f["entities"] and not f["classification"]:
            continue
        entities = ", ".join(f"{name} {e['count']}" for name, e in f["entities"].items())
        table.add_row(f["source"], f["container"], f["field"], f["classification"] or "-",
                      entities, str(f["rows_scanned"]))
    console.print(table)
    errors = inventory["errors"]
    unchanged = inventory["scan"].get("unchanged")
    carried = f" ({unchanged} unchanged since the last scan, not read again)" if unchanged else ""
    console.print(f"{len(inventory['containers'])} containers{carried}, {len(errors)} errors. "
                  f"Report: {outcome.out_dir / 'report.html'}")
