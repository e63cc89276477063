"""ES_NIE: the Spanish foreigner's identity number (NIE): X, Y or Z, 7 digits, a check letter.

The check letter is computed like the DNI's with X, Y, Z read as 0, 1, 2 (python-stdnum
``es.nie``). A leading X/Y/Z, seven digits and a matching letter rarely happen by chance
(one random letter in 23 on an already rare shape): the candidate stands alone; a context
word (NIE, número de identidad de extranjero) makes it certain.
"""

from __future__ import annotations

import re

from fouille.detectors.base import Verdict
from fouille.detectors.identifier import DASH_OR_SEPARATOR, IdentifierDetector
from stdnum.es import nie


class EsNieDetector(IdentifierDetector):
    name = "es_nie"
    entity = "ES_NIE"
    prefilter = "[XYZxyz]" + DASH_OR_SEPARATOR + r"\d{7}" + DASH_OR_SEPARATOR + "[A-Za-z]"
    pattern = r"(?<![\w\-])" + prefilter + r"(?![\w\-])"
    flags = re.ASCII
    min_digits = 7
    base_score = 0.4
    valid_score = 0.7
    context_boost = 0.25
    context_words = (
        "nie",
        "n.i.e.",
        "número de identidad de extranjero",
        "numero de identidad de extranjero",
        "número de extranjero",
        "tarjeta de residencia",
        "espagne",
        "espagnol",
        "espagnole",
        "nif",
        "spanish",
    )
    positive_examples = (
        "NIE : Y4729405K",
        "résident en Espagne, X-9320819-T",
        "x9320819t",
    )
    negative_examples = (
        "NIE : Y4729405L",  # wrong letter
        "ticket Y47294051",
        "W4729405K",
    )

    def validate(self, candidate: str) -> Verdict:
        return Verdict.VALID if nie.is_valid(self.normalize(candidate)) else Verdict.INVALID
