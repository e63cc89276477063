"""LU_NATIONAL_ID: the Luxembourg national identification number (matricule), 13 digits.

Birth date ``YYYYMMDD``, a 3-digit serial, then two check digits over those eleven: a
Luhn digit and a Verhoeff digit (Règlement grand-ducal du 21 décembre 2013). python-stdnum
has no module for it: the two published checks are computed here with its ``luhn`` and
``verhoeff`` helpers. A date-led 13-digit number can be an order reference
(``2024031512345``) that passes one time in 100, so a candidate needs a context word
(matricule, CNS, Luxembourg...) or a column hint.
"""

from __future__ import annotations

import datetime

from fouille.detectors.base import Verdict
from fouille.detectors.fr.layout import (
    NUMBER_END,
    NUMBER_START,
    SEPARATOR,
    named_number,
    spaced_digits,
)
from fouille.detectors.identifier import IdentifierDetector
from stdnum import luhn, verhoeff


def is_valid_lu_national_id(number: str) -> bool:
    """Date, Luhn digit and Verhoeff digit of a compact 13-digit matricule."""
    if len(number) != 13 or not number.isdigit() or not number.isascii():
        return False
    try:
        datetime.date(int(number[:4]), int(number[4:6]), int(number[6:8]))
    except ValueError:
        return False
    base = number[:11]
    return (
        1900 <= int(number[:4]) <= datetime.date.today().year
        and luhn.calc_check_digit(base) == number[11]
        and verhoeff.calc_check_digit(base) == number[12]
    )


class LuNationalIdDetector(IdentifierDetector):
    name = "lu_national_id"
    entity = "LU_NATIONAL_ID"
    pattern = NUMBER_START + r"(?:19|20)\d{2}(?:" + SEPARATOR + r"\d){9}" + NUMBER_END
    prefilter = r"(?i:matricule|\bcns\b)|" + r"(?:19|20)\d{2}(?:" + SEPARATOR + r"\d){9}"
    min_digits = 13
    # Right after a word naming it, any spacing ("... 1 0 8 0 2 ..."): see fouille.detectors.fr.layout.
    named_pattern = named_number((r"matricule(?:\s+national)?", r"cns"), spaced_digits(13))
    named_cues = ("matricule", "cns")
    needs_context = True
    base_score = 0.4
    valid_score = 0.6
    context_boost = 0.35
    context_words = (
        "matricule",
        "matricule national",
        "numéro d'identification national",
        "numéro d'identification",
        "identifiant national",
        "numéro national",
        "cns",
        "ccss",
        "luxembourg",
        "luxembourgeois",
        "luxembourgeoise",
        "sécurité sociale luxembourgeoise",
        "lëtzebuerg",
    )
    positive_examples = (
        "Matricule luxembourgeois : 1952090952054",
        "frontalier, n° CNS 1970 1119 972 03",
        "matricule 1 9 5 2 0 9 0 9 5 2 0 5 4",  # any spacing right after the naming word
    )
    negative_examples = (
        "Matricule luxembourgeois : 1952090952055",  # wrong Verhoeff digit
        "commande 1952090952054",  # no context
        "matricule 1952133052054",  # month 13
    )

    def validate(self, candidate: str) -> Verdict:
        return (
            Verdict.VALID if is_valid_lu_national_id(self.normalize(candidate)) else Verdict.INVALID
        )
