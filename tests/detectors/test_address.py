"""ADDRESS: one span from the street number to the postcode and city."""

import pytest

from fouille.detectors.address import AddressDetector


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Livraison au 12 bis, rue de la Paix, 75002 Paris avant midi", "12 bis, rue de la Paix, 75002 Paris"),
        ("4 avenue Jean Jaurès\n69007 Lyon", "4 avenue Jean Jaurès\n69007 Lyon"),
        ("3 allée des Tilleuls, Bât. B, 13008 Marseille.", "3 allée des Tilleuls, Bât. B, 13008 Marseille"),
        ("au 8 Bd Voltaire 34000 Montpellier Cedex 2", "8 Bd Voltaire 34000 Montpellier Cedex 2"),
        ("lieu-dit La Combe, 07200 Saint-Étienne-de-Boulogne", "lieu-dit La Combe, 07200 Saint-Étienne-de-Boulogne"),
        ("bureau à 75002 Paris", "75002 Paris"),
        ("rendez-vous au 5 impasse du Moulin", "5 impasse du Moulin"),
    ],
)
def test_finds_one_span(text, expected):
    assert [text[m.start : m.end] for m in AddressDetector().find(text)] == [expected]


@pytest.mark.parametrize("text", ["le budget est de 15000 Euros", "la rue est fermée", "commande 75002", "Tél 0199001234 Paris"])
def test_rejects(text):
    assert AddressDetector().find(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Adresse : 243, boulevard Gauthier, 46696 Strasbourg", "243, boulevard Gauthier, 46696 Strasbourg"),
        ("12, rue des Lilas – 75012 PARIS", "12, rue des Lilas – 75012 PARIS"),
        ("domicilié 5, allée Verte\n13008 MARSEILLE", "5, allée Verte\n13008 MARSEILLE"),
        ("12 r. de la Paix 75002 Paris", "12 r. de la Paix 75002 Paris"),
        ("12 rue de l'Église, 1er étage, 67000 Strasbourg", "12 rue de l'Église, 1er étage, 67000 Strasbourg"),
        ("habite au 7 chemin des Vignes à 84000 Avignon", "7 chemin des Vignes à 84000 Avignon"),
    ],
)
def test_record_and_letter_shapes(text, expected):
    assert [text[m.start : m.end] for m in AddressDetector().find(text)] == [expected]
