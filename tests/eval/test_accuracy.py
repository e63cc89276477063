"""Each corpus's accuracy targets hold on a seeded sample, through detect_texts (``fouille detect``)."""

import pytest

from eval.corpora import CORPORA
from eval.run import load_corpus
from eval.scoring import score
from eval.systems import fouille_predict


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_targets_met_on_seeded_corpus(corpus):
    examples, _, targets = load_corpus(corpus, 300, 5)
    if not targets:
        pytest.skip(f"corpus {corpus} declares no target yet")
    texts = [ex.text for ex in examples]
    gold = [[(s.start, s.end, s.label) for s in ex.spans] for ex in examples]
    results = score(texts, gold, fouille_predict(texts), targets)
    below = {e: round(s.f1, 3) for e, s in results.items() if s.f1 < targets[e]}
    assert below == {}
