"""FR_SIREN: the 9-digit company number (Luhn), only where context or a column says so.

A bare 9-digit number is far too common (amounts, references) and Luhn accepts one
in ten, so a SIREN needs a context word (SIREN, RCS, immatriculation) or a column
hint. Nine digits followed by five more are a SIRET, left to ``FrSiretDetector``.
"""

from __future__ import annotations

from fouille.detectors.base import PatternDetector, Verdict
from fouille.detectors.fr.layout import (
    NUMBER_END,
    NUMBER_START,
    digit_groups,
    named_number,
    spaced_digits,
    strip_separators,
)
from stdnum.fr import siren


class FrSirenDetector(PatternDetector):
    name = "fr_siren"
    entity = "FR_SIREN"
    pattern = NUMBER_START + digit_groups(3, 3, 3) + NUMBER_END
    named_pattern = named_number((r"siren",), spaced_digits(9))
    named_cues = ("siren",)
    prefilter = r"\d{3}[ .\pZ]?\d{3}[ .\pZ]?\d{3}|(?i:siren)"
    needs_context = True
    base_score = 0.4
    valid_score = 0.6
    context_boost = 0.4
    context_words = (
        "siren", "rcs", "r.c.s.", "immatriculation", "immatriculée", "immatriculé",
        "registre du commerce", "n° d'immatriculation", "numéro d'entreprise",
    )
    positive_examples = (
        "SIREN : 732 829 320",
        "immatriculée au RCS de Paris sous le n° 732829320",
        "SIREN 73 28 29 320",
    )
    negative_examples = (
        "SIREN : 732 829 321",
        "montant 732 829 320 EUR",
        "SIRET 732 829 320 00074",
    )

    def validate(self, candidate: str) -> Verdict:
        return Verdict.VALID if siren.is_valid(strip_separators(candidate)) else Verdict.INVALID

    def normalize(self, candidate: str) -> str:
        return siren.compact(strip_separators(candidate))
