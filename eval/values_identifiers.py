"""Synthetic identifiers of people (issue 15): valid ones built at run time, and look-alikes.

Every check digit comes from python-stdnum's helpers (or, for the Luxembourg matricule
which stdnum lacks, from its ``luhn`` and ``verhoeff`` helpers) applied to random bases:
no real number is written down. ``valid=False`` returns the same shape with a wrong key.
``show_*`` functions write a value the ways people do (spaces, dots, dashes, case).
"""

from __future__ import annotations

import random

from stdnum import ean, luhn, verhoeff
from stdnum import iban as stdnum_iban
from stdnum.be import nn
from stdnum.ch import ssn
from stdnum.de import idnr
from stdnum.es import dni, nie
from stdnum.fr import nif
from stdnum.iso7064 import mod_11_10
from stdnum.it import codicefiscale
from stdnum.nl import bsn
from stdnum.pt import nif as pt_nif

from fouille.detectors.eu.lu_national_id import is_valid_lu_national_id
from eval.values import digits, space_groups

PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTVWXYZ"  # no I, O, U
DEPARTMENTS = ("75", "69", "13", "33", "59", "2A", "2B", "971", "974", "01", "44", "67", "92", "93")


def _wrong(rng: random.Random, value: str, is_valid, alphabet: str = "0123456789") -> str:
    """Change the last character until the value no longer validates."""
    for _ in range(50):
        candidate = value[:-1] + rng.choice(alphabet)
        if not is_valid(candidate):
            return candidate
    raise ValueError("no invalid variant found")


def _pick(
    rng: random.Random, number: str, valid: bool, is_valid, alphabet: str = "0123456789"
) -> str:
    return number if valid else _wrong(rng, number, is_valid, alphabet)


def _letters(rng: random.Random, n: int, alphabet: str = PLATE_LETTERS) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _groups(rng: random.Random, number: str, *layouts: tuple[int, ...], seps: str = " ") -> str:
    layout = rng.choice(layouts)
    return number if not layout else space_groups(number, layout, rng.choice(seps))


# -- French ---------------------------------------------------------------------------------
def nif_number(rng: random.Random, valid: bool = True) -> str:
    base = rng.choice("0123") + digits(rng, 9)
    return _pick(rng, base + nif.calc_check_digits(base), valid, nif.is_valid)


def show_nif(rng: random.Random, number: str) -> str:
    return _groups(rng, number, (), (2, 2, 3, 3, 3), (4, 4, 5))


def rpps_number(rng: random.Random, valid: bool = True) -> str:
    base = "10" + digits(rng, 8)
    return _pick(rng, base + luhn.calc_check_digit(base), valid, luhn.is_valid)


def siv_plate(rng: random.Random, valid: bool = True) -> str:
    """``AB-123-CD``; invalid: the never-issued ``SS`` block or ``000``."""
    left, right = _letters(rng, 2), _letters(rng, 2)
    while "SS" in (left, right):
        left, right = _letters(rng, 2), _letters(rng, 2)
    number = f"{rng.randint(1, 999):03d}"
    if not valid:
        left, right, number = rng.choice(
            [("SS", right, number), (left, "SS", number), (left, right, "000")]
        )
    return f"{left}-{number}-{right}"


def show_siv(rng: random.Random, plate: str) -> str:
    """Official dashed layout most of the time; spaced, compact or lower-case otherwise."""
    roll = rng.random()
    if roll < 0.6:
        return plate
    shown = plate.replace("-", rng.choice([" ", ""]))
    return shown.lower() if rng.random() < 0.3 else shown


def fni_plate(rng: random.Random) -> str:
    sep = rng.choice([" ", " ", "-", ""])
    return sep.join(
        [
            str(rng.randint(1, 9999)),
            _letters(rng, rng.choice([1, 2, 2, 3])),
            rng.choice(DEPARTMENTS),
        ]
    )


def neph_number(rng: random.Random) -> str:
    dept = rng.choice(["75", "69", "13", "2A", "2B", "92", "33", f"{rng.randint(1, 95):02d}"])
    return f"{rng.randint(0, 24):02d}{rng.randint(1, 12):02d}{dept}{digits(rng, 6)}"


def show_neph(rng: random.Random, number: str) -> str:
    return _groups(rng, number, (), (), (2, 2, 2, 3, 3))


def licence_card_number(rng: random.Random) -> str:
    return (
        f"{rng.randint(13, 25):02d}{_letters(rng, 2, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}{digits(rng, 5)}"
    )


# -- Neighbours -----------------------------------------------------------------------------
def be_national_number(rng: random.Random, valid: bool = True) -> str:
    year, born_2000 = rng.randint(0, 99), False
    if year < 20 and rng.random() < 0.5:
        born_2000 = True
    base = f"{year:02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{digits(rng, 3)}"
    if base[6:9] == "000":
        base = base[:6] + "001"
    key = 97 - int(("2" if born_2000 else "") + base) % 97
    return _pick(rng, f"{base}{key:02d}", valid, nn.is_valid)


def show_be(rng: random.Random, number: str) -> str:
    if rng.random() < 0.6:
        return nn.format(number)  # YY.MM.DD-NNN.KK, as on the card
    return _groups(rng, number, (), (6, 3, 2))


