"""PHONE_NUMBER: French numbers in every usual spelling, and international ones with ``+``.

Candidates: ``0X XX XX XX XX`` with one consistent separator (so IBAN and SIRET
fragments, dates and amounts do not line up), ``+33``/``0033`` with optional ``(0)``,
and ``+CC ...``. Validation: ``phonenumbers`` (region FR) must call it a valid number.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

from detectors import masking
from detectors.base import Match, PatternDetector, Verdict, fold

DEFAULT_REGION = "FR"
# Words that name a reference number: "colis 0612345678" is a parcel, not a phone.
REFERENCE_WORDS = re.compile(
    r"(?<!\w)(?:ref|reference|commande|cmd|colis|facture|ticket|dossier|suivi|order|invoice"
    r"|contrat|client n|n° client|bon|lot|serie|transaction)(?!\w)[^\d]{0,12}$"
)


@lru_cache(maxsize=8192)  # validate() then normalize() parse the same candidate: parse once
def parse_phone(value: str, region: str = DEFAULT_REGION) -> phonenumbers.PhoneNumber | None:
    """Parse a phone number in any usual format; ``None`` if it is not a valid number.

    The result is shared between callers (cached): do not modify it.
    """
    if not isinstance(value, str) or not value.strip() or len(value) > 64:
        return None
    try:
        number = phonenumbers.parse(value.replace("(0)", ""), region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def normalize_phone(value: str, region: str = DEFAULT_REGION) -> str | None:
    """E.164 form (``+33612345678``) of a valid number, else ``None``."""
    number = parse_phone(value, region)
    if number is None:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class PhoneDetector(PatternDetector):
    name = "phone"
    entity = "PHONE_NUMBER"
    pattern = (
        r"(?<![\w+/])(?<!\d[.\-])(?<!\d )(?:"
        r"(?:\+|00)33[ .\-]?(?:\(0\)[ .\-]?)?[1-9](?P<sep1>[ .\-]?)\d{2}(?:(?P=sep1)\d{2}){3}"
        r"|0[1-9](?P<sep2>[ .\-]?)\d{2}(?:(?P=sep2)\d{2}){3}"
        r"|\+(?!33)[1-9]\d{0,2}(?:[ .\-]?(?:\(\d{1,4}\)|\d{1,4})){2,6}"
        r")(?![\w]|[.\-/,]\d)"
    )
    # RE2 shape of the candidates (no back-references): +/00 then a digit, or 0X and four pairs.
    prefilter = r"(?:\+|\b00)\d|\b0[1-9](?:[ .\-]?\d{2}){4}"
    base_score = 0.4
    valid_score = 0.9
    context_words = (
        "tél", "tel", "téléphone", "telephone", "portable", "mobile", "fixe", "appeler",
        "appelez", "joindre", "numéro", "phone", "standard", "gsm", "whatsapp", "sms",
    )
    positive_examples = (
        "Appelez-moi au 06 12 34 56 78 demain",
        "tél. 06.12.34.56.78",
        "portable: 0612345678",
        "+33 6 12 34 56 78",
        "+33 (0)1 42 68 53 00",
        "0033 1 42 68 53 00",
        "call +44 20 7946 0958",
    )
    negative_examples = (
        "rendez-vous le 06/12/2023 à 10:30",
        "IBAN FR76 3000 6000 0112 3456 7890 189",
        "SIRET 732 829 320 00074",
        "serveur 192.168.10.12",
        "montant 1 234,56 EUR",
        "commande 2023-0612-3456",
        "Référence colis 0612345678, poids 2 kg",
    )

    def find(self, text: str, hint: str | None = None) -> list[Match]:
        return [m for m in super().find(text, hint) if not self.names_a_reference(text, m)]

    @staticmethod
    def names_a_reference(text: str, match: Match) -> bool:
        """A number right after a reference word (``colis``, ``commande``), outside a phone column."""
        if "column-name" in match.evidence:
            return False
        return REFERENCE_WORDS.search(fold(text[max(0, match.start - 30) : match.start])) is not None

    def validate(self, candidate: str) -> Verdict:
        return Verdict.VALID if parse_phone(candidate) is not None else Verdict.INVALID

    def normalize(self, candidate: str) -> str:
        return normalize_phone(candidate) or candidate

    def mask(self, candidate: str) -> str:
        return masking.mask_phone(candidate)

    def is_junk(self, candidate: str) -> bool:
        digits = [c for c in candidate if c.isdigit()]
        return len(set(digits[1:])) <= 1
