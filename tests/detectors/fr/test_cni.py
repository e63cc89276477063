"""FR_CNI: both card formats, only with context."""

import pytest

from fouille.detectors.fr.cni import FrCniDetector


@pytest.mark.parametrize(
    "text, expected",
    [
        # Made-up numbers in the two card formats (no checksum exists to make them "valid").
        ("carte d'identité n° 880692310285", "880692310285"),  # fouille: ignore
        ("CNI : X4RTBPFW4", "X4RTBPFW4"),  # fouille: ignore
        ("pièce d'identité 991275A12345", "991275A12345"),  # fouille: ignore
    ],
)
def test_finds_with_context(text, expected):
    assert [text[m.start : m.end] for m in FrCniDetector().find(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    ["commande 880692310285", "CNI : 881392310285", "CNI : ABCDEFGHI", "CNI : 123456789"],
)
def test_rejects(text):
    assert FrCniDetector().find(text) == []
