"""The end-of-scan summary a person reads in the terminal: per field, what was found."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from scanner.safe_names import printable


def print_summary(outcome, console) -> None:
    inventory = outcome.inventory
    table = Table(title="Personal data found", show_lines=False)
    for column in ("source", "container", "field", "classification", "entities", "rows"):
        table.add_column(column)
    for f in inventory["fields"]:
        if not f["entities"] and not f["classification"]:
            continue
        entities = ", ".join(f"{name} {e['count']}" for name, e in f["entities"].items())
        cells = (f["source"], f["container"], f["field"], f["classification"] or "-",
                 entities, str(f["rows_scanned"]))
        # Text, not markup: a name's "[" is shown, never interpreted; control characters escaped.
        table.add_row(*(Text(printable(cell)) for cell in cells))
    console.print(table)
    errors = inventory["errors"]
    unchanged = inventory["scan"].get("unchanged")
    carried = f" ({unchanged} unchanged since the last scan, not read again)" if unchanged else ""
    console.print(Text(f"{len(inventory['containers'])} containers{carried}, {len(errors)} errors. "
                       f"Report: {printable(str(outcome.out_dir / 'report.html'))}"))
