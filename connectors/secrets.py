"""Credentials that cannot print: a ``Secret`` type and redactors for DSNs and messages.

A password reaches logs through three doors: ``repr`` of a config object, a DSN echoed in
a description, and a driver's error message. ``Secret`` closes the first, ``redact_dsn``
the second and ``redact_text`` the third.
"""

from __future__ import annotations

import re

MASK = "***"

# postgresql://user:password@host -> keep the user, hide the password.
_URL_PASSWORD = re.compile(
    r"(?P<head>[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]*:)(?P<secret>[^@\s]*)(?=@)"
)
# password=... in libpq key/value strings and in URL query strings (?password=...&).
_KEY_PASSWORD = re.compile(
    r"(?P<head>\b(?:password|passwd|pwd|sslpassword|secret|token|aws_secret_access_key"
    r"|aws_session_token)\s*[=:]\s*)(?P<secret>'(?:[^'\\]|\\.)*'|[^\s&;]*)",
    re.IGNORECASE,
)


class Secret:
    """A string that never shows itself: ``repr``/``str`` print ``Secret('***')``.

    Call ``reveal()`` at the one place the value is really needed (opening a connection).
    """

    __slots__ = ("_value",)

    def __init__(self, value: str):
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"Secret('{MASK}')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)


def redact_dsn(dsn: str) -> str:
    """Hide the password of a URL or libpq key/value DSN.

    >>> redact_dsn("postgresql://reader:s3cr3t@db:5432/crm?sslmode=require")
    'postgresql://reader:***@db:5432/crm?sslmode=require'
    >>> redact_dsn("host=db user=reader password='a b' dbname=crm")
    'host=db user=reader password=*** dbname=crm'
    """
    text = _URL_PASSWORD.sub(lambda m: m.group("head") + MASK, dsn)
    return _KEY_PASSWORD.sub(lambda m: m.group("head") + MASK, text)


def redact_text(text: str, secrets: tuple[Secret | str, ...] = ()) -> str:
    """Hide DSN passwords and every known secret value anywhere in a message."""
    text = redact_dsn(text)
    for secret in secrets:
        value = secret.reveal() if isinstance(secret, Secret) else secret
        if value:
            text = text.replace(value, MASK)
    return text
