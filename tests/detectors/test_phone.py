"""PHONE_NUMBER: every French spelling, overseas departments, numbers outside the plan, foreign
numbers; never dates, amounts, references, IBAN or SIRET fragments, IPs, time ranges."""

import pytest

from fouille.detectors.phone import (
    OUTSIDE_PLAN,
    PhoneDetector,
    normalize_phone,
)
from fouille.detectors.phone_plan import parse_phone, phone_in_plan
from eval.values import space_groups, with_luhn

SIRET = space_groups(with_luhn(with_luhn("73282932") + "0007"), (3, 3, 3, 5))
NBSP, NNBSP = "\u00a0", "\u202f"


def spans(text):
    return [text[m.start : m.end] for m in PhoneDetector().find(text)]


@pytest.mark.parametrize(
    "shown",
    [
        "01 99 00 12 34", "02.61.91.12.34", "0353011234", "04-65-71-12-34", "+33 5 36 49 12 34",
        "+33 (0)1 99 00 12 34", "0033 1 99 00 12 34", "+33199001234", "+44 20 7946 0958",
        f"01{NBSP}99{NBSP}00{NBSP}12{NBSP}34", f"02{NNBSP}61{NNBSP}91{NNBSP}12{NNBSP}34",
        "01 9900 1234", "04.65.7112.34", "0 199 00 12 34", "+33 199 00 12 34", "05/36/49/12/34",
        "+33(0)2 61 91 12 34", "(+33) 3 53 01 12 34", "+33 01 99 00 12 34", "00 33 1 99 00 12 34",
        "0199 001 234", f"+33{NBSP}5{NBSP}36{NBSP}49{NBSP}12{NBSP}34",
        "0 805 61 72 83",  # fouille: ignore (no fiction block exists for 08 numbers)
    ],
)
def test_span_is_the_whole_number(shown):
    text = f"Appelez le {shown}, merci."
    found = PhoneDetector().find(text)
    assert [text[m.start : m.end] for m in found] == [shown]
    assert found[0].normalized.startswith("+")
    assert "checksum" in found[0].evidence


@pytest.mark.parametrize("spelling", ["01 99 00 12 34", "0199001234", "+33 1 99 00 12 34", "0033199001234",
                                      "+33 (0)1 99 00 12 34", "01 9900 1234", f"01{NBSP}99{NBSP}00{NBSP}12{NBSP}34"])
def test_every_spelling_has_one_normal_form(spelling):
    [found] = PhoneDetector().find(f"tél {spelling}")
    assert found.normalized == "+33199001234" == normalize_phone(spelling)


@pytest.mark.parametrize("text, number", [
    ("joignable au0199001234 le soir", "0199001234"),
    ("tel:01-99-00-12-34", "01-99-00-12-34"),
    ("Tél.02.61.91.12.34", "02.61.91.12.34"),
    ("(0536491234)", "0536491234"),
    ("0199001234/0261911234", "0199001234"),
])
def test_glued_to_words_or_punctuation(text, number):
    assert number in spans(text)


def test_two_numbers_side_by_side():
    assert spans("01.99.00.12.34 02.61.91.12.34") == ["01.99.00.12.34", "02.61.91.12.34"]
    assert spans("0199001234 0261911234") == ["0199001234", "0261911234"]
    assert spans("01 99 00 12 34 / 02 61 91 12 34") == ["01 99 00 12 34", "02 61 91 12 34"]


@pytest.mark.parametrize("national, international", [
    ("0692 00 00 12", "+262 692 00 00 12"),  # fouille: ignore (overseas mobile, test number)
    ("0690 00 00 12", "+590 690 00 00 12"),  # fouille: ignore (overseas mobile, test number)
    ("0696 00 00 12", "+596 696 00 00 12"),  # fouille: ignore (overseas mobile, test number)
])
def test_overseas_numbers_hash_like_their_international_spelling(national, international):
    [a] = PhoneDetector().find(f"portable {national}")
    [b] = PhoneDetector().find(f"portable {international}")
    assert a.normalized == b.normalized == normalize_phone(national) == normalize_phone(international)
    assert a.normalized.startswith(international.split()[0])


