"""The records corpus is seeded and cleanly labelled; places are scored together as documented."""

from eval.corpus_records import generate, number_words, places_scores
from eval.scoring import Scores


def test_seeded():
    assert generate(30, seed=3) == generate(30, seed=3)
    assert generate(30, seed=3) != generate(30, seed=4)


def test_spans_are_clean_and_labelled():
    labels = set()
    for ex in generate(300, seed=7):
        for span in ex.spans:
            value = ex.text[span.start : span.end]
            assert value == value.strip() and value, (ex.id, span)
            labels.add(span.label)
    assert labels == {"PERSON", "LOCATION", "ADDRESS", "DATE_OF_BIRTH"}


def test_number_words():
    assert [number_words(n) for n in (1, 17, 21, 71, 80, 81, 99)] == [
        "un", "dix-sept", "vingt et un", "soixante et onze", "quatre-vingts", "quatre-vingt-un",
        "quatre-vingt-dix-neuf",
    ]


def test_places_scores_combine_location_and_address():
    scores = {"LOCATION": Scores(tp=8, fp=2, fn=0), "ADDRESS": Scores(tp=10, fp=0, fn=2)}
    f1, location_precision = places_scores(scores)
    assert round(f1, 3) == round(2 * 18 / (2 * 18 + 2 + 2), 3)
    assert location_precision == 0.8


def test_places_targets_on_a_seeded_sample():
    """LOCATION + ADDRESS F1 and LOCATION precision, the two targets TARGETS cannot express."""
    from eval.corpus_records import LOCATION_PRECISION_TARGET, PLACES_TARGET
    from eval.scoring import score
    from eval.systems import fouille_predict

    examples = generate(300, seed=5)
    texts = [ex.text for ex in examples]
    gold = [[(s.start, s.end, s.label) for s in ex.spans] for ex in examples]
    f1, location_precision = places_scores(score(texts, gold, fouille_predict(texts), ("LOCATION", "ADDRESS")))
    assert f1 >= PLACES_TARGET
    assert location_precision >= LOCATION_PRECISION_TARGET
