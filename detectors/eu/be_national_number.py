"""BE_NATIONAL_NUMBER: the Belgian national register number (NN / NISS, and BIS numbers).

11 digits: birth date ``YYMMDD``, a 3-digit day counter, a 2-digit key (97 minus the
first nine digits modulo 97, with a leading 2 for people born since 2000), checked by
python-stdnum ``be.nn`` (``be.bis`` for BIS numbers, whose month is shifted by 20 or 40).
Written ``YY.MM.DD-NNN.KK`` on the identity card: that layout stands alone. Compact, the
number is any 11-digit reference that passes about one time in 250, so it needs a
context word (registre national, NISS...) or a column hint.
"""

from __future__ import annotations

import re

from fouille.detectors.base import Verdict
from fouille.detectors.fr.layout import (
    NUMBER_END,
    NUMBER_START,
    SEPARATOR,
    named_number,
    spaced_digits,
)
from fouille.detectors.identifier import DASH_OR_SEPARATOR, LayoutOrContext
from stdnum.be import bis, nn

_COUNTER_AND_KEY = DASH_OR_SEPARATOR + r"\d{3}" + SEPARATOR + r"\d{2}"
_CARD_LAYOUT = re.compile(r"^\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}$")


class BeNationalNumberDetector(LayoutOrContext):
    name = "be_national_number"
    entity = "BE_NATIONAL_NUMBER"
    pattern = NUMBER_START + r"\d{2}(?P<sep>\.?)\d{2}(?P=sep)\d{2}" + _COUNTER_AND_KEY + NUMBER_END
    prefilter = (
        r"(?i:\bniss\b|registre national|rijksregister|\binsz\b)|"
        + r"\d{2}\.?\d{2}\.?\d{2}"
        + _COUNTER_AND_KEY
    )
    min_digits = 11
    # Right after a word naming it, any spacing ("... 1 0 8 0 2 ..."): see fouille.detectors.fr.layout.
    named_pattern = named_number(
        (r"niss", r"registre\s+national", r"rijksregisternummer", r"insz"), spaced_digits(11)
    )
    named_cues = ("niss", "registre national", "rijksregister", "insz")
    base_score = 0.4
    valid_score = 0.6
    context_boost = 0.35
    context_words = (
        "registre national",
        "numéro national",
        "numero national",
        "n° national",
        "numéro de registre national",
        "niss",
        "nn",
        "rrn",
        "insz",
        "rijksregisternummer",
        "rijksregister",
        "numéro bis",
        "belge",
        "belgique",
        "identifiant belge",
    )
    positive_examples = (
        "N° registre national : 57061781313",
        "Carte d'identité belge 88.10.18-698.01",
        "salarié frontalier, NISS 57.06.17-813.13",
        "NISS 5706 1781 313",  # any spacing right after the naming word
    )
    negative_examples = (
        "N° registre national : 57061781314",  # wrong key
        "commande 57061781313",  # compact, no context
        "88.13.18-698.01",  # month 13
    )

    def validate(self, candidate: str) -> Verdict:
        number = self.normalize(candidate)
        return Verdict.VALID if nn.is_valid(number) or bis.is_valid(number) else Verdict.INVALID

    def stands_alone(self, candidate: str) -> bool:
        return bool(_CARD_LAYOUT.match(candidate))
