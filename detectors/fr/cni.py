"""FR_CNI: French national identity card numbers, only next to a context word.

Two formats: the card issued until 2021 has 12 characters (year and month of issue,
3-character office code, 5-digit serial: ``880692310285``); the current card has 9
upper-case letters and digits (``X4RTBPFW4``). Neither has a checksum in the number
printed on the card, so a candidate stands only with context (carte d'identité, CNI)
or a column hint.
"""

from __future__ import annotations

import re

from fouille.detectors.base import Verdict
from fouille.detectors.identifier import IdentifierDetector

_OLD = re.compile(r"^\d{2}(?:0[1-9]|1[0-2])[0-9A-Z]{3}\d{5}$")
_NEW = re.compile(r"^(?=.*\d)(?=.*[A-Z])[A-Z0-9]{9}$")


class FrCniDetector(IdentifierDetector):
    name = "fr_cni"
    entity = "FR_CNI"
    pattern = r"(?<![\w])(?:\d{4}[0-9A-Z]{3}\d{5}|[A-Z0-9]{9})(?![\w])"
    prefilter = r"[0-9A-Z]{9}"
    min_digits = 1  # texts without such digits are skipped (fouille.detectors.identifier)
    needs_context = True
    base_score = 0.5
    context_boost = 0.35
    context_words = (
        "cni", "carte d'identité", "carte d’identité", "carte nationale d'identité",
        "pièce d'identité", "piece d'identite", "carte identité", "id card",
    )
    positive_examples = (
        "carte d'identité n° 880692310285",
        "CNI : X4RTBPFW4",
    )
    negative_examples = (
        "commande 880692310285",
        "CNI : 881392310285",
        "carte d'identité valable",
    )

    def validate(self, candidate: str) -> Verdict:
        if _OLD.match(candidate) or _NEW.match(candidate):
            return Verdict.UNCHECKED
        return Verdict.INVALID
