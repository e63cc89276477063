"""IBAN_CODE: SEPA IBANs, compact, spaced, dashed or lower case; mod-97 via python-stdnum.

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
        # Trim each regex candidate to its country's length, then run the usual stages.
        matches = []
        for m in self._compiled.finditer(text or ""):
            end = trim_to_iban(text, m.start(), m.end())
            if end is None or (end < len(text) and _ALNUM.match(text[end]) and text[end - 1].isalnum()
                               and text[end].isdigit()):
                continue
            for found in super().find(text[m.start() : end], hint):
                matches.append(self._shift(found, m.start(), text, end))
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
        return Verdict.VALID if stdnum_iban.is_valid(candidate) else Verdict.INVALID

    def normalize(self, candidate: str) -> str:
        return stdnum_iban.compact(candidate)
