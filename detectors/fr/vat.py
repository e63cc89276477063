"""FR_VAT: the French intra-community VAT number, ``FR`` + 2-character key + SIREN.

Any case and spacing (``FR 40 303 265 045``, ``fr40303265045``). python-stdnum checks
the key (numeric mod 97 or the newer alphanumeric keys) and the SIREN inside.
The span covers the whole number including ``FR``.
"""

from __future__ import annotations

import re

from fouille.detectors.base import PatternDetector, Verdict
from fouille.detectors.fr.layout import (
    LOOSE_SEPARATOR,
    NUMBER_END,
    named_number,
    spaced_digits,
    strip_separators,
)
from stdnum.fr import tva

_SEP = r"[ .\-]?"


class FrVatDetector(PatternDetector):
    name = "fr_vat"
    entity = "FR_VAT"
    pattern = (
        r"(?<![\w])FR" + _SEP + r"[0-9A-HJ-NP-Z]{2}" + _SEP
        + _SEP.join([r"\d{3}"] * 3) + NUMBER_END
    )
    flags = re.IGNORECASE
    named_pattern = named_number(
        (r"tva(?:\s+intra-?communautaire)?", r"vat", r"intra-?communautaire"),
        rf"FR{LOOSE_SEPARATOR}[0-9A-HJ-NP-Z]{LOOSE_SEPARATOR}[0-9A-HJ-NP-Z]{LOOSE_SEPARATOR}"
        + spaced_digits(9),
    )
    named_cues = ("tva", "vat", "intra")
    prefilter = r"[Ff][Rr][ .\pZ\-]?[0-9A-Za-z]{2}[ .\pZ\-]?\d{3}|(?i:tva|vat|intra)"
    base_score = 0.4
    valid_score = 0.95
    context_boost = 0.05
    context_words = ("tva", "vat", "tva intracommunautaire", "n° tva", "numéro de tva", "intracom")
    positive_examples = (
        "TVA intracommunautaire : FR 40 303 265 045",
        "vat fr40303265045",
        "N° TVA FR-40-303-265-045",
        "TVA FR 40 3032 650 45",
    )
    negative_examples = (
        "TVA FR 41 303 265 045",
        "FR76 3000 6000 0112 3456 7890 189",
        "ref FR12 345",
    )

    def validate(self, candidate: str) -> Verdict:
        return Verdict.VALID if tva.is_valid(strip_separators(candidate)) else Verdict.INVALID

    def normalize(self, candidate: str) -> str:
        return "FR" + tva.compact(strip_separators(candidate))
