"""FR_NIR: every usual spelling, Corsica, context, and bad keys never reported."""

import pytest

from fouille.detectors.fr.nir import FrNirDetector
from eval.values import space_groups, with_nir_key

VALID = with_nir_key("2951099126111")
CORSICA = with_nir_key("253072B073004")
SPACED = space_groups(VALID, (1, 2, 2, 2, 3, 3, 2))


def bad_key(number: str) -> str:
    return number[:-2] + f"{(int(number[-2:]) + 1) % 97:02d}"


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"n° de sécu : {SPACED}", SPACED),
        (f"NIR {VALID}", VALID),
        (f"num sécu {space_groups(VALID, (1, 2, 2, 2, 3, 3, 2), '.')}", space_groups(VALID, (1, 2, 2, 2, 3, 3, 2), ".")),
        (f"carte vitale {space_groups(CORSICA, (1, 2, 2, 2, 3, 3, 2))}", space_groups(CORSICA, (1, 2, 2, 2, 3, 3, 2))),
        (f"{VALID}", VALID),
    ],
)
def test_finds_nir(text, expected):
    found = FrNirDetector().find(text)
    assert [text[m.start : m.end] for m in found] == [expected]
    assert found[0].normalized == VALID.replace(" ", "") or found[0].normalized == CORSICA


@pytest.mark.parametrize(
    "text",
    [
        f"n° de sécu : {bad_key(VALID)}",
        f"facture {bad_key(CORSICA)}",
        f"IBAN FR76 {VALID[:4]} {VALID[4:8]} {VALID[8:12]}",
        f"commande {VALID}1",  # 16 digits: not a NIR
        "",
    ],
)
def test_rejects_look_alikes(text):
    assert FrNirDetector().find(text) == []


def test_context_raises_score():
    bare = FrNirDetector().find(VALID)[0]
    with_context = FrNirDetector().find(f"n° de sécurité sociale {VALID}")[0]
    assert bare.score < with_context.score == 1.0
    assert "context:securite sociale" in with_context.evidence
