"""One test per synthetic rule. Real-looking values are built at run time, never written."""

import pytest
from stdnum import iban, luhn
from stdnum.fr import nir

from fouille.scanner.cigate import synthetic


def real_mobile() -> str:
    # A plausible mobile outside every fiction range, assembled so no literal holds it.
    return "+33" + "6" + "47823195"


def test_reserved_email_domains():
    for email in (
        "a@example.com",
        "a@crm.example.org",
        "a@example.net",
        "a@shop.test",
        "a@site.example",
        "a@x.invalid",
        "a@localhost",
        "A@EXAMPLE.COM",
    ):
        assert synthetic.is_reserved_email(email), email
    for domain in ("orange.fr", "example.fr", "notexample.com", "test.fr"):
        assert not synthetic.is_reserved_email("a" + "@" + domain), domain
    assert not synthetic.is_reserved_email("")


@pytest.mark.parametrize("block", ["199 00", "261 91", "353 01", "465 71", "536 49", "639 98"])
def test_arcep_fiction_ranges(block):
    number = "+33" + block.replace(" ", "") + "1234"
    assert synthetic.is_fiction_phone(number)


def test_other_fiction_ranges_and_real_numbers():
    assert synthetic.is_fiction_phone("+442079460958")  # Ofcom drama, London
    assert synthetic.is_fiction_phone("+447700900461")  # Ofcom drama, mobile
    assert synthetic.is_fiction_phone("+12025550142")  # NANP 555-01xx
    assert not synthetic.is_fiction_phone(real_mobile())
    assert not synthetic.is_fiction_phone("+33" + "199011234")  # next to a block, not in it
    assert not synthetic.is_fiction_phone("+1" + "2025551234")


def test_invalid_checksum_is_not_real():
    base = "1850578006084"
    good = base + nir.calc_check_digits(base)
    bad = base + f"{(int(nir.calc_check_digits(base)) + 1) % 97:02d}"
    assert synthetic.fails_checksum("FR_NIR", bad)
    assert not synthetic.fails_checksum("FR_NIR", good)
    card = "497010123456789"
    assert synthetic.fails_checksum(
        "CREDIT_CARD", card + str((int(luhn.calc_check_digit(card)) + 1) % 10)
    )
    assert not synthetic.fails_checksum("CREDIT_CARD", card + luhn.calc_check_digit(card))
    assert not synthetic.fails_checksum("NO_SUCH_ENTITY", "anything")


def test_documented_test_numbers():
    assert synthetic.is_documented_test_number("CREDIT_CARD", "4242 4242 4242 4242")
    assert synthetic.is_documented_test_number("CREDIT_CARD", "378282246310005")
    assert synthetic.is_documented_test_number("IBAN_CODE", "FR76 3000 6000 0112 3456 7890 189")
    assert synthetic.is_documented_test_number("IBAN_CODE", "de89370400440532013000")
    bban = "FR00" + "20041010050500013M026" + "07"
    other = "FR" + iban.calc_check_digits(bban) + bban[4:]
    assert not synthetic.is_documented_test_number("IBAN_CODE", other)
    assert not synthetic.is_documented_test_number("PHONE_NUMBER", "4242424242424242")


def test_every_listed_test_number_validates():
    # A test number that fails its own check would never reach the rule: the list would lie.
    from fouille.detectors.credit_card import issuer_matches

    assert all(luhn.is_valid(c) and issuer_matches(c) for c in synthetic.TEST_CARD_NUMBERS)
    assert all(iban.is_valid(i) for i in synthetic.SAMPLE_IBANS)


def test_fillers():
    for value in (
        "0600000000",
        "+33600000000",
        "1234567890",
        "+33612345678",
        "0698765432",
        "+33612121212",
        "4242424242424242",
        "111111111111111",
    ):
        assert synthetic.is_filler(value), value
    for value in (real_mobile(), "0" + real_mobile()[3:], "1234567", "4970" + "101234567893"):
        assert not synthetic.is_filler(value), value


def test_non_public_ip():
    for address in (
        "127.0.0.1",
        "10.1.2.3",
        "192.168.0.10",
        "192.0.2.17",
        "198.51.100.7",
        "203.0.113.9",
        "2001:db8::1",
        "::1",
        "fe80::1",
    ):
        assert synthetic.is_non_public_ip(address), address
    assert not synthetic.is_non_public_ip("8." + "8.4.4")
    assert not synthetic.is_non_public_ip("not an ip")


def test_synthetic_rule_names_the_rule():
    assert (
        synthetic.synthetic_rule("EMAIL_ADDRESS", "a@example.com", "a@example.com")
        == "reserved-email-domain"
    )
    assert (
        synthetic.synthetic_rule("PHONE_NUMBER", "01 99 00 12 34", "+33199001234")
        == "fiction-phone-range"
    )
    assert (
        synthetic.synthetic_rule("PHONE_NUMBER", "06 00 00 00 00", "+33600000000")
        == "filler-digits"
    )
    assert synthetic.synthetic_rule("PHONE_NUMBER", real_mobile(), real_mobile()) is None
    email = "jeanne" + "@" + "orange.fr"
    assert synthetic.synthetic_rule("EMAIL_ADDRESS", email, email) is None


def test_filler_names_are_placeholders():
    for name in ("Test", "Jean Test", "TOTO", "Foo Bar", "Lorem Ipsum", "Dummy", "Marie Exemple"):
        assert synthetic.synthetic_rule("PERSON", name, name) == "filler-name", name
    for name in ("Camille Lefèvre", "Bartholomé Martin", "Testard"):
        assert synthetic.synthetic_rule("PERSON", name, name) is None, name
