"""CH_AVS: 756 + 9 digits + EAN-13 check digit; stands alone."""

import random

import pytest
from stdnum.ch import ssn

from fouille.detectors.eu.ch_avs import ChAvsDetector
from eval.values_identifiers import ch_avs

RNG = random.Random(41)
AVS = ch_avs(RNG)
DOTTED = ssn.format(AVS)
BAD = ch_avs(RNG, valid=False)


def spans(text, hint=None):
    return [text[m.start : m.end] for m in ChAvsDetector().find(text, hint)]


@pytest.mark.parametrize(
    "text, expected", [(f"N° AVS : {DOTTED}", DOTTED), (AVS, AVS), (f"AHV {AVS}", AVS)]
)
def test_finds(text, expected):
    assert spans(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [f"N° AVS : {ssn.format(BAD)}", f"AVS 757{AVS[3:]}", f"EAN {AVS}", f"{AVS}1", f"AVS {AVS} 4"],
)
def test_rejects(text):
    assert spans(text) == []


def test_context_raises_the_score():
    assert ChAvsDetector().find(f"AVS {AVS}")[0].score > ChAvsDetector().find(AVS)[0].score
