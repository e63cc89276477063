"""Terminal output: rich progress per container, plain when not a terminal or NO_COLOR is set;
the log redaction every log line goes through."""

from __future__ import annotations

import logging
import os
import sys

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from fouille.scanner.core.safe_names import shown_message


def make_console(stream=None) -> Console:
    stream = stream or sys.stderr
    plain = bool(os.environ.get("NO_COLOR")) or not stream.isatty()
    return Console(file=stream, no_color=plain, force_terminal=None if not plain else False,
                   highlight=False, soft_wrap=True)


def make_progress(console: Console) -> Progress:
    return Progress(
        TextColumn("[bold]{task.fields[source]}[/]{task.description}"),  # source: "name:" or ""
        BarColumn(bar_width=None) if console.is_terminal else TextColumn(""),
        TextColumn("{task.completed:,.0f} rows"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
        disable=not console.is_terminal,
    )


# Libraries whose debug log prints what goes over the wire: signed headers, session tokens,
# object keys, response bodies. Capped at INFO even at -vv (their keys and bodies are names
# and values we cannot mask reliably: ``%40`` for ``@``, XML around them).
WIRE_LOGGERS = ("botocore", "boto3", "s3transfer", "urllib3", "psycopg")


class RedactingFilter(logging.Filter):
    """Every log record, whatever its logger, through the one redaction step
    (``fouille.scanner.core.safe_names.shown_message``: secrets, personal values, control characters)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = shown_message(record.getMessage())
        record.args = None
        if record.exc_info:
            text = logging.Formatter().formatException(record.exc_info)
            # Indented: no traceback line can start a line of output (``::error::``).
            record.exc_text = "\n".join("    " + shown_message(line) for line in text.splitlines())
            record.exc_info = None
        return True


def install_log_redaction(level: int) -> None:
    """At CLI start: the redacting filter on every root handler, wire loggers capped."""
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
    for name in WIRE_LOGGERS:
        logging.getLogger(name).setLevel(max(level, logging.INFO))
