"""The French fast path of the phone detector agrees with phonenumbers on every spelling."""

import random

import pytest

from detectors.phone import PhoneDetector, french_national_number, normalize_phone, parse_phone


def _spellings(rng: random.Random, digits: str) -> list[str]:
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
    ]


@pytest.mark.parametrize("seed", range(4))
def test_fast_path_equals_phonenumbers(seed):
    rng = random.Random(seed)
    detector = PhoneDetector()
    checked = valid = 0
    for _ in range(2500):
        digits = str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(8))
        for spelling in _spellings(rng, digits):
            assert french_national_number(spelling) == digits
            reference = parse_phone(spelling) is not None
            assert (detector.validate(spelling).name == "VALID") == reference, spelling
            if reference:
                assert detector.normalize(spelling) == normalize_phone(spelling)
                valid += 1
            checked += 1
    assert checked == 20_000 and 5_000 < valid < checked  # both kinds really exercised


def test_foreign_numbers_still_go_through_phonenumbers():
    detector = PhoneDetector()
    assert french_national_number("+44 20 7946 0958") is None
    assert detector.validate("+44 20 7946 0958").name == "VALID"
    assert detector.normalize("+44 20 7946 0958") == "+442079460958"
