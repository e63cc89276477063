"""The one detection path: a text, a batch of texts or an Arrow column, plus the field's hint,
in; matches out, overlaps resolved.

Every command runs it: the scan's per-cell and columnar paths (``fouille.scanner.engine``),
the Spark engine (through the engine's ``ContainerScanner``), ``fouille detect``, ``dsar`` and
``ci``. A field's hint is ``column_hints.hint_for(name)``; ``FREE_TEXT`` reads the text as a
record's notes (see ``hints``). Context scoring, validation, masking and normalisation are each
detector's own (``fouille.detectors.base.PatternDetector``); the columnar fast path takes them
from the same detectors (``arrow_cells``).
"""

from fouille.detectors.detection.column import candidate_rows, column_matches, doc_matches_of_rows
from fouille.detectors.detection.hints import detector_hint, doc_hint, fast_detectors
from fouille.detectors.detection.texts import (
    detect_many,
    detect_text,
    detect_values,
    doc_matches,
    fast_matches,
    resolve,
)
from fouille.scanner.core.safe_names import use_name_matcher

# Names (files, columns, keys) are judged by this path too, before core shows any of them.
use_name_matcher(detect_text)

__all__ = [
    "candidate_rows", "column_matches", "detect_many", "detect_text", "detect_values",
    "detector_hint", "doc_hint", "doc_matches", "doc_matches_of_rows", "fast_detectors",
    "fast_matches", "resolve",
]
