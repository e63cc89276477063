"""DE_TAX_ID: 11 digits, one repeated digit, mod 11,10; only with context or a column hint."""

import random

import pytest
from stdnum.de import idnr

from fouille.detectors.eu.de_tax_id import DeTaxIdDetector
from eval.values_identifiers import de_tax_id

RNG = random.Random(49)
IDNR = de_tax_id(RNG)
BAD = de_tax_id(RNG, valid=False)


def spans(text, hint=None):
    return [text[m.start : m.end] for m in DeTaxIdDetector().find(text, hint)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"Steuer-ID : {idnr.format(IDNR)}", idnr.format(IDNR)),
        (f"salarié allemand, IdNr {IDNR}", IDNR),
    ],
)
def test_finds(text, expected):
    assert spans(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [f"Steuer-ID : {BAD}", f"commande {IDNR}", "Steuer-ID : 11 111 111 111", f"IdNr 0{IDNR[1:]}"],
)
def test_rejects(text):
    assert spans(text) == []


def test_column_hint_replaces_context():
    assert spans(IDNR, hint="DE_TAX_ID") == [IDNR]
