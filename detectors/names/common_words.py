"""French word forms the spaCy lemmatizer's tables know: a capitalised common word is no name."""

from __future__ import annotations

from functools import cache

from fouille.detectors.nlp import load_nlp


@cache
def _lemma_tables():
    try:
        lookups = load_nlp().get_pipe("lemmatizer").lookups
        index = lookups.get_table("lemma_index")
        base_forms = frozenset(w for key in index for w in index[key])
        return lookups.get_table("lemma_lookup"), base_forms
    except (KeyError, RuntimeError, OSError):  # no lookup tables: the filter just does less
        return {}, frozenset()


def is_common_word(word: str) -> bool:
    """True for a lower-case French word form the spaCy lemmatizer's tables know."""
    inflected, base_forms = _lemma_tables()
    return word in base_forms or word in inflected
