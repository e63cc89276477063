"""CREDIT_CARD: payment card numbers of every current range, confirmed by Luhn.

A number must match an issuer's prefix *and* length (Visa, Mastercard 51-55 and
2221-2720, Amex, CB co-badged on Visa/Mastercard, Discover, JCB, Diners, Maestro):
a bare Luhn check would accept one random 14-digit number in ten.
"""

from __future__ import annotations

import re

from fouille.detectors.base import PatternDetector, Verdict
from stdnum import luhn

# (prefix ranges as (low, high) on the first N digits, allowed lengths)
ISSUER_RANGES: tuple[tuple[int, int, int, frozenset[int]], ...] = (
    # digits, low, high, lengths
    (1, 4, 4, frozenset({13, 16, 19})),  # Visa (and CB co-badged)
    (2, 51, 55, frozenset({16})),  # Mastercard
    (4, 2221, 2720, frozenset({16})),  # Mastercard 2-series
    (2, 34, 34, frozenset({15})),  # Amex
    (2, 37, 37, frozenset({15})),
    (4, 6011, 6011, frozenset({16, 19})),  # Discover
    (2, 65, 65, frozenset({16, 19})),
    (3, 644, 649, frozenset({16, 19})),
    (4, 3528, 3589, frozenset({16, 17, 18, 19})),  # JCB
    (2, 36, 36, frozenset({14})),  # Diners
    (3, 300, 305, frozenset({14})),
    # Maestro: 12-15 digit cards are no longer issued, and they collide with IBAN fragments.
    (2, 50, 50, frozenset({16, 17, 18, 19})),
    (2, 56, 58, frozenset({16, 17, 18, 19})),
    (2, 62, 62, frozenset({16, 17, 18, 19})),  # UnionPay
)


def card_layout(candidate: str) -> bool:
    """Cards are printed 4-4-4-4(-3), or 4-6-5 / 4-6-4 (Amex, Diners); a SIRET's 3-3-3-5 is not."""
    groups = [len(g) for g in re.split(r"[ \-]", candidate) if g]
    if len(groups) == 1:
        return True
    if groups[:2] == [4, 6] and len(groups) == 3 and groups[2] in (4, 5):
        return True
    return all(n == 4 for n in groups[:-1]) and 1 <= groups[-1] <= 4


def issuer_matches(digits: str) -> bool:
    return any(
        low <= int(digits[:n]) <= high and len(digits) in lengths
        for n, low, high, lengths in ISSUER_RANGES
    )


class CreditCardDetector(PatternDetector):
    name = "credit_card"
    entity = "CREDIT_CARD"
    # Not a digit group inside a longer run of groups (an IBAN's digits, a bank statement line).
    pattern = r"(?<![\w.,\-])(?<!\d[ \-])\d(?:[ \-]?\d){11,18}(?![\w]|[.,]\d|[ \-]\d)"
    prefilter = r"\d{4}[ \-]?\d{4,6}[ \-]?\d{4}"
    base_score = 0.3
    valid_score = 1.0
    context_words = ("carte", "cb", "visa", "mastercard", "amex", "card", "paiement", "n° de carte")
    positive_examples = (
        "carte 4970 1012 3456 7893 exp 12/27",
        "paid with 5136427712345678",
        "amex 3782 822463 10005",
    )
    negative_examples = (
        "carte 4970 1012 3456 7894",
        "SIRET 73282932000074",
        "0000 0000 0000 0000",
        "SIRET 300 000 000 00004",
    )

    def validate(self, candidate: str) -> Verdict:
        digits = re.sub(r"\D", "", candidate)
        if not card_layout(candidate) or not issuer_matches(digits) or not luhn.is_valid(digits):
            return Verdict.INVALID
        return Verdict.VALID

    def normalize(self, candidate: str) -> str:
        return re.sub(r"\D", "", candidate)

    def is_junk(self, candidate: str) -> bool:
        return len(set(re.sub(r"\D", "", candidate))) <= 2
