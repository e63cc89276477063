"""ES_DNI: 8 digits and a mod-23 letter, only with a context word or a column hint."""

import random

import pytest

from fouille.detectors.eu.es_dni import EsDniDetector
from eval.values_identifiers import es_dni

RNG = random.Random(34)
DNI = es_dni(RNG)
BAD = es_dni(RNG, valid=False)
DOTTED = f"{DNI[:2]}.{DNI[2:5]}.{DNI[5:8]}-{DNI[8]}"


def spans(text, hint=None):
    return [text[m.start : m.end] for m in EsDniDetector().find(text, hint)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"DNI : {DNI}", DNI),
        (f"salariée espagnole, DNI {DOTTED}", DOTTED),
        (f"NIF {DNI[:8]}-{DNI[8].lower()}", f"{DNI[:8]}-{DNI[8].lower()}"),
    ],
)
def test_finds(text, expected):
    assert spans(text) == [expected]


@pytest.mark.parametrize(
    "text", [f"DNI : {BAD}", f"commande {DNI}", f"DNI {DNI[1:]}", f"DNI {DNI}X"]
)
def test_rejects(text):
    assert spans(text) == []


def test_column_hint_replaces_context():
    assert [m.normalized for m in EsDniDetector().find(DOTTED, hint="ES_DNI")] == [DNI]
