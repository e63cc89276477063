"""The issue's accuracy targets hold on a seeded corpus, through detect_texts (``fouille detect``)."""

from eval.corpus import generate
from eval.run import TARGETS
from eval.scoring import score
from eval.systems import fouille_predict


def test_targets_met_on_seeded_corpus():
    examples = generate(300, seed=5)
    texts = [ex.text for ex in examples]
    gold = [[(s.start, s.end, s.label) for s in ex.spans] for ex in examples]
    results = score(texts, gold, fouille_predict(texts), TARGETS)
    below = {e: round(s.f1, 3) for e, s in results.items() if s.f1 < TARGETS[e]}
    assert below == {}
