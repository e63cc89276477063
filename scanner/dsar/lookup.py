"""Find, verify and link every record of one subject, and never one of somebody else.

1. Locate (``locate``): each identifier is looked up in the subject index (a hash lookup), or, live,
   searched in every source (SQL ``WHERE`` / streamed prefilter).
2. Verify: each record is read as it is now and the detectors run on it again; a record
   that no longer holds the identifier's hash is *stale*: reported, never returned.
3. Check whose it is (``identity``): a record carrying another e-mail, name or customer key
   than the subject's is someone else's; an identifier whose records belong to two or more
   people (a household landline, a joint IBAN, a family mailbox) is *shared*. Both go to
   ``needs_review``, never to the answer (records reached only through a shared identifier
   and carrying no other identity join the answer with ``include_shared``).
4. Link: rows whose foreign key points at one of the subject's rows are theirs too
   (children, transitively); identifiers the detectors find in the subject's records are
   looked up next (``depth`` hops). An identifier held by more than ``max_shared`` records
   (a switchboard) is reported and not used. Names never link records.
"""

from __future__ import annotations

from fouille.scanner.core.keys import Hasher
from fouille.scanner.dsar.identifiers import FOLLOWED_TYPES, Identifier, identifiers_in
from fouille.scanner.dsar.identity import Identity, Profile, mutual_conflict
from fouille.scanner.dsar.index import SubjectIndex
from fouille.scanner.dsar.locate import Locator
from fouille.scanner.dsar.ownership import identity_of
from fouille.scanner.dsar.records import Found, Link, Record, RecordRef
from fouille.scanner.dsar.result import DsarResult, LookupOptions
from fouille.scanner.dsar.stores import Stores
from fouille.scanner.core.record_keys import MASKED

