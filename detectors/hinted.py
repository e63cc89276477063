"""Values with no pattern of their own, accepted in a column whose name says what they are.

``Dupont`` is a PERSON in a column named ``nom``; ``Lyon`` a LOCATION in ``ville``;
``1984-03-12`` a DATE_OF_BIRTH in ``date_naissance``. The value must still have the
right shape: a ``nom`` column full of product codes finds nothing.
"""

from __future__ import annotations

import re
from datetime import date

from fouille.detectors import masking
from fouille.detectors.base import Match, TextDetector, fold
from fouille.scanner.core.column_hints import hint_for

_NAME = re.compile(r"^[^\W\d_](?:[^\W\d_]|[ '’\-.])*$")
_POSTCODE = re.compile(r"^(?:0[1-9]|[1-8]\d|9[0-8]|2[AB])\d{3}$")
_DATE = re.compile(
    r"^(?:(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})"
    r"|(?P<d2>\d{1,2})[-/.](?P<m2>\d{1,2})[-/.](?P<y2>\d{4}))(?:[ T]00:00(?::00)?)?$"
)
_ADDRESS = re.compile(r"[^\W\d_]{2,}")


def parse_date(value: str) -> date | None:
    m = _DATE.match(value.strip())
    if not m:
        return None
    year = int(m["y1"] or m["y2"])
    month = int(m["m1"] or m["m2"])
    day = int(m["d1"] or m["d2"])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def looks_like(entity: str, value: str) -> bool:
    """Does a whole cell have the shape of the hinted entity?"""
    value = value.strip()
    if not value or len(value) > 120:
        return False
    if entity == "PERSON":
        return bool(_NAME.match(value)) and len(value.split()) <= 5 and len(value) <= 60
    if entity == "LOCATION":
        return bool(_POSTCODE.match(value)) or (bool(_NAME.match(value)) and len(value) <= 60)
    if entity == "DATE_OF_BIRTH":
        born = parse_date(value)
        return born is not None and 1900 <= born.year <= date.today().year
    if entity == "ADDRESS":
        return bool(_ADDRESS.search(value)) and len(value.split()) >= 2
    return False


_DELIMITERS = (";", "\t", "|")


def delimited_cells(text: str):
    """(start, end, entity) of the cells of a table pasted as text, under a header that names them.

    ``nom;prenom;ville\nDUPONT;Jean;Lyon`` yields ``DUPONT`` and ``Jean`` as PERSON and ``Lyon``
    as LOCATION: the same column-name hints as a real table, and the same shape checks for
    names and places (cells of other hinted columns, a birth date, are yielded as they are).
    """
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    hints: list[str | None] = []
    delimiter = ""
    for start, line in lines:
        if hints and line.count(delimiter) == len(hints) - 1:
            position = start
            for cell, hint in zip(line.split(delimiter), hints):
                value = cell.strip()
                # Names and places must have their shape here; other entities are checked by their detector.
                if hint and value and (hint not in ("PERSON", "LOCATION") or looks_like(hint, value)):
                    begin = position + cell.index(value)
                    yield begin, begin + len(value), hint
                position += len(cell) + 1
            continue
        hints = []
        delimiter = next((d for d in _DELIMITERS if line.count(d) >= 2), "")
        if delimiter:
            hints = [hint_for(c.strip()) for c in line.split(delimiter)]
            hints = hints if any(h in ("PERSON", "LOCATION", "DATE_OF_BIRTH") for h in hints) else []


class HintedValueDetector(TextDetector):
    """Accepts a whole cell as the entity its column name names, if its shape fits."""

    name = "column_hint"
    entities = ("PERSON", "LOCATION", "DATE_OF_BIRTH", "ADDRESS")
    only_with_hint = True
    score = 0.7
    positive_examples = ()  # needs a hint: tested in tests/detectors/test_hinted.py
    negative_examples = ("Dupont",)

    def find(self, text: str, hint: str | None = None) -> list[Match]:
        if hint not in self.entities or not isinstance(text, str) or not looks_like(hint, text):
            return []
        start = len(text) - len(text.lstrip())
        value = text.strip()
        preview = masking.mask_words(value) if hint in ("PERSON", "LOCATION") else masking.mask_generic(value)
        return [
            Match(
                start=start,
                end=start + len(value),
                entity=hint,
                score=self.score,
                detector=self.name,
                evidence=("column-name", "shape"),
                preview=preview,
                normalized=" ".join(fold(value).split()),
            )
        ]
