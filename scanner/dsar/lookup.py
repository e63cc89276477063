"""Find, verify and link every record of one subject.

1. Locate: each identifier is looked up in the subject index (a hash lookup), or, live,
   searched in every source (SQL ``WHERE`` / streamed prefilter).
2. Verify: each record is read as it is now and the detectors run on it again; a record
   that no longer holds the identifier's hash is *stale*: reported, never returned.
3. Link: rows whose foreign key points at a returned row are the subject's too (children,
   transitively); identifiers the detectors find in returned records are looked up next
   (``depth`` hops). An identifier held by more than ``max_shared`` records (a switchboard,
   a shared mailbox) is reported and not used. Names never link records.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field

from scanner.dsar.identifiers import FOLLOWED_TYPES, Identifier, identifiers_in, search_form
from scanner.dsar.index import SubjectIndex
from scanner.dsar.records import Found, Record, RecordRef, key_json, position_key
from scanner.dsar.stores import StoreError, Stores
from scanner.keys import Hasher

log = logging.getLogger("fouille")


@dataclass(frozen=True)
class LookupOptions:
    """How far to look.

    Attributes:
        depth: Identifier hops from the typed identifiers (0: only what the agent typed).
        max_shared: An identifier held by more records than this is reported, not used.
        live: Search the sources directly instead of the index.
    """

    depth: int = 1
    max_shared: int = 20
    live: bool = False


@dataclass
class DsarResult:
    found: dict[RecordRef, Found] = field(default_factory=dict)
    stale: list[dict] = field(default_factory=list)
    shared: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)

    def records(self) -> list[Found]:
        return sorted(
            self.found.values(),
            key=lambda f: (f.record.ref.source, f.record.ref.container, f.record.ref.key),
        )


def _error_text(exc: BaseException) -> str:
    """An exception in words without values: our own messages, or the type and SQLSTATE."""
    if isinstance(exc, StoreError):
        return str(exc)
    sqlstate = getattr(exc, "sqlstate", None)
    return f"{type(exc).__name__}" + (f" (SQLSTATE {sqlstate})" if sqlstate else "")


class SubjectLookup:
    """One DSAR: the stores, the installation key, the index (None when live)."""

    def __init__(
        self,
        stores: Stores,
        hasher: Hasher,
        options: LookupOptions,
        index: SubjectIndex | None = None,
    ):
        if index is None and not options.live:
            raise ValueError("an index is needed unless live")
        self.stores = stores
        self.hasher = hasher
        self.options = options
        self.index = index
        self.result = DsarResult()
        self._held: dict[RecordRef, dict[str, Identifier]] = {}

    # -- public ------------------------------------------------------------------------------

    def run(self, typed: list[Identifier]) -> DsarResult:
        frontier = [(ident, f"matched by {ident.label}") for ident in typed]
        followed = {ident.value_hash for ident in typed}
        for depth in range(self.options.depth + 1):
            if not frontier:
                break
            added: list[Record] = []
            for ident, why, records in self._locate(frontier):
                added += self._add(records, why, depth)
            added += self._link_children(added, depth)
            if depth == self.options.depth:
                break
            frontier = []
            for record in added:
                for ident in self._identifiers(record).values():
                    if ident.entity in FOLLOWED_TYPES and ident.value_hash not in followed:
                        followed.add(ident.value_hash)
                        frontier.append((ident, f"by {ident.label} found in {record.ref}"))
        return self.result

    # -- verification ------------------------------------------------------------------------

    def _identifiers(self, record: Record) -> dict[str, Identifier]:
        """Identifiers the detectors find in the record now, by hash (cached per record)."""
        if record.ref not in self._held:
            self._held[record.ref] = {
                i.value_hash: i for i, _ in identifiers_in(record.values, self.hasher)
            }
        return self._held[record.ref]

    def _holds(self, record: Record, ident: Identifier) -> bool:
        return ident.value_hash in self._identifiers(record)

    def _add(self, records: list[Record], why: str, depth: int) -> list[Record]:
        """Add records with their provenance; returns the ones not seen before."""
        new = []
        for record in records:
            found = self.result.found.get(record.ref)
            if found is None:
                self.result.found[record.ref] = Found(record, [why], depth)
                new.append(record)
            elif why not in found.provenance:
                found.provenance.append(why)
        return new

    def _link_children(self, parents: list[Record], depth: int) -> list[Record]:
        """Rows referencing the given rows by foreign key, transitively (children of children)."""
        queue, added = list(parents), []
        while queue:
            parent = queue.pop(0)
            try:
                children = list(self.stores.referencing(parent))
            except Exception as exc:  # noqa: BLE001 - one unreadable table must not end the DSAR
                self._error(parent.ref.source, parent.ref.container, exc)
                continue
            for fk, child in children:
                why = f"by foreign key {fk.table}({', '.join(fk.columns)}) from {parent.ref}"
                new = self._add([child], why, depth)
                added += new
                queue += new
        return added

    def _error(self, source: str, where: str, exc: BaseException) -> None:
        log.warning("%s: %s: %s", source, where, _error_text(exc))
        self.result.errors.append({"source": source, "location": where, "error": _error_text(exc)})

    # -- locating ----------------------------------------------------------------------------

    def _locate(self, frontier):
        """(identifier, provenance, verified records) for each identifier of the frontier."""
        if self.options.live:
            yield from self._locate_live(frontier)
            return
        for ident, why in frontier:
            yield ident, why, self._locate_indexed(ident, why)

    def _too_shared(self, ident: Identifier, why: str, count: int) -> bool:
        if count <= self.options.max_shared:
            return False
        self.result.shared.append(
            {
                "identifier": ident.label,
                "hash": ident.value_hash[:16],
                "records_at_least": count,
                "limit": self.options.max_shared,
                "reached": why,
            }
        )
        return True

    def _locate_indexed(self, ident: Identifier, why: str) -> list[Record]:
        count = self.index.record_count(ident.value_hash, self.options.max_shared + 1)
        if self._too_shared(ident, why, count):
            return []
        by_container = defaultdict(list)
        for entry in self.index.lookup(ident.value_hash):
            by_container[(entry.source, entry.container)].append(entry)
        verified: list[Record] = []
        for (source, container), entries in by_container.items():
            try:
                verified += self._verify_entries(ident, source, container, entries)
            except Exception as exc:  # noqa: BLE001 - reported, the other stores go on
                self._error(source, container, exc)
        return verified

    def _verify_entries(
        self, ident: Identifier, source: str, container: str, entries
    ) -> list[Record]:
        verified: list[Record] = []
        plain = [e for e in entries if not e.key_masked]
        masked = [e for e in entries if e.key_masked]
        if plain:
            current = self.stores.fetch(source, container, [e.record_key for e in plain])
            for entry in plain:
                record = current.get(key_json(_position(entry.record_key, current)))
                if record is None:
                    self._stale(entry, "the record no longer exists")
                elif not self._holds(record, ident):
                    self._stale(entry, f"the record no longer holds this {ident.label}")
                elif record not in verified:
                    verified.append(record)
        if masked:
            # The key is personal data, kept masked in the index: find the row by the identifier.
            fields = sorted({_column_of(e.field) for e in masked})
            rows = self.stores.containing(source, container, [search_form(ident)], fields)
            held = [r for r in rows if self._holds(r, ident)]
            if not held:
                for entry in masked:
                    self._stale(entry, f"no record holds this {ident.label} any more")
            verified += [r for r in held if r not in verified]
        return verified

    def _stale(self, entry, reason: str) -> None:
        key = entry.record_key
        self.result.stale.append(
            {
                "source": entry.source,
                "container": entry.container,
                "record_key": key,
                "field": entry.field,
                "entity": entry.entity,
                "reason": reason,
            }
        )

    def _locate_live(self, frontier):
        """One pass over every container per hop, all identifiers of the hop at once."""
        forms = [search_form(ident) for ident, _ in frontier]
        matches: dict[str, list[Record]] = defaultdict(list)
        for source in self.stores.specs:
            try:
                containers = list(self._live_containers(source))
            except Exception as exc:  # noqa: BLE001 - reported, the other stores go on
                self._error(source, source, exc)
                continue
            for container in containers:
                try:
                    candidates = self.stores.containing(source, container, forms)
                except Exception as exc:  # noqa: BLE001 - reported, the other stores go on
                    self._error(source, container, exc)
                    continue
                for record in candidates:
                    for ident, _ in frontier:
                        if self._holds(record, ident):
                            matches[ident.value_hash].append(record)
        for ident, why in frontier:
            records = matches.get(ident.value_hash, [])
            if not self._too_shared(ident, why, len(records)):
                yield ident, why, records

    def _live_containers(self, source: str):
        if self.stores.kind(source) == "postgres":
            return list(self.stores.connector(source).tables())
        return list(self.stores.containers(source))


def _column_of(field_path: str) -> str:
    """The table column a finding's field lives in: ``data.email`` / ``tags[]`` -> ``data`` / ``tags``."""
    return re.split(r"[.\[]", field_path, maxsplit=1)[0]


def _position(index_key: dict, current: dict) -> dict:
    """The key under which ``Stores.fetch`` returned a record (file positions drop chat extras)."""
    exact = key_json(index_key)
    return index_key if exact in current else position_key(index_key)
