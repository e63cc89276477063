"""CH_AVS: the Swiss social insurance number (AVS / AHV, NAVS13): ``756.7973.0911.43``.

13 digits: 756 (Switzerland's ISO country code), 9 digits, an EAN-13 check digit
(python-stdnum ``ch.ssn``). The 756 prefix and the check digit make it distinctive:
it stands alone in its dotted layout or compact; a context word makes it certain.
"""

from __future__ import annotations

from fouille.detectors.base import Verdict
from fouille.detectors.fr.layout import (
    NUMBER_END,
    NUMBER_START,
    SEPARATOR,
    digit_groups,
    named_number,
    spaced_digits,
)
from fouille.detectors.identifier import IdentifierDetector
from stdnum.ch import ssn

_SHAPE = "756" + SEPARATOR + digit_groups(4, 4, 2)


class ChAvsDetector(IdentifierDetector):
    name = "ch_avs"
    entity = "CH_AVS"
    pattern = NUMBER_START + _SHAPE + NUMBER_END
    prefilter = r"(?i:\bn?avs|\bahv\b)|" + _SHAPE
    min_digits = 13
    # Right after a word naming it, any spacing ("... 1 0 8 0 2 ..."): see fouille.detectors.fr.layout.
    named_pattern = named_number((r"avs", r"ahv", r"navs(?:13)?"), spaced_digits(13))
    named_cues = ("avs", "ahv")
    base_score = 0.4
    valid_score = 0.8
    context_boost = 0.2
    context_words = (
        "avs",
        "ahv",
        "n° avs",
        "numéro avs",
        "numero avs",
        "navs",
        "navs13",
        "avs/ahv",
        "ahv-nummer",
        "sozialversicherungsnummer",
        "assurance vieillesse",
        "suisse",
        "sécurité sociale suisse",
        "numéro d'assuré",
    )
    positive_examples = (
        "N° AVS : 756.7973.0911.43",
        "frontalier suisse, AHV 7561707536450",
        "756.1707.5364.50",
        "AVS 7 5 6 7 9 7 3 0 9 1 1 4 3",  # any spacing right after the naming word
    )
    negative_examples = (
        "N° AVS : 756.7973.0911.44",  # wrong check digit
        "code EAN 7567973091143 0",  # part of a longer number
        "N° AVS : 757.7973.0911.43",  # not Swiss
    )

    def validate(self, candidate: str) -> Verdict:
        return Verdict.VALID if ssn.is_valid(self.normalize(candidate)) else Verdict.INVALID
