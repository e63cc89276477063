"""Every detector over free texts: what ``fouille detect`` and the scan's free-text path run.

One function so that the accuracy we measure with ``fouille detect`` is the accuracy
of the scan itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from detectors.base import Match
from detectors.overlap import resolve_overlaps
from detectors.registry import detector_rank, doc_detectors, text_detectors


def text_matches(text: str, hint: str | None = None) -> list[Match]:
    """Matches of the fast (no NLP) detectors in one text, before overlap resolution."""
    found: list[Match] = []
    for detector in text_detectors():
        if detector.only_with_hint and hint is None:
            continue
        found.extend(detector.find(text, hint))
    return found


def doc_matches(doc, hint: str | None = None) -> list[Match]:
    """Matches of the NLP detectors in one parsed document."""
    found: list[Match] = []
    for detector in doc_detectors():
        found.extend(detector.find_in_doc(doc, hint))
    return found


def detect_texts(
    texts: Sequence[str],
    use_nlp: bool = True,
    batch_size: int = 256,
    hints: Sequence[str | None] | None = None,
) -> list[list[Match]]:
    """All detectors over each text, overlaps resolved; one list of matches per text.

    ``hints[i]`` goes to the NLP detectors: ``FREE_TEXT`` reads text ``i`` as a record's
    notes, as the scan reads a notes column (see detectors/sensitive/record.py).
    """
    per_text = [text_matches(t) for t in texts]
    if use_nlp and texts:
        from scanner.nlp import pipe

        for i, doc in enumerate(pipe(list(texts), batch_size=batch_size)):
            per_text[i].extend(doc_matches(doc, hints[i] if hints else None))
    rank = detector_rank()
    return [resolve_overlaps(found, rank) for found in per_text]
