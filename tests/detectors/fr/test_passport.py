"""FR_PASSPORT: 2 digits, 2 letters, 5 digits, only with context."""

import pytest

from fouille.detectors.fr.passport import FrPassportDetector


@pytest.mark.parametrize(
    "text",
    [
        "passeport n° 09AA12345",  # fouille: ignore  (made-up number in the passport format)
        "Passport: 18FX54321",  # fouille: ignore
    ],
)
def test_finds_with_context(text):
    assert len(FrPassportDetector().find(text)) == 1


@pytest.mark.parametrize("text", ["référence 09AA12345", "passeport 09AA123456", "passeport 09aa12345"])
def test_rejects(text):
    assert FrPassportDetector().find(text) == []
