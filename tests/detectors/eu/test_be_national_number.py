"""BE_NATIONAL_NUMBER: mod-97 key and birth date; the card layout alone, compact with context."""

import random

import pytest
from stdnum.be import nn

from fouille.detectors.eu.be_national_number import BeNationalNumberDetector
from eval.values_identifiers import be_national_number

RNG = random.Random(32)
NUMBER = be_national_number(RNG)
CARD = nn.format(NUMBER)  # YY.MM.DD-NNN.KK
BAD = be_national_number(RNG, valid=False)


def spans(text, hint=None):
    return [text[m.start : m.end] for m in BeNationalNumberDetector().find(text, hint)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"N° registre national : {NUMBER}", NUMBER),
        (f"Carte d'identité {CARD}", CARD),
        (CARD, CARD),
        (
            f"NISS {NUMBER[:6]} {NUMBER[6:9]} {NUMBER[9:]}",
            f"{NUMBER[:6]} {NUMBER[6:9]} {NUMBER[9:]}",
        ),
    ],
)
def test_finds(text, expected):
    assert spans(text) == [expected]


def test_born_since_2000_key():
    base = "050312123"
    number = base + f"{97 - int('2' + base) % 97:02d}"
    assert spans(f"NISS {number}") == [number]


@pytest.mark.parametrize(
    "text",
    [
        f"N° registre national : {BAD}",
        f"commande {NUMBER}",
        f"Transaction {CARD}",
        "88.13.18-698.01",
    ],
)
def test_rejects(text):
    assert spans(text) == []


def test_column_hint_and_hash_form():
    (match,) = BeNationalNumberDetector().find(NUMBER, hint="BE_NATIONAL_NUMBER")
    assert match.normalized == NUMBER == BeNationalNumberDetector().find(CARD)[0].normalized
