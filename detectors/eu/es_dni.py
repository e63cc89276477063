"""ES_DNI: the Spanish national identity number (DNI): 8 digits and a check letter.

The letter is the number modulo 23 mapped on ``TRWAGMYFPDXBNJZSQVHLCKE`` (python-stdnum
``es.dni``); written ``12345678Z``, ``12345678-Z`` or ``12.345.678-Z``. One random
letter in 23 passes and "8 digits and a letter" is a common reference shape, so a
candidate needs a context word (DNI, documento nacional de identidad...) or a column hint.
"""

from __future__ import annotations

import re

from fouille.detectors.base import Verdict
from fouille.detectors.identifier import DASH_OR_SEPARATOR, IdentifierDetector
from stdnum.es import dni


class EsDniDetector(IdentifierDetector):
    name = "es_dni"
    entity = "ES_DNI"
    prefilter = r"(?:\d{8}|\d{2}\.\d{3}\.\d{3})" + DASH_OR_SEPARATOR + "[A-Za-z]"
    pattern = r"(?<![\w.\-])" + prefilter + r"(?![\w\-])"
    flags = re.ASCII
    min_digits = 8
    needs_context = True
    base_score = 0.4
    valid_score = 0.6
    context_boost = 0.35
    context_words = (
        "dni",
        "d.n.i.",
        "documento nacional de identidad",
        "nif",
        "n.i.f.",
        "carte d'identité espagnole",
        "pièce d'identité espagnole",
        "identité espagnole",
        "espagnol",
        "espagnole",
        "espagne",
        "spanish id",
    )
    positive_examples = (
        "DNI : 56815188J",
        "salariée espagnole, DNI 68.469.788-F",
        "NIF 68469788-f",
    )
    negative_examples = (
        "DNI : 56815188K",  # wrong letter
        "commande 56815188J",  # no context
        "DNI 5681518J",  # 7 digits
    )

    def validate(self, candidate: str) -> Verdict:
        return Verdict.VALID if dni.is_valid(self.normalize(candidate)) else Verdict.INVALID
