"""An Arrow column of a field, cell by cell: each detector's RE2 prefilter picks its candidate
cells (``pyarrow.compute``), Python runs the detector only on those."""

from __future__ import annotations

from collections import defaultdict

import pyarrow as pa
import pyarrow.compute as pc
from fouille.detectors.base import Match
from fouille.detectors.detection.hints import detector_hint, fast_detectors


def candidate_rows(column: pa.Array, prefilter: str | None, ignore_case: bool = False) -> list[int]:
    """Rows a detector could match in: its prefilter's, or every non-null cell."""
    if prefilter is None:
        mask = pc.is_valid(column)
    else:
        mask = pc.fill_null(pc.match_substring_regex(column, prefilter, ignore_case=ignore_case), False)
    return pc.indices_nonzero(mask).to_pylist()


def column_matches(column: pa.Array, hint: str | None, free_text: bool,
                   cells: list[str | None] | None = None) -> dict[int, list[Match]]:
    """The fast detectors' matches per row of a string column, before overlap resolution.

    ``cells`` is ``column.to_pylist()`` if the caller already has it.
    """
    found: dict[int, list[Match]] = defaultdict(list)
    seen = detector_hint(hint)
    for detector in fast_detectors(hint, free_text):
        prefilter = None if detector.only_with_hint else detector.prefilter
        rows = candidate_rows(column, prefilter, detector.prefilter_ignore_case)
        if not rows:
            continue
        if cells is None:
            cells = column.to_pylist()
        for row in rows:
            text = cells[row]
            if text:
                found[row].extend(detector.find(text, seen))
    return found


def doc_matches_of_rows(rows: list[int], detectors: list, index: int, doc,
                        hint: str | None = None) -> list[Match]:
    """Matches in the doc of ``rows[index]`` of the NLP detectors that want that row.

    ``detectors`` holds (detector, rows it wants) pairs: the NER sample, plus the cells
    its own prefilter selects. ``hint`` is the doc hint (``hints.doc_hint``).
    """
    row = rows[index]
    return [m for detector, wanted in detectors if row in wanted for m in detector.find_in_doc(doc, hint)]
