"""DATE_OF_BIRTH: a date in a birth context (né le, date de naissance, DN, DDN), not every date.

Dates are everywhere (orders, appointments, logs); only a birth context word in
the few words before the date (with no other date in between), an age next to it
(``14/03/1971 (53 ans)``, ``53 ans, 14/03/1971``), or a column hint makes one a date
of birth. Every French spelling: ``7|11|1948``, ``3.2.1981``, ``04 / 02 / 1981``,
``04 02 1981``, ``14/03/71``, ``4 févr. 1981``, ``1er mars 1990`` and dates in words
(``quatre février mil neuf cent quatre-vingt-un``). The date must exist and fall
between 1900 and today.
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from functools import lru_cache

from fouille.detectors.base import PatternDetector, Verdict, fold
from fouille.detectors.hinted import delimited_cells, parse_date

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
NUMBER_WORDS = {
    "zero": 0, "un": 1, "une": 1, "premier": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60,
}
_NUMBER = (
    r"(?:premier|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze"
    r"|quinze|seize|vingts?|trente|quarante|cinquante|soixante)"
)
_NEXT = rf"(?:[ \-]et)?[ \-]{_NUMBER}"  # "-", " " or " et " between number words, never a trailing "et"
_DAY_WORDS = rf"(?:{_NUMBER}(?:{_NEXT}){{0,3}})"
_YEAR_WORDS = rf"(?:(?:mil(?:le)?[ \-]neuf|dix[ \-]neuf)[ \-]cents?|deux[ \-]mille)(?:{_NEXT}){{0,5}}"
_SEP = r"[ \t]?[/.\-|][ \t]?"
DATE_PATTERN = (
    r"(?<![\w/.\-|])(?<!\d[ \t])(?:"
    rf"\d{{1,2}}{_SEP}\d{{1,2}}{_SEP}(?:(?:19|20)\d{{2}}|\d{{2}})"
    r"|(?:19|20)\d{2}-\d{2}-\d{2}"
    r"|\d{2}[ \t]\d{2}[ \t](?:19|20)\d{2}"
    rf"|(?:1er|\d{{1,2}})\s+(?:{_MONTH_NAMES})\.?\s+(?:19|20)\d{{2}}"
    rf"|(?:1er|\d{{1,2}}|{_DAY_WORDS})\s+(?:{_MONTH_NAMES})\.?\s+{_YEAR_WORDS}"
    r")(?![\w]|[/.\-|]\d|[ \t]?\d)"
)
_DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)
_WORDY = re.compile(r"^(.+?)\s+(janvier|fevrier|fevr|fev|mars|avril|avr|mai|juin|juillet|juil|aout"
                    r"|septembre|sept|octobre|oct|novembre|nov|decembre|dec|janv)\.?\s+(.+)$")
_NUMERIC = re.compile(r"^(\d{1,2})\s?[/.\-|\s]\s?(\d{1,2})\s?[/.\-|\s]\s?(\d{2}|\d{4})$")
BORN = re.compile(r"(?<!\w)né(?!\w)")
# An age beside the date: "14/03/1971 (53 ans)", "53 ans, 14/03/1971".
AGE_AFTER = re.compile(r"[ \t]*[(,|-]?[ \t]*\d{1,3}[ \t]*ans\b")
AGE_BEFORE = re.compile(r"\b\d{1,3}[ \t]*ans[ \t]*[,;|(\-]?[ \t]*$")


def _in_birth_column(text: str, start: int, end: int) -> bool:
    """A date in the birth-date column of a table pasted as text (``nom;date_naissance``)."""
    if not any(d in text for d in ";\t|"):
        return False
    starts, ends = _birth_cells(text)
    i = bisect.bisect_right(starts, start) - 1
    return i >= 0 and end <= ends[i]


@lru_cache(maxsize=4)  # one text's candidates all ask: find the cells once (str hashes are cached)
def _birth_cells(text: str) -> tuple[list[int], list[int]]:
    cells = sorted((s, e) for s, e, hint in delimited_cells(text) if hint == "DATE_OF_BIRTH")
    return [s for s, _ in cells], [e for _, e in cells]


def words_to_number(words: str) -> int | None:
    """``mil neuf cent quatre-vingt-un`` -> 1981, ``trente et un`` -> 31; ``None`` if not a number."""
    total, current = 0, 0
    for word in re.split(r"[ \-]+", fold(words).strip()):
        if word == "et":
            continue
        if word in ("cent", "cents"):
            current = (current or 1) * 100
        elif word in ("mil", "mille"):
            total, current = total + (current or 1) * 1000, 0
        elif word in ("vingt", "vingts") and current % 100 in (4,):  # quatre-vingt
            current = current - 4 + 80
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        else:
            return None
    return total + current


def _year(text: str) -> int | None:
    if text.isdigit():
        year = int(text)
        if len(text) == 2:  # a birth year in two digits: the latest past one
            year += 2000 if year <= date.today().year % 100 else 1900
        return year
    return words_to_number(text)


def _make(y: int | None, m: int | None, d: int | None) -> date | None:
    try:
        return date(y, m, d) if y and m and d else None
    except ValueError:
        return None


def parse_french_date(value: str) -> date | None:
    """``12/03/1985``, ``7|11|1948``, ``04 02 1981``, ``1985-03-12``, ``1er mars 1985``,
    ``quatre mars mil neuf cent quatre-vingt-cinq`` -> a date, else ``None``."""
    value = " ".join(value.split())
    numeric = parse_date(value)
    if numeric is not None:
        return numeric
    m = _NUMERIC.match(value)
    if m:
        return _make(_year(m[3]), int(m[2]), int(m[1]))
    m = _WORDY.match(fold(value))
    if not m:
        return None
    day = 1 if m[1] == "1er" else int(m[1]) if m[1].isdigit() else words_to_number(m[1])
    return _make(_year(m[3]), MONTHS[m[2]], day)


class DateOfBirthDetector(PatternDetector):
    name = "date_of_birth"
    entity = "DATE_OF_BIRTH"
    pattern = DATE_PATTERN
    flags = re.IGNORECASE
    prefilter = (
        r"\d{1,2} ?[/.|-] ?\d{1,2} ?[/.|-] ?\d{2}|\d{4}-\d{2}-\d{2}|\d{2} \d{2} \d{4}"
        r"|\d(?:er)?\s+[A-Za-zéû]{3,9}\.?\s+\d{4}|[a-zéû]{3,9}\.? +(?:mil|dix|deux mille)"
    )
    prefilter_ignore_case = True
    needs_context = True
    base_score = 0.5
    valid_score = 0.6
    context_boost = 0.35
    context_window = 35
    context_words = (
        "né le", "née le", "né(e) le", "nee le", "née", "né(e)", "date de naissance",
        "naissance", "date naiss", "date de naiss", "naiss", "dn", "ddn", "d.n.", "d.d.n.",
        "né en", "birth", "date of birth", "dob", "born", "anniversaire",
    )
    positive_examples = (
        "Patient né le 12/03/1985 à Lyon",
        "date de naissance : 1er mars 1985",
        "DDN 1985-03-12",
        "| DUPONT Jean | 14/03/1971 (53 ans) |",
        "née le quatre février mil neuf cent quatre-vingt-un",
    )
    negative_examples = (
        "rendez-vous le 12/03/2024 à 10h",
        "né le 31/02/1985",
        "inscrit le 05/06/2020, suivi le 12/03/2021",
        "livraison prévue le 7|11|2024, facture du 3.2.2024",
    )

    def validate(self, candidate: str) -> Verdict:
        born = parse_french_date(candidate)
        if born is None or not 1900 <= born.year <= date.today().year or born > date.today():
            return Verdict.INVALID
        return Verdict.VALID

    def context_word(self, text: str, start: int, end: int) -> str | None:
        if _in_birth_column(text, start, end):
            return "column-name"
        # Only the words since the previous date count: "né le X, inscrit le Y" is one birth date.
        window_start = max(0, start - self.context_window)
        for previous in _DATE_RE.finditer(text, window_start, start):
            window_start = max(window_start, previous.end())
        if AGE_AFTER.match(text, end, end + 12) or AGE_BEFORE.search(text, max(0, start - 12), start):
            return "age"
        window = text[window_start:start]
        if BORN.search(window.lower()):  # "né" keeps its accent: folded, it is the negation "ne"
            return "né"
        if self._context_re is None:
            return None
        found = self._context_re.search(fold(window).replace("_", " "))
        return found.group(1) if found else None

    def normalize(self, candidate: str) -> str:
        born = parse_french_date(candidate)
        return born.isoformat() if born else candidate
