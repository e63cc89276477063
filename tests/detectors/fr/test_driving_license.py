"""FR_DRIVING_LICENSE: NEPH and card numbers, when the nearest naming word is the licence's."""

import pytest

from fouille.detectors.fr.driving_license import FrDrivingLicenseDetector

# Made-up numbers in the two formats (no checksum exists to make them "valid").
NEPH = "210692106990"  # fouille: ignore
CARD = "13AB00002"  # fouille: ignore


def spans(text, hint=None):
    return [text[m.start : m.end] for m in FrDrivingLicenseDetector().find(text, hint)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"Permis de conduire n° {NEPH} délivré en préfecture", NEPH),
        (f"N° de permis : {CARD}", CARD),
        # Made-up NEPH, passport and identity card numbers (no checksum to make them valid).
        ("code NEPH 12 03 2B 123 456", "12 03 2B 123 456"),  # fouille: ignore
        (f"passeport 09AA12345, permis de conduire n° {CARD}", CARD),  # fouille: ignore
        (f"CNI n° 880692310285 et permis de conduire n° {NEPH}", NEPH),  # fouille: ignore
    ],
)
def test_finds(text, expected):
    assert spans(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        f"commande {NEPH}",
        f"permis de construire n° {NEPH}",
        f"permis de conduire et passeport : {CARD}",  # the passport's word is nearer
        "permis n° 211392106990",  # month 13
        f"Permis de conduire joint. Dossier {NEPH}",
    ],
)
def test_rejects(text):
    assert spans(text) == []


def test_column_hint_replaces_context():
    assert spans(CARD, hint="FR_DRIVING_LICENSE") == [CARD]
