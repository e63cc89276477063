"""Synthetic values for the evaluation corpus: valid identifiers built at run time, and look-alikes.

Valid check digits come from python-stdnum's helpers applied to random bases, so no
real number is written down anywhere. Phones are from ARCEP fiction ranges, e-mails on
example.com / example.org. Each ``bad_*`` function returns the same shape with a wrong key.
"""

from __future__ import annotations

import random

from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.fr import nir, tva

from fouille.detectors.iban import rib_key

FICTION_PHONE_PREFIXES = ("01 99 00", "02 61 91", "03 53 01", "04 65 71", "05 36 49")
FOREIGN_PHONES = ("+44 20 7946 0{:03d}", "+44 161 496 0{:03d}")
SEPA_BBAN_DIGITS = {"DE": 18, "AT": 16, "LU": 16}  # countries with no national check digit


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _wrong(rng: random.Random, value: str, is_valid) -> str:
    """Change the last digit until the value no longer validates."""
    for _ in range(20):
        candidate = value[:-1] + rng.choice("0123456789")
        if not is_valid(candidate):
            return candidate
    return value[:-2] + ("00" if value[-2:] != "00" else "11")


def space_groups(value: str, sizes: tuple[int, ...], sep: str = " ") -> str:
    out, pos = [], 0
    for n in sizes:
        out.append(value[pos : pos + n])
        pos += n
    return sep.join(out)


# -- Check digits from python-stdnum (also used by the tests to build valid numbers) -------------
def with_nir_key(base13: str) -> str:
    return base13 + nir.calc_check_digits(base13)


def with_luhn(base: str) -> str:
    return base + luhn.calc_check_digit(base)


def vat_for(siren: str) -> str:
    """``FR`` + key + SIREN. python-stdnum has no helper for the key: the documented formula, confirmed."""
    number = f"FR{int(siren + '12') % 97:02d}{siren}"
    assert tva.is_valid(number)
    return number


def fr_iban(bank: str, branch: str, account: str) -> str:
    bban = bank + branch + account + rib_key(bank, branch, account)
    return "FR" + stdnum_iban.calc_check_digits("FR00" + bban) + bban


# -- NIR ------------------------------------------------------------------------------------
def nir_number(rng: random.Random, valid: bool = True) -> str:
    dept = rng.choice(["75", "69", "13", "2A", "2B", "33", "59", "99", f"{rng.randint(1, 95):02d}"])
    if dept == "20":
        dept = "21"
    base = f"{rng.choice('12')}{rng.randint(40, 99):02d}{rng.randint(1, 12):02d}{dept}{digits(rng, 6)}"
    number = with_nir_key(base)
    return number if valid else _wrong(rng, number, nir.is_valid)


def show_nir(rng: random.Random, number: str) -> str:
    return rng.choice([number, space_groups(number, (1, 2, 2, 2, 3, 3, 2)), space_groups(number, (1, 2, 2, 2, 3, 3, 2), ".")])


# -- SIREN / SIRET / VAT ----------------------------------------------------------------------
def siren_number(rng: random.Random, valid: bool = True) -> str:
    number = with_luhn(rng.choice("123456789") + digits(rng, 7))
    return number if valid else _wrong(rng, number, luhn.is_valid)


def siret_number(rng: random.Random, valid: bool = True) -> str:
    number = with_luhn(siren_number(rng) + digits(rng, 4))
    return number if valid else _wrong(rng, number, luhn.is_valid)


def vat_number(rng: random.Random, valid: bool = True) -> str:
    number = vat_for(siren_number(rng))
    if valid:
        return number
    return f"FR{(int(number[2:4]) + rng.randint(1, 96)) % 97:02d}{number[4:]}"


def show_siren(rng: random.Random, number: str) -> str:
    return rng.choice([number, space_groups(number, (3, 3, 3)), space_groups(number, (3, 3, 3), ".")])


def show_siret(rng: random.Random, number: str) -> str:
    return rng.choice([number, space_groups(number, (3, 3, 3, 5))])


def show_vat(rng: random.Random, number: str) -> str:
    shown = rng.choice([number, space_groups(number, (2, 2, 3, 3, 3)), number[:4] + " " + number[4:]])
    return shown.lower() if rng.random() < 0.1 else shown


