"""Credentials that cannot print: a ``Secret`` type and redactors for DSNs and messages.

A password reaches logs through three doors: ``repr`` of a config object, a DSN echoed in
a description, and a driver's error message. ``Secret`` closes the first, ``redact_dsn``
the second and ``redact_text`` the third.
"""

from __future__ import annotations

import re

MASK = "***"

# postgresql://user:password@host -> keep the user, hide the password. The password runs to
# the last "@" before the host, so a raw "@" in it (``p@ss``) is hidden whole.
_URL_PASSWORD = re.compile(
    r"(?P<head>[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]*:)(?P<secret>\S*)(?=@[^@\s/?#]*(?:[/?#\s'\"]|$))"
)
# name=value / name: value / 'name': 'value' for secret-bearing names: libpq key/value DSNs,
# URL query strings (X-Amz-Signature, X-Amz-Credential, X-Amz-Security-Token), HTTP headers
# (Authorization, x-amz-security-token), Python reprs of botocore's dicts.
_KEY_PASSWORD = re.compile(
    r"(?P<head>\b[\w-]*(?:password|passwd|pwd|secret|token|signature|credential|authorization"
    r"|api[_-]?key|access[_-]?key[_-]?id|aws_secret_access_key|aws_session_token)['\"]?\s*[=:]\s*)"
    r"(?P<secret>b?'(?:[^'\\]|\\.)*'|b?\"(?:[^\"\\]|\\.)*\"|[^\s&;,'\"}]+)",
    re.IGNORECASE,
)
# Standalone secrets: AWS access key ids, bearer/basic tokens, long opaque tokens (an AWS secret
# key is 40 characters, a session token several hundred).
_AWS_KEY_ID = re.compile(r"\b(?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b")
_BEARER = re.compile(
    r"(?P<head>\b(?:Bearer|Basic|AWS4-HMAC-SHA256)\s+)(?P<secret>[A-Za-z0-9._~+/=-]{8,}\S*)", re.IGNORECASE
)
_OPAQUE = re.compile(r"(?<![\w/+=-])[A-Za-z0-9+/=]{40,}(?![\w/+=-])")
OPAQUE_MIN_UPPER = 0.15  # share of capitals among letters: base64 secrets, not folder paths


def _opaque(match: re.Match) -> str:
    """A long base64-like token mixing capitals, small letters and digits is a secret;
    hex digests and file paths (few capitals) are not."""
    token = match.group()
    letters = [c for c in token if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    mixed = any(c.isdigit() for c in token) and 0 < upper < len(letters)
    return MASK if mixed and upper >= OPAQUE_MIN_UPPER * len(letters) else token


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


def quote_url_password(dsn: str) -> str:
    """A URL DSN whose password holds a raw ``@`` with that ``@`` percent-encoded.

    libpq cuts the user info at the first ``@``: ``postgresql://u:p@ss@db/crm`` would try the
    password ``p`` on host ``ss@db`` and print the password's tail in its error. Other forms
    are returned as they are.

    >>> quote_url_password("postgresql://u:p@ss@db/crm")
    'postgresql://u:p%40ss@db/crm'
    """
    match = _URL_PASSWORD.match(dsn)
    if not match or "@" not in match.group("secret"):
        return dsn
    return match.group("head") + match.group("secret").replace("@", "%40") + dsn[match.end():]


def redact_secrets(text: str) -> str:
    """Hide DSN passwords, AWS key ids, signatures, tokens and Authorization headers.

    >>> redact_secrets("X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240101&X-Amz-Signature=ab12")
    'X-Amz-Credential=***&X-Amz-Signature=***'
    """
    text = _BEARER.sub(lambda m: m.group("head") + MASK, text)  # before "Authorization: Bearer"
    text = redact_dsn(text)
    text = _AWS_KEY_ID.sub(MASK, text)
    return _OPAQUE.sub(_opaque, text)


def redact_text(text: str, secrets: tuple[Secret | str, ...] = ()) -> str:
    """Hide DSN passwords, tokens (:func:`redact_secrets`) and every known secret value."""
    text = redact_secrets(text)
    for secret in secrets:
        value = secret.reveal() if isinstance(secret, Secret) else secret
        if value:
            text = text.replace(value, MASK)
    return text
