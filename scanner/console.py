"""Terminal output: rich progress per container, plain when not a terminal or NO_COLOR is set."""

from __future__ import annotations

import os
import sys

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn


def make_console(stream=None) -> Console:
    stream = stream or sys.stderr
    plain = bool(os.environ.get("NO_COLOR")) or not stream.isatty()
    return Console(file=stream, no_color=plain, force_terminal=None if not plain else False,
                   highlight=False, soft_wrap=True)


def make_progress(console: Console) -> Progress:
    return Progress(
        TextColumn("[bold]{task.fields[source]}[/]:{task.description}"),
        BarColumn(bar_width=None) if console.is_terminal else TextColumn(""),
        TextColumn("{task.completed:,.0f} rows"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
        disable=not console.is_terminal,
    )