# -- IBAN -------------------------------------------------------------------------------------
def iban_number(rng: random.Random, valid: bool = True, country: str = "FR") -> str:
    if country == "FR":
        number = fr_iban(digits(rng, 5), digits(rng, 5), digits(rng, 11))
    else:
        bban = digits(rng, SEPA_BBAN_DIGITS[country])
        number = country + stdnum_iban.calc_check_digits(country + "00" + bban) + bban
    return number if valid else _wrong(rng, number, stdnum_iban.is_valid)


def show_iban(rng: random.Random, number: str) -> str:
    spaced = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    style = rng.random()
    if style < 0.5:
        return spaced
    if style < 0.75:
        return number
    if style < 0.85:
        return spaced.replace(" ", "-")
    return number.lower()


# -- Cards --------------------------------------------------------------------------------------
CARD_PREFIXES = (("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("2720", 16), ("34", 15), ("37", 15),
                 ("4970", 16), ("5132", 16))


def card_number(rng: random.Random, valid: bool = True) -> str:
    prefix, length = rng.choice(CARD_PREFIXES)
    number = with_luhn(prefix + digits(rng, length - len(prefix) - 1))
    return number if valid else _wrong(rng, number, luhn.is_valid)


def show_card(rng: random.Random, number: str) -> str:
    if len(number) == 15:
        return rng.choice([number, space_groups(number, (4, 6, 5))])
    return rng.choice([number, space_groups(number, (4, 4, 4, 4)), space_groups(number, (4, 4, 4, 4), "-")])


# -- Phones, IPs, e-mails -------------------------------------------------------------------------
def phone_number(rng: random.Random) -> str:
    if rng.random() < 0.08:
        return rng.choice(FOREIGN_PHONES).format(rng.randint(0, 999))
    national = rng.choice(FICTION_PHONE_PREFIXES) + f" {rng.randint(0, 99):02d} {rng.randint(0, 99):02d}"
    compact = national.replace(" ", "")
    style = rng.randrange(8)
    return (
        national,
        national.replace(" ", "."),
        compact,
        "+33 " + national[1:],
        "+33 (0)" + national[1:],
        "0033 " + national[1:],
        "+33" + compact[1:],
        national.replace(" ", "-"),
    )[style]


def ipv4(rng: random.Random) -> str:
    return f"{rng.choice([10, 82, 91, 172, 192, 203])}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6(rng: random.Random) -> str:
    groups = [f"{rng.randint(0, 0xFFFF):x}" for _ in range(5)]
    return rng.choice(["2001:db8:" + ":".join(groups[:2]) + "::" + groups[2],
                       "2001:db8:" + ":".join(groups) + ":1", "fe80::" + ":".join(groups[:3])])


def email(rng: random.Random, first: str, last: str) -> str:
    from fouille.detectors.base import fold

    local = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{rng.randint(1, 99)}", f"{last}.{first}+crm"])
    local = "".join(ch for ch in fold(local) if ch.isalnum() or ch in ".+-")
    domain = rng.choice(["example.com", "example.org", "mail.example.com", "example.org"])
    return (local + "@" + domain) if rng.random() < 0.9 else (local + "@" + domain).upper()


# -- CNI / passport -----------------------------------------------------------------------------
def cni_number(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.randint(90, 99):02d}{rng.randint(1, 12):02d}{rng.randint(10, 95)}{rng.randint(0, 9)}{digits(rng, 5)}"
    alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ"
    chars = [rng.choice(alphabet + "0123456789") for _ in range(7)] + [rng.choice(alphabet), rng.choice("0123456789")]
    rng.shuffle(chars)
    return "".join(chars)


def passport_number(rng: random.Random) -> str:
    return f"{rng.randint(0, 99):02d}{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{digits(rng, 5)}"


# -- Phones as people really type them (issue 15) --------------------------------------------------
# Groupings of the 10 national digits seen in real documents, and of the 9 after "+33".
NATIONAL_GROUPINGS = ((2, 2, 2, 2, 2), (2, 2, 2, 2, 2), (2, 4, 4), (4, 2, 2, 2), (1, 3, 2, 2, 2),
                      (2, 2, 4, 2), (4, 3, 3), (2, 2, 2, 4), (3, 3, 4))
INTERNATIONAL_GROUPINGS = ((1, 2, 2, 2, 2), (1, 2, 2, 2, 2), (3, 2, 2, 2), (1, 4, 4), (3, 3, 3))
PHONE_SEPARATORS = (" ", " ", " ", ".", "-", "", "\u00a0", "\u202f", "/")
# ARCEP fiction blocks of mobiles, outside phonenumbers' plan: reported as outside the plan.
FICTION_MOBILE_PREFIXES = ("0639 98", "0700 00")
# Overseas blocks inside the French plan and the country code of their department.
OVERSEAS_PREFIXES = (("0692", "262"), ("0693", "262"), ("0639", "262"), ("0262", "262"),
                     ("0690", "590"), ("0691", "590"), ("0590", "590"), ("0694", "594"),
                     ("0594", "594"), ("0696", "596"), ("0697", "596"), ("0596", "596"))
# Foreign mobiles (region, adjective a French text names it with); the first four write their
# national numbers with 10 digits and a leading 0, like French ones.
FOREIGN_REGIONS = (("BE", "belge"), ("CH", "suisse"), ("MA", "marocain"), ("DZ", "algérien"),
                   ("TN", "tunisien"), ("ES", "espagnol"), ("IT", "italien"), ("DE", "allemand"),
                   ("PT", "portugais"), ("LU", "luxembourgeois"), ("SN", "sénégalais"), ("GB", "anglais"))


def show_national(rng: random.Random, national: str) -> str:
    """A 10-digit national number in one of the usual groupings and separators."""
    sep = rng.choice(PHONE_SEPARATORS)
    return space_groups(national, rng.choice(NATIONAL_GROUPINGS), sep) if sep else national


def show_international(rng: random.Random, code: str, nine: str) -> str:
    """``+33 6 12 34 56 78``, ``0033 612 …``, ``(+262) 692 …``, ``+33 (0)6 …``, compact."""
    if rng.random() < 0.15:
        return f"+{code}{nine}"
    heads = [f"+{code} ", f"+{code} ", f"00{code} ", f"(+{code}) ", f"+{code}\u00a0"]
    if code == "33":
        heads += ["+33 (0)", "+33 (0) ", "+33(0)"]
    sep = rng.choice((" ", " ", ".", "-", "\u00a0"))
    return rng.choice(heads) + space_groups(nine, rng.choice(INTERNATIONAL_GROUPINGS), sep)


def _valid_french(national: str, code: str = "33") -> bool:
    from fouille.detectors.phone import read_french

    e164, in_plan = read_french(national[1:])
    return in_plan and e164.startswith("+" + code)


def fiction_national(rng: random.Random) -> str:
    """A metropolitan number from an ARCEP fiction block, in the plan (10 digits)."""
    return rng.choice(FICTION_PHONE_PREFIXES).replace(" ", "") + digits(rng, 4)


def outside_plan_national(rng: random.Random) -> str:
    """A French-shaped number outside the plan: a fiction mobile block (10 digits)."""
    return rng.choice(FICTION_MOBILE_PREFIXES).replace(" ", "") + digits(rng, 4)


def overseas_national(rng: random.Random) -> tuple[str, str]:
    """(10-digit national number valid in an overseas department, its country code)."""
    while True:
        prefix, code = rng.choice(OVERSEAS_PREFIXES)
        national = prefix + digits(rng, 6)
        if _valid_french(national, code):
            return national, code


def special_national(rng: random.Random) -> str:
    """A valid 08 / 09 number (``0 805 …`` is phonenumbers' own layout for 08)."""
    while True:
        national = rng.choice(("0805", "0800", "0970", "0980", "0950")) + digits(rng, 6)
        if _valid_french(national):
            return national


def foreign_phone(rng: random.Random, region: str, national_format: bool = False) -> str:
    """A valid mobile of ``region`` built from phonenumbers' example, international or national."""
    import phonenumbers

    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    base = str(example.national_number)
    for _ in range(50):
        number = phonenumbers.parse(f"+{example.country_code}{base[:-4]}{digits(rng, 4)}")
        if phonenumbers.is_valid_number(number):
            break
    kind = phonenumbers.PhoneNumberFormat.NATIONAL if national_format else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, kind)


