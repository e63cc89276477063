"""The columnar fast path: cells that are exactly one e-mail address or one French phone, decided in Arrow.

A cell that is one address, or one French number, surrounded by nothing but ASCII blanks,
is matched whole by its detector's ``find``. For those cells the candidate, its validation,
masked preview and normalised form are computed with ``pyarrow.compute`` over the whole
column instead of one Python call per cell, each from the detector's own definitions: the
cell shape (``cell_pattern``), what ``validate`` checks (``local_part_ok``,
``file_extensions``; phonenumbers' metadata in ``phone_plan``), ``score_candidate``, the
Arrow forms of its mask (``masking``) and of its normalisation. Any other cell is left to
the detector (``handled`` is False). tests/scan/test_columnar.py checks both paths agree.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from fouille.detectors import masking
from fouille.detectors.base import PatternDetector, Verdict
from fouille.detectors.phone_plan import e164_cells, overseas_cells, valid_french_cells


@dataclass
class CellMatches:
    """One detector's outcome on some cells (arrays aligned with the cells given).

    Attributes:
        handled: The cell has the detector's clean whole-cell shape: the outcome below is
            what ``find`` returns for it (a match or nothing).
        matched: Handled and a finding; ``start``/``end``/``preview``/``normalized`` hold it.
        score, evidence: The same for every match (no context word can surround a whole cell).
    """

    handled: np.ndarray
    matched: np.ndarray
    start: np.ndarray
    end: np.ndarray
    preview: pa.Array
    normalized: pa.Array
    score: float
    evidence: tuple[str, ...]


def _bools(array: pa.Array) -> np.ndarray:
    return pc.fill_null(array, False).to_numpy(zero_copy_only=False)


def _ints(array: pa.Array) -> np.ndarray:
    return pc.fill_null(array, 0).to_numpy(zero_copy_only=False).astype(np.int64)


def _outcome(detector: PatternDetector, cells: pa.Array, hint: str | None, handled: np.ndarray,
             valid: np.ndarray, preview: pa.Array, normalized: pa.Array) -> CellMatches:
    scored = detector.score_candidate(Verdict.VALID, None, hint == detector.entity)
    core = pc.utf8_trim_whitespace(cells)
    start = pc.subtract(pc.utf8_length(cells), pc.utf8_length(pc.utf8_ltrim_whitespace(cells)))
    end = pc.add(start, pc.utf8_length(core))
    matched = handled & valid if scored is not None else np.zeros(len(cells), dtype=bool)
    score, evidence = scored or (0.0, ())
    return CellMatches(handled, matched, _ints(start), _ints(end), preview, normalized, score, evidence)


def email_cells(detector, cells: pa.Array, hint: str | None) -> CellMatches:
    """``EmailDetector.find`` on cells that are one address: validate, mask, normalise."""
    handled = _bools(pc.match_substring_regex(cells, detector.cell_pattern))
    core = pc.utf8_trim_whitespace(cells)
    # The shape allows a single "@" and at least one dot after it.
    at = pc.split_pattern(core, "@", max_splits=1)
    local, domain = pc.list_element(at, 0), pc.list_element(at, 1)
    dot = pc.split_pattern(domain, ".", max_splits=1, reverse=True)
    host, tld = pc.list_element(dot, 0), pc.list_element(dot, 1)
    local_ok = _bools(pc.match_substring_regex(local, detector.local_part_ok))
    file_name = _bools(pc.is_in(pc.ascii_lower(tld), value_set=pa.array(sorted(detector.file_extensions))))
    preview = masking.mask_email_cells(local, host, tld)
    return _outcome(detector, cells, hint, handled, local_ok & ~file_name, preview,
                    detector.normalize_cells(core))


def phone_cells(detector, cells: pa.Array, hint: str | None) -> CellMatches:
    """``PhoneDetector.find`` on cells that are one French number: junk, validity, E.164, mask."""
    handled = _bools(pc.match_substring_regex(cells, detector.cell_pattern))
    core = pc.utf8_trim_whitespace(cells)
    digits = core
    for separator in (" ", ".", "-", "+", "(", ")"):  # all the shape lets through
        digits = pc.replace_substring(digits, separator, "")
    junk = detector.junk_cells(digits)
    # Every French spelling ends with the 9-digit national significant number ("(0)" and the
    # trunk 0 come before it).
    national = pc.utf8_slice_codeunits(digits, -9)
    valid = ~junk & valid_french_cells(national)
    # Overseas blocks (own country code) and numbers outside the plan (kept at a lower score,
    # named or laid out) are read by ``find`` itself: only junk and plain valid cells are decided.
    handled &= (valid | junk) & ~overseas_cells(national)
    return _outcome(detector, cells, hint, handled, valid, masking.mask_phone_cells(core),
                    e164_cells(national))


# Detector name -> its whole-cell recogniser.
CELL_RULES = {"email": email_cells, "phone": phone_cells}
