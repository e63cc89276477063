"""FR_LICENSE_PLATE: SIV and FNI plates; the dashed SIV layout alone, anything else with context."""

import pytest

from fouille.detectors.fr.plate import FrLicensePlateDetector


def spans(text, hint=None):
    return [text[m.start : m.end] for m in FrLicensePlateDetector().find(text, hint)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le véhicule GH-482-KT a été flashé.", "GH-482-KT"),
        ("vu GH-482-KT au parking", "GH-482-KT"),  # the official layout stands alone
        ("immat : fd 318 zb", "fd 318 zb"),
        ("plaque FD318ZB", "FD318ZB"),
        ("Avis de contravention : plaque 4721 BX 69", "4721 BX 69"),
        ("véhicule 612 ABC 2A", "612 ABC 2A"),
        ("véhicule 88 XY 974", "88 XY 974"),
        ("immatriculation provisoire WW-123-AB", "WW-123-AB"),  # temporary: still a keeper's
    ],
)
def test_finds(text, expected):
    assert spans(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "réf. GH-482-KT, 3 unités",
        "Article GH-482-KT - 12,00 EUR",
        "Plaque SS-482-KT",
        "Plaque GH-482-SS",
        "immat : AB-000-CD",
        "Véhicule IO-123-UV",
        "code fd318zb",  # compact with no context
        "Nous habitons au 12 B 75 de la rue",  # FNI shape without context
        "GH-482-KT-2",
    ],
)
def test_rejects(text):
    assert spans(text) == []


def test_context_counts_in_its_own_sentence_only():
    text = "Le véhicule GH-482-KT est rendu.\nNous habitons au 12 B 75 de la rue."
    assert spans(text) == ["GH-482-KT"]


def test_old_plate_needs_its_word_on_its_line():
    assert spans("au parking niveau -2\nNous habitons au 62 D 62 de la rue") == []
    assert spans("Véhicule :\n4721 BX 69") == []
    assert spans("Véhicule : 4721 BX 69") == ["4721 BX 69"]


def test_normalised_form_ignores_layout():
    detector = FrLicensePlateDetector()
    forms = {m.normalized for t in ("GH-482-KT", "immat gh 482 kt") for m in detector.find(t)}
    assert forms == {"GH482KT"}