# -- IBANs of every country ----------------------------------------------------------------------
# (Spain and Belgium carry national check digits a random BBAN seldom meets: left out here.)
SEPA_IBAN_COUNTRIES = ("DE", "IT", "NL", "PT", "CH", "GB", "LU", "AT", "IE", "MC", "PL", "GR", "SE", "DK")
OTHER_IBAN_COUNTRIES = ("TN", "LB", "TR", "BR", "SA", "AE", "MR", "EG", "QA", "JO", "KW", "IL", "UA",
                        "PK", "BH", "GE", "AZ", "KZ", "CR", "DO", "MU", "XK", "SC", "IQ")
# Countries that publish IBANs the SWIFT registry does not list (BBAN digits after the key).
UNREGISTERED_IBAN_BBAN = {"MA": 24, "DZ": 22, "SN": 24, "CI": 24, "CM": 23, "MG": 23, "ML": 24, "BJ": 24}
_BBAN_CHARS = {"n": "0123456789", "a": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "c": "0123456789" * 4 + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}


def registry_iban(rng: random.Random, country: str) -> str:
    """A valid IBAN of a registry country, its BBAN built from python-stdnum's registry format."""
    import re as _re

    from stdnum import numdb

    structure = numdb.get("iban").info(country)[0][1]["bban"]
    for _ in range(200):
        bban = "".join(
            "".join(rng.choice(_BBAN_CHARS[kind]) for _ in range(int(count)))
            for count, kind in _re.findall(r"(\d+)!([nac])", structure)
        )
        number = country + stdnum_iban.calc_check_digits(country + "00" + bban) + bban
        if stdnum_iban.is_valid(number):
            return number
    raise ValueError(f"no valid IBAN built for {country}")


