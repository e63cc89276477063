"""DATE_OF_BIRTH: a date in a birth context only."""

import pytest

from detectors.date_of_birth import DateOfBirthDetector, parse_french_date


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
