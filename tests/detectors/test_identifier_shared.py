"""What the people's-identifier detectors share (fouille.detectors.identifier) and their column hints."""

import random

import pytest

from fouille.scanner.core.column_hints import hint_for
from fouille.detectors.eu.de_tax_id import DeTaxIdDetector
from fouille.detectors.identifier import after_reference_word, most_digits_in_a_row, sentence_window
from fouille.detectors.registry import text_detectors
from eval.values_identifiers import de_tax_id


@pytest.mark.parametrize(
    "column, entity",
    [
        ("numero_fiscal", "FR_NIF"),
        ("NIF", "FR_NIF"),
        ("nif_pt", "PT_NIF"),
        ("immatriculation", "FR_LICENSE_PLATE"),
        ("plaque", "FR_LICENSE_PLATE"),
        ("carte_grise", "FR_LICENSE_PLATE"),
        ("num_permis", "FR_DRIVING_LICENSE"),
        ("rpps", "FR_RPPS"),
        ("niss", "BE_NATIONAL_NUMBER"),
        ("numero_avs", "CH_AVS"),
        ("dni", "ES_DNI"),
        ("nie", "ES_NIE"),
        ("codiceFiscale", "IT_FISCAL_CODE"),
        ("steuer_id", "DE_TAX_ID"),
        ("matricule_lu", "LU_NATIONAL_ID"),
        ("bsn", "NL_BSN"),
        ("numero_carte", "CREDIT_CARD"),
        ("matricule", None),
    ],
)
def test_column_hints(column, entity):
    assert hint_for(column) == entity


def test_every_hinted_identifier_has_a_detector():
    from fouille.scanner.core.column_hints import HINTS

    emitted = {e for d in text_detectors() for e in d.entities}
    hinted = {entity for _, entity in HINTS if entity and entity != "FREE_TEXT"}
    assert hinted <= emitted | {"PERSON", "LOCATION", "ADDRESS", "DATE_OF_BIRTH"}


def test_hinted_column_cell_needs_no_context():
    number = de_tax_id(random.Random(5))
    assert [m.entity for m in DeTaxIdDetector().find(number, hint=hint_for("steuer_id"))] == [
        "DE_TAX_ID"
    ]


def test_context_stops_at_the_sentence_end():
    text = "Le véhicule est rendu. Nous habitons au "
    assert sentence_window(text, len(text), 40) == "Nous habitons au "
    assert sentence_window("immat. : ", 9, 40) == "immat. : "  # an abbreviation is no sentence end


@pytest.mark.parametrize(
    "before, vetoed",
    [
        ("Commande ", True),
        ("réf. ", True),
        ("colis n° ", True),
        ("code EAN ", True),
        ("numéro fiscal ", False),
        ("Commande passée, BSN ", False),
    ],
)
def test_reference_words(before, vetoed):
    assert after_reference_word(before + "123456789", len(before)) is vetoed


@pytest.mark.parametrize(
    "text, count",
    [
        ("", 0),
        ("aucun chiffre", 0),
        ("le 12/03/2024", 4),
        ("85.07.30-033.99", 11),
        ("tél 01 99 00 12 34", 10),
        ("12\u00a0345\u202f678", 8),
    ],
)
def test_digit_runs(text, count):
    assert most_digits_in_a_row(text) == count
