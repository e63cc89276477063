"""How bad a real-looking value is, and what to tell the developer about it.

``high`` and ``medium`` fail the check. ``low`` is reported and fails only with
``--strict`` or when it sits next to a failing identifier: names, cities, birth dates
and addresses are in every fixture, and a company's SIREN is public (the SIRENE
register); a name beside a real NIR is a person's record.
"""

from __future__ import annotations

from fouille.scanner.core.model import is_sensitive

SEVERITY_ORDER = ("low", "medium", "high")
FAILING = frozenset({"medium", "high"})
DEFAULT_SEVERITY = "medium"  # a new detector's entity fails until someone rates it

SEVERITY: dict[str, str] = {
    "FR_NIR": "high",
    "CREDIT_CARD": "high",
    "IBAN_CODE": "high",
    "FR_CNI": "high",
    "FR_PASSPORT": "high",
    # National and tax identifiers of people (issue 15): as serious as a NIR.
    "FR_NIF": "high",
    "FR_DRIVING_LICENSE": "high",
    "BE_NATIONAL_NUMBER": "high",
    "CH_AVS": "high",
    "ES_DNI": "high",
    "ES_NIE": "high",
    "IT_FISCAL_CODE": "high",
    "DE_TAX_ID": "high",
    "PT_NIF": "high",
    "LU_NATIONAL_ID": "high",
    "NL_BSN": "high",
    # A plate is personal only once tied to someone; an RPPS number is published in the
    # public health directory (annuaire santé), like a SIREN: reported, failing beside others.
    "FR_LICENSE_PLATE": "low",
    "FR_RPPS": "low",
    "EMAIL_ADDRESS": "medium",
    "PHONE_NUMBER": "medium",
    "PERSON": "low",
    "LOCATION": "low",
    "ADDRESS": "low",
    "DATE_OF_BIRTH": "low",
    "IP_ADDRESS": "low",
    "FR_SIREN": "low",
    "FR_SIRET": "low",
    "FR_VAT": "low",
}
# Art. 9 clauses say nothing about who they are about unless an identifier is near.
SENSITIVE_SEVERITY = "low"

_FIX: dict[str, str] = {
    "EMAIL_ADDRESS": "use an address on a reserved domain (someone@example.com, someone@crm.test)",
    "PHONE_NUMBER": "use an ARCEP fiction number: 01 99 00 xx xx, 02 61 91 xx xx, 03 53 01 xx xx, "
    "04 65 71 xx xx, 05 36 49 xx xx or 06 39 98 xx xx",
    "IBAN_CODE": "use the documented sample FR76 3000 6000 0112 3456 7890 189, or build an IBAN "
    "at run time with stdnum.iban.calc_check_digits",
    "CREDIT_CARD": "use a published test card number (4242 4242 4242 4242)",
    "FR_NIR": "build the NIR at run time from a base with stdnum.fr.nir.calc_check_digits",
    "FR_SIREN": "build the number at run time with stdnum.luhn.calc_check_digit",
    "FR_SIRET": "build the number at run time with stdnum.luhn.calc_check_digit",
    "FR_RPPS": "build the number at run time with stdnum.luhn.calc_check_digit",
    "FR_NIF": "build the number at run time with stdnum.fr.nif.calc_check_digits",
    "BE_NATIONAL_NUMBER": "build the number at run time (key: 97 - base % 97, stdnum.be.nn)",
    "CH_AVS": "build the number at run time with stdnum.ean.calc_check_digit on 756 + 9 digits",
    "ES_DNI": "build the number at run time with stdnum.es.dni.calc_check_digit",
    "ES_NIE": "build the number at run time with stdnum.es.nie.calc_check_digit",
    "IT_FISCAL_CODE": "build the code at run time with stdnum.it.codicefiscale.calc_check_digit",
    "DE_TAX_ID": "build the number at run time with stdnum.iso7064.mod_11_10.calc_check_digit",
    "PT_NIF": "build the number at run time with stdnum.pt.nif.calc_check_digit",
    "NL_BSN": "build the number at run time so that it passes the 11-proof (stdnum.nl.bsn)",
    "LU_NATIONAL_ID": "build the number at run time (stdnum.luhn and stdnum.verhoeff digits)",
    "FR_LICENSE_PLATE": "use the never-issued SS block (SS-123-SS), which is no plate",
    "IP_ADDRESS": "use a documentation address (192.0.2.x, 198.51.100.x, 2001:db8::x)",
}
_GENERIC_FIX = "replace it with a synthetic value (Faker('fr_FR') with a fixed seed)"
_ACCEPT = "or, if it is meant to be there, mark the line `fouille: ignore` or run --update-baseline"

_VALIDATED = {
    "EMAIL_ADDRESS": "a well-formed address on a domain not reserved for examples",
    "PHONE_NUMBER": "a valid number (phonenumbers) outside the ranges reserved for fiction",
    "IBAN_CODE": "passes the IBAN mod-97 check and is not a documented sample",
    "CREDIT_CARD": "passes Luhn in an issuer's range and is not a published test number",
    "FR_NIR": "passes the NIR key check and is no filler",
    "IP_ADDRESS": "a globally routable address",
}


def severity_of(entity: str) -> str:
    if is_sensitive(entity):
        return SENSITIVE_SEVERITY
    return SEVERITY.get(entity, DEFAULT_SEVERITY)


def fix_for(entity: str) -> str:
    """How to make the gate pass, for this entity."""
    return f"{_FIX.get(entity, _GENERIC_FIX)}; {_ACCEPT}"


def why_real(entity: str, evidence: tuple[str, ...]) -> str:
    """Why the gate takes the value for real data, from the detector's evidence."""
    if entity in _VALIDATED and "checksum" in evidence:
        reason = _VALIDATED[entity]
    elif "checksum" in evidence:
        reason = "passes its checksum or validation and matches no synthetic rule"
    elif "ner" in evidence:
        reason = "the French NER model tags it as a name or place"
    elif "column-name" in evidence:
        reason = "its key or column name says what it is and its shape fits"
    else:
        reason = "matches the pattern and no synthetic rule"
    context = [e.removeprefix("context:") for e in evidence if e.startswith("context:")]
    if context:
        reason += f"; next to the word '{context[0]}'"
    return reason
