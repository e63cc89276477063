"""What a field's hint means to each kind of detector: the one reading of ``FREE_TEXT``."""

from __future__ import annotations

from functools import cache

from fouille.detectors.base import TextDetector
from fouille.detectors.registry import text_detectors
from fouille.scanner.core.column_hints import FREE_TEXT


def detector_hint(hint: str | None) -> str | None:
    """The hint the fast detectors see: an entity, never ``FREE_TEXT``."""
    return None if hint == FREE_TEXT else hint


def doc_hint(hint: str | None) -> str | None:
    """The hint the NLP detectors see in the scan and ``detect``: ``FREE_TEXT`` (a record's
    notes: the art. 9 detector also reads subjectless agent notes) or nothing."""
    return FREE_TEXT if hint == FREE_TEXT else None


@cache
def fast_detectors(hint: str | None = None, free_text: bool = False) -> tuple[TextDetector, ...]:
    """The fast detectors a field runs, in registry order.

    A hint-only detector (a bare name under a ``nom`` column) runs on a structured field
    whose name hints at one of its entities, never on free text.
    """
    hint = detector_hint(hint)
    return tuple(
        d for d in text_detectors()
        if not d.only_with_hint or (hint in d.entities and not free_text)
    )
