"""The scan's light pipeline (no NER, sentence splitter instead of the parser; NER added
only when the art. 9 rules ask for a name) finds what the full pipeline finds.

Same categories in every text; a clause's extent may differ where the two sentence
splitters disagree (measured: 1 text of 282, "mon père est militant RN", where the
parser cut "RN" off as a new sentence).
"""

from fouille.detectors.sensitive.detector import SensitiveDetector
from eval.sensitive.evaluate import load
from fouille.detectors.nlp import analyse


def test_light_pipeline_equals_full_pipeline_on_the_labelled_corpus():
    texts = [row["text"] for row in load()]
    detector = SensitiveDetector()

    def found(entities: bool) -> list[list[tuple]]:
        return analyse(texts, lambda i, doc: [(m.entity, m.start, m.end, m.score, m.evidence)
                                              for m in detector.find_in_doc(doc)], entities)

    full, light = found(True), found(False)
    assert sum(1 for f in full if f) > 100  # the corpus discloses: the comparison means something
    categories = lambda found: [sorted((m[0], m[3], m[4]) for m in text) for text in found]
    assert categories(light) == categories(full)
    assert sum(a != b for a, b in zip(full, light)) <= len(texts) // 100


def test_a_named_third_person_gets_entities_on_demand():
    texts = ["Marie Dupont est diabétique depuis 2019.", "je suis diabétique"]
    detector = SensitiveDetector()
    light = analyse(texts, lambda i, doc: [m.evidence for m in detector.find_in_doc(doc)], False)
    assert light[0] == [("lexicon", "attribution:identified-person")]
    assert light[1] == [("lexicon", "attribution:first-person")]
