"""A subject's identifiers: normalised by the detectors' own rules, hashed, found again in records.

One source of truth: what the agent types goes through the same ``normalize`` as a scanned
value, so ``Jeanne.Martin@Example.com`` and ``+33 1 99 00 12 34`` hash like the scan's findings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import phonenumbers
import pyarrow as pa
import pyarrow.compute as pc
from fouille.connectors.files.flatten import TooDeep, flatten
from fouille.detectors.detection import detect_text
from fouille.detectors.email import EmailDetector
from fouille.detectors.fr.nir import FrNirDetector
from fouille.detectors.iban import IbanDetector
from fouille.detectors.masking import mask_email, mask_generic, mask_phone
from fouille.detectors.phone_plan import DEFAULT_REGION, normalize_phone
from fouille.scanner.core.column_hints import hint_for
from fouille.scanner.core.keys import Hasher
from fouille.scanner.core.model import IDENTIFIER_TYPES

# Identifiers that name one person: followed when found in the subject's records.
# Company numbers (SIREN, SIRET, VAT) are indexed but not followed: colleagues share them.
# Plates (family and rental cars) and Portuguese NIFs (companies share the format) are not followed.
FOLLOWED_TYPES = frozenset(
    {"EMAIL_ADDRESS", "PHONE_NUMBER", "FR_NIR", "IBAN_CODE", "CREDIT_CARD", "FR_CNI", "FR_PASSPORT",
     "FR_NIF", "FR_DRIVING_LICENSE", "FR_RPPS", "BE_NATIONAL_NUMBER", "CH_AVS", "ES_DNI", "ES_NIE",
     "IT_FISCAL_CODE", "DE_TAX_ID", "LU_NATIONAL_ID", "NL_BSN"}
)
# What the command line accepts, with the words used in provenance and messages.
LABELS = {
    "EMAIL_ADDRESS": "email",
    "PHONE_NUMBER": "phone",
    "FR_NIR": "NIR",
    "IBAN_CODE": "IBAN",
    "FR_SIREN": "SIREN",
    "FR_SIRET": "SIRET",
    "FR_VAT": "VAT number",
    "CREDIT_CARD": "card number",
    "FR_CNI": "identity card number",
    "FR_PASSPORT": "passport number",
}


class InvalidIdentifier(ValueError):
    """What the agent typed is not a valid identifier. The message never repeats the value."""


@dataclass(frozen=True)
class Identifier:
    """One identifier of the subject, normalised. Held in memory only, never written to logs.

    Attributes:
        entity: Entity type (``EMAIL_ADDRESS``...).
        normalized: The normalised value (lower-cased email, E.164 phone, compact NIR/IBAN).
        value_hash: Keyed hash, as in the scan's findings and the index.
    """

    entity: str
    normalized: str = field(repr=False)
    value_hash: str

    @property
    def label(self) -> str:
        return LABELS.get(self.entity, self.entity)

    @property
    def preview(self) -> str:
        """A masked preview (``j***@e****.com``, ``+33 1** ** ** 34``): never the value."""
        if self.entity == "EMAIL_ADDRESS":
            return mask_email(self.normalized)
        if self.entity == "PHONE_NUMBER":
            return mask_phone(self.normalized)
        return mask_generic(self.normalized)

    def described(self) -> dict:
        """How the DPO's files name it: kind, masked preview, hash prefix (never the value)."""
        return {"type": self.label, "preview": self.preview, "hash": self.value_hash[:16]}

    def __str__(self) -> str:  # logs and errors name the kind, never the value
        return f"{self.label} #{self.value_hash[:8]}"


def _normalize_email(raw: str) -> str:
    detector = EmailDetector()
    text = raw.strip()
    found = detector.find(text)
    if len(found) != 1 or (found[0].start, found[0].end) != (0, len(text)):
        raise InvalidIdentifier("--email is not a valid e-mail address")
    return found[0].normalized


def _normalize_phone(raw: str, region: str) -> str:
    normalized = normalize_phone(raw, region)
    if normalized is None:
        raise InvalidIdentifier(f"--phone is not a valid phone number (region {region})")
    return normalized


def _normalize_checked(detector, raw: str, option: str) -> str:
    if detector.validate(raw.strip()).name != "VALID":
        raise InvalidIdentifier(f"{option} does not pass its checksum")
    return detector.normalize(raw.strip())


