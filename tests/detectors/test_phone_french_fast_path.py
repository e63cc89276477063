"""The French fast path of the phone detector agrees with phonenumbers on every spelling."""

import random

import phonenumbers
import pytest

from fouille.detectors.phone import (
    PhoneDetector,
    french_national_number,
    normalize_phone,
    read_french,
)
from fouille.detectors.phone_plan import OVERSEAS_BLOCKS, is_valid_french


def _spellings(digits: str) -> list[str]:
    pairs = [digits[i:i + 2] for i in range(1, 9, 2)]
    national = digits[0]
    return [
        "0" + digits,
        "0" + national + " " + " ".join(pairs),
        "0" + national + "." + ".".join(pairs),
        "+33" + digits,
        "+33 " + national + " " + " ".join(pairs),
        "+33 (0)" + national + " " + " ".join(pairs),
        "0033 " + national + " " + " ".join(pairs),
        "0033" + digits,
        "0" + national + "\u00a0" + "\u00a0".join(pairs),
        "0" + digits[:3] + " " + digits[3:6] + " " + digits[6:],
    ]


@pytest.mark.parametrize("seed", range(4))
def test_fast_path_equals_phonenumbers(seed):
    rng = random.Random(seed)
    detector = PhoneDetector()
    checked = valid = 0
    for _ in range(2500):
        digits = str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(8))
        reference = phonenumbers.is_valid_number(phonenumbers.parse("+33" + digits))
        assert is_valid_french(digits) == reference, digits
        e164, in_plan = read_french(digits)
        if digits[:3] not in OVERSEAS_BLOCKS:
            assert (e164, in_plan) == ("+33" + digits, reference)
        for spelling in _spellings(digits):
            assert french_national_number(spelling) == digits
            assert (detector.validate(spelling).name == "VALID") == in_plan, spelling
            assert detector.normalize(spelling) == normalize_phone(spelling) == e164
            checked += 1
        valid += in_plan
    assert checked == 25_000 and 500 < valid < 2500  # both kinds really exercised


@pytest.mark.parametrize(
    "national, international",
    [
        ("0692 03 10 02", "+262 692 03 10 02"),  # La Réunion mobile  # fouille: ignore (overseas test number)
        ("0690 12 34 56", "+590 690 12 34 56"),  # Guadeloupe mobile  # fouille: ignore (overseas test number)
        ("0694 20 12 34", "+594 694 20 12 34"),  # Guyane mobile  # fouille: ignore (overseas test number)
        ("0696 12 34 56", "+596 696 12 34 56"),  # Martinique mobile  # fouille: ignore (overseas test number)
        ("0639 01 23 45", "+262 639 01 23 45"),  # Mayotte mobile  # fouille: ignore (overseas test number)
        ("0262 20 12 34", "+262 262 20 12 34"),  # La Réunion fixed line  # fouille: ignore (overseas test number)
    ],
)
def test_overseas_numbers_take_their_own_country_code(national, international):
    e164 = normalize_phone(international)
    assert e164 is not None and not e164.startswith("+33")
    assert normalize_phone(national) == e164 == phonenumbers.format_number(
        phonenumbers.parse(international), phonenumbers.PhoneNumberFormat.E164)
    assert PhoneDetector().validate(national).name == "VALID"


def test_foreign_numbers_still_go_through_phonenumbers():
    detector = PhoneDetector()
    assert french_national_number("+44 20 7946 0958") is None
    assert detector.validate("+44 20 7946 0958").name == "VALID"
    assert detector.normalize("+44 20 7946 0958") == "+442079460958"
