"""Whole-cell recognisers for the columnar full-mode path: e-mails and French phones in Arrow.

A cell that is exactly one e-mail address, or one French phone number, surrounded by
nothing but ASCII blanks, is matched whole by its detector's ``find``. For those cells the
candidate, its validation, masked preview and normalised form are computed here with
``pyarrow.compute`` over the whole column instead of one Python call per cell. Everything
comes from the detector: the cell shape (``cell_pattern``), what ``validate`` checks
(the e-mail local part and file extensions; phonenumbers' metadata for French numbers),
``score_candidate``. The previews follow ``detectors.masking`` (tests/scan/test_columnar.py
checks both paths agree). Any other cell is left to the detector (``handled`` is False).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from detectors.base import PatternDetector, Verdict
from detectors.phone import OVERSEAS_BLOCKS, french_number_rules


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


def _outcome(detector: PatternDetector, cells: pa.Array, hint: str | None, handled: np.ndarray,
             valid: np.ndarray, preview: pa.Array, normalized: pa.Array) -> CellMatches:
    scored = detector.score_candidate(Verdict.VALID, None, hint == detector.entity)
    core = pc.utf8_trim_whitespace(cells)
    start = pc.subtract(pc.utf8_length(cells), pc.utf8_length(pc.utf8_ltrim_whitespace(cells)))
    end = pc.add(start, pc.utf8_length(core))
    matched = handled & valid if scored is not None else np.zeros(len(cells), dtype=bool)
    score, evidence = scored or (0.0, ())
    return CellMatches(handled, matched, _ints(start), _ints(end), preview, normalized, score, evidence)


def _ints(array: pa.Array) -> np.ndarray:
    return pc.fill_null(array, 0).to_numpy(zero_copy_only=False).astype(np.int64)


def email_cells(detector: PatternDetector, cells: pa.Array, hint: str | None) -> CellMatches:
    """``EmailDetector.find`` on cells that are one address: validate, mask, lower-case."""
    handled = _bools(pc.match_substring_regex(cells, detector.cell_pattern))
    core = pc.utf8_trim_whitespace(cells)
    # The shape allows a single "@" and at least one dot after it.
    at = pc.split_pattern(core, "@", max_splits=1)
    local, domain = pc.list_element(at, 0), pc.list_element(at, 1)
    dot = pc.split_pattern(domain, ".", max_splits=1, reverse=True)
    host, tld = pc.list_element(dot, 0), pc.list_element(dot, 1)
    local_ok = _bools(pc.match_substring_regex(local, detector.local_part_ok))
    file_name = _bools(pc.is_in(pc.ascii_lower(tld), value_set=pa.array(sorted(detector.file_extensions))))
    # masking.mask_email: first character of the local part and of the host, the TLD.
    preview = pc.binary_join_element_wise(
        pc.utf8_slice_codeunits(local, 0, 1), "***@", pc.utf8_slice_codeunits(host, 0, 1), "****.",
        tld, "",
    )
    return _outcome(detector, cells, hint, handled, local_ok & ~file_name, preview, pc.ascii_lower(core))


def _phone_preview(core: pa.Array) -> pa.Array:
    """masking.mask_phone: keep the first 2 digits (3 after "+", 4 after "00") and the last 2."""
    parts = pc.extract_regex(core, (
        r"^(?P<head>\+\D*\d\D*\d\D*\d|00\D*\d\D*\d|\D*\d\D*\d)(?P<mid>.*)(?P<tail>\d\D*\d\D*)$"
    ))
    head, mid, tail = (pc.struct_field(parts, [i]) for i in range(3))
    return pc.binary_join_element_wise(head, pc.replace_substring_regex(mid, r"\d", "*"), tail, "")


def _valid_french(national: pa.Array) -> np.ndarray:
    """phonenumbers.is_valid_number for a French national significant number, in RE2."""
    (general, general_lengths), types = french_number_rules()
    length = pc.utf8_length(national)

    def fits(pattern: str, lengths: tuple[int, ...]) -> np.ndarray:
        ok = _bools(pc.match_substring_regex(national, f"^(?:{pattern})$"))
        if lengths:
            ok &= _bools(pc.is_in(length, value_set=pa.array(lengths, pa.int32())))
        return ok

    any_type = np.zeros(len(national), dtype=bool)
    for pattern, lengths in types:
        any_type |= fits(pattern, lengths)
    return fits(general, general_lengths) & any_type


def phone_cells(detector: PatternDetector, cells: pa.Array, hint: str | None) -> CellMatches:
    """``PhoneDetector.find`` on cells that are one French number: junk, validity, E.164, mask."""
    handled = _bools(pc.match_substring_regex(cells, detector.cell_pattern))
    core = pc.utf8_trim_whitespace(cells)
    digits = core
    for separator in (" ", ".", "-", "+", "(", ")"):  # all the shape lets through
        digits = pc.replace_substring(digits, separator, "")
    # is_junk: every digit after the first is the same one.
    junk = _bools(pc.match_substring_regex(digits, r"^\d(?:" + "|".join(f"{d}+" for d in range(10)) + ")$"))
    # Every French spelling ends with the 9-digit national significant number ("(0)" and the
    # trunk 0 come before it), so E.164 is +33 and the last nine digits.
    national = pc.utf8_slice_codeunits(digits, -9)
    valid = ~junk & _valid_french(national)
    # Overseas blocks (own country code) and numbers outside the plan (kept at a lower score,
    # named or laid out) are read by ``find`` itself: only junk and plain valid cells are decided.
    overseas = _bools(pc.match_substring_regex(national, "^(?:" + "|".join(OVERSEAS_BLOCKS) + ")"))
    handled &= (valid | junk) & ~overseas
    normalized = pc.binary_join_element_wise("+33", national, "")
    return _outcome(detector, cells, hint, handled, valid, _phone_preview(core), normalized)


# Detector name -> its whole-cell recogniser.
CELL_RULES = {"email": email_cells, "phone": phone_cells}
