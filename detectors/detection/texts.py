"""Texts in, matches out: one text, a batch (with NLP) or a structured field's values."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from fouille.detectors.base import DocDetector, Match
from fouille.detectors.detection.hints import detector_hint, doc_hint, fast_detectors
from fouille.detectors.nlp import pipe
from fouille.detectors.overlap import resolve_overlaps
from fouille.detectors.registry import detector_rank, doc_detectors


def fast_matches(text: str, hint: str | None = None, free_text: bool = False) -> list[Match]:
    """Matches of the fast (no NLP) detectors in one text, before overlap resolution."""
    seen = detector_hint(hint)
    found: list[Match] = []
    for detector in fast_detectors(hint, free_text):
        found.extend(detector.find(text, seen))
    return found


def doc_matches(doc, hint: str | None = None,
                detectors: Iterable[DocDetector] | None = None) -> list[Match]:
    """Matches of the NLP detectors (all, or ``detectors``) in one parsed document.

    ``hint`` goes to the detectors as given: the scan and ``detect`` give ``doc_hint(...)``.
    """
    chosen = doc_detectors() if detectors is None else detectors
    return [m for detector in chosen for m in detector.find_in_doc(doc, hint)]


def resolve(matches: Iterable[Match]) -> list[Match]:
    """One answer per stretch of text (``fouille.detectors.overlap``), registry order for ties."""
    return resolve_overlaps(matches, detector_rank())


def detect_text(text: str, hint: str | None = None, free_text: bool = False) -> list[Match]:
    """The fast detectors on one text, overlaps resolved (no NLP)."""
    return resolve(fast_matches(text, hint, free_text)) if text else []


def detect_values(values: Iterable[str | None], hint: str | None = None) -> list[list[Match]]:
    """A structured field's values (no NLP): one resolved list per value."""
    return [detect_text(value, hint) if value else [] for value in values]


def detect_many(
    texts: Sequence[str],
    *,
    hint: str | None = None,
    use_nlp: bool = True,
    batch_size: int = 256,
    hints: Sequence[str | None] | None = None,
) -> list[list[Match]]:
    """Every detector over each text, overlaps resolved; one list of matches per text.

    ``hint`` (or ``hints[i]`` per text) is the field's: ``FREE_TEXT`` reads a text as a
    record's notes, as the scan reads a notes column (see detectors/sensitive/record.py).
    """
    per_hint = list(hints) if hints is not None else [hint] * len(texts)
    per_text = [fast_matches(text, h) for text, h in zip(texts, per_hint)]
    if use_nlp and texts:
        for i, doc in enumerate(pipe(list(texts), batch_size=batch_size)):
            per_text[i].extend(doc_matches(doc, doc_hint(per_hint[i])))
    return [resolve(found) for found in per_text]
