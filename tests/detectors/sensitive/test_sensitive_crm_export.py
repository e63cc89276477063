"""Record level, through the real scan: a CRM export whose notes column agents wrote.

``eval/sensitive/crm_export.py`` writes the CSV (10 % of notes disclose an art. 9 / 10
fact), runs ``fouille scan --full`` and reads the findings Parquet. Targets of issue 16:
>= 95 % of disclosing records flagged, <= 3 % of the others.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

EXPORT = Path(__file__).parents[3] / "eval" / "sensitive" / "crm_export.py"


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    sys.path.insert(0, str(EXPORT.parent))
    spec = importlib.util.spec_from_file_location("sensitive_crm_export", EXPORT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run(seed=5, rows=500, keep=tmp_path_factory.mktemp("crm"))


def test_export_has_disclosing_and_other_records(result):
    assert 30 <= result["disclosing"] <= 80
    assert result["others"] >= 400


def test_disclosing_records_are_flagged(result):
    assert result["disclosing_flagged"] >= 0.95, result["missed"]


def test_other_records_are_left_alone(result):
    assert result["others_flagged"] <= 0.03, result["false_alarms"]