def ch_avs(rng: random.Random, valid: bool = True) -> str:
    base = "756" + digits(rng, 9)
    return _pick(rng, base + ean.calc_check_digit(base), valid, ssn.is_valid)


def show_avs(rng: random.Random, number: str) -> str:
    return rng.choice(
        [ssn.format(number), ssn.format(number), number, space_groups(number, (3, 4, 4, 2))]
    )


def es_dni(rng: random.Random, valid: bool = True) -> str:
    base = digits(rng, 8)
    return _pick(
        rng, base + dni.calc_check_digit(base), valid, dni.is_valid, "TRWAGMYFPDXBNJZSQVHLCKE"
    )


def show_dni(rng: random.Random, number: str) -> str:
    shown = rng.choice(
        [
            number,
            number[:8] + "-" + number[8],
            f"{number[:2]}.{number[2:5]}.{number[5:8]}-{number[8]}",
        ]
    )
    return shown.lower() if rng.random() < 0.1 else shown


def es_nie(rng: random.Random, valid: bool = True) -> str:
    base = rng.choice("XYZ") + digits(rng, 7)
    return _pick(
        rng, base + nie.calc_check_digit(base), valid, nie.is_valid, "TRWAGMYFPDXBNJZSQVHLCKE"
    )


def show_nie(rng: random.Random, number: str) -> str:
    return rng.choice([number, number, f"{number[0]}-{number[1:8]}-{number[8]}"])


_CONSONANTS = "BCDFGHJKLMNPQRSTVWXZ"


def it_fiscal_code(rng: random.Random, valid: bool = True) -> str:
    day = rng.randint(1, 28) + rng.choice([0, 40])
    place = rng.choice("ABCDEFGHLMZ") + digits(rng, 3)
    base = (
        _letters(rng, 6, _CONSONANTS)
        + f"{rng.randint(40, 99):02d}"
        + rng.choice("ABCDEHLMPRST")
        + f"{day:02d}"
        + place
    )
    number = base + codicefiscale.calc_check_digit(base)
    return _pick(rng, number, valid, codicefiscale.is_valid, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def show_cf(rng: random.Random, number: str) -> str:
    return number.lower() if rng.random() < 0.1 else number


def de_tax_id(rng: random.Random, valid: bool = True) -> str:
    while True:
        first = rng.sample("0123456789", 9)
        first.insert(rng.randrange(10), rng.choice(first))
        if first[0] == "0":
            continue
        base = "".join(first)
        number = base + mod_11_10.calc_check_digit(base)
        if idnr.is_valid(number):
            return _pick(rng, number, valid, idnr.is_valid)


def show_de(rng: random.Random, number: str) -> str:
    return _groups(rng, number, (), (2, 3, 3, 3))


def pt_nif_number(rng: random.Random, valid: bool = True) -> str:
    base = rng.choice("1235") + digits(rng, 7)
    return _pick(rng, base + pt_nif.calc_check_digit(base), valid, pt_nif.is_valid)


def show_pt(rng: random.Random, number: str) -> str:
    return rng.choice([number, number, space_groups(number, (3, 3, 3)), "PT " + number])


def lu_national_id(rng: random.Random, valid: bool = True) -> str:
    base = (
        f"{rng.randint(1945, 2008)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{digits(rng, 3)}"
    )
    number = base + luhn.calc_check_digit(base) + verhoeff.calc_check_digit(base)
    return _pick(rng, number, valid, is_valid_lu_national_id)


def show_lu(rng: random.Random, number: str) -> str:
    return _groups(rng, number, (), (), (4, 4, 3, 2))


def nl_bsn(rng: random.Random, valid: bool = True) -> str:
    while True:
        base = rng.choice("123456789") + digits(rng, 7)
        check = sum((9 - i) * int(c) for i, c in enumerate(base)) % 11
        if check < 10:
            return _pick(rng, base + str(check), valid, bsn.is_valid)


def show_bsn(rng: random.Random, number: str) -> str:
    return rng.choice([number, number, bsn.format(number), space_groups(number, (3, 3, 3))])


# -- IBANs of the neighbours (beside their national numbers in HR files) ---------------------
_BBAN_SHAPES = {  # from stdnum's IBAN registry: n digits, a upper-case letters
    "BE": "nnnnnnnnnnnn",
    "CH": "nnnnnnnnnnnnnnnnn",
    "ES": "nnnnnnnnnnnnnnnnnnnn",
    "IT": "annnnnnnnnnnnnnnnnnnnnn",
    "NL": "aaaannnnnnnnnn",
    "PT": "nnnnnnnnnnnnnnnnnnnnn",
}


def neighbour_iban(rng: random.Random, country: str) -> str:
    """A valid IBAN of ``country``: random BBANs until stdnum's national checks accept one."""
    while True:
        bban = "".join(
            rng.choice("0123456789" if c == "n" else "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            for c in _BBAN_SHAPES[country]
        )
        number = country + stdnum_iban.calc_check_digits(country + "00" + bban) + bban
        if stdnum_iban.is_valid(number):
            return number


def show_loose(rng: random.Random, number: str) -> str:
    """Groups of 1 to 4 characters, as typed by hand after the word naming the number."""
    groups, pos = [], 0
    while pos < len(number):
        size = rng.randint(1, 4)
        groups.append(number[pos : pos + size])
        pos += size
    return rng.choice([" ", " ", ".", "-"]).join(groups)
