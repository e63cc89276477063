"""The systems compared: fouille (``detect_texts``, as ``fouille detect`` runs it) and vanilla Presidio.

Presidio is configured for French the plain way: its spaCy NLP engine on a French
model, and its generic recognizers (e-mail, phone, IBAN, card, IP, URL) plus the
spaCy NER recognizer declared for ``fr``. Its e-mail recognizer asks ``tldextract``
for the public-suffix list, which goes to the network; we give it an offline
``TLDExtract`` that uses the snapshot bundled with tldextract instead.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from types import SimpleNamespace

Spans = list[tuple[int, int, str]]


def fouille_predict(texts: Sequence[str], model: str | None = None) -> list[Spans]:
    """fouille's spans for each text, through ``fouille.detectors.detection.detect_many``."""
    if model:
        os.environ["FOUILLE_SPACY_MODEL"] = model
        from fouille.detectors.nlp import load_nlp

        load_nlp.cache_clear()
    from fouille.detectors.detection import detect_many

    return [[(m.start, m.end, m.entity) for m in found] for found in detect_many(list(texts))]


def presidio_engine(model: str = "fr_core_news_sm"):
    """A plain ``AnalyzerEngine`` for French, with no fouille recognizer in it."""
    import tldextract
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        EmailRecognizer,
        IbanRecognizer,
        IpRecognizer,
        PhoneRecognizer,
        SpacyRecognizer,
        UrlRecognizer,
    )
    from presidio_analyzer.predefined_recognizers.generic import email_recognizer

    # Offline: the bundled public-suffix snapshot, never a download.
    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    email_recognizer.tldextract = SimpleNamespace(extract=offline)
    nlp_engine = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "fr", "model_name": model}]}
    ).create_engine()
    registry = RecognizerRegistry(supported_languages=["fr"])
    for recognizer in (EmailRecognizer, PhoneRecognizer, IbanRecognizer, CreditCardRecognizer,
                       IpRecognizer, UrlRecognizer, SpacyRecognizer):
        registry.add_recognizer(recognizer(supported_language="fr"))
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["fr"])


def presidio_predict(texts: Sequence[str], model: str = "fr_core_news_sm") -> list[Spans]:
    """Presidio's spans for each text (every result, default threshold)."""
    engine = presidio_engine(model)
    return [[(r.start, r.end, r.entity_type) for r in engine.analyze(text=t, language="fr")] for t in texts]
