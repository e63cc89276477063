"""FR_SIRET: Luhn with La Poste's rule, context for compact numbers, FR_SIRET only."""

import pytest

from fouille.detectors.fr.siret import FrSiretDetector
from fouille.detectors.detection import detect_many as detect_texts
from eval.values import space_groups, with_luhn

SIRET = with_luhn(with_luhn("73282932") + "0007")
LA_POSTE = "35600000000048"  # La Poste's head office, python-stdnum's documented sample  fouille: ignore
BAD = SIRET[:-1] + str((int(SIRET[-1]) + 1) % 10)


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"SIRET : {SIRET}", SIRET),
        (space_groups(SIRET, (3, 3, 3, 5)), space_groups(SIRET, (3, 3, 3, 5))),
        (f"La Poste, siret {space_groups(LA_POSTE, (3, 3, 3, 5))}", space_groups(LA_POSTE, (3, 3, 3, 5))),
        (f"n° SIRET:{SIRET}.", SIRET),
    ],
)
def test_finds_siret(text, expected):
    assert [text[m.start : m.end] for m in FrSiretDetector().find(text)] == [expected]


@pytest.mark.parametrize("text", [f"SIRET : {BAD}", f"commande {SIRET}", f"réf {SIRET}0"])
def test_rejects(text):
    assert FrSiretDetector().find(text) == []


def test_siret_is_only_a_siret():
    text = f"SIREN et SIRET : {space_groups(SIRET, (3, 3, 3, 5))}"
    found = detect_texts([text], use_nlp=False)[0]
    assert [(m.entity, text[m.start : m.end]) for m in found] == [("FR_SIRET", space_groups(SIRET, (3, 3, 3, 5)))]
