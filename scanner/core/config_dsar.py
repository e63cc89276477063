"""The ``dsar`` tables of ``fouille.toml``: what an access-request answer tells (docs/dsar.md).

Per source, ``[sources.dsar]`` (or ``[[sources.dsar]]`` with a ``container`` glob each): the
art. 15 items of that store. Top level, ``[dsar]``: who answers (controller, contact, dpo).
Every text is a string, a list of strings, or ``{ fr = ..., en = ... }`` of those.
The DSAR side reading them (``disclosure_for``, ``text_in``) is ``fouille.scanner.dsar.disclosure``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fouille.scanner.core.config_errors import describe
from fouille.scanner.core.config_tables import Glob, Table, expected, one_or_many
from pydantic import PlainValidator, TypeAdapter, ValidationError

LANGS = ("fr", "en")
TEXT_SHAPE = "a text, a list of texts, or { fr = ..., en = ... } of those"


def _plain_text(value: object) -> bool:
    items = value if isinstance(value, list) else [value]
    return bool(items) and all(isinstance(v, str) and v.strip() for v in items)


def _text(value: Any) -> Any:
    translated = isinstance(value, dict) and value and set(value) <= set(LANGS)
    if not (_plain_text(value) or translated and all(map(_plain_text, value.values()))):
        raise expected(TEXT_SHAPE)
    return value


Text = Annotated[Any, PlainValidator(_text)]


class Disclosure(Table):
    """One ``[sources.dsar]`` entry (art. 15(1)(a)-(h) and 15(2))."""

    container: Glob | None = None
    label: Text = None
    purposes: Text = None
    legal_basis: Text = None
    recipients: Text = None
    retention: Text = None
    origin: Text = None
    automated_decisions: Text = None
    transfers: Text = None


Disclosures = Annotated[list[Disclosure], one_or_many("a table or a list of tables")]


class Controller(Table):
    """The top-level ``[dsar]`` table: who is answering and how to reach them."""

    controller: Text = None
    contact: Text = None
    dpo: Text = None


_DISCLOSURES = TypeAdapter(Disclosures)


def normalize_disclosures(value: object) -> list[dict]:
    """The configured ``dsar`` of a source as a list of entries; ValueError if malformed."""
    try:
        entries = _DISCLOSURES.validate_python(value)
    except ValidationError as exc:
        raise ValueError(describe(exc, {}, prefix=("dsar",))) from None
    return [entry.model_dump(exclude_unset=True) for entry in entries]


def normalize_controller(value: object) -> dict:
    """The top-level ``[dsar]`` table as given; ValueError if malformed."""
    try:
        return Controller.model_validate(value).model_dump(exclude_unset=True)
    except ValidationError as exc:
        raise ValueError(describe(exc, {"dsar": value}, prefix=("dsar",))) from None
