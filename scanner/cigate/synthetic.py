"""Is a detected value synthetic? Small named predicates, one rule each.

A value that validates is taken as real unless one of these rules says it is a
value made for tests and examples. Each rule cites where its list comes from, so
that a reviewer can check it; each has its own tests (tests/cigate/test_synthetic.py).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass

from fouille.detectors.base import PatternDetector, Verdict
from fouille.detectors.registry import text_detectors

# RFC 2606 and RFC 6761 reserve these names for documentation and testing: no
# mailbox on them can belong to a person.
RESERVED_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")
RESERVED_EMAIL_TLDS = ("test", "example", "invalid", "localhost")

# ARCEP, plan national de numérotation (décision n° 2018-0881 modifiée, annexe 1):
# blocks reserved for audiovisual works of fiction, never assigned to a subscriber.
# National format without the trunk 0: 1 99 00 xx xx ... 6 39 98 xx xx.
ARCEP_FICTION_BLOCKS = ("+3319900", "+3326191", "+3335301", "+3346571", "+3353649", "+3363998")

# Ofcom "numbers for TV and radio drama" (UK) and the NANP 555-0100..0199 block
# (North America) are reserved the same way; phonenumbers accepts some of them as valid.
OFCOM_DRAMA_BLOCKS = (
    "+441134960",
    "+441144960",
    "+441154960",
    "+441164960",
    "+441174960",
    "+441184960",
    "+441214960",
    "+441314960",
    "+441414960",
    "+441514960",
    "+441614960",  # 01xx 496 0xxx
    "+442079460",
    "+442890180",
    "+442920180",
    "+441632960",  # London, Belfast, Cardiff, 01632
    "+447700900",
    "+448081570",
    "+449098790",
    "+443069990",  # mobile, freephone, premium, 03
)
_NANP_FICTION = re.compile(r"^\+1\d{3}55501\d{2}$")

# Card numbers that payment processors publish for testing (Stripe, Adyen, PayPal
# Braintree and the card networks' own sandboxes). They pass Luhn and an issuer range.
TEST_CARD_NUMBERS = frozenset(
    {
        "4242424242424242",
        "4000056655665556",
        "4111111111111111",
        "4012888888881881",
        "4222222222222",
        "4000000000000002",
        "4000000000009995",
        "4000002500003155",
        "4000000000003220",
        "4000000760000002",
        "4000002500000003",
        "4970101122334455",
        "5555555555554444",
        "5200828282828210",
        "5105105105105100",
        "5454545454545454",
        "2223003122003222",
        "2222400070000005",
        "378282246310005",
        "371449635398431",
        "378734493671000",
        "6011111111111117",
        "6011000990139424",
        "6011000400000000",
        "36227206271667",
        "30569309025904",
        "3566002020360505",
        "3530111333300000",
        "6200000000000005",
    }
)

# Sample IBANs printed in bank documentation and the ISO 13616 / SWIFT IBAN registry.
SAMPLE_IBANS = frozenset(
    {
        "FR7630006000011234567890189",  # IBAN registry, France
        "FR1420041010050500013M02606",  # IBAN registry, France (La Banque Postale layout)
        "DE89370400440532013000",  # IBAN registry, Germany
        "GB29NWBK60161331926819",  # IBAN registry, United Kingdom
        "GB82WEST12345698765432",  # ECBS / Wikipedia example
        "NL91ABNA0417164300",  # IBAN registry, Netherlands
        "ES9121000418450200051332",  # IBAN registry, Spain
        "IT60X0542811101000000123456",  # IBAN registry, Italy
        "CH9300762011623852957",  # IBAN registry, Switzerland
        "LU280019400644750000",  # IBAN registry, Luxembourg
        "MC5811222000010123456789030",  # IBAN registry, Monaco
    }
)

# Words people type when a fixture needs "a name": no person is called "Jean Test" or
# "Toto Dummy". A name with one of these words is a placeholder, however real its row.
FILLER_NAME_WORDS = frozenset(
    {
        "test", "tests", "testeur", "testeuse", "toto", "titi", "tata", "tutu", "foo", "bar",
        "baz", "qux", "quux", "foobar", "lorem", "ipsum", "dolor", "dummy", "exemple",
        "example", "sample", "demo", "démo", "fake", "fictif", "fictive", "placeholder",
        "doe", "anonyme", "anonymous", "xxx", "yyy", "zzz", "aaa", "bidon", "nobody",
    }
)  # fmt: skip
_NAME_WORD = re.compile(r"[^\W\d_]+")

_ASCENDING = "01234567890123456789"
_DESCENDING = "98765432109876543210"


def is_reserved_email(email: str) -> bool:
    """An address on a domain reserved for examples (RFC 2606, RFC 6761).

    >>> is_reserved_email("jeanne@example.com"), is_reserved_email("a@crm.test")
    (True, True)
    >>> is_reserved_email("jeanne@" + "orange.fr")  # built: a literal would fail our own gate
    False
    """
    domain = email.rpartition("@")[2].strip().lower().rstrip(".")
    if not domain:
        return False
    if any(domain == d or domain.endswith("." + d) for d in RESERVED_EMAIL_DOMAINS):
        return True
    return domain.rpartition(".")[2] in RESERVED_EMAIL_TLDS


def is_fiction_phone(e164: str) -> bool:
    """A number from a block reserved for fiction (ARCEP, Ofcom, NANP 555-01xx).

    >>> is_fiction_phone("+33199001234"), is_fiction_phone("+33639981234")
    (True, True)
    """
    number = re.sub(r"[^\d+]", "", e164)
    if number.startswith("+33") and len(number) == 12:
        return number.startswith(ARCEP_FICTION_BLOCKS)
    if number.startswith("+44"):
        return number.startswith(OFCOM_DRAMA_BLOCKS)
    return bool(_NANP_FICTION.match(number))


def fails_checksum(entity: str, raw: str) -> bool:
    """The registered validator for this entity rejects the value (bad key, bad shape).

    Detectors already drop most of these; a detector that keeps an invalid candidate
    at a low score (useful elsewhere) must not fail the gate with it.
    """
    verdicts = [
        d.validate(raw)
        for d in text_detectors()
        if isinstance(d, PatternDetector) and entity in d.entities
    ]
    return bool(verdicts) and Verdict.VALID not in verdicts and Verdict.INVALID in verdicts


def is_documented_test_number(entity: str, normalized: str) -> bool:
    """A card test number or a sample IBAN that documentation publishes."""
    compact = re.sub(r"[\s\-.]", "", normalized).upper()
    if entity == "CREDIT_CARD":
        return compact in TEST_CARD_NUMBERS
    if entity == "IBAN_CODE":
        return compact in SAMPLE_IBANS
    return False


def is_filler(normalized: str) -> bool:
    """Digits a person types when they need any number: 0600000000, 1234567890, 0612121212.

    The significant digits (after a ``+CC`` or a trunk ``0X``) are one repeated digit,
    a run up or down, or a period-two repetition. Values with fewer than 8 digits are
    not judged.
    """
    digits = re.sub(r"\D", "", normalized)
    if normalized.startswith("+33"):
        digits = digits[3:]
    if len(digits) < 8:
        return False
    if len(digits) in (9, 10):
        digits = digits.removeprefix("0")[1:]  # drop the trunk 0 and the area / mobile digit
    if _is_run(digits):
        return True
    tail = digits[-8:]
    return _is_run(tail) or len(set(tail[0::2])) == 1 and len(set(tail[1::2])) == 1


def _is_run(digits: str) -> bool:
    return len(set(digits)) == 1 or digits in _ASCENDING or digits in _DESCENDING


def is_filler_name(raw: str) -> bool:
    """A name with a placeholder word in it: ``Test``, ``Jean Test``, ``Toto``, ``Foo Bar``.

    >>> is_filler_name("Jean Test"), is_filler_name("TOTO"), is_filler_name("Camille Lefèvre")
    (True, True, False)
    """
    words = [w.lower() for w in _NAME_WORD.findall(raw)]
    return any(w in FILLER_NAME_WORDS for w in words)


def is_non_public_ip(address: str) -> bool:
    """Loopback, private, link-local, documentation and other non-global addresses.

    Such addresses (127.0.0.1, 10.0.0.1, 192.0.2.10, 2001:db8::1) do not point at a
    person's connection; only globally routable ones can.
    """
    try:
        return not ipaddress.ip_address(address.strip()).is_global
    except ValueError:
        return False


@dataclass(frozen=True)
class Rule:
    """One synthetic rule: its name (shown in reports) and when it applies."""

    name: str
    entities: frozenset[str] | None  # None: every entity
    check: Callable[[str, str, str], bool]  # (entity, raw, normalized) -> synthetic?


RULES: tuple[Rule, ...] = (
    Rule(
        "reserved-email-domain",
        frozenset({"EMAIL_ADDRESS"}),
        lambda _e, _r, norm: is_reserved_email(norm),
    ),
    Rule(
        "fiction-phone-range",
        frozenset({"PHONE_NUMBER"}),
        lambda _e, _r, norm: is_fiction_phone(norm),
    ),
    Rule("invalid-checksum", None, lambda entity, raw, _n: fails_checksum(entity, raw)),
    Rule(
        "documented-test-number",
        frozenset({"CREDIT_CARD", "IBAN_CODE"}),
        lambda entity, _r, norm: is_documented_test_number(entity, norm),
    ),
    Rule(
        "filler-digits",
        frozenset(
            {
                "PHONE_NUMBER",
                "FR_NIR",
                "FR_SIREN",
                "FR_SIRET",
                "CREDIT_CARD",
                "FR_CNI",
                "FR_PASSPORT",
                # Identifiers of people added by issue 15 (digits only, or digits and a letter)
                "FR_NIF",
                "FR_RPPS",
                "FR_DRIVING_LICENSE",
                "BE_NATIONAL_NUMBER",
                "CH_AVS",
                "ES_DNI",
                "DE_TAX_ID",
                "PT_NIF",
                "LU_NATIONAL_ID",
                "NL_BSN",
            }
        ),
        lambda _e, _r, norm: is_filler(norm),
    ),
    Rule("filler-name", frozenset({"PERSON"}), lambda _e, raw, _n: is_filler_name(raw)),
    Rule("non-public-ip", frozenset({"IP_ADDRESS"}), lambda _e, raw, _n: is_non_public_ip(raw)),
)


def synthetic_rule(entity: str, raw: str, normalized: str) -> str | None:
    """The name of the first rule that calls this value synthetic, else ``None``."""
    for rule in RULES:
        if rule.entities is not None and entity not in rule.entities:
            continue
        if rule.check(entity, raw, normalized):
            return rule.name
    return None
