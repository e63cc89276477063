"""The end-of-scan summary a person reads in the terminal: per field, what was found."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from fouille.scanner.core.safe_names import printable

COLUMNS = ("source", "container", "field", "classification", "entities", "rows")


def print_summary(outcome, console) -> None:
    inventory = outcome.inventory
    rows = []
    totals = {(c["source"], c["container"]): c.get("rows") or 0 for c in inventory["containers"]
              if "source" in c}
    sampling = inventory["scan"].get("mode") == "sample"
    for f in inventory["fields"]:
        if not f["entities"] and not f["classification"]:
            continue
        scanned, total = f["rows_scanned"], totals.get((f["source"], f["container"]), 0)
        sampled = sampling and 0 < scanned < total
        # A sampled field's counts are of its sample: say so, with the estimated total.
        entities = ", ".join(
            f"{name} {e['count']}"
            + (f" in sample, ≈{round(e['count'] * total / scanned)}" if sampled else "")
            for name, e in f["entities"].items())
        read = f"{scanned} of {total} (sample)" if sampled else str(scanned)
        cells = (f["source"], f["container"], f["field"], f["classification"] or "-",
                 entities, read)
        rows.append([printable(cell) for cell in cells])
    if console.is_terminal:
        table = Table(title="Personal data found", show_lines=False)
        for column in COLUMNS:
            table.add_column(column)
        for cells in rows:
            # Text, not markup: a name's "[" is shown, never interpreted; control characters escaped.
            table.add_row(*(Text(cell) for cell in cells))
        console.print(table)
    else:  # piped or redirected: rich would cut the table at 80 columns; tab-separated lines
        for cells in [list(COLUMNS), *rows]:
            console.file.write("\t".join(cell.replace("\t", " ") for cell in cells) + "\n")
    errors = inventory["errors"]
    unchanged = inventory["scan"].get("unchanged")
    carried = f" ({unchanged} unchanged since the last scan, not read again)" if unchanged else ""
    console.print(Text(f"{len(inventory['containers'])} containers{carried}, {len(errors)} errors. "
                       f"Report: {printable(str(outcome.out_dir / 'report.html'))}"))
