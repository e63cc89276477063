"""FR_RPPS: a health professional's RPPS number (11 digits, ``10`` then 8 digits and a Luhn key).

The Répertoire partagé des professionnels de santé gives every doctor, pharmacist,
midwife, nurse... an 11-digit number printed on prescriptions (``RPPS 10398259795``).
Luhn accepts one number in ten, so a candidate needs a context word (RPPS, médecin,
praticien, prescripteur...) or a column hint. French phones have 10 digits and never
line up with it; the national health identifier ``8`` + RPPS is read as the RPPS inside.
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
from stdnum import luhn


class FrRppsDetector(IdentifierDetector):
    name = "fr_rpps"
    entity = "FR_RPPS"
    # An optional leading 8 (the national identifier of the professional) is not part of the span.
    pattern = NUMBER_START + r"8?(?P<value>10(?:" + SEPARATOR + r"\d){9})" + NUMBER_END
    prefilter = r"(?i:\brpps\b)|" + r"10(?:" + SEPARATOR + r"\d){9}"
    min_digits = 11
    # Right after a word naming it, any spacing ("... 1 0 8 0 2 ..."): see fouille.detectors.fr.layout.
    named_pattern = named_number((r"rpps",), spaced_digits(11))
    named_cues = ("rpps",)
    needs_context = True
    base_score = 0.4
    valid_score = 0.6
    context_boost = 0.35
    context_words = (
        "rpps",
        "n° rpps",
        "numéro rpps",
        "identifiant rpps",
        "praticien",
        "médecin",
        "medecin",
        "docteur",
        "dr",
        "prescripteur",
        "prescrit par",
        "pharmacien",
        "pharmacienne",
        "infirmier",
        "infirmière",
        "kinésithérapeute",
        "kiné",
        "sage-femme",
        "chirurgien-dentiste",
        "dentiste",
        "professionnel de santé",
        "médecin traitant",
    )
    positive_examples = (
        "Dr Martin, RPPS 10398259795",
        "Médecin prescripteur : n° RPPS 10 190 748 334",
        "identifiant national 810788762325 (médecin traitant)",
        "RPPS 1 0 3 9 8 2 5 9 7 9 5",  # any spacing right after the naming word
    )
    negative_examples = (
        "RPPS 10398259796",  # wrong Luhn key
        "commande 10398259795",  # no context
        "Dr Martin, tél. 01 99 00 12 34",
    )

    def validate(self, candidate: str) -> Verdict:
        return Verdict.VALID if luhn.is_valid(self.normalize(candidate)) else Verdict.INVALID
