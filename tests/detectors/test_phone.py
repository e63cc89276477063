"""PHONE_NUMBER: every French spelling with its prefix and separators; never dates, IBANs, SIRETs."""

import pytest

from detectors.phone import PhoneDetector
from eval.values import space_groups, with_luhn

SIRET = space_groups(with_luhn(with_luhn("73282932") + "0007"), (3, 3, 3, 5))


@pytest.mark.parametrize(
    "shown",
    [
        "01 99 00 12 34", "02.61.91.12.34", "0353011234", "04-65-71-12-34", "+33 5 36 49 12 34",
        "+33 (0)1 99 00 12 34", "0033 1 99 00 12 34", "+33199001234", "+44 20 7946 0958",
    ],
)
def test_span_is_the_whole_number(shown):
    text = f"Appelez le {shown}, merci."
    found = PhoneDetector().find(text)
    assert [text[m.start : m.end] for m in found] == [shown]
    assert found[0].normalized.startswith("+")


@pytest.mark.parametrize(
    "text",
    [
        "rendez-vous le 06/12/2023 à 10:30",
        "IBAN FR76 3000 6000 0112 3456 7890 189",
        f"SIRET {SIRET}",
        "serveur 192.168.10.12",
        "montant 1 234,56 EUR",
        "commande 2023-0612-3456",
        "Référence colis 0199001234, 2 kg",
        "il est 10:30:45, version 1.2.3.4",
    ],
)
def test_rejects_look_alikes(text):
    assert PhoneDetector().find(text) == []


def test_bracket_not_swallowed():
    text = "(tél. +44 20 7946 0958)"
    assert [text[m.start : m.end] for m in PhoneDetector().find(text)] == ["+44 20 7946 0958"]
