"""FR_SIREN: needs context or a hint; Luhn; never inside a SIRET."""

import pytest

from fouille.detectors.fr.siren import FrSirenDetector
from eval.values import space_groups, with_luhn

SIREN = with_luhn("73282932")
BAD = SIREN[:-1] + str((int(SIREN[-1]) + 1) % 10)


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"SIREN : {space_groups(SIREN, (3, 3, 3))}", space_groups(SIREN, (3, 3, 3))),
        (f"immatriculée au RCS de Paris sous le n° {SIREN}", SIREN),
        (f"siren {space_groups(SIREN, (3, 3, 3), '.')}", space_groups(SIREN, (3, 3, 3), ".")),
    ],
)
def test_finds_siren_with_context(text, expected):
    assert [text[m.start : m.end] for m in FrSirenDetector().find(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        f"SIREN : {BAD}",
        f"montant {SIREN} EUR",  # no context
        f"SIREN {SIREN} {with_luhn(SIREN + '0001')[-5:]}",  # a SIRET, not a SIREN
    ],
)
def test_rejects(text):
    assert FrSirenDetector().find(text) == []


def test_column_hint_replaces_context():
    assert len(FrSirenDetector().find(SIREN, hint="FR_SIREN")) == 1
