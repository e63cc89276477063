"""FR_NIF: the French tax number of a person (numéro fiscal de référence, SPI), 13 digits.

Printed on every tax notice (``N° fiscal : 10 80 230 025 042``). The first digit is
0 to 3 and the last three are the first ten modulo 511 (python-stdnum ``fr.nif``), so a
random 13-digit number passes about one time in 2,500. Written as on tax notices
(``10 80 230 025 042``) it stands alone; compact or grouped otherwise, it is as likely an
EAN code or an order number, and needs a context word (numéro fiscal, SPI, impôts) or a
column hint. A NIR (15 characters) or a SIRET (14 digits) never yields one: candidates
never start or end inside a number.
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
from fouille.detectors.identifier import LayoutOrContext
from stdnum.fr import nif

_NOTICE_LAYOUT = re.compile(r"^\d{2}([^\S\n])\d{2}\1\d{3}\1\d{3}\1\d{3}$")  # blanks of one kind


class FrNifDetector(LayoutOrContext):
    name = "fr_nif"
    entity = "FR_NIF"
    # Any grouping of the 13 digits: 10 80 230 025 042, 3023 2176 00053, compact.
    pattern = NUMBER_START + r"[0-3]\d(?:" + SEPARATOR + r"\d){11}" + NUMBER_END
    prefilter = r"(?i:fiscal|\bspi\b|\bnif\b)|" + r"[0-3]\d(?:" + SEPARATOR + r"\d){11}"
    min_digits = 13
    # Right after a word naming it, any spacing ("... 1 0 8 0 2 ..."): see fouille.detectors.fr.layout.
    named_pattern = named_number(
        (r"num[ée]ro\s+fiscal", r"n°\s*fiscal", r"identifiant\s+fiscal", r"spi", r"nif"),
        spaced_digits(13),
    )
    named_cues = ("fiscal", "spi", "nif")
    base_score = 0.4
    valid_score = 0.75
    context_boost = 0.25
    context_words = (
        "numéro fiscal",
        "numero fiscal",
        "n° fiscal",
        "no fiscal",
        "nif",
        "spi",
        "identifiant fiscal",
        "numéro fiscal de référence",
        "numéro d'identification fiscale",
        "impôts",
        "impots",
        "impôt",
        "avis d'impôt",
        "avis d'imposition",
        "déclarant",
        "déclarants",
        "declarant",
        "dgfip",
        "taxe d'habitation",
        "taxe foncière",
        "prélèvement à la source",
    )
    positive_examples = (
        "N° fiscal : 10 80 230 025 042",
        "Déclarant 1 - numéro fiscal 1157546453126",
        "spi=1553486397407",
        "11 57 546 453 126",
        "N° fiscal : 1 0 8 0 2 3 0 0 2 5 0 4 2",  # any spacing right after the naming word
    )
    negative_examples = (
        "N° fiscal : 10 80 230 025 043",  # wrong key
        "code EAN 4006381333931",  # starts with 4: no tax number does
        "1080230025042",  # compact with no context: any 13-digit code
        "n° de sécu : 2 95 10 99 126 111 93",  # a NIR
    )

    def stands_alone(self, candidate: str) -> bool:
        return bool(_NOTICE_LAYOUT.match(candidate))

    def validate(self, candidate: str) -> Verdict:
        return Verdict.VALID if nif.is_valid(self.normalize(candidate)) else Verdict.INVALID
