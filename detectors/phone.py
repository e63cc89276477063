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

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from fouille.detectors import masking
from fouille.detectors.base import Match, PatternDetector, Verdict, fold, lower_cached
from fouille.detectors.phone_plan import (
    DEFAULT_REGION,
    french_national_number,
    international_e164,
    normalize_phone,
    read_french,
)

OUTSIDE_PLAN = "outside-numbering-plan"
# Words that name a reference number: "colis 0612345678" is a parcel, not a phone.
REFERENCE_WORDS = re.compile(
    r"(?<!\w)(?:ref|reference|commande|cmd|colis|facture|ticket|dossier|suivi|order|invoice"
    r"|contrat|client n|n° client|bon|lot|serie|transaction|tracking|compte n|n° de compte"
    r"|numero de compte|adherent|matricule|police|sinistre|avis|siret|siren|iban|rib|bic"
    r"|expedition|envoi|recu|quittance|echeance|prelevement|mandat|rum|code|identifiant|id|isbn"
    r"|issn|ean|imei|iccid|pin|puk|numero client|num client)(?![^\W\d_])[^\d]{0,12}$"
)
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
            e164 = words and international_e164(m.group(), COUNTRY_WORDS[words.group(1)])
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
        e164 = international_e164(candidate, region)
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
            valid = international_e164(candidate, DEFAULT_REGION) is not None
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

    @staticmethod
    def junk_cells(digits: pa.Array) -> np.ndarray:
        """``is_junk`` in Arrow, on the digits of cells of the whole-cell shape (no date fits it):
        every digit after the first is the same one."""
        same = r"^\d(?:" + "|".join(f"{d}+" for d in range(10)) + ")$"
        return pc.fill_null(pc.match_substring_regex(digits, same), False).to_numpy(zero_copy_only=False)
