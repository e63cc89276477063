"""LU_NATIONAL_ID: birth date, Luhn and Verhoeff digits (not in python-stdnum); with context."""

import random

import pytest
from stdnum import luhn, verhoeff

from fouille.detectors.eu.lu_national_id import LuNationalIdDetector, is_valid_lu_national_id
from eval.values_identifiers import lu_national_id

RNG = random.Random(352)
MATRICULE = lu_national_id(RNG)
BAD = lu_national_id(RNG, valid=False)


def spans(text, hint=None):
    return [text[m.start : m.end] for m in LuNationalIdDetector().find(text, hint)]


def test_both_check_digits_are_checked():
    base = "19830415123"
    good = base + luhn.calc_check_digit(base) + verhoeff.calc_check_digit(base)
    wrong_luhn = base + str((int(good[11]) + 1) % 10) + good[12]
    wrong_verhoeff = good[:12] + str((int(good[12]) + 1) % 10)
    assert is_valid_lu_national_id(good)
    assert not is_valid_lu_national_id(wrong_luhn) and not is_valid_lu_national_id(wrong_verhoeff)
    assert not is_valid_lu_national_id("19831315123" + good[11:])  # month 13
    assert not is_valid_lu_national_id("¹⁹⁸³⁰⁴¹⁵¹²³⁴⁵")


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"Matricule luxembourgeois : {MATRICULE}", MATRICULE),
        (
            f"n° CNS {MATRICULE[:4]} {MATRICULE[4:8]} {MATRICULE[8:11]} {MATRICULE[11:]}",
            f"{MATRICULE[:4]} {MATRICULE[4:8]} {MATRICULE[8:11]} {MATRICULE[11:]}",
        ),
    ],
)
def test_finds(text, expected):
    assert spans(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [f"Matricule : {BAD}", f"commande {MATRICULE}", f"affiliation CNS\nCommande {MATRICULE}"],
)
def test_rejects(text):
    assert spans(text) == []


def test_column_hint_replaces_context():
    assert spans(MATRICULE, hint="LU_NATIONAL_ID") == [MATRICULE]
