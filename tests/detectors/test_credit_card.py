"""CREDIT_CARD: issuer ranges and Luhn; not SIRETs, not IBAN fragments."""

import pytest

from fouille.detectors.credit_card import CreditCardDetector
from eval.values import space_groups, with_luhn

VISA = with_luhn("497010123456789")
MC2 = with_luhn("222100000000000")
AMEX = with_luhn("37828224631000")


@pytest.mark.parametrize(
    "shown",
    [space_groups(VISA, (4, 4, 4, 4)), VISA, space_groups(MC2, (4, 4, 4, 4), "-"), space_groups(AMEX, (4, 6, 5))],
)
def test_finds(shown):
    text = f"carte {shown} exp 12/27"
    assert [text[m.start : m.end] for m in CreditCardDetector().find(text)] == [shown]


@pytest.mark.parametrize(
    "text",
    [
        f"carte {VISA[:-1]}{(int(VISA[-1]) + 1) % 10}",
        f"SIRET {space_groups(with_luhn('3000000000000'), (3, 3, 3, 5))}",
        f"IBAN FR76 {space_groups(with_luhn('644000000000000'), (4, 4, 4, 4))} 5571 237",
        "0000 0000 0000 0000",
    ],
)
def test_rejects(text):
    assert CreditCardDetector().find(text) == []
