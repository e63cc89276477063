"""FR_NIR: the French social security number (NIR / numéro INSEE), key mod 97.

15 characters: sex (1 digit), year (2), month (2), département (2, or 2A/2B for
Corsica), commune (3), order (3), key (2). Written compact or spaced
(``1 85 05 78 006 084 36``). python-stdnum checks the key (mod 97), so a random
15-digit number passes one time in 97: checksum-valid is high, context makes it certain.
"""

from __future__ import annotations

from fouille.detectors.base import PatternDetector, Verdict
from fouille.detectors.fr.layout import (
    LOOSE_SEPARATOR,
    NUMBER_END,
    NUMBER_START,
    SEPARATOR,
    named_number,
    spaced_digits,
    strip_separators,
)
from stdnum.fr import nir

_S = LOOSE_SEPARATOR


class FrNirDetector(PatternDetector):
    name = "fr_nir"
    entity = "FR_NIR"
    pattern = (
        NUMBER_START
        + r"[1-478]" + SEPARATOR + r"\d{2}" + SEPARATOR + r"\d{2}" + SEPARATOR
        + r"(?:\d{2}|2[ABab])" + SEPARATOR + r"\d{3}" + SEPARATOR + r"\d{3}" + SEPARATOR + r"\d{2}"
        + NUMBER_END
    )
    # After "sécu", "NIR"... any grouping: sex, year and month, département (2A/2B), 8 digits.
    named_pattern = named_number(
        (r"s[ée]cu(?:rit[ée]\s+sociale)?", r"nir", r"insee", r"carte\s+vitale", r"nss"),
        rf"[1-478](?:{_S}[0-9]){{4}}{_S}(?:[0-9]{_S}[0-9]|2{_S}[AB]){_S}" + spaced_digits(8),
    )
    named_cues = ("sécu", "secu", "nir", "insee", "nss", "vitale")
    prefilter = r"(?i:\bnir\b|s[ée]cu|insee|vitale|\bnss\b)|[1-478][ .\pZ]?\d{2}[ .\pZ]?\d{2}[ .\pZ]?[0-9][0-9ABab][ .\pZ]?\d{3}[ .\pZ]?\d{3}[ .\pZ]?\d{2}"
    base_score = 0.5
    valid_score = 0.95
    context_boost = 0.05
    context_words = (
        "sécu", "sécurité sociale", "securite sociale", "n° ss", "no ss", "num ss", "nss", "nir",
        "carte vitale", "insee", "numéro de sécurité sociale", "immatriculation", "assuré",
    )
    positive_examples = (
        "n° de sécu : 2 95 10 99 126 111 93",
        "NIR 295109912611193",
        "carte vitale 2 53 07 2B 073 004 70",
        "n° sécu 295 10 99 126 11 193",
    )
    negative_examples = (
        "n° de sécu : 2 95 10 99 126 111 99",
        "facture 295109912611199",
        "IBAN FR76 3000 6000 0112 3456 7890 189",
    )

    def validate(self, candidate: str) -> Verdict:
        return Verdict.VALID if nir.is_valid(strip_separators(candidate)) else Verdict.INVALID

    def normalize(self, candidate: str) -> str:
        return nir.compact(strip_separators(candidate)).upper()
