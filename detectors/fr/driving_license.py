"""FR_DRIVING_LICENSE: French driving licence numbers, only next to a word that names them.

Two numbers are asked for as "numéro de permis":

- the NEPH (numéro d'enregistrement préfectoral harmonisé), 12 digits kept for life:
  year and month of registration, département (2A/2B for Corsica), 6-digit order
  (``210692106990``); it is also the number of the pink paper licences;
- the number of the EU card (field 5 since 2013): 2 digits, 2 letters, 5 digits
  (``13AB00002``), the same shape as a passport number.

Neither has a checksum, and both look like other documents' numbers (an old identity
card, a passport), so a candidate stands only when the nearest naming word before it is
about the licence (permis de conduire, n° de permis, NEPH), not about a passport or an
identity card, and "permis" is not a building or hunting permit.
"""

from __future__ import annotations

import re

from fouille.detectors.base import Verdict, fold
from fouille.detectors.fr.layout import NUMBER_END, NUMBER_START, SEPARATOR, digit_groups
from fouille.detectors.identifier import IdentifierDetector, sentence_window

_NEPH = (
    r"\d{2}"
    + SEPARATOR
    + "(?:0[1-9]|1[0-2])"
    + SEPARATOR
    + r"(?:\d{2}|2[AB])"
    + SEPARATOR
    + digit_groups(3, 3)
)
_CARD = r"\d{2}[A-Z]{2}\d{5}"
# Other documents' naming words: when one is nearer than the licence's, the number is theirs.
_OTHER_DOCUMENT = re.compile(
    r"(?<!\w)(?:passeport|passport|carte d.identite|cni|piece d.identite|titre de sejour"
    r"|permis de (?:construire|demolir|amenager|chasse|sejour|travail|peche))(?!\w)"
)


class FrDrivingLicenseDetector(IdentifierDetector):
    name = "fr_driving_license"
    entity = "FR_DRIVING_LICENSE"
    pattern = NUMBER_START + rf"(?:{_NEPH}|{_CARD})" + NUMBER_END
    prefilter = _NEPH + "|" + _CARD
    min_digits = 5
    needs_context = True
    base_score = 0.55
    context_boost = 0.35
    context_words = (
        "permis",
        "permis de conduire",
        "n° de permis",
        "numéro de permis",
        "no de permis",
        "neph",
        "code neph",
        "driving licence",
        "driving license",
        "driver's license",
        "driver license",
        "licence de conduire",
    )
    positive_examples = (
        "Permis de conduire n° 210692106990 délivré par la préfecture",
        "N° de permis : 13AB00002",
        "code NEPH 12 03 2B 123 456",
    )
    negative_examples = (
        "commande 210692106990",  # no context
        "permis de construire n° 210692106990",
        "passeport 13AB00002, permis de conduire joint",
        "permis n° 211392106990",  # month 13
    )

    def context_word(self, text: str, start: int, end: int) -> str | None:
        """The licence word nearest before the number, unless another document's is nearer."""
        if self._context_re is None:
            return None
        window = fold(sentence_window(text, start, self.context_window))
        ours = list(self._context_re.finditer(window))
        if not ours:
            return None
        others = list(_OTHER_DOCUMENT.finditer(window))
        if others and others[-1].end() > ours[-1].start():
            return None
        return ours[-1].group(1)

    def validate(self, candidate: str) -> Verdict:
        return Verdict.UNCHECKED
