"""Precision, recall and F1 per entity, matching predicted spans to gold spans.

A prediction is a true positive when it has the gold span's label and overlaps it
with an intersection-over-union of at least 0.5 (``relaxed``), or has exactly its
offsets once surrounding spaces and punctuation are trimmed (``exact``). Each gold
span is matched at most once. Predicted labels outside the evaluated set are ignored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TRIM = " \t\n,.;:()"


@dataclass(frozen=True)
class Scores:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def _same(text: str, gold: tuple[int, int], pred: tuple[int, int], exact: bool) -> bool:
    if exact:
        return _trimmed(text, *gold) == _trimmed(text, *pred)
    inter = min(gold[1], pred[1]) - max(gold[0], pred[0])
    union = max(gold[1], pred[1]) - min(gold[0], pred[0])
    return inter > 0 and inter / union >= 0.5


def score(
    texts: Sequence[str],
    gold: Sequence[Iterable[tuple[int, int, str]]],
    predicted: Sequence[Iterable[tuple[int, int, str]]],
    labels: Iterable[str],
    exact: bool = False,
) -> dict[str, Scores]:
    """Per-label counts over a corpus; ``gold`` and ``predicted`` hold (start, end, label) per text."""
    labels = set(labels)
    tp, fp, fn = Counter(), Counter(), Counter()
    for text, gold_spans, pred_spans in zip(texts, gold, predicted):
        unmatched = [g for g in gold_spans if g[2] in labels]
        for start, end, label in pred_spans:
            if label not in labels:
                continue
            hit = next((g for g in unmatched if g[2] == label and _same(text, g[:2], (start, end), exact)), None)
            if hit is None:
                fp[label] += 1
            else:
                tp[label] += 1
                unmatched.remove(hit)
        for g in unmatched:
            fn[g[2]] += 1
    return {label: Scores(tp[label], fp[label], fn[label]) for label in sorted(labels)}