def normalize_identifier(entity: str, raw: str, region: str = DEFAULT_REGION) -> str:
    """The normalised form of an identifier typed by the agent (any usual spelling).

    Raises:
        InvalidIdentifier: not a valid value of that type (the message holds no value).
    """
    if not isinstance(raw, str) or not raw.strip():
        raise InvalidIdentifier(f"empty {LABELS.get(entity, entity)}")
    if entity == "EMAIL_ADDRESS":
        return _normalize_email(raw)
    if entity == "PHONE_NUMBER":
        return _normalize_phone(raw, region)
    if entity == "FR_NIR":
        return _normalize_checked(FrNirDetector(), raw, "--nir")
    if entity == "IBAN_CODE":
        return _normalize_checked(IbanDetector(), raw, "--iban")
    raise InvalidIdentifier(f"unsupported identifier type {entity}")


def make_identifier(
    hasher: Hasher, entity: str, raw: str, region: str = DEFAULT_REGION
) -> Identifier:
    normalized = normalize_identifier(entity, raw, region)
    return Identifier(entity, normalized, hasher.hash(entity, normalized))


# -- identifiers inside a record ---------------------------------------------------------------


def record_texts(values: Mapping[str, object]) -> dict[str, str]:
    """A record's values as field -> text; JSON values spread by path like the scan does."""
    out: dict[str, str] = {}
    for name, value in values.items():
        if value is None:
            continue
        if isinstance(value, (dict, list)):
            try:
                out.update({p: "\n".join(v) for p, v in flatten(value, str(name)).items()})
            except (TooDeep, RecursionError):
                out[str(name)] = json.dumps(value, ensure_ascii=False, default=str)
        else:
            out[str(name)] = value if isinstance(value, str) else str(value)
    return out


def identifiers_in(values: Mapping[str, object], hasher: Hasher) -> list[tuple[Identifier, str]]:
    """Every identifier the detectors find in a record, as (identifier, field), first seen first."""
    found: dict[str, tuple[Identifier, str]] = {}
    for name, text in record_texts(values).items():
        for match in detect_text(text, hint_for(name)):
            if match.entity not in IDENTIFIER_TYPES:
                continue
            ident = Identifier(
                match.entity, match.normalized, hasher.hash(match.entity, match.normalized)
            )
            found.setdefault(ident.value_hash, (ident, name))
    return list(found.values())


# -- comparable forms, for searching without an index ------------------------------------------

_NON_DIGIT = r"\D"
_NON_ALNUM = r"[^0-9A-Za-z]"


@dataclass(frozen=True)
class SearchForm:
    """How to spot an identifier in raw text cheaply, before the detectors verify it.

    ``kind`` says how a cell is reduced (``lower``: lower-cased; ``digits``: digits only;
    ``alnum``: letters and digits, upper-cased) and ``needle`` is what the reduced cell must
    contain. Every spelling of a phone number shares its national digits.
    """

    kind: str
    needle: str = field(repr=False)


def search_form(ident: Identifier) -> SearchForm:
    if ident.entity == "EMAIL_ADDRESS":
        return SearchForm("lower", ident.normalized.lower())
    if ident.entity == "PHONE_NUMBER":
        try:  # E.164 always parses, in the numbering plan or not
            national = str(phonenumbers.parse(ident.normalized).national_number)
        except phonenumbers.NumberParseException:
            national = re.sub(_NON_DIGIT, "", ident.normalized)
        return SearchForm("digits", national)
    return SearchForm("alnum", re.sub(_NON_ALNUM, "", ident.normalized).upper())


def reduce_column(kind: str, column: pa.Array) -> pa.Array:
    """A string column reduced as ``kind`` says (see ``SearchForm``)."""
    if kind == "lower":
        return pc.utf8_lower(column)
    if kind == "digits":
        return pc.replace_substring_regex(column, _NON_DIGIT, "")
    return pc.utf8_upper(pc.replace_substring_regex(column, _NON_ALNUM, ""))


def candidate_rows(columns: Iterable[pa.Array], forms: list[SearchForm]) -> set[int]:
    """Rows where some column, reduced, contains some identifier's needle."""
    rows: set[int] = set()
    for column in columns:
        if column.type != pa.string():
            column = pc.cast(column, pa.string())
        reduced = {kind: reduce_column(kind, column) for kind in {f.kind for f in forms}}
        for form in forms:
            mask = pc.fill_null(pc.match_substring(reduced[form.kind], form.needle), False)
            rows.update(pc.indices_nonzero(mask).to_pylist())
    return rows


def outside_numbering_plan(ident: Identifier) -> bool:
    """A phone number that parses but is not allocated in its country's plan (searched anyway)."""
    if ident.entity != "PHONE_NUMBER":
        return False
    try:
        return not phonenumbers.is_valid_number(phonenumbers.parse(ident.normalized))
    except phonenumbers.NumberParseException:
        return True


def phone_region_ok(region: str) -> bool:
    return region.upper() in phonenumbers.SUPPORTED_REGIONS
