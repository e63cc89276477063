"""IBAN_CODE: SEPA spellings, mod 97, French RIB key; a look-alike before it does not hide it."""

import pytest
from stdnum import iban

from detectors.iban import IbanDetector, rib_key_valid
from eval.values import fr_iban

SAMPLE = "FR7630006000011234567890189"  # the bank-documentation sample IBAN
BUILT = fr_iban("20041", "01005", "0500013M026")


def spaced(number, sep=" "):
    return sep.join(number[i : i + 4] for i in range(0, len(number), 4))


@pytest.mark.parametrize("shown", [spaced(SAMPLE), SAMPLE, SAMPLE.lower(), spaced(BUILT, "-"), spaced(BUILT)])
def test_finds(shown):
    text = f"IBAN : {shown}."
    assert [text[m.start : m.end] for m in IbanDetector().find(text)] == [shown]


def test_bad_rib_key_with_good_mod97_is_rejected():
    bban = SAMPLE[4:-2] + f"{(int(SAMPLE[-2:]) + 1) % 97:02d}"
    forged = "FR" + iban.calc_check_digits("FR00" + bban) + bban
    assert iban.is_valid(forged) and not rib_key_valid(forged)
    assert IbanDetector().find(f"IBAN {forged}") == []


def test_short_look_alike_does_not_hide_the_iban():
    text = f"TVA FR91 852882000 Virement vers le compte {spaced(SAMPLE, '-')} merci"
    assert [text[m.start : m.end] for m in IbanDetector().find(text)] == [spaced(SAMPLE, "-")]


@pytest.mark.parametrize("text", [spaced(SAMPLE[:-1] + "8"), "référence AB12 CDEF GHIJ KLMN", "FR76 3000 6000"])
def test_rejects(text):
    assert IbanDetector().find(text) == []
