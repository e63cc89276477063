"""PHONE_NUMBER: French numbers however people type them, overseas departments, international ones.

Candidates (one regex): a French national number (``0`` and 9 digits) or ``+33`` / ``0033`` /
``(+33)`` and 9 digits (with ``(0)`` or a stray trunk ``0``), the digits grouped in any way with
one kind of separator (blanks including no-break spaces, ``.``, ``-``, ``/``), possibly glued
after letters (``tel:06…``, ``au06…``); and ``+CC`` / ``00CC`` international numbers.

Reading (``read_french``): the overseas departments' blocks written as French numbers
(``0692 …`` La Réunion) get their own E.164 (``+262692…``), like ``+262 692 …``; the others
are checked against phonenumbers' French metadata (``is_valid_french``, no parsing). A
French-shaped number outside the plan is still somebody's number: reported at a lower
score with evidence ``outside-numbering-plan`` when it is laid out as a phone or named by a
context word or the column. International numbers must be valid for phonenumbers. A
country word before a national number (``portable belge 0470 …``) reads it in that plan.

Never a date, an amount, a reference, a SIRET or IBAN fragment, an IP address: the digits must
not continue a longer number (``_fits_text``), one kind of separator only, no date layout.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

import phonenumbers

from detectors import masking
from detectors.base import Match, PatternDetector, Verdict, fold, lower_cached

DEFAULT_REGION = "FR"
OUTSIDE_PLAN = "outside-numbering-plan"
# Words that name a reference number: "colis 0612345678" is a parcel, not a phone.
REFERENCE_WORDS = re.compile(
    r"(?<!\w)(?:ref|reference|commande|cmd|colis|facture|ticket|dossier|suivi|order|invoice"
    r"|contrat|client n|n° client|bon|lot|serie|transaction|tracking|compte n|n° de compte"
    r"|numero de compte|adherent|matricule|police|sinistre|avis|siret|siren|iban|rib|bic"
    r"|expedition|envoi|recu|quittance|echeance|prelevement|mandat|rum|code|identifiant|id|isbn"
    r"|issn|ean|imei|iccid|pin|puk|numero client|num client)(?![^\W\d_])[^\d]{0,12}$"
)
# ARCEP plan: the blocks of the overseas departments inside the 10-digit French plan
# (Guadeloupe and the islands, Réunion, Mayotte, Guyane, Martinique), read in these regions.
OVERSEAS_BLOCKS = ("262", "263", "269", "639", "692", "693", "590", "690", "691", "594", "694",
                   "596", "696", "697", "709")
OVERSEAS_REGIONS = ("RE", "YT", "GP", "GF", "MQ")
_OVERSEAS_CODES = ("262", "590", "594", "596")
# A word naming a country before a national number: read it in that country's plan.
COUNTRY_WORDS = {
    "belge": "BE", "belgique": "BE", "suisse": "CH", "luxembourg": "LU", "luxembourgeois": "LU",
    "allemand": "DE", "allemagne": "DE", "espagnol": "ES", "espagne": "ES", "italien": "IT",
    "italie": "IT", "portugais": "PT", "portugal": "PT", "anglais": "GB", "britannique": "GB",
    "royaume-uni": "GB", "uk": "GB", "marocain": "MA", "maroc": "MA", "tunisien": "TN",
    "tunisie": "TN", "algerien": "DZ", "algerie": "DZ", "senegalais": "SN", "senegal": "SN",
    "canadien": "CA", "canada": "CA", "quebec": "CA", "neerlandais": "NL", "pays-bas": "NL",
}
_COUNTRY_RE = re.compile(
    r"(?<!\w)(" + "|".join(sorted(map(re.escape, COUNTRY_WORDS), key=len, reverse=True))
    + r")(?:ne|e|s|es)?(?!\w)"
)

# Substrings of lower-cased text that every country word above contains (accented or not).
_COUNTRY_STEMS = re.compile(
    "belg|suisse|luxemb|allema|espagn|itali|portug|angl|britan|royaume|uk|maroc|tunisi|alg|gal"
    "|canad|bec|erland|pays-bas"
)


# -- Reading a number ----------------------------------------------------------------------------
NumberDesc = tuple[str, tuple[int, ...]]  # a national-number pattern and its possible lengths


@cache
def number_rules(region: str = DEFAULT_REGION) -> tuple[NumberDesc, tuple[NumberDesc, ...]]:
    """What ``phonenumbers`` asks of a national significant number of ``region`` to call it valid.

    ``(general, types)``: the number must match the general description and at least one
    number type (fixed line, mobile, VoIP...); each is a (pattern, possible lengths) pair
    read from phonenumbers' own metadata, so the columnar path follows the same rules.
    """
    from phonenumbers.phonemetadata import PhoneMetadata

    metadata = PhoneMetadata.metadata_for_region(region)
    kinds = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager",
             "uan", "voicemail", "fixed_line", "mobile")
    descs = [getattr(metadata, kind) for kind in kinds]
    types = tuple((d.national_number_pattern, tuple(d.possible_length)) for d in descs
                  if d is not None and d.national_number_pattern)
    general = metadata.general_desc
    return (general.national_number_pattern, tuple(general.possible_length)), types


def french_number_rules() -> tuple[NumberDesc, tuple[NumberDesc, ...]]:
    """``number_rules`` of France (the columnar path's French validity)."""
    return number_rules(DEFAULT_REGION)


@cache
def _validators(region: str) -> tuple[tuple[re.Pattern, tuple[int, ...]], ...]:
    general, types = number_rules(region)
    return tuple((re.compile(pattern), lengths) for pattern, lengths in (general, *types))


def is_valid_in(region: str, national: str) -> bool:
    """``phonenumbers.is_valid_number`` for a national significant number of ``region``, from
    the same metadata (general description, then any number type), without parsing: ~20
    times faster."""
    (general, general_lengths), *types = _validators(region)
    if len(national) not in general_lengths or not general.fullmatch(national):
        return False
    return any(len(national) in lengths and pattern.fullmatch(national) for pattern, lengths in types)


def is_valid_french(national: str) -> bool:
    """``phonenumbers.is_valid_number`` for a French national number (``is_valid_in("FR", …)``)."""
    return is_valid_in(DEFAULT_REGION, national)


@cache
def _country_code(region: str) -> int:
    return phonenumbers.country_code_for_region(region)


_FRENCH_DIGITS = re.compile(r"(?:(?:\+|00)(33|262|590|594|596)0?|0)([1-9][0-9]{8})")
_NOT_DIGIT_OR_PLUS = re.compile(r"\(0\)|[^0-9+]")


def french_national_number(candidate: str) -> str | None:
    """The 9-digit national number of a French spelling (``06 12..``, ``+33 (0)6..``), else None.

    ``+262`` / ``+590`` / ``+594`` / ``+596`` count only before an overseas block
    (``+262 692 …``): those numbers are French numbers written internationally.
    """
    match = _FRENCH_DIGITS.fullmatch(_NOT_DIGIT_OR_PLUS.sub("", candidate))
    if match is None:
        return None
    code, national = match.groups()
    if code in _OVERSEAS_CODES and national[:3] not in OVERSEAS_BLOCKS:
        return None
    return national


@lru_cache(maxsize=8192)
def read_french(national: str) -> tuple[str, bool]:
    """``(E.164, in the plan)`` of a 9-digit French national number.

    Overseas blocks valid in their department's plan take its country code; any other
    number is ``+33`` (in the plan or not: a number the person gave is their number).
    """
    if national[:3] in OVERSEAS_BLOCKS:
        for region in OVERSEAS_REGIONS:
            if is_valid_in(region, national):
                return f"+{_country_code(region)}{national}", True
    return "+33" + national, is_valid_french(national)


def _international(value: str, region: str) -> str | None:
    """E.164 of a number phonenumbers calls valid (``00`` read as ``+``), else None."""
    value = value.strip()
    if value.startswith("(+"):
        value = value.replace(")", "", 1)[1:]
    if value.startswith("00"):
        value = "+" + value[2:]
    try:
        number = phonenumbers.parse(value.replace("(0)", ""), region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=8192)
def normalize_phone(value: str, region: str = DEFAULT_REGION) -> str | None:
    """The E.164 form the scan's findings use for a number as someone typed it, else ``None``.

    Lenient: any French-shaped number (in the plan or not, overseas included: ``0692 03 10 02``
    and ``+262 692 03 10 02`` give ``+262692031002``) and any valid international number;
    national numbers of another country with its ``region``.
    """
    if not isinstance(value, str) or not value.strip() or len(value) > 64:
        return None
    national = french_national_number(value)
    if national is not None and (region.upper() == DEFAULT_REGION or value.lstrip()[:1] in "+("
                                 or value.lstrip().startswith("00")):
        return read_french(national)[0]
    return _international(value, region)


def phone_in_plan(value: str, region: str = DEFAULT_REGION) -> bool:
    """Whether a number is allocated in its numbering plan (a DSAR may warn when it is not)."""
    national = french_national_number(value) if isinstance(value, str) else None
    if national is not None and region.upper() == DEFAULT_REGION:
        return read_french(national)[1]
    return normalize_phone(value, region) is not None


@lru_cache(maxsize=8192)
def parse_phone(value: str, region: str = DEFAULT_REGION) -> phonenumbers.PhoneNumber | None:
    """The number ``normalize_phone`` accepts, parsed; ``None`` if it is not a phone number.

    The result is shared between callers (cached): do not modify it.
    """
    e164 = normalize_phone(value, region) if isinstance(value, str) else None
    return phonenumbers.parse(e164) if e164 else None


# -- Finding numbers in text -------------------------------------------------------------------
_BLANK = r"[^\S\r\n]"  # any blank but a line break: no-break (U+00A0) and narrow (U+202F) too
_SEP = rf"(?:{_BLANK}|[./\-])"
_NINE = rf"[1-9](?:{_SEP}?[0-9]){{8}}"
_FR_INTERNATIONAL = rf"(?:\(\+33\)|\+\(33\)|(?:\+|00){_BLANK}?33)(?:{_SEP}?\(0\)|{_SEP}?0)?{_SEP}?{_NINE}"
_FR_NATIONAL = rf"0{_SEP}?{_NINE}"
_OTHER_INTERNATIONAL = (
    rf"(?:\(\+[1-9][0-9]{{0,2}}\)|(?:\+{_BLANK}?|00)(?!33)[1-9][0-9]{{0,2}})"
    rf"(?:{_SEP}?(?:\([0-9]{{1,4}}\)|[0-9]{{1,4}})){{2,6}}"
)
_ANY_BLANK = re.compile(_BLANK)
# Another country's national number (trunk 0, 8 to 13 digits), read only after a country word.
_OTHER_NATIONAL = re.compile(rf"(?=0)(?<![0-9+])0[1-9](?:{_SEP}?[0-9]){{6,11}}(?![0-9])")
_DATE_LAYOUT = re.compile(r"(?:0[1-9]|[12][0-9]|3[01])\D(?:0[1-9]|1[0-2])\D(?:19|20)[0-9]{2}")
_TOKEN_CHAR = re.compile(r"[^\W_]")
_JOINED_WORD = re.compile(r"([^\W\d_]+)[\-_#]$")
_PHONE_WORDS = frozenset({"tel", "tl", "fax", "gsm", "mob", "mobile", "port", "portable", "fixe", "phone"})


def _separators(candidate: str) -> set[str]:
    """The separators between the digits of the subscriber part (blanks count as one kind)."""
    digits = [i for i, ch in enumerate(candidate) if ch.isdigit()]
    body = candidate[digits[-9] if len(digits) >= 9 else 0 : digits[-1]]
    return {" " if _ANY_BLANK.match(ch) else ch for ch in body if not ch.isdigit()}


def _fits_text(text: str, start: int, end: int) -> bool:
    """The candidate is a whole number of its own: not the middle of a longer digit run in the
    same layout, not a decimal, not inside a hexadecimal or alphanumeric token."""
    candidate = text[start:end]
    seps = _separators(candidate)
    if len(seps) > 1:
        return False
    sep = next(iter(seps), "")
    after = text[end : end + 3]
    if after[:1] in (".", ",") and after[1:2].isdigit():
        return False
    if sep and len(after) > 1 and after[1].isdigit() and (
            after[0] == sep or (sep == " " and _ANY_BLANK.match(after[0]))):
        return False
    before = text[max(0, start - 2) : start]
    if sep and len(before) == 2 and before[0].isdigit() and (
            before[1] == sep or (sep == " " and _ANY_BLANK.match(before[1]))):
        return False
    joined = _JOINED_WORD.search(text, max(0, start - 20), start)
    if joined and fold(joined.group(1)) not in _PHONE_WORDS:
        return False  # "SN-0612…", "REF_0612…": a code, unless the word names a phone (tel-06…)
    pos = start
    while pos > 0 and _TOKEN_CHAR.match(text[pos - 1]):
        pos -= 1
        if text[pos].isdigit():
            return False  # glued after letters is fine (tel:06…), after "a3f" it is a token
    return True


class PhoneDetector(PatternDetector):
    name = "phone"
    entity = "PHONE_NUMBER"
    pattern = (
        # The lookahead first lets the regex engine skip to a "0", "+" or "(" (3 times faster).
        rf"(?=[0+(])(?<![0-9+])(?:{_FR_INTERNATIONAL}|{_FR_NATIONAL}|{_OTHER_INTERNATIONAL})(?![0-9])"
    )
    # RE2, for the columnar full-mode path: a cell that is one French number and nothing else
    # (the back-reference spelled out per separator), which ``find`` matches whole.
    cell_pattern = (
        r"^\s*(?:(?:\+|00)33[ .\-]?(?:\(0\)[ .\-]?)?[1-9]|0[1-9])"
        + "(?:" + "|".join(rf"(?:{sep}\d{{2}}){{4}}" for sep in ("", " ", r"\.", "-")) + r")\s*$"
    )
    # RE2 shape of the candidates: +/00 then a digit, or 0X and eight more digits, separated.
    prefilter = r"(?:\+|00)[\s\pZ]?\(?\d|\(\+\d|0[\s\pZ./\-]?[1-9](?:[\s\pZ./\-]?\d){8}"
    base_score = 0.4
    valid_score = 0.9
    validation_label = "valid in the numbering plan (phonenumbers)"
    weak_score = 0.4
    context_words = (
        "tél", "tel", "téléphone", "telephone", "portable", "mobile", "fixe", "appeler",
        "appelez", "joindre", "numéro", "phone", "standard", "gsm", "whatsapp", "sms", "port",
        "ligne", "rappeler", "rappelez", "contact", "joignable", "fax", "cell", "mob", "tél.",
    )
    positive_examples = (
        "Appelez-moi au 06 12 34 56 78 demain",
        "tél. 06.12.34.56.78",
        "portable: 0612345678",
        "+33 6 12 34 56 78",
        "+33 (0)1 42 68 53 00",
        "0033 1 42 68 53 00",
        "call +44 20 7946 0958",
        "joignable au\u00a006\u00a012\u00a034\u00a056\u00a078",
        "standard 01 4812 5590",
        "rappeler au06 12 34 56 78",
        "tél. Réunion 0692 03 10 02",
    )
    negative_examples = (
        "rendez-vous le 06/12/2023 à 10:30",
        "IBAN FR76 3000 6000 0112 3456 7890 189",
        "SIRET 732 829 320 00074",
        "serveur 192.168.10.12",
        "montant 1 234,56 EUR",
        "commande 2023-0612-3456",
        "Référence colis 0612345678, poids 2 kg",
        "le 06 12 2023 10:30",
        "créneau 14h30-16h00",
        "suivi 0612 3456 7890 12",
        "token a3f0612345678",
    )

    def find(self, text: str, hint: str | None = None) -> list[Match]:
        if not text:
            return []
        found = [
            m for m in super().find(text, hint)
            if _fits_text(text, m.start, m.end) and not self.names_a_reference(text, m)
            and not (OUTSIDE_PLAN in m.evidence and not self._named_or_laid_out(text, m))
        ]
        if not _COUNTRY_STEMS.search(lower_cached(text)):
            return found  # the common case, cheaply: no country named anywhere
        found = [self._read_in_country(text, m) for m in found]
        return found + self._foreign_nationals(text, found, hint)

    def _foreign_nationals(self, text: str, found: list[Match], hint: str | None) -> list[Match]:
        """National numbers of another shape (``0151 2345678``) after a country word naming them."""
        extra = []
        for m in _OTHER_NATIONAL.finditer(text):
            start, end = m.span()
            if any(start < f.end and f.start < end for f in found) or not _fits_text(text, start, end):
                continue
            words = _COUNTRY_RE.search(fold(text[max(0, start - 40) : start]))
            e164 = words and _international(m.group(), COUNTRY_WORDS[words.group(1)])
            if not e164 or self.names_a_reference(text, Match(start, end, self.entity, 0, self.name)):
                continue
            scored = self.score_candidate(Verdict.VALID, self.context_word(text, start, end),
                                          hint == self.entity)
            score, evidence = scored or (self.valid_score, ("checksum",))
            extra.append(Match(start, end, self.entity, score, self.name,
                               evidence + (f"region:{COUNTRY_WORDS[words.group(1)]}",),
                               self.mask(m.group()), e164))
        return extra

    @staticmethod
    def names_a_reference(text: str, match: Match) -> bool:
        """A number right after a reference word (``colis``, ``commande``), outside a phone column."""
        if "column-name" in match.evidence:
            return False
        return REFERENCE_WORDS.search(fold(text[max(0, match.start - 30) : match.start])) is not None

    @staticmethod
    def _named_or_laid_out(text: str, match: Match) -> bool:
        """A number outside the plan stands with a context word, a column hint, or a phone layout."""
        if len(match.evidence) > 1:
            return True
        candidate = text[match.start : match.end]
        return bool(_separators(candidate)) or candidate.lstrip().startswith(("+", "("))

    def _read_in_country(self, text: str, match: Match) -> Match:
        """A national number after a country word (``portable belge``) read in that plan."""
        candidate = text[match.start : match.end]
        if not candidate.startswith("0") or candidate.startswith("00"):
            return match
        words = _COUNTRY_RE.search(fold(text[max(0, match.start - 40) : match.start]))
        if words is None:
            return match
        region = COUNTRY_WORDS[words.group(1)]
        e164 = _international(candidate, region)
        if e164 is None:
            return match
        evidence = tuple(e for e in match.evidence if e != OUTSIDE_PLAN) + (f"region:{region}",)
        return replace(match, normalized=e164, evidence=evidence,
                       score=max(match.score, self.valid_score))

    def validate(self, candidate: str) -> Verdict:
        national = french_national_number(candidate)
        if national is not None:
            valid = read_french(national)[1]
        else:
            valid = _international(candidate, DEFAULT_REGION) is not None
        return Verdict.VALID if valid else Verdict.INVALID

    def weak_evidence(self, candidate: str) -> str | None:
        national = french_national_number(candidate)
        return OUTSIDE_PLAN if national is not None and not read_french(national)[1] else None

    def normalize(self, candidate: str) -> str:
        return normalize_phone(candidate) or candidate

    def mask(self, candidate: str) -> str:
        return masking.mask_phone(candidate)

    def is_junk(self, candidate: str) -> bool:
        digits = [c for c in candidate if c.isdigit()]
        if len(set(digits[1:])) <= 1:
            return True
        return _DATE_LAYOUT.match(candidate.lstrip("(+")) is not None