SHARED_ONLY = "reached only through an identifier several people share"


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
        self.profile = Profile()
        self._held: dict[RecordRef, list[tuple[Identifier, str]]] = {}
        self._identities: dict[RecordRef, Identity] = {}
        self._locator = Locator(stores, index, options, self.result, self._holds)

    # -- public ------------------------------------------------------------------------------

    def run(self, typed: list[Identifier]) -> DsarResult:
        self.profile.emails |= {i.normalized for i in typed if i.entity == "EMAIL_ADDRESS"}
        frontier = [(ident, Link("typed", ident.label)) for ident in typed]
        followed = {ident.value_hash for ident in typed}
        for depth in range(self.options.depth + 1):
            if not frontier:
                break
            added = self._classify(list(self._locator.locate(frontier)), depth)
            added += self._link_children(added, depth)
            if depth == self.options.depth:
                break
            frontier = []
            for record in added:
                for ident in self._identifiers(record).values():
                    if ident.entity in FOLLOWED_TYPES and ident.value_hash not in followed:
                        followed.add(ident.value_hash)
                        frontier.append((ident, Link("identifier", ident.label, record.ref)))
        return self.result

    # -- verification ------------------------------------------------------------------------

    def _found_in(self, record: Record) -> list[tuple[Identifier, str]]:
        if record.ref not in self._held:
            self._held[record.ref] = identifiers_in(record.values, self.hasher)
        return self._held[record.ref]

    def _identifiers(self, record: Record) -> dict[str, Identifier]:
        """Identifiers the detectors find in the record now, by hash (cached per record)."""
        return {i.value_hash: i for i, _ in self._found_in(record)}

    def _holds(self, record: Record, ident: Identifier) -> bool:
        return any(i.value_hash == ident.value_hash for i, _ in self._found_in(record))

    def _identity(self, record: Record) -> Identity:
        if record.ref not in self._identities:
            tables = self.stores.person_tables(record.ref.source)
            self._identities[record.ref] = identity_of(record, self._found_in(record), tables)
        return self._identities[record.ref]

    # -- whose record ------------------------------------------------------------------------

    def _shared_reason(self, records: list[Record]) -> str | None:
        """Why these holders of one identifier are not all the subject's (None: they may be)."""
        others = [r for r in records if r.ref not in self.result.found]
        for record in others:
            reason = self.profile.conflict(self._identity(record))
            if reason:
                return f"also held by a record with {reason}"
        reason = mutual_conflict([self._identity(r) for r in others])
        return f"held by records of different people ({reason})" if reason else None

    def _classify(self, located, depth: int) -> list[Record]:
        """Confirm the records of unshared identifiers; list the others for review.

        Unshared identifiers go first, and the others are judged again after each round: every
        confirmed record teaches the profile, which may show that another identifier is shared.
        """
        added: list[Record] = []
        pending = list(located)
        progress = True
        while progress:
            progress, deferred = False, []
            for ident, link, records in pending:
                if self._shared_reason(records):
                    deferred.append((ident, link, records))
                    continue
                progress = True
                for record in records:
                    added += self._accept_or_review(record, ident, link, depth)
            pending = deferred
        for ident, link, records in pending:
            self._note_shared(ident, link, len(records), self._shared_reason(records) or "")
            for record in records:
                self._shared_holder(record, ident, link, depth)
        return added

    def _shared_holder(self, record: Record, ident: Identifier, link: Link, depth: int) -> None:
        """A record holding a shared identifier: kept out unless already the subject's."""
        if record.ref in self.result.found:
            self._add([record], link, depth)
            return
        identity = self._identity(record)
        conflict = self.profile.conflict(identity)
        if conflict is None and self.options.include_shared and identity == Identity():
            self.result.found[record.ref] = Found(record, [link], depth)  # carries nobody
            self.result.included_shared.add(record.ref)
            return
        why = f"carries {conflict} than the subject" if conflict else SHARED_ONLY
        self._review(record, ident, link, why)

    def _accept_or_review(
        self, record: Record, ident: Identifier | None, link: Link, depth: int
    ) -> list[Record]:
        if record.ref not in self.result.found:
            conflict = self.profile.conflict(self._identity(record))
            if conflict:
                self._review(record, ident, link, f"carries {conflict} than the subject")
                return []
            self.profile.add(self._identity(record))
        return self._add([record], link, depth)

    def _note_shared(self, ident: Identifier, link: Link, count: int, reason: str) -> None:
        self.result.shared.append(
            {
                **ident.described(),
                "identifier": ident.label,
                "records": count,
                "reason": reason,
                "reached": str(link),
            }
        )

    def _review(self, record: Record, ident: Identifier | None, link: Link, why: str) -> None:
        ref = record.ref
        entry = self.result.review.setdefault(
            ref,
            {
                "source": ref.source,
                "container": ref.container,
                "record_key": _masked_key(ref.key_dict(), self.hasher),
                "reasons": [],
            },
        )
        reason = {"why": why, "reached": str(link)}
        if ident is not None:
            reason["identifier"] = ident.described()
        if reason not in entry["reasons"]:
            entry["reasons"].append(reason)

    def _add(self, records: list[Record], why: Link, depth: int) -> list[Record]:
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
        """Rows referencing the subject's rows by foreign key, transitively (not other people's)."""
        queue, added = list(parents), []
        while queue:
            parent = queue.pop(0)
            try:
                children = list(self.stores.referencing(parent))
            except Exception as exc:  # noqa: BLE001 - one unreadable table must not end the DSAR
                self.result.add_error(parent.ref.source, parent.ref.container, exc)
                continue
            for fk, child in children:
                link = Link(
                    "foreign_key", via=parent.ref, fk=f"{fk.table}({', '.join(fk.columns)})"
                )
                new = self._accept_or_review(child, None, link, depth)
                added += new
                queue += new
        return added


def _masked_key(key: dict, hasher: Hasher) -> dict:
    """Another person's record key, masked when it is personal data (an e-mail primary key)."""
    if identifiers_in({k: v for k, v in key.items() if isinstance(v, str)}, hasher):
        return dict.fromkeys(key, MASKED)
    return key
