"""How a failure is named in a report: never with the exception's message."""

from __future__ import annotations


def safe_message(exc: BaseException) -> str:
    """Exception text for reports: the type, plus the OS reason for I/O errors.

    An arbitrary exception's message may quote the value being parsed
    (``invalid literal for int(): '0612...'``), so it is never copied into a report.
    """
    if isinstance(exc, OSError) and exc.strerror:
        return f"{type(exc).__name__}: {exc.strerror}"
    return type(exc).__name__
