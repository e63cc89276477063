"""Records that cross module lines: where a value was found, and what was found.

No record here has a field for a raw scanned value. A finding carries a masked
preview and a keyed hash of the normalised value, nothing more.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for annotations: the model imports no key code
    from fouille.scanner.core.keys import Hasher

# A record key as ordered (name, value) pairs, e.g. (("line", 17),) or (("id", 9),).
RecordKey = tuple[tuple[str, object], ...]

ENTITY_TYPES = (
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "FR_NIR",
    "FR_SIREN",
    "FR_SIRET",
    "FR_VAT",
    "IBAN_CODE",
    "CREDIT_CARD",
    "IP_ADDRESS",
    "PERSON",
    "ADDRESS",
    "LOCATION",
    "DATE_OF_BIRTH",
    "FR_CNI",
    "FR_PASSPORT",
    "FR_NIF",
    "FR_RPPS",
    "FR_LICENSE_PLATE",
    "FR_DRIVING_LICENSE",
    "BE_NATIONAL_NUMBER",
    "CH_AVS",
    "ES_DNI",
    "ES_NIE",
    "IT_FISCAL_CODE",
    "DE_TAX_ID",
    "PT_NIF",
    "LU_NATIONAL_ID",
    "NL_BSN",
)
SENSITIVE_PREFIX = "SENSITIVE_"  # every art. 9 / art. 10 category is a SENSITIVE_* type
SENSITIVE_TYPES = (
    "SENSITIVE_HEALTH",
    "SENSITIVE_RELIGION",
    "SENSITIVE_SEXUAL_ORIENTATION",
    "SENSITIVE_UNION",
    "SENSITIVE_POLITICAL",
    "SENSITIVE_ETHNIC",
    "SENSITIVE_CRIMINAL",
)


def is_sensitive(entity: str) -> bool:
    """An art. 9 / art. 10 category (health, religion, ..., criminal records)."""
    return str(entity).startswith(SENSITIVE_PREFIX)


# Entities that identify one person on their own: indexed for DSAR lookups.
IDENTIFIER_TYPES = frozenset(
    {"EMAIL_ADDRESS", "PHONE_NUMBER", "FR_NIR", "FR_SIREN", "FR_SIRET", "FR_VAT",
     "IBAN_CODE", "CREDIT_CARD", "FR_CNI", "FR_PASSPORT", "FR_NIF", "FR_RPPS",
     "FR_LICENSE_PLATE", "FR_DRIVING_LICENSE", "BE_NATIONAL_NUMBER", "CH_AVS", "ES_DNI",
     "ES_NIE", "IT_FISCAL_CODE", "DE_TAX_ID", "PT_NIF", "LU_NATIONAL_ID", "NL_BSN"}
)


class Verdict(enum.Enum):
    """A detector's validator on one candidate."""

    VALID = "valid"  # checksum or structure confirmed
    INVALID = "invalid"  # confirmed not to be the entity: dropped
    UNCHECKED = "unchecked"  # nothing to check: base score


@dataclass(frozen=True)
class Match:
    """A detector's hit inside one text.

    ``normalized`` is the normalised value, kept in memory only to compute the keyed
    hash; it is never written anywhere (``repr`` hides it too).
    """

    start: int
    end: int
    entity: str
    score: float
    detector: str
    evidence: tuple[str, ...] = ()
    preview: str = ""
    normalized: str = field(default="", repr=False)


def record_key(**parts: object) -> RecordKey:
    """Build a record key from keyword parts, keeping their order."""
    return tuple(parts.items())


@dataclass(frozen=True)
class Location:
    """Where a value lives: source, container, record and field.

    Attributes:
        source: The configured source name (``crm``, ``exports``).
        container: Table (``public.customers``), relative file path, S3 key or conversation.
        record_key: Primary key columns and values, or ``line`` / ``index`` / ``row``.
        field: Column name or JSON path (``user.email``, ``messages[].text``).
        key_is_sensitive: True when the record key itself holds personal data
            (an email as primary key); its string form is then masked.
    """

    source: str
    container: str
    record_key: RecordKey
    field: str
    key_is_sensitive: bool = False

    def key_dict(self) -> dict[str, object]:
        return dict(self.record_key)

    def key_json(self) -> str:
        """The record key as compact JSON (raw: for the DSAR index only)."""
        return json.dumps(self.key_dict(), ensure_ascii=False, separators=(",", ":"), default=str)

    def public_key(self) -> str:
        """The record key as shown in reports: masked when it is itself personal data."""
        if self.key_is_sensitive:
            return "{" + ",".join(f'"{k}":"***"' for k, _ in self.record_key) + "}"
        return self.key_json()

    def __str__(self) -> str:
        return f"{self.source}:{self.container}:{self.public_key()}:{self.field}"


@dataclass(frozen=True)
class Finding:
    """One piece of personal data found at a location.

    Attributes:
        entity: Entity type (``EMAIL_ADDRESS``, ``FR_NIR``, ``SENSITIVE_HEALTH``...).
        location: Where it was found.
        start: Start offset (Python ``str`` index) inside the field's value.
        end: End offset, exclusive.
        score: Confidence in [0, 1].
        detector: Name of the detector that produced it.
        evidence: Why: ``checksum``, ``context:sécu``, ``column:email``...
        preview: Masked preview, e.g. ``j***@o****.fr``.
        value_hash: HMAC-SHA256 (hex) of the normalised value under the installation key.
    """

    entity: str
    location: Location
    start: int
    end: int
    score: float
    detector: str
    evidence: tuple[str, ...]
    preview: str
    value_hash: str

    @classmethod
    def from_match(cls, match: Match, location: Location, hasher: Hasher) -> Finding:
        """The finding for a detector match: the normalised value is hashed, then dropped."""
        return cls(
            entity=match.entity,
            location=location,
            start=match.start,
            end=match.end,
            score=match.score,
            detector=match.detector,
            evidence=match.evidence,
            preview=match.preview,
            value_hash=hasher.hash(match.entity, match.normalized),
        )


@dataclass(frozen=True)
class ScanError:
    """Something that could not be read. Names the place, never a value.

    Attributes:
        source: The source name.
        location: Human-readable place: ``broken.csv:line 17``, ``public.secret``, an S3 key.
        error: What went wrong, in words, without any scanned value.
    """

    source: str
    location: str
    error: str

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "location": self.location, "error": self.error}


@dataclass
class ScanStats:
    """Counters a partition reports back; merged across partitions."""

    rows: int = 0
    errors: list[ScanError] = field(default_factory=list)
