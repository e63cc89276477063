"""NL_BSN: 9 digits passing the 11-proof; only with context or a column hint."""

import random

import pytest
from stdnum.nl import bsn

from fouille.detectors.eu.nl_bsn import NlBsnDetector
from eval.values_identifiers import nl_bsn

RNG = random.Random(31)
BSN = nl_bsn(RNG)
BAD = nl_bsn(RNG, valid=False)


def spans(text, hint=None):
    return [text[m.start : m.end] for m in NlBsnDetector().find(text, hint)]


@pytest.mark.parametrize(
    "text, expected",
    [(f"BSN : {BSN}", BSN), (f"burgerservicenummer {bsn.format(BSN)}", bsn.format(BSN))],
)
def test_finds(text, expected):
    assert spans(text) == [expected]


@pytest.mark.parametrize(
    "text", [f"BSN : {BAD}", f"commande {BSN}", "BSN 000000000", f"SIREN {BSN}"]
)
def test_rejects(text):
    assert spans(text) == []


def test_column_hint_replaces_context():
    assert [m.normalized for m in NlBsnDetector().find(bsn.format(BSN), hint="NL_BSN")] == [BSN]
