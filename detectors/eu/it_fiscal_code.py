"""IT_FISCAL_CODE: the Italian codice fiscale of a person, 16 characters.

Three consonants of the surname, three of the given name, birth year, month letter,
day (plus 40 for women), the birthplace's cadastral code and a check letter (python-stdnum
``it.codicefiscale``, which also checks the birth date and accepts the "omocodia"
variants where digits are replaced by letters). The structure and the check letter
make it distinctive: it stands alone. A code whose seven digits were all replaced by
letters (never seen in practice: omocodia replaces the rightmost first) is not looked for. The 11-digit codice fiscale of companies is their
VAT number and is not reported here.
"""

from __future__ import annotations

import re

from fouille.detectors.base import Verdict
from fouille.detectors.identifier import IdentifierDetector
from stdnum.it import codicefiscale

_D = "[0-9LMNPQRSTUV]"  # a digit, or its omocodia letter


class ItFiscalCodeDetector(IdentifierDetector):
    name = "it_fiscal_code"
    entity = "IT_FISCAL_CODE"
    pattern = rf"(?<![\w])[A-Z]{{6}}{_D}{{2}}[ABCDEHLMPRST]{_D}{{2}}[A-Z]{_D}{{3}}[A-Z](?![\w])"
    flags = re.ASCII | re.IGNORECASE
    prefilter = r"[A-Za-z]{6}[0-9A-Za-z]{2}[A-Za-z][0-9A-Za-z]{2}[A-Za-z][0-9A-Za-z]{3}[A-Za-z]"
    min_digits = 1
    prefilter_ignore_case = False
    base_score = 0.4
    valid_score = 0.9
    context_boost = 0.1
    context_words = (
        "codice fiscale",
        "codice",
        "cf",
        "c.f.",
        "code fiscal",
        "code fiscal italien",
        "italien",
        "italienne",
        "italie",
        "tessera sanitaria",
    )
    positive_examples = (
        "Codice fiscale : HMLCLZ87P16G897E",
        "salarié italien LMDMZF57S63Z784L",
        "cf lmdmzf57s63z784l",
    )
    negative_examples = (
        "Codice fiscale : HMLCLZ87P16G897F",  # wrong check letter
        "HMLCLZ87P46G897E",  # day 46 - 40 = 6 but the letter no longer matches
        "ABCDEFGHIJKLMNOP",
    )

    def validate(self, candidate: str) -> Verdict:
        number = self.normalize(candidate)
        if len(number) != 16:
            return Verdict.INVALID
        return Verdict.VALID if codicefiscale.is_valid(number) else Verdict.INVALID
