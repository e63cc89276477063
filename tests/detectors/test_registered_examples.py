"""Every registered detector finds its own positive examples and nothing in its negative ones."""

import pytest

from fouille.detectors.registry import all_detectors

CASES = [
    pytest.param(detector, text, positive, id=f"{detector.name}-{'pos' if positive else 'neg'}-{i}")
    for detector in all_detectors()
    for positive, examples in ((True, detector.positive_examples), (False, detector.negative_examples))
    for i, text in enumerate(examples)
]


@pytest.mark.parametrize("detector, text, positive", CASES)
def test_own_examples(detector, text, positive):
    found = [m for m in detector.find(text) if m.entity in detector.entities]
    assert bool(found) is positive, [text[m.start : m.end] for m in found]


def test_every_detector_has_examples():
    for detector in all_detectors():
        assert detector.negative_examples, detector.name
        assert detector.positive_examples or getattr(detector, "only_with_hint", False), detector.name


PREFILTERED = [
    pytest.param(d, id=d.name)
    for d in all_detectors()
    if getattr(d, "prefilter", None) and d.positive_examples and not hasattr(d, "find_in_doc")
]


@pytest.mark.parametrize("detector", PREFILTERED)
def test_prefilter_keeps_every_positive_example(detector):
    """The Arrow fast path (RE2 via pyarrow.compute) must not drop a cell the detector would match."""
    import pyarrow as pa
    import pyarrow.compute as pc

    cells = pa.array(list(detector.positive_examples))
    kept = pc.match_substring_regex(cells, detector.prefilter, ignore_case=detector.prefilter_ignore_case)
    assert kept.to_pylist() == [True] * len(cells)
