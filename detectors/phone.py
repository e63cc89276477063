"""PHONE_NUMBER: French numbers in every usual spelling, and international ones with ``+``.

Candidates: ``0X XX XX XX XX`` with one consistent separator (so IBAN and SIRET
fragments, dates and amounts do not line up), ``+33``/``0033`` with optional ``(0)``,
and ``+CC ...``. Validation: ``phonenumbers`` (region FR) must call it a valid number.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

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


# The French spellings' heads: +33 / 0033 (optional "(0)") then the first digit, or 0X.
_FR_INTERNATIONAL = r"(?:\+|00)33[ .\-]?(?:\(0\)[ .\-]?)?[1-9]"
_FR_NATIONAL = r"0[1-9]"
NumberDesc = tuple[str, tuple[int, ...]]  # a national-number pattern and its possible lengths


@cache
def french_number_rules() -> tuple[NumberDesc, tuple[NumberDesc, ...]]:
    """What ``phonenumbers`` asks of a French national significant number to call it valid.

    ``(general, types)``: the number must match the general description and at least one
    number type (fixed line, mobile, VoIP...); each is a (pattern, possible lengths) pair
    read from phonenumbers' own metadata, so the columnar path follows the same rules.
    """
    from phonenumbers.phonemetadata import PhoneMetadata

    metadata = PhoneMetadata.metadata_for_region(DEFAULT_REGION)
    kinds = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager",
             "uan", "voicemail", "fixed_line", "mobile")
    descs = [getattr(metadata, kind) for kind in kinds]
    types = tuple((d.national_number_pattern, tuple(d.possible_length)) for d in descs
                  if d is not None and d.national_number_pattern)
    general = metadata.general_desc
    return (general.national_number_pattern, tuple(general.possible_length)), types


_FRENCH_DIGITS = re.compile(r"(?:(?:\+|00)33|0)([1-9]\d{8})")
_SEPARATORS = re.compile(r"[ .\-]|\(0\)")


@cache
def _french_validators() -> tuple[tuple[re.Pattern, tuple[int, ...]], ...]:
    general, types = french_number_rules()
    return tuple((re.compile(pattern), lengths) for pattern, lengths in (general, *types))


def french_national_number(candidate: str) -> str | None:
    """The 9-digit national number of a French spelling (``06 12..``, ``+33 (0)6..``), else None."""
    match = _FRENCH_DIGITS.fullmatch(_SEPARATORS.sub("", candidate))
    return match.group(1) if match else None


def is_valid_french(national: str) -> bool:
    """``phonenumbers.is_valid_number`` for a French national number, from the same metadata
    (general description, then any number type), without parsing: ~20 times faster."""
    (general, general_lengths), *types = _french_validators()
    if len(national) not in general_lengths or not general.fullmatch(national):
        return False
    return any(len(national) in lengths and pattern.fullmatch(national) for pattern, lengths in types)


class PhoneDetector(PatternDetector):
    name = "phone"
    entity = "PHONE_NUMBER"
    pattern = (
        r"(?<![\w+/])(?<!\d[.\-])(?<!\d )(?:"
        + _FR_INTERNATIONAL + r"(?P<sep1>[ .\-]?)\d{2}(?:(?P=sep1)\d{2}){3}"
        r"|" + _FR_NATIONAL + r"(?P<sep2>[ .\-]?)\d{2}(?:(?P=sep2)\d{2}){3}"
        r"|\+(?!33)[1-9]\d{0,2}(?:[ .\-]?(?:\(\d{1,4}\)|\d{1,4})){2,6}"
        r")(?![\w]|[.\-/,]\d)"
    )
    # RE2, for the columnar full-mode path: a cell that is one French number and nothing else
    # (the back-reference spelled out per separator), which ``find`` matches whole.
    cell_pattern = (
        rf"^\s*(?:{_FR_INTERNATIONAL}|{_FR_NATIONAL})"
        + "(?:" + "|".join(rf"(?:{sep}\d{{2}}){{4}}" for sep in ("", " ", r"\.", "-")) + r")\s*$"
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
        national = french_national_number(candidate)
        valid = is_valid_french(national) if national else parse_phone(candidate) is not None
        return Verdict.VALID if valid else Verdict.INVALID

    def normalize(self, candidate: str) -> str:
        national = french_national_number(candidate)
        if national and is_valid_french(national):
            return "+33" + national
        return normalize_phone(candidate) or candidate

    def mask(self, candidate: str) -> str:
        return masking.mask_phone(candidate)

    def is_junk(self, candidate: str) -> bool:
        digits = [c for c in candidate if c.isdigit()]
        return len(set(digits[1:])) <= 1
