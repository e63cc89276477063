"""FR_NIF: 13 digits, key mod 511; the tax-notice layout stands alone, others need context."""

import random

import pytest

from fouille.detectors.fr.nif import FrNifDetector
from eval.values import space_groups
from eval.values_identifiers import nif_number

RNG = random.Random(15)
NIF = nif_number(RNG)
BAD = nif_number(RNG, valid=False)
NOTICE = space_groups(NIF, (2, 2, 3, 3, 3))


def spans(text, hint=None):
    return [text[m.start : m.end] for m in FrNifDetector().find(text, hint)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"N° fiscal : {NOTICE}", NOTICE),
        (f"Déclarant 1 - numéro fiscal {NIF}", NIF),
        (f"SPI {space_groups(NIF, (4, 4, 5))}", space_groups(NIF, (4, 4, 5))),
        (f"Identifiant : {NOTICE}.", NOTICE),  # the notice layout needs no word
    ],
)
def test_finds(text, expected):
    assert spans(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        f"N° fiscal : {BAD}",
        f"code {NIF}",  # compact with no context: any 13-digit code
        f"EAN {NOTICE}",  # a reference word vetoes even the notice layout
        f"n° fiscal : 9{NIF[1:]}",  # no tax number starts with 9
        f"numéro fiscal {NIF}7",  # part of a longer number
    ],
)
def test_rejects(text):
    assert spans(text) == []


def test_column_hint_and_hash_form():
    (match,) = FrNifDetector().find(NIF, hint="FR_NIF")
    assert "column-name" in match.evidence and match.normalized == NIF
    assert FrNifDetector().find(NOTICE)[0].normalized == NIF
