"""What a report table holds, before it is HTML: cells, rows, tables and type chips.

The builders in ``reports/html*.py`` fill these with plain values; the templates turn them
into markup and escape every value on the way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fouille.scanner.core.i18n import Translator, entity_label, format_int
from fouille.scanner.core.model import ENTITY_TYPES, SENSITIVE_TYPES, is_sensitive

TYPE_ORDER = {e: i for i, e in enumerate(ENTITY_TYPES + SENSITIVE_TYPES)}


def type_sort_key(entity: str) -> tuple[int, str]:
    """Entity types in the model's order, unknown ones last, by name."""
    return TYPE_ORDER.get(entity, len(TYPE_ORDER)), entity


@dataclass(frozen=True)
class Chip:
    """An entity type as a coloured label (red for art. 9 categories)."""

    entity: str
    label: str
    sensitive: bool


def chip(entity: str, lang: str, suffix: str = "") -> Chip:
    return Chip(entity, entity_label(entity, lang) + suffix, is_sensitive(entity))


@dataclass(frozen=True)
class Cell:
    """One ``<td>``.

    Attributes:
        text: Shown as text. sort: The key the script sorts by (``data-sort``), if any.
        kind: ``text``; ``path`` (a name, ``items`` its parts, each may wrap after its
            ``/``, ``.`` or ``_``); ``chips`` and ``examples`` (``items``); ``preset``
            (``text``, then the name ``items[0]`` to write in ``keep =``).
        mark: A class for a ``<span>`` around the text (``flag``, ``ok``).
    """

    text: object = ""
    sort: object = None
    css: str = ""
    kind: str = "text"
    items: tuple = ()
    mark: str = ""


def path(text: object, sort: object = None) -> Cell:
    """A container or field name: may wrap after ``/``, ``.`` and ``_``."""
    parts = re.split(r"(?<=[/._])", "" if text is None else str(text))
    return Cell(text, sort=text if sort is None else sort, css="mono", kind="path", items=tuple(parts))


def num(value: object, lang: str) -> Cell:
    number = int(value or 0)
    return Cell(format_int(number, lang), sort=number, css="num")


def chips(items: list[Chip], sort: object = None) -> Cell:
    return Cell(sort=sort, kind="chips", items=tuple(items))


@dataclass(frozen=True)
class Row:
    """A table row; ``pii`` (0 or 1) feeds the "only fields with personal data" filter."""

    cells: tuple[Cell, ...]
    pii: int | None = None


@dataclass(frozen=True)
class Table:
    """A table (``headers``: label, is numeric); empty, it says "no data"."""

    id: str
    headers: tuple[tuple[str, bool], ...]
    rows: tuple[Row, ...]
    sortable: bool = True


def table(table_id: str, t: Translator, keys: tuple[str, ...], rows: list, **kw) -> Table:
    """A table whose headers are catalogue keys; a leading ``#`` marks a numeric column.

    ``rows`` are ``Row`` or plain lists of cells.
    """
    headers = tuple((t(key.lstrip("#")), key.startswith("#")) for key in keys)
    rows = [r if isinstance(r, Row) else Row(tuple(r)) for r in rows]
    return Table(table_id, headers, tuple(rows), **kw)
