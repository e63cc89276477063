"""DATE_OF_BIRTH: a date in a birth context (né le, date de naissance, DN, DDN), not every date.

Dates are everywhere (orders, appointments, logs); only a birth context word in
the few words before the date (with no other date in between), or a column hint,
makes one a date of birth. The date must exist and fall between 1900 and today.
"""

from __future__ import annotations

import re
from datetime import date

from detectors.base import PatternDetector, Verdict, fold
from detectors.hinted import parse_date

MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "janv": 1, "fevr": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAMES = "|".join(
    sorted(
        {"janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août",
         "aout", "septembre", "octobre", "novembre", "décembre", "decembre", "janv", "févr",
         "fév", "avr", "juil", "sept", "oct", "nov", "déc"},
        key=len,
        reverse=True,
    )
)
DATE_PATTERN = (
    r"(?<![\w/.\-])(?:"
    r"\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d{2}"
    r"|(?:19|20)\d{2}-\d{2}-\d{2}"
    rf"|(?:1er|\d{{1,2}})\s+(?:{_MONTH_NAMES})\.?\s+(?:19|20)\d{{2}}"
    r")(?![\w]|[/.\-]\d)"
)
_DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)
_WORDY = re.compile(r"^(1er|\d{1,2})\s+(\S+?)\.?\s+(\d{4})$")


def parse_french_date(value: str) -> date | None:
    """``12/03/1985``, ``1985-03-12``, ``1er mars 1985`` -> a date, else ``None``."""
    numeric = parse_date(value)
    if numeric is not None:
        return numeric
    m = _WORDY.match(fold(value.strip()))
    if not m or m[2] not in MONTHS:
        return None
    try:
        return date(int(m[3]), MONTHS[m[2]], 1 if m[1] == "1er" else int(m[1]))
    except ValueError:
        return None


class DateOfBirthDetector(PatternDetector):
    name = "date_of_birth"
    entity = "DATE_OF_BIRTH"
    pattern = DATE_PATTERN
    flags = re.IGNORECASE
    prefilter = r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{4}-\d{2}-\d{2}|\d(?:er)?\s+[A-Za-zéû]{3,9}\.?\s+\d{4}"
    prefilter_ignore_case = True
    needs_context = True
    base_score = 0.5
    valid_score = 0.6
    context_boost = 0.35
    context_window = 35
    context_words = (
        "né le", "née le", "né(e) le", "nee le", "né", "née", "né(e)", "date de naissance",
        "naissance", "date naiss", "dn", "ddn", "d.n.", "né en", "birth", "date of birth",
        "dob", "born", "anniversaire",
    )
    positive_examples = (
        "Patient né le 12/03/1985 à Lyon",
        "date de naissance : 1er mars 1985",
        "DDN 1985-03-12",
    )
    negative_examples = (
        "rendez-vous le 12/03/2024 à 10h",
        "né le 31/02/1985",
        "inscrit le 05/06/2020, suivi le 12/03/2021",
    )

    def validate(self, candidate: str) -> Verdict:
        born = parse_french_date(candidate)
        if born is None or not 1900 <= born.year <= date.today().year or born > date.today():
            return Verdict.INVALID
        return Verdict.VALID

    def context_word(self, text: str, start: int, end: int) -> str | None:
        # Only the words since the previous date count: "né le X, inscrit le Y" is one birth date.
        window_start = max(0, start - self.context_window)
        for previous in _DATE_RE.finditer(text, window_start, start):
            window_start = max(window_start, previous.end())
        if self._context_re is None:
            return None
        found = self._context_re.search(fold(text[window_start:start]))
        return found.group(1) if found else None

    def normalize(self, candidate: str) -> str:
        born = parse_french_date(candidate)
        return born.isoformat() if born else candidate
