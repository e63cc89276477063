"""FR_RPPS: 11 digits starting 10, Luhn, only next to a health word or in a hinted column."""

import random

import pytest

from fouille.detectors.fr.rpps import FrRppsDetector
from eval.values_identifiers import rpps_number

RNG = random.Random(3)
RPPS = rpps_number(RNG)
BAD = rpps_number(RNG, valid=False)


def spans(text, hint=None):
    return [text[m.start : m.end] for m in FrRppsDetector().find(text, hint)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"Dr Martin, RPPS {RPPS}", RPPS),
        (
            f"Médecin prescripteur : {RPPS[:2]} {RPPS[2:5]} {RPPS[5:8]} {RPPS[8:]}",
            f"{RPPS[:2]} {RPPS[2:5]} {RPPS[5:8]} {RPPS[8:]}",
        ),
        (f"identifiant national 8{RPPS} (médecin traitant)", RPPS),
        (f"{RPPS} (RPPS)", RPPS),
    ],
)
def test_finds(text, expected):
    assert spans(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        f"RPPS {BAD}",
        f"commande {RPPS}",  # no context
        f"Dr Martin, commande {RPPS}",  # a reference word wins over the context
        f"facture {RPPS}\nRPPS {rpps_number(RNG)}",  # the word after names the next number
        "Dr Martin, tél. 01 99 00 12 34",
    ],
)
def test_rejects(text):
    found = spans(text)
    assert RPPS not in found and BAD not in found


def test_column_hint_replaces_context():
    assert spans(RPPS, hint="FR_RPPS") == [RPPS]
