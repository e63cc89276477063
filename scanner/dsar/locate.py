"""Steps 1 and 2 of a DSAR (``fouille.scanner.dsar.lookup``): where each identifier is, and
which of those records still hold it.

Through the subject index (a hash lookup, each entry verified against the record as it is
now) or, live, by searching every source. An identifier held by more than ``max_shared``
records (a switchboard) is reported and not used.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator

from fouille.scanner.dsar.identifiers import Identifier, search_form
from fouille.scanner.dsar.index import SubjectIndex
from fouille.scanner.dsar.records import Link, Record, key_json, position_key
from fouille.scanner.dsar.result import DsarResult, LookupOptions
from fouille.scanner.dsar.stores import Stores

Frontier = list[tuple[Identifier, Link]]
Located = tuple[Identifier, Link, list[Record]]


class Locator:
    """Finds the verified records of identifiers; ``holds`` says whether a record holds one now."""

    def __init__(self, stores: Stores, index: SubjectIndex | None, options: LookupOptions,
                 result: DsarResult, holds: Callable[[Record, Identifier], bool]):
        self.stores = stores
        self.index = index
        self.options = options
        self.result = result
        self.holds = holds
        self._unreachable: set[str] = set()

    def locate(self, frontier: Frontier) -> Iterator[Located]:
        """(identifier, provenance, verified records) for each identifier of the frontier."""
        if self.options.live:
            yield from self._locate_live(frontier)
            return
        for ident, why in frontier:
            yield ident, why, self._locate_indexed(ident, why)

    def _too_shared(self, ident: Identifier, why: Link, count: int) -> bool:
        if count <= self.options.max_shared:
            return False
        self.result.shared.append(
            {
                **ident.described(),
                "identifier": ident.label,
                "records_at_least": count,
                "limit": self.options.max_shared,
                "reason": f"held by more than {self.options.max_shared} records: not followed",
                "reached": str(why),
            }
        )
        return True

    # -- through the index -------------------------------------------------------------------

    def _locate_indexed(self, ident: Identifier, why: Link) -> list[Record]:
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
                self.result.add_error(source, container, exc)
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
                elif not self.holds(record, ident):
                    self._stale(entry, f"the record no longer holds this {ident.label}")
                elif record not in verified:
                    verified.append(record)
        if masked:
            # The key is personal data, kept masked in the index: find the row by the identifier.
            fields = sorted({_column_of(e.field) for e in masked})
            rows = self.stores.containing(source, container, [search_form(ident)], fields)
            held = [r for r in rows if self.holds(r, ident)]
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

    # -- live --------------------------------------------------------------------------------

    def _locate_live(self, frontier: Frontier) -> Iterator[Located]:
        """One pass over every container per hop, all identifiers of the hop at once."""
        forms = [search_form(ident) for ident, _ in frontier]
        matches: dict[str, list[Record]] = defaultdict(list)
        for source in self.stores.specs:
            if source in self._unreachable:
                continue
            try:
                containers = list(self._live_containers(source))
            except Exception as exc:  # noqa: BLE001 - reported, the other stores go on
                self.result.add_error(source, source, exc)
                self._unreachable.add(source)  # not retried at the next hop
                continue
            for failure in self.stores.listing_errors.pop(source, []):
                self.result.errors.append(
                    {"source": source, "location": failure.location, "error": failure.error}
                )
            for container in containers:
                try:
                    candidates = self.stores.containing(source, container, forms)
                except Exception as exc:  # noqa: BLE001 - reported, the other stores go on
                    self.result.add_error(source, container, exc)
                    continue
                for record in candidates:
                    for ident, _ in frontier:
                        if self.holds(record, ident):
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
