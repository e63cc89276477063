"""ES_NIE: X/Y/Z, 7 digits and a mod-23 letter; stands alone."""

import random

import pytest

from fouille.detectors.eu.es_nie import EsNieDetector
from eval.values_identifiers import es_nie

RNG = random.Random(35)
NIE = es_nie(RNG)
BAD = es_nie(RNG, valid=False)


def spans(text, hint=None):
    return [text[m.start : m.end] for m in EsNieDetector().find(text, hint)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"NIE : {NIE}", NIE),
        (NIE.lower(), NIE.lower()),
        (f"{NIE[0]}-{NIE[1:8]}-{NIE[8]}", f"{NIE[0]}-{NIE[1:8]}-{NIE[8]}"),
    ],
)
def test_finds(text, expected):
    assert spans(text) == [expected]


@pytest.mark.parametrize("text", [f"NIE : {BAD}", f"W{NIE[1:]}", f"ref {NIE}", f"{NIE}7"])
def test_rejects(text):
    assert spans(text) == []