def unregistered_iban(rng: random.Random, country: str) -> str:
    """An IBAN of a country outside the registry (Morocco, Algeria...): mod 97 only."""
    bban = digits(rng, UNREGISTERED_IBAN_BBAN[country])
    return country + stdnum_iban.calc_check_digits(country + "00" + bban) + bban


def rib_mismatch_iban(rng: random.Random) -> str:
    """A French IBAN whose mod 97 holds but whose RIB key is wrong (test-data generators)."""
    bank, branch, account = digits(rng, 5), digits(rng, 5), digits(rng, 11)
    key = (int(rib_key(bank, branch, account)) + rng.randint(1, 96)) % 97
    bban = f"{bank}{branch}{account}{key:02d}"
    return "FR" + stdnum_iban.calc_check_digits("FR00" + bban) + bban


def show_iban_any(rng: random.Random, number: str) -> str:
    """Groups of 4 (or the RIB's 5-5-11-2, or odd sizes), any separator, any case."""
    style = rng.random()
    sep = rng.choice((" ", " ", " ", "\u00a0", "-", "\u202f"))
    if style < 0.45:
        shown = sep.join(number[i : i + 4] for i in range(0, len(number), 4))
    elif style < 0.65:
        shown = number
    elif style < 0.8 and number.startswith(("FR", "MC")):
        shown = space_groups(number, (4, 5, 5, 11, 2), sep)
    else:
        size = rng.choice((3, 5, 6))
        shown = number[:4] + sep + sep.join(number[i : i + size] for i in range(4, len(number), size))
    return shown.lower() if rng.random() < 0.12 else shown


def spaced_oddly(rng: random.Random, value: str) -> str:
    """Digits spaced any way (``7 3 2 8 …``, ``7328 2932 0000 74``), as after a naming word."""
    style = rng.randrange(3)
    if style == 0:
        return " ".join(value)
    if style == 1:
        return space_groups(value, tuple([4] * (len(value) // 4) + ([len(value) % 4] if len(value) % 4 else [])))
    out, pos = [], 0
    while pos < len(value):
        size = rng.randint(1, 4)
        out.append(value[pos : pos + size])
        pos += size
    return rng.choice((" ", " ", "\u00a0", ".")).join(out)
