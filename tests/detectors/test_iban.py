"""IBAN_CODE: every registry country, every spelling; mod 97, the French RIB key, look-alikes."""

import pytest
from stdnum import iban

from fouille.detectors.iban import RIB_MISMATCH, UNREGISTERED, IbanDetector, iban_length, rib_key_valid
from eval.values import fr_iban
from fouille.scanner.cigate.synthetic import synthetic_rule

SAMPLE = "FR7630006000011234567890189"  # the bank-documentation sample IBAN
BUILT = fr_iban("20041", "01005", "0500013M026")


def spaced(number, sep=" ", size=4):
    return sep.join(number[i : i + size] for i in range(0, len(number), size))


def built(country, bban):
    return country + iban.calc_check_digits(country + "00" + bban) + bban


def forged_rib():
    """mod 97 holds, RIB key does not: what test-data generators make."""
    bban = SAMPLE[4:-2] + f"{(int(SAMPLE[-2:]) + 1) % 97:02d}"
    return "FR" + iban.calc_check_digits("FR00" + bban) + bban


@pytest.mark.parametrize("shown", [
    spaced(SAMPLE), SAMPLE, SAMPLE.lower(), spaced(BUILT, "-"), spaced(BUILT),
    spaced(SAMPLE, "\u00a0"), spaced(SAMPLE, "\u202f"), spaced(SAMPLE.lower(), "-"), spaced(SAMPLE, size=6),
    "FR76 30006 00001 12345678901 89", "FR 76 3000 6000 0112 3456 7890 189", spaced(SAMPLE, "."),
])
def test_finds(shown):
    text = f"IBAN : {shown}."
    found = IbanDetector().find(text)
    assert [text[m.start : m.end] for m in found] == [shown]
    assert found[0].normalized == found[0].normalized.upper() and " " not in found[0].normalized


@pytest.mark.parametrize("country, bban", [
    ("TN", "10006035183598478831"), ("LB", "0999" + "0000000100123456"[:16] + "7890"),
    ("TR", "0006100519786457841326"), ("BR", "00360305000010009795493P1"), ("SA", "80000000608010167519"),
    ("AE", "0331234567890123456"), ("MR", "00020001010000123456753"), ("EG", "0019000500000000263180002"),
    ("UA", "3223130000026007233566001"), ("PK", "SCBL0000001123456702"), ("QA", "DOHB00001234567890ABCDEFG"),
])
def test_every_registry_country(country, bban):
    number = built(country, bban)
    assert iban.is_valid(number), number
    assert iban_length(country) == len(number)
    for shown in (number, spaced(number)):
        text = f"Virement vers {shown} reçu"
        assert [text[m.start : m.end] for m in IbanDetector().find(text)] == [shown]


def test_bad_rib_key_with_good_mod97_is_reported_as_its_own_evidence():
    forged = forged_rib()
    assert iban.is_valid(forged) and not rib_key_valid(forged)
    [found] = IbanDetector().find(f"IBAN {forged}")
    assert RIB_MISMATCH in found.evidence and "checksum" not in found.evidence
    assert found.score < IbanDetector.valid_score
    # The CI gate still calls the value synthetic: its validator says invalid.
    assert IbanDetector().validate(forged).name == "INVALID"
    assert synthetic_rule("IBAN_CODE", forged, forged) == "invalid-checksum"


def test_outside_the_registry_needs_context_and_mod97():
    number = built("MA", "011519000001205000534921")  # Morocco: not in the SWIFT registry
    assert iban_length("MA") is None
    assert IbanDetector().find(f"Veuillez noter {number} svp") == []
    [found] = IbanDetector().find(f"RIB marocain : {spaced(number)} merci")
    assert UNREGISTERED in found.evidence and found.normalized == number
    broken = number[:-1] + str((int(number[-1]) + 1) % 10)
    assert IbanDetector().find(f"RIB marocain : {broken}") == []


def test_short_look_alike_does_not_hide_the_iban():
    text = f"TVA FR91 852882000 Virement vers le compte {spaced(SAMPLE, '-')} merci"
    assert [text[m.start : m.end] for m in IbanDetector().find(text)] == [spaced(SAMPLE, "-")]


@pytest.mark.parametrize("text", [
    spaced(SAMPLE[:-1] + "8"), "référence AB12 CDEF GHIJ KLMN", "FR76 3000 6000", "IBAN FR76 3000 6000 0112",
    f"IBAN {SAMPLE}5", "Les 12 premiers chiffres 3000 6000 0112 ne suffisent pas", "RIB marocain MA12 3456 7890 1234 5678",
])
def test_rejects(text):
    assert IbanDetector().find(text) == []
