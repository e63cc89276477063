"""An unexpected error: one line for the user, the details in a private log file (exit 4).

No traceback reaches the terminal. The log holds the stack (files, lines, functions) and
exception types, never exception messages: a message may quote a value being parsed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback

from fouille.scanner.core.exit_codes import EXIT_INTERNAL


def _chain(exc: BaseException) -> list[BaseException]:
    chain, seen = [], set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        chain.append(exc)
        exc = exc.__cause__ or exc.__context__
    return chain[::-1]  # the first cause first, as Python prints it


def write_crash_log(exc: BaseException) -> str:
    """Write the stack of ``exc`` (and its causes) to a new 0600 file; return its path."""
    lines = []
    for link in _chain(exc):
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.format_tb(link.__traceback__))
        lines.append(f"{type(link).__module__}.{type(link).__qualname__} (message not logged)\n\n")
    fd, path = tempfile.mkstemp(prefix="fouille-crash-", suffix=".log")  # mode 0600
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.writelines(lines)
    return path


def report_crash(exc: BaseException) -> int:
    """Say in one line that fouille failed and where the details are; return exit code 4."""
    try:
        where = f"details in {write_crash_log(exc)}"
    except OSError:
        where = "no log could be written"
    print(f"fouille: internal error ({type(exc).__name__}); {where}. "
          "Please report it; --resume continues a scan.", file=sys.stderr)
    return EXIT_INTERNAL
