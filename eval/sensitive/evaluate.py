"""Precision, recall and F1 per category of the sensitive-data detector on our labelled set.

Usage: python eval/sensitive/evaluate.py [--split dev|heldout] [--errors]
       python eval/sensitive/evaluate.py --record              # labelled.jsonl as record text
       python eval/sensitive/evaluate.py --corpus crm --seed 2 # generated agent notes

``--corpus crm`` scores the notes of ``crm_notes.py`` (seeded) as record text, the way
the scan reads a notes column (``hint=FREE_TEXT``); ``--record`` reads labelled.jsonl
the same way (a user's chat turn is record text too).

Unit: one text and one category. A text labelled with a category counts a true
positive if the detector emits that category anywhere in it, else a false negative;
a category emitted but not labelled is a false positive. The FP rate on hard
negatives is the share of hard-negative texts (policy sentences, generic questions,
other senses, figures of speech, negations, generic statements) with any finding.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from fouille.scanner.core.column_hints import FREE_TEXT
from fouille.detectors.sensitive import SensitiveDetector
from fouille.detectors.nlp import pipe

LABELLED = Path(__file__).with_name("labelled.jsonl")


def load(path: Path = LABELLED) -> list[dict]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def predict(texts: list[str], hint: str | None = None) -> list[set[str]]:
    """Categories found per text; ``hint=FREE_TEXT`` reads them as record text (a notes column)."""
    detector = SensitiveDetector()
    return [{m.entity for m in detector.find_in_doc(doc, hint)} for doc in pipe(texts)]


def score(rows: list[dict], predicted: list[set[str]]) -> dict:
    """Counts and rates per category, overall, and on hard negatives."""
    tp, fp, fn = Counter(), Counter(), Counter()
    negatives = flagged = 0
    for row, found in zip(rows, predicted):
        gold = set(row["labels"])
        for cat in gold & found:
            tp[cat] += 1
        for cat in found - gold:
            fp[cat] += 1
        for cat in gold - found:
            fn[cat] += 1
        if row["group"] != "positive":
            negatives += 1
            flagged += bool(found)

    def rates(t: int, p: int, n: int) -> dict:
        precision = t / (t + p) if t + p else 1.0
        recall = t / (t + n) if t + n else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"tp": t, "fp": p, "fn": n, "precision": precision, "recall": recall, "f1": f1}

    categories = sorted(set(tp) | set(fp) | set(fn))
    return {
        "per_category": {c: rates(tp[c], fp[c], fn[c]) for c in categories},
        "overall": rates(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        "hard_negatives": {
            "texts": negatives,
            "flagged": flagged,
            "fp_rate": flagged / negatives if negatives else 0.0,
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--errors", action="store_true", help="print the texts the detector gets wrong"
    )
    parser.add_argument(
        "--split", choices=("dev", "heldout"), help="score one part of the set only"
    )
    parser.add_argument("--corpus", choices=("labelled", "crm"), default="labelled")
    parser.add_argument("--seed", type=int, default=1, help="seed of the crm corpus")
    parser.add_argument("--record", action="store_true", help="read texts as record text")
    args = parser.parse_args()
    if args.corpus == "crm":
        from crm_notes import generate

        rows, record = generate(args.seed), True
    else:
        rows, record = load(), args.record
    rows = [r for r in rows if args.split is None or r["split"] == args.split]
    predicted = predict([r["text"] for r in rows], FREE_TEXT if record else None)
    result = score(rows, predicted)
    print(f"{'category':32} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    for cat, r in result["per_category"].items():
        print(
            f"{cat:32} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}  {r['tp']:3} {r['fp']:3} {r['fn']:3}"
        )
    o, h = result["overall"], result["hard_negatives"]
    print(
        f"{'overall (micro)':32} {o['precision']:6.3f} {o['recall']:6.3f} {o['f1']:6.3f}  {o['tp']:3} {o['fp']:3} {o['fn']:3}"
    )
    print(f"hard negatives: {h['flagged']}/{h['texts']} flagged, FP rate {h['fp_rate']:.3f}")
    if args.errors:  # synthetic texts: printing them is safe
        for row, found in zip(rows, predicted):
            if set(row["labels"]) != found:
                print(f"  [{row['group']}] gold={row['labels']} got={sorted(found)}: {row['text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
