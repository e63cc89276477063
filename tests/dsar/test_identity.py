"""Whose a record is: names, e-mails and customer keys compared, and when two identities differ."""

from __future__ import annotations

import pytest

from fouille.scanner.dsar.identity import Identity, Profile, mutual_conflict, name_tokens, names_compatible
from fouille.scanner.dsar.ownership import is_customer_key_column


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Jeanne Martin", "MARTIN Jeanne", True),
        ("Jeanne Martin", "J. Martin", True),
        ("Mme Jeanne Martin", "jeanne martin", True),
        ("Hélène Lefèvre", "Helene LEFEVRE", True),
        ("Martin", "Jeanne Martin", True),
        ("M. et Mme Martin", "Marc Martin", True),
        ("Jeanne Martin", "Marc Martin", False),
        ("Jeanne Martin", "Jeanne Dupont", False),
        ("J. Martin", "M. Martin", True),  # "M." is a civility, not an initial
        ("Paul Lefèvre", "Julie Lefèvre", False),
    ],
)
def test_names_compare_folded_in_any_order_with_initials(a, b, same):
    assert names_compatible(name_tokens(a), name_tokens(b)) is same


def _identity(emails=(), names=(), keys=()) -> Identity:
    return Identity(
        frozenset(emails),
        frozenset(emails),
        frozenset(name_tokens(n) for n in names),
        frozenset(keys),
    )


def test_a_different_email_name_or_key_is_someone_else():
    jeanne = Profile.of(
        _identity(["jeanne@example.com"], ["Jeanne Martin"], [("customers(id)", "1")])
    )
    assert jeanne.conflict(_identity(["marc@example.com"])) == "a different e-mail"
    assert jeanne.conflict(_identity(names=["Marc Martin"])) == "a different name"
    assert jeanne.conflict(_identity(keys=[("customers(id)", "2")])) == "a different customer key"
    assert jeanne.conflict(_identity(["jeanne@example.com", "cc@example.com"])) is None
    assert jeanne.conflict(_identity(keys=[("orders(id)", "9")])) is None  # another key space
    assert jeanne.conflict(Identity()) is None  # a record that names nobody


def test_a_couple_sharing_a_mailbox_are_two_people():
    paul = _identity(["famille@example.org"], ["Paul Lefèvre"])
    julie = _identity(["famille@example.org"], ["Julie Lefèvre"])
    assert mutual_conflict([paul, julie]) == "a different name"
    assert mutual_conflict([paul, Identity(), _identity(["famille@example.org"])]) is None


@pytest.mark.parametrize(
    "name, key",
    [
        ("customer_id", True),
        ("id_client", True),
        ("numero_client", True),
        ("N° client", True),
        ("client", False),
        ("nom_client", False),
        ("order_id", False),
    ],
)
def test_customer_number_columns(name, key):
    assert is_customer_key_column(name) is key
