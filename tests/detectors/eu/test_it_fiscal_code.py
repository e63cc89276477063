"""IT_FISCAL_CODE: 16 characters, birth date and check letter; stands alone."""

import random

import pytest

from fouille.detectors.eu.it_fiscal_code import ItFiscalCodeDetector
from eval.values_identifiers import it_fiscal_code

RNG = random.Random(39)
CODE = it_fiscal_code(RNG)
BAD = it_fiscal_code(RNG, valid=False)


def spans(text, hint=None):
    return [text[m.start : m.end] for m in ItFiscalCodeDetector().find(text, hint)]


@pytest.mark.parametrize(
    "text, expected",
    [(f"Codice fiscale : {CODE}", CODE), (CODE, CODE), (f"cf {CODE.lower()}", CODE.lower())],
)
def test_finds(text, expected):
    assert spans(text) == [expected]


@pytest.mark.parametrize(
    "text", [f"Codice fiscale : {BAD}", "ABCDEFGHIJKLMNOP", f"X{CODE}", f"{CODE}1"]
)
def test_rejects(text):
    assert spans(text) == []


def test_hash_form_is_upper_case():
    assert ItFiscalCodeDetector().find(CODE.lower())[0].normalized == CODE
