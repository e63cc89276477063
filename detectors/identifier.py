"""What the detectors of people's identifiers share (issue 15): context, vetoes, layouts.

- A context word counts only in the candidate's own sentence: "... le véhicule AB-123-CD.
  Nous habitons au 3 D 38" does not make a plate of the house number. A word just after
  the candidate counts on the same line, unless a number follows it (it names that one).
- A candidate right after a word that names a reference (commande, colis, facture,
  réf., article...) is that reference, whatever other words are near: "Commande
  1950062715385" is an order, even after "affiliation CNS".
- Some identifiers are unmistakable in one layout and ordinary in another: a Belgian
  national number written ``YY.MM.DD-NNN.KK`` is one, the same eleven digits compact are
  any reference. ``LayoutOrContext`` keeps a candidate in its distinctive layout on its
  own, and any other candidate only next to a context word or in a hinted column.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import ClassVar

from fouille.detectors.base import Match, PatternDetector, fold
from fouille.detectors.fr.layout import SEPARATOR

# Between digit groups: a dash, or what ``SEPARATOR`` allows (blanks incl. no-break, a dot).
DASH_OR_SEPARATOR = "(?:-|" + SEPARATOR + ")"

# A sentence ends at . ! ? followed by blanks and a capital (not "n°. " or "immat. :").
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÀ-Ý])")
REFERENCE_BEFORE = re.compile(
    r"(?<!\w)(?:ref|reference|commande|cmd|colis|facture|ticket|transaction|order|invoice"
    r"|article|produit|sku|code article|code produit|modele|lot|serie|suivi|dossier|version"
    r"|ean|ean13|gtin|upc|isbn|cip|cip13|code barre|code-barres|code-barre)(?!\w)"
    r"[^\w]{0,6}(?:n[°o]?\s?)?$"
)

_NAMES_NEXT_NUMBER = re.compile(r"[^\w\n]{0,4}(?:n[°o]\s?)?\d")


# Digits and the separators people put between them in identifiers (blanks, dots, dashes).
_DIGIT_RUN = re.compile(r"\d(?:[\s.\-]*\d)*")
_NO_DIGITS = str.maketrans("", "", "0123456789")


@lru_cache(maxsize=64)  # the detectors run one after the other on the same text: count once
def most_digits_in_a_row(text: str) -> int:
    """The most digits in one run of digits and separators: a cheap gate before the regexes."""
    return max(
        (len(run) - len(run.translate(_NO_DIGITS)) for run in _DIGIT_RUN.findall(text)), default=0
    )


def is_supported(match: Match) -> bool:
    """A context word or the column name vouches for the match."""
    return any(e.startswith("context:") or e == "column-name" for e in match.evidence)


def sentence_window(text: str, start: int, width: int) -> str:
    """The ``width`` characters before ``start``, cut at the last sentence end."""
    window = text[max(0, start - width) : start]
    ends = list(_SENTENCE_END.finditer(window))
    return window[ends[-1].end() :] if ends else window


def after_reference_word(text: str, start: int) -> bool:
    """The candidate follows a word naming a reference (réf., commande, colis...)."""
    return bool(REFERENCE_BEFORE.search(fold(text[max(0, start - 25) : start])))


class IdentifierDetector(PatternDetector):
    """A pattern detector whose context is its sentence and which reference words veto.

    ``min_digits``: no candidate has fewer digits in a row; texts without such a run are
    skipped before any regex runs (most chat messages and notes).
    """

    min_digits: ClassVar[int] = 0

    def context_word(self, text: str, start: int, end: int) -> str | None:
        if self._context_re is None:
            return None
        found = self._context_re.search(fold(sentence_window(text, start, self.context_window)))
        if found is None:
            after = fold(text[end : end + 15].split("\n", 1)[0])
            found = self._context_re.search(after)
            if found and _NAMES_NEXT_NUMBER.match(after, found.end()):
                found = None
        return found.group(1) if found else None

    def find(self, text: str, hint: str | None = None) -> list[Match]:
        if not text or (self.min_digits and most_digits_in_a_row(text) < self.min_digits):
            return []
        return [m for m in super().find(text, hint) if not after_reference_word(text, m.start)]


class LayoutOrContext(IdentifierDetector):
    """Base for detectors whose candidates stand alone only in a distinctive layout."""

    def stands_alone(self, candidate: str) -> bool:
        """True when the written layout alone says what the candidate is."""
        return False

    def find(self, text: str, hint: str | None = None) -> list[Match]:
        return [
            m
            for m in super().find(text, hint)
            if is_supported(m) or self.stands_alone(text[m.start : m.end])
        ]
