"""A record as the DSAR returns it: where it lives, its key, its current values, how it was reached."""

from __future__ import annotations

from dataclasses import dataclass, field

from fouille.scanner.core.record_keys import POSITION_KEYS, key_json, parse_key

# Chat exports add the conversation and message to a record's position key, but the DSAR
# returns the whole line (or array element) as one record.


def position_key(key: dict) -> dict:
    """``{"line": 3, "conversation": "c1", "message": 0}`` -> ``{"line": 3}``; other keys unchanged."""
    for name in POSITION_KEYS:
        if name in key:
            return {name: key[name]}
    return dict(key)


@dataclass(frozen=True)
class RecordRef:
    """Which record: source, container and record key (as in DESIGN.md)."""

    source: str
    container: str
    key: str  # key_json of the record key

    @classmethod
    def of(cls, source: str, container: str, key: dict) -> RecordRef:
        return cls(source, container, key_json(key))

    def key_dict(self) -> dict:
        return parse_key(self.key)

    def __str__(self) -> str:
        return f"{self.source} {self.container} {self.key}"


@dataclass(frozen=True)
class Record:
    """A record read as it is now. Holds raw values: only the DSAR export writes it out.

    Attributes:
        ref: Where it is.
        values: Field -> value (strings for files; Python values for PostgreSQL rows).
    """

    ref: RecordRef
    values: dict = field(repr=False)


@dataclass(frozen=True)
class Link:
    """How a record was reached; ``str`` is the DPO's technical form, the summary words it.

    Attributes:
        kind: ``typed`` (holds an identifier the agent typed), ``identifier`` (holds one read
            in another of the subject's records), ``foreign_key`` (points at one of them).
        identifier: The identifier's label (``email``, ``phone``...), when one linked it.
        via: The subject's record it was reached from (not for ``typed``).
        fk: The foreign key, ``public.orders(customer_id)``.
    """

    kind: str
    identifier: str = ""
    via: RecordRef | None = None
    fk: str = ""

    def __str__(self) -> str:
        if self.kind == "typed":
            return f"matched by {self.identifier}"
        if self.kind == "foreign_key":
            return f"by foreign key {self.fk} from {self.via}"
        return f"by {self.identifier} found in {self.via}"


@dataclass
class Found:
    """A record returned to the subject, with every way it was reached (first = shortest)."""

    record: Record
    provenance: list[Link] = field(default_factory=list)
    depth: int = 0
