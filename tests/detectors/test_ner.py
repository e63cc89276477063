"""PERSON rules (titles, signatures, roles) and false-positive filters around the spaCy NER."""

import pytest

from fouille.detectors.ner import NerDetector


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


def places(text):
    return [text[m.start : m.end] for m in NerDetector().find(text) if m.entity == "LOCATION"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Administrative capitals, particles, other origins.
        ("Patient : DUPONT Jean\nNé(e) le : 14/03/1971", ["DUPONT Jean"]),
        ("Liste :\n- DE LA FONTAINE Marie, DDN 03/02/1964", ["DE LA FONTAINE Marie"]),
        ("Contribuable : Marie-Claire LE GOFF", ["Marie-Claire LE GOFF"]),
        ("Arrêt de travail pour N'DIAYE Aminata (matricule 12).", ["N'DIAYE Aminata"]),
        ("| NGUYEN Katarzyna | 04/12/1988 (37 ans) |", ["NGUYEN Katarzyna"]),
        # Field labels, lists, married names, greetings.
        ("Nom : THIBAULT   Prénom : Lucas", ["THIBAULT", "Lucas"]),
        ("Présents : Roland Cohen, Mlle Adélaïde LAROCHE et Alphonse des Roches.",
         ["Roland Cohen", "Adélaïde LAROCHE", "Alphonse des Roches"]),
        ("Mme PELLETIER épouse PETROV, née le 17 09 1941", ["PELLETIER", "PETROV"]),
        ("SCP PONS et RAYNAUD, Commissaires de justice", ["PONS", "RAYNAUD"]),
        ("ORDONNANCE\nMonsieur de Villiers\nDDN : 02 / 05 / 1945", ["de Villiers"]),
        ("Objet : bilan\n\nPr des Roches", ["des Roches"]),
        ("Créteil, le 23/10/2024\n\nPr Arnaude DE LA FONTAINE\n", ["Arnaude DE LA FONTAINE"]),
        ("Réunion Marie Curie à 14h", ["Marie Curie"]),
        ("Bonjour,\nMerci Gérard !", ["Gérard"]),
        ("Cordialement,\nC. Jacques", ["C. Jacques"]),
        # Lower-case chat names after a self-introduction.
        ("client : bonjour c'est samira zeroual, j'habite à Lyon", ["samira zeroual"]),
        ("slt c rené de la fontaine jhabite a Brest", ["rené de la fontaine"]),
        ("bonjour, guy petitjean à l'appareil", ["guy petitjean"]),
        # A table pasted as text: its header names the columns.
        ("nom;prenom;ville\nDOS SANTOS;Julie;Montpellier", ["DOS SANTOS", "Julie"]),
    ],
)
def test_french_name_layer(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Objet : relance facture\nDossier : DOS-123456\nRéférence : REF-000001",
        "Signataire : le représentant légal\nBénéficiaire : voir annexe\nObjet : avenant n° 3",
        "Ticket ouvert\nPriorité : haute\nService : logistique",
        "Centre hospitalier de Metz\nService de cardiologie",
        "Conférence au Centre Georges Pompidou, puis visite du Lycée Jules Ferry.",
        "c'est claire pour moi, merci",
        "DIRECTION RÉGIONALE\nMadame, Monsieur,",
        "DIRECTION RÉGIONALE Saint-Denis\nService : comptabilité",
        "Gestionnaire : Agence Lyon Nord\nCc : Équipe Support",
        "Nos agences de Metz, Angers et Valence sont ouvertes du lundi au vendredi.",
    ],
)
def test_capitalised_common_nouns_are_not_names(text):
    assert people(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bonjour, j'habite à Marseille depuis peu.", ["Marseille"]),
        ("Mme Roy, née le 4 févr. 1981 à Aix-en-Provence, demande une attestation.", ["Aix-en-Provence"]),
        ("Contribuable domicilié à Quimper.", ["Quimper"]),
        ("je suis originaire de Porto mais je réside à Lyon", ["Porto", "Lyon"]),
        ("Lieu de naissance : Le Mans\nVille : Pau", ["Le Mans", "Pau"]),
        ("Mme Roy a signalé un retard de livraison à Nantes.", ["Nantes"]),
        ("Nouvelle inscription : Léa Roy, née le 3/2/1981, Lyon.", ["Lyon"]),
    ],
)
def test_places_tied_to_a_person(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Le Crédit Agricole Centre Loire et l'Université de Lyon ont signé.",
        "Vos données sont hébergées à Roubaix, conformément à la loi Informatique et Libertés.",
        "Nos agences de Lyon, Lille et Nantes sont ouvertes du lundi au vendredi.",
        "Fait à Lyon, le 12/03/2024",
        "Lyon, le 3 mai 2024\n\nObjet : attestation",
        "L'entreprise, née à Quimper en 1987, ouvre un magasin à Niort.",
        "Livraison express disponible à Dijon et à Porto dès lundi.",
        "Adressé par le Dr Roy, médecin traitant à Besançon.",
        "La société Roy SAS est immatriculée au RCS de Brest.",
    ],
)
def test_places_not_tied_to_a_person(text):
    assert places(text) == []