def test_outside_the_plan_is_reported_lower_with_its_evidence():
    # ARCEP fiction mobile block: French-shaped, not allocated in phonenumbers' plan.
    [laid_out] = PhoneDetector().find("06 39 98 12 34")
    [named] = PhoneDetector().find("tél : 0639981234")
    [valid] = PhoneDetector().find("tél : 0199001234")
    assert OUTSIDE_PLAN in laid_out.evidence and OUTSIDE_PLAN in named.evidence
    assert laid_out.normalized == "+33639981234"
    assert named.score < valid.score and laid_out.score < valid.score
    assert PhoneDetector().find("0639981234") == []  # compact, no word: too weak to stand
    assert PhoneDetector().find("0639981234", hint="PHONE_NUMBER")  # the column names it


def test_a_country_word_reads_a_national_number_in_its_plan():
    [found] = PhoneDetector().find("portable suisse 078 123 45 67")  # fouille: ignore (test number)
    assert found.normalized == "+41781234567"  # fouille: ignore (test number)
    assert "region:CH" in found.evidence
    [german] = PhoneDetector().find("portable allemand 01512 3454519")  # fouille: ignore (test number)
    assert german.normalized == "+4915123454519" and "region:DE" in german.evidence  # fouille: ignore
    assert PhoneDetector().find("le 01/12/2025 en Allemagne") == []
    [french] = PhoneDetector().find("portable 01 99 00 12 34")
    assert french.normalized == "+33199001234"


@pytest.mark.parametrize(
    "text",
    [
        "rendez-vous le 06/12/2023 à 10:30",
        "IBAN FR76 3000 6000 0112 3456 7890 189",
        "IBAN FR06 1234 5678 9012 3456 7890 123",
        f"SIRET {SIRET}",
        "serveur 192.168.10.12",
        "passerelle 10.0.61.234",
        "montant 1 234,56 EUR",
        f"montant 1{NBSP}234{NBSP}567,89 €",
        "commande 2023-0612-3456",
        "Référence colis 0199001234, 2 kg",
        "ref0199001234",
        "n° client 0199001234",
        "numéro de compte 0199001234",
        "il est 10:30:45, version 1.2.3.4",
        "le 06 12 2023 10:30",
        f"le 06{NBSP}12{NBSP}2023 à 10h",
        "créneau 14h30-16h00",
        "ouvert 08:30-12:00 / 14:00-18:00",
        "suivi 0612 3456 7890 12",
        "token a3f0199001234",
        "trop long 01 99 00 12 34 56",
        "trop court 01 99 00 12",
        "montant 0199001234,50 €",
        "compte 00012345678 clé 12",
        "code postal 06000 Nice, 12 rue de la Paix",
        "SN-0199001234",
        "Code client : 0199001234",
        "ISBN 0-199-00123-4",
        "identifiant 0199001234",
    ],
)
def test_rejects_look_alikes(text):
    assert PhoneDetector().find(text) == []


def test_bracket_not_swallowed():
    text = "(tél. +44 20 7946 0958)"
    assert [text[m.start : m.end] for m in PhoneDetector().find(text)] == ["+44 20 7946 0958"]


def test_normalize_phone_is_lenient_for_what_an_agent_types():
    assert normalize_phone("01 99 00 12 34") == "+33199001234"
    assert normalize_phone("06 39 98 12 34") == "+33639981234"  # outside the plan: still a number
    assert normalize_phone("+44 20 7946 0958") == "+442079460958"
    assert normalize_phone("0470 12 34 56", region="BE") == "+32470123456"  # fouille: ignore (test number)
    for junk in (None, "", "  ", "abc", "12", "+33 1", "😀", "1" * 100):
        assert normalize_phone(junk) is None
    assert phone_in_plan("01 99 00 12 34") and not phone_in_plan("06 39 98 12 34")
    assert parse_phone("06 39 98 12 34").national_number == 639981234
