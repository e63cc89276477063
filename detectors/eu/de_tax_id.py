"""DE_TAX_ID: the German personal tax number (steuerliche Identifikationsnummer, IdNr).

11 digits, no leading zero; among the first ten exactly one digit occurs two or three
times; the last is an ISO 7064 mod 11,10 check digit (python-stdnum ``de.idnr``).
About one random 11-digit number in 30 passes, so a candidate needs a context word
(Steuer-ID, IdNr, identifiant fiscal allemand...) or a column hint.
"""

from __future__ import annotations

from fouille.detectors.base import Verdict
from fouille.detectors.fr.layout import (
    NUMBER_END,
    NUMBER_START,
    SEPARATOR,
    named_number,
    spaced_digits,
)
from fouille.detectors.identifier import IdentifierDetector
from stdnum.de import idnr


class DeTaxIdDetector(IdentifierDetector):
    name = "de_tax_id"
    entity = "DE_TAX_ID"
    # 86 477 593 124 (the official grouping), compact, or any grouping.
    pattern = NUMBER_START + r"[1-9](?:" + SEPARATOR + r"\d){10}" + NUMBER_END
    prefilter = (
        r"(?i:steuer|\bidnr\b|identifikationsnummer)|" + r"[1-9](?:" + SEPARATOR + r"\d){10}"
    )
    min_digits = 11
    # Right after a word naming it, any spacing ("... 1 0 8 0 2 ..."): see fouille.detectors.fr.layout.
    named_pattern = named_number(
        (r"steuer-?id(?:nr)?", r"idnr", r"(?:steuer)?identifikationsnummer"), spaced_digits(11)
    )
    named_cues = ("steuer", "idnr", "identifikationsnummer")
    needs_context = True
    base_score = 0.4
    valid_score = 0.6
    context_boost = 0.35
    context_words = (
        "steuer-id",
        "steuer id",
        "steuerid",
        "steuer-idnr",
        "steuerliche identifikationsnummer",
        "identifikationsnummer",
        "idnr",
        "id-nr",
        "steueridentifikationsnummer",
        "identifiant fiscal allemand",
        "numéro fiscal allemand",
        "numéro d'identification fiscale",
        "allemand",
        "allemande",
        "allemagne",
        "tax id",
        "tin",
    )
    positive_examples = (
        "Steuer-ID : 86 477 593 124",
        "salarié allemand, IdNr 40891593260",
        "Steuer-ID 8 6 4 7 7 5 9 3 1 2 4",  # any spacing right after the naming word
    )
    negative_examples = (
        "Steuer-ID : 86 477 593 125",  # wrong check digit
        "commande 86477593124",  # no context
        "Steuer-ID : 11 111 111 111",
    )

    def validate(self, candidate: str) -> Verdict:
        return Verdict.VALID if idnr.is_valid(self.normalize(candidate)) else Verdict.INVALID
