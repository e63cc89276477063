"""What the agent types is normalised and hashed exactly like the scan's findings."""

from __future__ import annotations

import pytest
from stdnum.fr import nir

from fouille.detectors.detection import detect_many as detect_texts
from fouille.scanner.dsar.identifiers import InvalidIdentifier, identifiers_in, make_identifier, search_form
from fouille.scanner.core.keys import Hasher

HASHER = Hasher(b"test-key-not-secret")
SAMPLE_IBAN = "FR7630006000011234567890189"  # the bank-documentation sample


def _scan_hash(text: str, entity: str) -> str:
    match = next(m for m in detect_texts([text], use_nlp=False)[0] if m.entity == entity)
    return HASHER.hash(match.entity, match.normalized)


@pytest.mark.parametrize(
    "typed",
    [
        "01 99 00 12 34",
        "0199001234",
        "+33 1 99 00 12 34",
        "0033199001234",
        "+33 (0)1 99 00 12 34",
        "01.99.00.12.34",
    ],
)
def test_every_phone_spelling_hashes_like_the_scan(typed):
    assert make_identifier(HASHER, "PHONE_NUMBER", typed).value_hash == _scan_hash(
        "tél. 01-99-00-12-34", "PHONE_NUMBER"
    )


def test_email_case_and_spaces_do_not_matter():
    typed = make_identifier(HASHER, "EMAIL_ADDRESS", "  Jeanne.MARTIN@Example.com ")
    assert typed.value_hash == _scan_hash("mail: jeanne.martin@example.com", "EMAIL_ADDRESS")


def test_nir_and_iban_use_their_detectors():
    base = "2951099126111"
    number = base + nir.calc_check_digits(base)
    spaced = f"{number[0]} {number[1:3]} {number[3:5]} {number[5:7]} {number[7:10]} {number[10:13]} {number[13:]}"
    assert make_identifier(HASHER, "FR_NIR", spaced).value_hash == _scan_hash(
        f"sécu {number}", "FR_NIR"
    )
    iban = make_identifier(HASHER, "IBAN_CODE", "fr76 3000 6000 0112 3456 7890 189")
    assert iban.value_hash == _scan_hash(f"IBAN {SAMPLE_IBAN}", "IBAN_CODE")


@pytest.mark.parametrize(
    "entity, typed",
    [
        ("PHONE_NUMBER", "12 34"),
        ("EMAIL_ADDRESS", "jeanne at example.com"),
        ("FR_NIR", "2 95 10 99 126 111 00"),
        ("IBAN_CODE", "FR7630006000011234567890188"),
        ("EMAIL_ADDRESS", ""),
    ],
)
def test_invalid_input_is_refused_without_echoing_it(entity, typed):
    with pytest.raises(InvalidIdentifier) as error:
        make_identifier(HASHER, entity, typed)
    assert not typed or typed not in str(error.value)


def test_identifier_repr_and_str_hide_the_value():
    ident = make_identifier(HASHER, "EMAIL_ADDRESS", "jeanne.martin@example.com")
    assert "jeanne" not in repr(ident) and "jeanne" not in str(ident)


def test_identifiers_in_a_record_never_include_names():
    record = {
        "nom": "Martin",
        "prenom": "Jeanne",
        "tel": "01 99 00 12 34",
        "notes": "écrire à a.b@example.org",
    }
    found = {i.entity for i, _ in identifiers_in(record, HASHER)}
    assert found == {"PHONE_NUMBER", "EMAIL_ADDRESS"}


def test_phone_search_form_is_its_national_digits():
    form = search_form(make_identifier(HASHER, "PHONE_NUMBER", "+33 1 99 00 12 34"))
    assert (form.kind, form.needle) == ("digits", "199001234")
