"""What one DSAR asks (``LookupOptions``) and what it found (``DsarResult``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from fouille.scanner.dsar.records import Found, RecordRef
from fouille.scanner.dsar.stores import StoreError

log = logging.getLogger("fouille")


@dataclass(frozen=True)
class LookupOptions:
    """How far to look.

    Attributes:
        depth: Identifier hops from the typed identifiers (0: only what the agent typed).
        max_shared: An identifier held by more records than this is reported, not used.
        live: Search the sources directly instead of the index.
        include_shared: Return records reached only through a shared identifier (when they
            carry no other person's identity) instead of listing them for review.
    """

    depth: int = 1
    max_shared: int = 20
    live: bool = False
    include_shared: bool = False


@dataclass
class DsarResult:
    found: dict[RecordRef, Found] = field(default_factory=dict)
    review: dict[RecordRef, dict] = field(default_factory=dict)
    included_shared: set[RecordRef] = field(default_factory=set)  # by --include-shared
    stale: list[dict] = field(default_factory=list)
    shared: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)

    def records(self) -> list[Found]:
        return sorted(
            self.found.values(),
            key=lambda f: (f.record.ref.source, f.record.ref.container, f.record.ref.key),
        )

    def needs_review(self) -> list[dict]:
        """Records kept out of the answer, for the DPO (never the subject's own ones)."""
        return [
            entry
            for ref, entry in sorted(
                self.review.items(),
                key=lambda item: (item[0].source, item[0].container, item[0].key),
            )
            if ref not in self.found
        ]

    def add_error(self, source: str, where: str, exc: BaseException) -> None:
        """A store or container that could not be read: listed once, however many hops met it."""
        entry = {"source": source, "location": where, "error": _error_text(exc)}
        if entry not in self.errors:
            log.warning("%s: %s: %s", source, where, entry["error"])
            self.errors.append(entry)


def _error_text(exc: BaseException) -> str:
    """An exception in words without values: our own messages, or the type and SQLSTATE."""
    if isinstance(exc, StoreError):
        return str(exc)
    sqlstate = getattr(exc, "sqlstate", None)
    return f"{type(exc).__name__}" + (f" (SQLSTATE {sqlstate})" if sqlstate else "")
