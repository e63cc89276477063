"""The French first-name and surname gazetteers (INSEE data) and the name rules built on them."""

import pytest

from fouille.detectors.hinted import delimited_cells
from fouille.detectors.names import is_first_name, is_surname
from fouille.detectors.names.rules import find_names


@pytest.mark.parametrize("word", ["Jean", "jean", "Marie-Claire", "Aminata", "Mamadou", "Léa", "Fatima"])
def test_first_names(word):
    assert is_first_name(word)


@pytest.mark.parametrize("word", ["Dupont", "DUPONT", "Le Goff", "Nguyen", "Diallo", "Da Silva"])
def test_surnames(word):
    assert is_surname(word)


@pytest.mark.parametrize("word", ["Facture", "Objet", "", "-", "Priorité", "Référence"])
def test_not_first_names(word):
    assert not is_first_name(word)


def test_gazetteers_are_not_fakers_lists():
    from pathlib import Path

    from faker.providers.person.fr_FR import Provider

    here = set(Path("detectors/names/first_names.txt").read_text(encoding="utf-8").split("\n"))
    # INSEE lists are far larger than Faker's 219 first names and miss some of its oddities.
    assert len(here) > 10 * len(Provider.first_names)
    assert {"Arnaude", "Olivie"} - here == {"Arnaude", "Olivie"}


def spans(text):
    return [(text[s:e], why) for s, e, why in find_names(text)]


def test_rules_say_which_rule_found_the_name():
    assert spans("Patient : DUPONT Jean") == [("DUPONT Jean", "field")]
    assert spans("Arrêt pour Audrey COURTOIS.") == [("Audrey COURTOIS", "caps-surname")]
    assert spans("Réunion avec Adrienne Pinto demain") == [("Adrienne Pinto", "first-name")]
    assert spans("moi c'est martin lopez") == [("martin lopez", "lower-case")]


@pytest.mark.parametrize(
    "text",
    ["Lycée Victor Hugo de Besançon", "4 avenue Jean Jaurès", "c'est claire pour moi", "Madame, Monsieur,",
     "Objet : relance\nRéférence : REF-12", "ok pour moi c'est bon", "IPP ORD-563212", "\x00\ufeff\u200b"],
)
def test_rules_reject(text):
    assert find_names(text) == []


def test_delimited_cells_use_the_header():
    text = "nom;prenom;ville;commande\nDOS SANTOS;Julie;Montpellier;CMD-1\nROY;Léa;Lyon;CMD-2"
    assert [(text[s:e], entity) for s, e, entity in delimited_cells(text)] == [
        ("DOS SANTOS", "PERSON"), ("Julie", "PERSON"), ("Montpellier", "LOCATION"),
        ("ROY", "PERSON"), ("Léa", "PERSON"), ("Lyon", "LOCATION"),
    ]
    assert list(delimited_cells("produit;prix;stock\nVélo;120;3")) == []


def test_disjoint_spans():
    from fouille.detectors.names.spans import DisjointSpans

    spans = DisjointSpans([(0, 5), (10, 15)])
    assert spans.overlaps(4, 6) and spans.overlaps(14, 20) and not spans.overlaps(5, 10)
    assert not spans.add(3, 4) and spans.add(6, 9)
    assert spans.any_between(0, 9) and not spans.any_between(16, 30)
    assert spans.any_between(0, 20, lambda end: end == 15)


def test_a_long_pasted_table_finds_every_row():
    from fouille.detectors.date_of_birth import DateOfBirthDetector
    from fouille.detectors.ner import NerDetector

    rows = 2000
    text = "nom;prenom;date_naissance\n" + "\n".join(f"ROY;Léa;1{i % 9}/03/1985" for i in range(rows))
    people = [m for m in NerDetector().find(text) if m.entity == "PERSON"]
    assert len(people) == 2 * rows
    assert len(DateOfBirthDetector().find(text)) == rows
