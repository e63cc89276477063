"""IBAN_CODE: SEPA IBANs, compact, spaced, dashed or lower case; mod-97 via python-stdnum.

On top of mod 97 (and python-stdnum's national checks where it has them), French
IBANs (and those of the territories and Monaco that share the French RIB) must carry
a valid RIB key: the two last BBAN digits, mod 97 over bank, branch and account.

The regex may run past the IBAN's end into following words or digits; the candidate
is cut to the country's IBAN length before it is validated.
"""

from __future__ import annotations

import re

from stdnum import iban as stdnum_iban

from detectors.base import PatternDetector, Verdict

# IBAN lengths of the SEPA countries (ISO 13616 registry).
IBAN_LENGTHS = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28,
    "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31,
    "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
    "VA": 22, "GF": 27, "GP": 27, "MQ": 27, "RE": 27, "PF": 27, "NC": 27, "YT": 27, "PM": 27,
    "BL": 27, "MF": 27, "WF": 27, "TF": 27,
}
_ALNUM = re.compile(r"[A-Za-z0-9]")
RIB_COUNTRIES = frozenset({"FR", "MC", "GF", "GP", "MQ", "RE", "PF", "NC", "YT", "PM", "BL", "MF", "WF", "TF"})
# Letters in a RIB account number stand for digits: A,J -> 1; B,K,S -> 2; ... I,R,Z -> 9.
_RIB_LETTERS = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "12345678912345678923456789")


def rib_key(bank: str, branch: str, account: str) -> str:
    """The French RIB key (2 digits) of a bank code, branch code and 11-character account."""
    total = 89 * int(bank) + 15 * int(branch) + 3 * int(account.upper().translate(_RIB_LETTERS))
    return f"{97 - total % 97:02d}"


def rib_key_valid(iban: str) -> bool:
    """True unless ``iban`` (compact) is French-RIB-shaped and its RIB key is wrong."""
    if iban[:2] not in RIB_COUNTRIES or len(iban) != 27:
        return True
    bban = iban[4:]
    if not (bban[:10].isdigit() and bban[21:].isdigit()):
        return False
    return rib_key(bban[:5], bban[5:10], bban[10:21]) == bban[21:]


def trim_to_iban(text: str, start: int, end: int) -> int | None:
    """End offset of the IBAN starting at ``start``, or ``None`` if too short."""
    expected = IBAN_LENGTHS.get(text[start : start + 2].upper())
    if expected is None:
        return None
    count = 0
    for pos in range(start, end):
        if _ALNUM.match(text[pos]):
            count += 1
            if count == expected:
                return pos + 1
    return None


class IbanDetector(PatternDetector):
    name = "iban"
    entity = "IBAN_CODE"
    pattern = r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ \-]?[A-Za-z0-9]){11,30}"
    prefilter = r"[A-Za-z]{2}\d{2}[ \-]?[A-Za-z0-9]{4}"
    base_score = 0.3
    valid_score = 1.0
    context_words = ("iban", "rib", "bic", "virement", "compte bancaire", "coordonnées bancaires")
    positive_examples = (
        "IBAN : FR76 3000 6000 0112 3456 7890 189",
        "virement sur fr7630006000011234567890189 merci",
        "DE89-3704-0044-0532-0130-00",
    )
    negative_examples = (
        "FR76 3000 6000 0112 3456 7890 188",
        "référence AB12 CDEF GHIJ KLMN",
    )

    def find(self, text: str, hint: str | None = None):
        # Trim each regex candidate to its country's length, then run the usual stages. The
        # regex may swallow words after a short look-alike ("FR91 852882000 Virement ... FR76"),
        # so a rejected candidate resumes the search at its next character, not at its end.
        matches, pos = [], 0
        text = text or ""
        while (m := self._compiled.search(text, pos)) is not None:
            end = trim_to_iban(text, m.start(), m.end())
            found = []
            if end is not None and not (end < len(text) and text[end].isdigit() and text[end - 1].isalnum()):
                found = [self._shift(f, m.start(), text, end) for f in super().find(text[m.start() : end], hint)]
            matches += found
            pos = max(f.end for f in found) if found else m.start() + 1
        return matches

    def _shift(self, found, offset, text, end):
        # Re-run context search on the full text: the slice lost what came before.
        from dataclasses import replace

        start = found.start + offset
        word = self.context_word(text, start, end)
        evidence = found.evidence
        if word and not any(e.startswith("context:") for e in evidence):
            evidence = evidence + (f"context:{word}",)
        return replace(found, start=start, end=found.end + offset, evidence=evidence)

    def validate(self, candidate: str) -> Verdict:
        if not stdnum_iban.is_valid(candidate):
            return Verdict.INVALID
        return Verdict.VALID if rib_key_valid(stdnum_iban.compact(candidate)) else Verdict.INVALID

    def normalize(self, candidate: str) -> str:
        return stdnum_iban.compact(candidate)
