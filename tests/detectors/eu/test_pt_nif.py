"""PT_NIF: 9 digits, mod-11 check digit; only with context or a column hint."""

import random

import pytest

from fouille.detectors.eu.pt_nif import PtNifDetector
from eval.values_identifiers import pt_nif_number

RNG = random.Random(351)
NIF = pt_nif_number(RNG)
BAD = pt_nif_number(RNG, valid=False)
SPACED = f"{NIF[:3]} {NIF[3:6]} {NIF[6:]}"


def spans(text, hint=None):
    return [text[m.start : m.end] for m in PtNifDetector().find(text, hint)]


@pytest.mark.parametrize(
    "text, expected",
    [(f"NIF : {NIF}", NIF), (f"contribuinte {SPACED}", SPACED), (f"NIF PT {NIF}", f"PT {NIF}")],
)
def test_finds(text, expected):
    assert spans(text) == [expected]


@pytest.mark.parametrize("text", [f"NIF : {BAD}", f"colis {NIF}", f"NIF 0{NIF[1:]}", f"NIF {NIF}0"])
def test_rejects(text):
    assert spans(text) == []


def test_hash_form_drops_the_country_prefix():
    assert PtNifDetector().find(f"NIF PT {NIF}")[0].normalized == NIF
    assert spans(NIF, hint="PT_NIF") == [NIF]
