"""Names are data too: the shown form of file names, S3 keys, headers, columns and JSON keys.

A name reaches every output (inventory, report, findings, state, terminal), so it goes through
the fast detectors (no NLP) before it is shown or stored. Core cannot import them: the
detection path hands its name matcher in (:func:`use_name_matcher`) when it is loaded, and
no name is shown before that (``NameJudgeMissing``, never an unmasked name):

* a container name (file path, S3 key, table) keeps its shape; each personal value in it is
  replaced by its masked preview (``exports/z***@e****.com.csv``);
* a field name (column, header, JSON path) is cut into keys; a key that holds personal data,
  or that looks like a record identifier (number, UUID, hash, long token), becomes ``*``, so
  a document keyed by e-mail shows one pattern field (``users.*.ville``), not one per person;
* control characters become visible escapes (``\\n``, ``\\x1b``): a name can neither forge
  a line of output nor drive the terminal (see :func:`printable`).

Every function is cached per distinct name: a name is examined once per process.
Messages (errors, log lines) also have their secrets redacted (:func:`shown_message`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from fouille.scanner.core.keys import KEY_ENV, KEY_FILE_ENV, load_key
from fouille.scanner.core.model import Match
from fouille.scanner.core.secrets import redact_dsn, redact_text

VARIABLE_KEY = "*"
NAMES_FIELD = "(names)"  # the inventory field counting names that hold personal data
_CACHE = 65_536
# Separators inside a name, blanked (same length) so the detectors see its words.
_SPACED = str.maketrans({c: " " for c in "/\\_[]:|=&?#\""})
# File extensions: blanked so that ``a@b.com.csv`` is read as ``a@b.com``.
_EXTENSION = re.compile(
    r"\.(?:csv|tsv|txt|json|jsonl|ndjson|parquet|pq|gz|gzip|bz2|xz|zst|zip|log)(?=$|[./\\\s:;,)'\"])",
    re.IGNORECASE,
)
# A key that names one record rather than a kind of field.
_IDENTIFIER_KEY = re.compile(
    r"""\A(?:
        [+-]?\d+(?:[.,]\d+)?                                         # 12345, -3, 4.5
      | [0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}  # UUID
      | [0-9a-f]{16,}                                                # hex digest
      | [A-Za-z_-]{0,12}\d[\w-]*                                     # cus_8391022, u123456
    )\Z""",
    re.IGNORECASE | re.VERBOSE,
)
_MIN_ID_DIGITS = 4  # ``address_line2`` is a field; ``order_20240117`` is a record
_OPAQUE_TOKEN = re.compile(r"\A[A-Za-z0-9_-]{20,}\Z")  # Firebase-style push ids
# Keys written by ``fouille.connectors.files.flatten._key_path`` when a key holds a separator.
_QUOTED_KEY = re.compile(r'\["((?:[^"\\]|\\.)*)"\]')
_FIELD_PART = re.compile(r'\["(?:[^"\\]|\\.)*"\]|\[\]|\.|[^.\[]+|\[')


@dataclass(frozen=True)
class NameHit:
    """Personal data found in a name: its entity and masked preview (never the value)."""

    entity: str
    preview: str


@dataclass(frozen=True)
class ShownName:
    """A name's shown form and what the detectors found in it."""

    shown: str
    hits: tuple[NameHit, ...] = ()


def printable(text: str) -> str:
    """``text`` with control and format characters as visible escapes.

    A newline would let a name start a line of its own (``::error file=...::`` is a GitHub
    workflow command), ESC drives the terminal, U+202E reverses what follows.

    >>> printable("a\\n::error::x\\x1b[31m")
    'a\\\\n::error::x\\\\x1b[31m'
    """
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        elif ch in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif ord(ch) < 0x100:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}")
    return "".join(out)


def _spaced(text: str) -> str:
    """The same length as ``text``, with separators and file extensions blanked."""
    spaced = text.translate(_SPACED)
    spaced = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in spaced)
    return _EXTENSION.sub(lambda m: " " * len(m.group()), spaced)


class NameJudgeMissing(RuntimeError):
    """A name was to be shown before the detection path handed its matcher in."""


_matcher: list[Callable[[str], Sequence[Match]]] = []  # the one name matcher, once handed in


def use_name_matcher(matcher: Callable[[str], Sequence[Match]]) -> None:
    """Judge names with ``matcher`` (a text -> its resolved fast-detector matches)."""
    _matcher[:] = [matcher]
    for cached in (shown_container, shown_message, shown_field, _shown_key):
        cached.cache_clear()


def _matches(text: str, keep_ip: bool = False) -> list[Match]:
    if "@" not in text and not any(c.isdigit() for c in text):
        return []  # every fast detector needs a digit or an "@": most names stop here
    if not _matcher:
        raise NameJudgeMissing("names are judged by fouille.detectors.detection: import it first")
    found = _matcher[0](_spaced(text))
    return [m for m in found if not (keep_ip and m.entity == "IP_ADDRESS")]


