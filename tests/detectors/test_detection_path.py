"""The one detection path (issue 19): hints read once, Arrow forms equal to the detectors' own."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
from fouille.detectors import masking
from fouille.detectors.detection import (
    column_matches,
    detect_text,
    detect_values,
    fast_detectors,
    fast_matches,
    resolve,
)
from fouille.detectors.detection.arrow_cells import email_cells, phone_cells
from fouille.detectors.email import EmailDetector
from fouille.detectors.phone import PhoneDetector
from fouille.scanner.core.column_hints import FREE_TEXT
from fouille.scanner.core.safe_names import shown_container

EMAILS = ["jean.dupont@example.com", " Paul.Durand+crm@Sub.Example.org ", "a@b.test", "logo@2x.png"]
PHONES = ["06 12 34 56 78", "+33 6 12 34 56 78", "0033 1 99 00 12 34", "01.99.00.12.34",
          "+33 (0)1 99 00 12 34", "0612345678", " 04 65 71 20 17\t"]


def test_hint_only_detectors_run_on_hinted_structured_fields_only():
    names = {d.name for d in fast_detectors("PERSON")}
    assert "column_hint" in names
    assert "column_hint" not in {d.name for d in fast_detectors("PERSON", free_text=True)}
    assert "column_hint" not in {d.name for d in fast_detectors(FREE_TEXT)}
    assert "column_hint" not in {d.name for d in fast_detectors(None)}


def test_free_text_hint_reaches_no_fast_detector():
    text = "Appeler Mme Martin au 06 12 34 56 78 ou jean.dupont@example.com"
    assert fast_matches(text, FREE_TEXT) == fast_matches(text)
    assert detect_text(text, FREE_TEXT) == resolve(fast_matches(text))


def test_a_column_gives_what_each_value_gives():
    values = ["Dupont", "06 12 34 56 78", None, "", "FR76 3000 6000 0112 3456 7890 189", "Lyon"]
    for hint in (None, "PERSON", "PHONE_NUMBER"):
        found = column_matches(pa.array(values, pa.string()), hint, free_text=False)
        per_value = detect_values(values, hint)
        assert {row: resolve(m) for row, m in found.items() if m} == {
            row: m for row, m in enumerate(per_value) if m}


def test_arrow_masks_are_the_detectors_masks():
    cells = pa.array(EMAILS)
    outcome = email_cells(EmailDetector(), cells, None)
    for i, value in enumerate(EMAILS):
        if outcome.matched[i]:
            core = value.strip()
            assert outcome.preview[i].as_py() == masking.mask_email(core)
            assert outcome.normalized[i].as_py() == EmailDetector().normalize(core)
    assert outcome.matched.sum() == 3  # logo@2x.png is a file name
    outcome = phone_cells(PhoneDetector(), pa.array(PHONES), None)
    assert outcome.matched.all()
    for i, value in enumerate(PHONES):
        core = value.strip()
        assert outcome.preview[i].as_py() == masking.mask_phone(core)
        assert outcome.normalized[i].as_py() == PhoneDetector().normalize(core)
    trimmed = pc.utf8_trim_whitespace(pa.array(PHONES))
    assert masking.mask_phone_cells(trimmed).to_pylist() == [masking.mask_phone(p.strip()) for p in PHONES]


def test_names_are_judged_by_the_detection_path():
    assert shown_container("exports/zoe.martin@example.com.csv").shown == "exports/z***@e****.com.csv"
