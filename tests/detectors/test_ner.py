"""PERSON rules (titles, signatures, roles) and false-positive filters around the spaCy NER."""

import pytest

from detectors.ner import NerDetector


def people(text):
    return [text[m.start : m.end] for m in NerDetector().find(text) if m.entity == "PERSON"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rendez-vous avec Mme Dupuis demain.", ["Dupuis"]),
        ("Dossier suivi par Maître Jean-Pierre LEROY, avocat.", ["Jean-Pierre LEROY"]),
        ("Merci de votre aide.\nCordialement,\nJulien Moreau", ["Julien Moreau"]),
        ("Le client Emmanuelle Lacombe a rappelé.", ["Emmanuelle Lacombe"]),
        ("VALLET Christophe, naissance: 23/06/1987", ["VALLET Christophe"]),
    ],
)
def test_person_rules(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Merci pour votre réponse rapide.",
        "Le Crédit Agricole a validé le dossier.",
        "La société Masse S.A.S. a signé le contrat.",
        "Livraison au 4 avenue Jean Jaurès, 69007 Lyon.",
        "Bonjour Madame, Monsieur,\nvotre demande a bien été prise en compte.",
    ],
)
def test_false_positives_filtered(text):
    assert people(text) == []


def test_no_location_inside_an_address_and_no_acronyms():
    found = NerDetector().find("Livraison au 4 avenue Jean Jaurès, 69007 Lyon. Total 12 EUR.")
    assert found == []
