"""DATE_OF_BIRTH: a date in a birth context only."""

import pytest

from fouille.detectors.date_of_birth import DateOfBirthDetector, parse_french_date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Patient né le 12/03/1985 à Lyon", "12/03/1985"),
        ("date de naissance : 1er mars 1985", "1er mars 1985"),
        ("DDN 1985-03-12", "1985-03-12"),
        ("née le 3 août 1950", "3 août 1950"),
        ("Né le 12/03/1985, inscrit le 05/06/2020", "12/03/1985"),
    ],
)
def test_finds(text, expected):
    assert [text[m.start : m.end] for m in DateOfBirthDetector().find(text)] == [expected]


@pytest.mark.parametrize("text", ["rendez-vous le 12/03/2024 à 10h", "né le 31/02/1985", "né le 12/03/2999"])
def test_rejects(text):
    assert DateOfBirthDetector().find(text) == []


def test_column_hint_replaces_context():
    assert len(DateOfBirthDetector().find("12/03/1985", hint="DATE_OF_BIRTH")) == 1


def test_parse_french_date():
    assert parse_french_date("1er février 2001").isoformat() == "2001-02-01"
    assert parse_french_date("30 février 2001") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("né le 7|11|1948", "7|11|1948"),
        ("Née le 3.2.1981", "3.2.1981"),
        ("né(e) le 4 février 1981", "4 février 1981"),
        ("Date de naissance : 1er mars 1990", "1er mars 1990"),
        ("DDN : 04 / 02 / 1981", "04 / 02 / 1981"),
        ("date naiss. : 04 02 1981", "04 02 1981"),
        ("DN 14/03/71", "14/03/71"),
        ("naissance : 5 déc. 1999", "5 déc. 1999"),
        ("date_naissance: 1967-02-24", "1967-02-24"),
        ("née le quatre février mil neuf cent quatre-vingt-un", "quatre février mil neuf cent quatre-vingt-un"),
        ("né le premier mars deux mille trois", "premier mars deux mille trois"),
        ("| DUPONT Jean | 14/03/1971 (53 ans) |", "14/03/1971"),
        ("DUPONT Jean, 53 ans, 14/03/1971", "14/03/1971"),
        ("Puis-je avoir votre date de naissance ?\nclient: 12.3.1980", "12.3.1980"),
        ("confirme être née le dix-neuf janvier mille neuf cent quatre-vingt-sept et habiter Lyon",
         "dix-neuf janvier mille neuf cent quatre-vingt-sept"),
        ("nom;prenom;date_naissance\nDA SILVA;Julie;15 10 1961", "15 10 1961"),
    ],
)
def test_every_french_spelling_in_a_birth_context(text, expected):
    assert [text[m.start : m.end] for m in DateOfBirthDetector().find(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Rendez-vous le 7|11|2024 à 10h, facture du 3.2.2024",
        "Livraison prévue le 13 / 07 / 2025.",
        "Date de livraison : 04 02 2024",
        "sa Citroën C3 ne fonctionne plus depuis le 08 05 2022",  # "ne" is not "né"
        "Hospitalisé du 20/06/2022 au 04/08/2022.",
        "tél 01 99 00 12 34",
    ],
)
def test_other_dates_stay_negative(text):
    assert DateOfBirthDetector().find(text) == []


@pytest.mark.parametrize(
    "value, iso",
    [
        ("7|11|1948", "1948-11-07"),
        ("04 / 02 / 1981", "1981-02-04"),
        ("04 02 1981", "1981-02-04"),
        ("14/03/71", "1971-03-14"),
        ("5 déc. 1999", "1999-12-05"),
        ("trente et un mai dix-neuf cent soixante et onze", "1971-05-31"),
        ("vingt-deux juin mille neuf cent quatre-vingt-dix-sept", "1997-06-22"),
    ],
)
def test_parse_every_spelling(value, iso):
    assert parse_french_date(value).isoformat() == iso


def test_words_to_number():
    from fouille.detectors.date_of_birth import words_to_number

    assert words_to_number("mil neuf cent quatre-vingt-un") == 1981
    assert words_to_number("quatre-vingts") == 80
    assert words_to_number("soixante-dix-sept") == 77
    assert words_to_number("deux mille") == 2000
    assert words_to_number("bonjour") is None
