"""The detector meets the accuracy bar on our labelled French set (eval/sensitive)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

EVALUATE = Path(__file__).parents[3] / "eval" / "sensitive" / "evaluate.py"


@pytest.fixture(scope="module")
def result():
    spec = importlib.util.spec_from_file_location("sensitive_evaluate", EVALUATE)
    evaluate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluate)
    rows = evaluate.load()
    return evaluate.score(rows, evaluate.predict([r["text"] for r in rows]))


def test_set_covers_every_category_and_negative_kind():
    import json

    rows = [
        json.loads(line) for line in EVALUATE.with_name("labelled.jsonl").read_text().splitlines()
    ]
    groups = {r["group"] for r in rows}
    assert {"policy", "question", "other_sense", "figure", "negation"} <= groups


def test_f1_per_category(result):
    assert len(result["per_category"]) == 7
    for category, rates in result["per_category"].items():
        assert rates["f1"] >= 0.85, category


def test_overall_precision(result):
    assert result["overall"]["precision"] >= 0.90


def test_false_positives_on_hard_negatives(result):
    assert result["hard_negatives"]["fp_rate"] <= 0.05
