"""One answer per stretch of text when detectors overlap.

A SIRET contains a SIREN; an IBAN contains digit runs that look like phones; NER may
tag a street name inside an address. The rule: a higher score wins, then the longer
span, then the detector registered first. Sensitive (art. 9) spans are clauses and
may overlap identifiers: they are resolved among themselves only.
"""

from __future__ import annotations

from collections.abc import Iterable

from fouille.detectors.base import Match
from fouille.scanner.core.model import is_sensitive


def _resolve(matches: list[Match], rank: dict[str, int]) -> list[Match]:
    ordered = sorted(
        matches,
        key=lambda m: (-m.score, -(m.end - m.start), rank.get(m.detector, 99), m.start),
    )
    kept: list[Match] = []
    for candidate in ordered:
        if all(candidate.end <= k.start or candidate.start >= k.end for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda m: (m.start, m.end))


def resolve_overlaps(matches: Iterable[Match], rank: dict[str, int] | None = None) -> list[Match]:
    """Drop matches that overlap a better one; keep sensitive clauses apart."""
    rank = rank or {}
    plain, sensitive = [], []
    for m in matches:
        (sensitive if is_sensitive(m.entity) else plain).append(m)
    return sorted(_resolve(plain, rank) + _resolve(sensitive, rank), key=lambda m: (m.start, m.end))