def _masked(text: str, keep_ip: bool = False) -> tuple[str, tuple[NameHit, ...]]:
    """``text`` with each detector match replaced by its masked preview."""
    matches = sorted(_matches(text, keep_ip), key=lambda m: m.start)
    if not matches:
        return text, ()
    out, last = [], 0
    for m in matches:
        if m.start < last:
            continue
        out.append(text[last:m.start])
        out.append(m.preview or "***")
        last = m.end
    out.append(text[last:])
    return "".join(out), tuple(NameHit(m.entity, m.preview) for m in matches)


@lru_cache(maxsize=_CACHE)
def shown_container(raw: str) -> ShownName:
    """A file path, S3 key, table or error location: personal values masked, shape kept."""
    masked, hits = _masked(redact_dsn(raw))  # a positional DSN can end up as a place name
    return ShownName(printable(masked), hits)


def shown_name(raw: str) -> str:
    """The shown form of a container name or place (see :func:`shown_container`)."""
    return shown_container(raw).shown


@lru_cache(maxsize=4096)
def shown_message(text: str) -> str:
    """An error message or log line: secrets redacted, personal values masked, escapes visible.

    IP addresses stay: in a message they name a server to fix, not a person.
    """
    return printable(_masked(redact_text(text), keep_ip=True)[0])


def _field_keys(raw: str) -> list[str]:
    """The keys and separators of a field path (``users["a.b"].ville``, ``messages[].text``)."""
    return _FIELD_PART.findall(raw)


def _is_identifier(key: str) -> bool:
    if _IDENTIFIER_KEY.match(key) and sum(c.isdigit() for c in key) >= _MIN_ID_DIGITS:
        return True
    if key.isdigit():
        return True
    return bool(_OPAQUE_TOKEN.match(key)) and any(c.isdigit() for c in key) and (
        any(c.isupper() for c in key) and any(c.islower() for c in key)
    )


@lru_cache(maxsize=_CACHE)
def _shown_key(key: str, nested: bool) -> tuple[str, tuple[NameHit, ...]]:
    _, hits = _masked(key)
    if hits:
        return VARIABLE_KEY, hits
    if nested and _is_identifier(key):
        return VARIABLE_KEY, ()
    return key, ()


def _spanning(raw: str) -> tuple[str, tuple[NameHit, ...]]:
    """``raw`` with the matches that cross a ``.`` or ``[`` replaced by ``*``.

    A dotted name read as one value (``jean.dupont@example.com`` as a CSV header, or a
    JSON path built without quoting) cannot be cut into keys before it is masked.
    """
    spanning = [m for m in _matches(raw) if any(s in raw[m.start:m.end] for s in ".[")]
    if not spanning:
        return raw, ()
    out, last = [], 0
    for m in sorted(spanning, key=lambda m: m.start):
        if m.start >= last:
            out += [raw[last:m.start], VARIABLE_KEY]
            last = m.end
    out.append(raw[last:])
    return "".join(out), tuple(NameHit(m.entity, m.preview) for m in spanning)


@lru_cache(maxsize=_CACHE)
def shown_field(raw: str) -> ShownName:
    """A column, header or JSON path: keys holding personal data or record ids become ``*``.

    >>> shown_field('users["ab.cd@example.com"].ville').shown
    'users.*.ville'
    >>> shown_field("client.email").shown
    'client.email'
    """
    text, hits = (raw, ()) if _QUOTED_KEY.search(raw) else _spanning(raw)
    parts = _field_keys(text)
    nested = sum(1 for p in parts if p not in (".", "[]", "[")) > 1
    shown, found = [], list(hits)
    for part in parts:
        if part in (".", "[]", "[") or part == VARIABLE_KEY:
            shown.append(part)
            continue
        quoted = _QUOTED_KEY.fullmatch(part)
        key = json.loads(f'"{quoted.group(1)}"') if quoted else part
        key_shown, key_hits = _shown_key(key, nested)
        found.extend(key_hits)
        if quoted and shown and shown[-1] != ".":
            shown.append(".")
        shown.append(key_shown)
    return ShownName(printable("".join(shown)), tuple(found))


def name_digest(raw: str) -> str:
    """A keyed hash of a raw name (the resume state's partition ids): equal names match
    between runs with the same key, and nobody can test a guessed name without the key."""
    settings = tuple(os.environ.get(v) for v in (KEY_ENV, KEY_FILE_ENV, "XDG_CONFIG_HOME", "HOME"))
    return _digest(_installation_key(settings), raw)


@lru_cache(maxsize=4)
def _installation_key(_settings: tuple) -> bytes:
    """``load_key()``, read once per setting (partition ids are computed many times)."""
    return load_key()


@lru_cache(maxsize=_CACHE)
def _digest(key: bytes, raw: str) -> str:
    return hmac.new(key, raw.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
