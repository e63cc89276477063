"""NL_BSN: the Dutch citizen service number (burgerservicenummer, BSN), 9 digits.

The "11-proof": 9, 8, ... 2 times the first eight digits minus the last is divisible by
11 (python-stdnum ``nl.bsn``). About one random 9-digit number in 11 passes, as many as
SIRENs, so a candidate needs a context word (BSN, burgerservicenummer, sofinummer) or a
column hint.
"""

from __future__ import annotations

from fouille.detectors.base import Verdict
from fouille.detectors.fr.layout import (
    NUMBER_END,
    NUMBER_START,
    digit_groups,
    named_number,
    spaced_digits,
)
from fouille.detectors.identifier import IdentifierDetector
from stdnum.nl import bsn

_SHAPE = r"\d{4}\.\d{2}\.\d{3}|" + digit_groups(3, 3, 3)  # 3627.01.076, 362 701 076


class NlBsnDetector(IdentifierDetector):
    name = "nl_bsn"
    entity = "NL_BSN"
    pattern = NUMBER_START + "(?:" + _SHAPE + ")" + NUMBER_END
    prefilter = r"(?i:\bbsn\b|burgerservicenummer|sofinummer)|" + _SHAPE
    min_digits = 9
    # Right after a word naming it, any spacing ("... 1 0 8 0 2 ..."): see fouille.detectors.fr.layout.
    named_pattern = named_number((r"bsn", r"burgerservicenummer", r"sofinummer"), spaced_digits(9))
    named_cues = ("bsn", "burgerservicenummer", "sofinummer")
    needs_context = True
    base_score = 0.4
    valid_score = 0.6
    context_boost = 0.35
    context_words = (
        "bsn",
        "burgerservicenummer",
        "burger service nummer",
        "sofinummer",
        "sofi-nummer",
        "sofi",
        "numéro bsn",
        "citizen service number",
        "néerlandais",
        "néerlandaise",
        "pays-bas",
    )
    positive_examples = (
        "BSN : 362701076",
        "salarié néerlandais, burgerservicenummer 9819.33.191",
        "BSN 3 6 2 7 0 1 0 7 6",  # any spacing right after the naming word
    )
    negative_examples = (
        "BSN : 362701077",  # fails the 11-proof
        "commande 362701076",  # no context
        "BSN 000000000",
    )

    def validate(self, candidate: str) -> Verdict:
        return Verdict.VALID if bsn.is_valid(self.normalize(candidate)) else Verdict.INVALID

    def normalize(self, candidate: str) -> str:
        return bsn.compact(super().normalize(candidate))
