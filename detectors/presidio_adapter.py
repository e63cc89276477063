"""Our detectors as Presidio recognizers, for users who combine them with Presidio's own.

    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from fouille.detectors.presidio_adapter import add_fouille_recognizers

    # Presidio's spaCy engine on the French model fouille installs (no download at run time).
    nlp_engine = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "fr", "model_name": "fr_core_news_sm"}],
    }).create_engine()
    analyzer = AnalyzerEngine(supported_languages=["fr"], nlp_engine=nlp_engine)
    add_fouille_recognizers(analyzer.registry)
    analyzer.analyze(text="tél. 01 99 00 12 34", language="fr")

Each result carries an ``AnalysisExplanation`` naming our detector and its evidence.
Our own scan does not go through ``AnalyzerEngine``: it runs the same detector objects
directly over Arrow columns, which is where the speed comes from.
"""

from __future__ import annotations

from fouille.detectors.base import Detector, DocDetector
from fouille.detectors.registry import doc_detectors, text_detectors
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult


class FouilleRecognizer(EntityRecognizer):
    """Wraps one fouille detector as a Presidio ``EntityRecognizer``."""

    def __init__(self, detector: Detector, language: str = "fr"):
        self.detector = detector
        super().__init__(
            supported_entities=list(detector.entities),
            name=f"fouille.{detector.name}",
            supported_language=language,
        )

    def load(self) -> None:  # detectors are ready on construction
        pass

    def explain(self, evidence: tuple[str, ...]) -> str:
        """The evidence in words: "checksum" says what the detector's validator really checked."""
        label = getattr(self.detector, "validation_label", "checksum")
        return ", ".join(label if term == "checksum" else term for term in evidence)

    def analyze(self, text, entities, nlp_artifacts=None):
        if isinstance(self.detector, DocDetector):
            doc = getattr(nlp_artifacts, "tokens", None)
            matches = self.detector.find_in_doc(doc) if doc is not None else self.detector.find(text)
        else:
            matches = self.detector.find(text)
        results = []
        for m in matches:
            if entities and m.entity not in entities:
                continue
            explanation = AnalysisExplanation(
                recognizer=self.name,
                original_score=m.score,
                validation_result="checksum" in m.evidence or None,
                textual_explanation=self.explain(m.evidence),
            )
            results.append(
                RecognizerResult(
                    entity_type=m.entity,
                    start=m.start,
                    end=m.end,
                    score=m.score,
                    analysis_explanation=explanation,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results


def fouille_recognizers(language: str = "fr", include_nlp: bool = False) -> list[FouilleRecognizer]:
    """One recognizer per registered detector (NLP ones only if ``include_nlp``)."""
    detectors = [d for d in text_detectors() if not getattr(d, "only_with_hint", False)]
    if include_nlp:
        detectors += list(doc_detectors())
    return [FouilleRecognizer(d, language) for d in detectors]


def add_fouille_recognizers(registry, language: str = "fr", include_nlp: bool = False) -> None:
    """Add every fouille recognizer to a Presidio ``RecognizerRegistry``."""
    for recognizer in fouille_recognizers(language, include_nlp):
        registry.add_recognizer(recognizer)
