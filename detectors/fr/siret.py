"""FR_SIRET: the 14-digit establishment number (SIREN + 5-digit NIC), Luhn with La Poste's rule.

python-stdnum applies Luhn, and for La Poste (SIREN 356 000 000) the sum-of-digits
rule. Luhn passes one random number in ten, so a compact 14-digit number needs a
context word or a column hint; the official layout ``XXX XXX XXX XXXXX`` is distinctive
enough to stand without one. A valid SIRET is reported as FR_SIRET only, never also SIREN.
"""

from __future__ import annotations

import re

from fouille.detectors.base import Match, PatternDetector, Verdict
from fouille.detectors.fr.layout import (
    NUMBER_END,
    NUMBER_START,
    digit_groups,
    named_number,
    spaced_digits,
    strip_separators,
)
from stdnum.fr import siret

_OFFICIAL_LAYOUT = re.compile(r"^\d{3}([ .])\d{3}\1\d{3}\1?\d{5}$")


class FrSiretDetector(PatternDetector):
    name = "fr_siret"
    entity = "FR_SIRET"
    pattern = NUMBER_START + digit_groups(3, 3, 3, 5) + NUMBER_END
    named_pattern = named_number((r"siret",), spaced_digits(14))
    named_cues = ("siret",)
    prefilter = r"\d{3}[ .\pZ]?\d{3}[ .\pZ]?\d{3}[ .\pZ]?\d{5}|(?i:siret)"
    base_score = 0.4
    valid_score = 0.8
    context_boost = 0.2
    context_words = (
        "siret", "établissement", "etablissement", "n° siret", "nic", "siège", "siege social",
        "entreprise", "société", "fournisseur", "prestataire",
    )
    positive_examples = (
        "SIRET : 73282932000074",
        "732 829 320 00074",
        "La Poste, siret 356 000 000 00048",
        "SIRET 7 3 2 8 2 9 3 2 0 0 0 0 7 4",
        "n° SIRET : 7328 2932 0000 74",
    )
    negative_examples = (
        "SIRET : 73282932000075",
        "commande 73282932000074",
        "IBAN FR76 3000 6000 0112 3456 7890 189",
        "SIRET 7 3 2 8 2 9 3 2 0 0 0 0 7 5",
        "réf 7 3 2 8 2 9 3 2 0 0 0 0 7 4",
    )

    def find(self, text: str, hint: str | None = None) -> list[Match]:
        # Compact numbers stand only with context or a column hint; the official layout alone.
        return [
            m
            for m in super().find(text, hint)
            if len(m.evidence) > 1 or _OFFICIAL_LAYOUT.match(text[m.start : m.end])
        ]

    def validate(self, candidate: str) -> Verdict:
        return Verdict.VALID if siret.is_valid(strip_separators(candidate)) else Verdict.INVALID

    def normalize(self, candidate: str) -> str:
        return siret.compact(strip_separators(candidate))
