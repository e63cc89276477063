"""Spans through detect_texts (the ``fouille detect`` path): overlaps resolved as DESIGN.md says."""

from fouille.detectors.detection import detect_many as detect_texts
from eval.values import space_groups, vat_for, with_luhn

SIREN = with_luhn("73282932")
SIRET = with_luhn(SIREN + "0007")
VAT = vat_for(SIREN)


def labelled(text, use_nlp=False):
    return [(m.entity, text[m.start : m.end]) for m in detect_texts([text], use_nlp=use_nlp)[0]]


def test_siret_vat_and_siren_each_once():
    text = f"SIREN {SIREN}, SIRET {space_groups(SIRET, (3, 3, 3, 5))}, TVA {VAT}"
    assert labelled(text) == [
        ("FR_SIREN", SIREN), ("FR_SIRET", space_groups(SIRET, (3, 3, 3, 5))), ("FR_VAT", VAT)
    ]


def test_invalid_checksums_are_never_the_identifier():
    bad_siret = SIRET[:-1] + str((int(SIRET[-1]) + 1) % 10)
    bad_vat = f"FR{(int(VAT[2:4]) + 1) % 97:02d}{SIREN}"
    text = f"SIRET {bad_siret} TVA {bad_vat} IBAN FR7630006000011234567890188"
    assert [e for e, _ in labelled(text)] == []


def test_person_without_title_and_address_whole():
    text = "Mme Claire Martin habite 12 rue de la Paix, 75002 Paris (tél. 01 99 00 12 34)."
    assert labelled(text, use_nlp=True) == [
        ("PERSON", "Claire Martin"),
        ("ADDRESS", "12 rue de la Paix, 75002 Paris"),
        ("PHONE_NUMBER", "01 99 00 12 34"),
    ]
