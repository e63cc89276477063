"""Lexicon loading, folding and the prefilter that spares clean text the analysis."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from fouille.detectors.sensitive import SensitiveDetector, lexicon, needs_analysis

TEXTS = [
    "je suis DIABÉTIQUE",
    "jsuis diabetique",
    "j’ai une crise d’angoisse",
    "chez FO depuis 10 ans",
    "Je suis en garde-à-vue",
    "Merci pour la livraison, tout est parfait.",
    "information sur la commande",  # holds "fo", but not as a word
    "Bonjour, pouvez-vous changer mon adresse ?",
    "",
]


def test_every_category_has_a_lexicon():
    loaded = {t.entity for t in lexicon.load_terms()}
    assert loaded == set(SensitiveDetector.entities)


def test_fold_keeps_offsets():
    text = "Ma sœur Élodie, j’ai İstanbul"
    folded = lexicon.fold_text(text)
    assert len(folded) == len(text)
    assert folded.startswith("ma sœur elodie, j'ai i")


def test_terms_for_maps_inflected_hits_back():
    [term] = lexicon.terms_for("crises d'angoisse")
    assert term.text == "crise d'angoisse" and term.entity == "SENSITIVE_HEALTH"
    assert {t.entity for t in lexicon.terms_for("musulmanes")} == {"SENSITIVE_RELIGION"}


def test_prefilter_in_arrow_agrees_with_needs_analysis():
    column = pa.array(TEXTS)
    arrow = pc.match_substring_regex(
        column, SensitiveDetector.prefilter, ignore_case=True
    ).to_pylist()
    assert arrow == [needs_analysis(t) for t in TEXTS]
    assert arrow == [True, True, True, True, True, False, False, False, False]


@pytest.mark.parametrize("text", SensitiveDetector.positive_examples)
def test_prefilter_passes_every_disclosure(text):
    assert needs_analysis(text)


def test_unknown_term_kind_is_refused():
    with pytest.raises(ValueError):
        lexicon._parse_line("diabete | sometimes", "SENSITIVE_HEALTH")
