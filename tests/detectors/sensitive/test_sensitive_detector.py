"""The French art. 9 / art. 10 detector: disclosures found, everything else left alone."""

from __future__ import annotations

import pytest

from fouille.detectors.masking import mask_category
from fouille.detectors.sensitive import SensitiveDetector

DETECTOR = SensitiveDetector()


def entities(text: str) -> set[str]:
    return {m.entity for m in DETECTOR.find(text)}


@pytest.mark.parametrize("text", SensitiveDetector.positive_examples)
def test_positive_examples(text):
    assert DETECTOR.find(text)


@pytest.mark.parametrize("text", SensitiveDetector.negative_examples)
def test_negative_examples(text):
    assert DETECTOR.find(text) == []


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        # chat text: no accents, lower case, abbreviations
        ("jsuis sous chimio", "SENSITIVE_HEALTH"),
        ("je suis diabete depuis l'enfance", "SENSITIVE_HEALTH"),
        ("j'ai le VIH", "SENSITIVE_HEALTH"),
        ("j'ai fait une IVG", "SENSITIVE_HEALTH"),
        ("mon pere a fait un AVC", "SENSITIVE_HEALTH"),
        ("je suis sous AD depuis 2 mois", "SENSITIVE_HEALTH"),
        ("je fais une depression", "SENSITIVE_HEALTH"),
        ("Ma femme est ENCEINTE", "SENSITIVE_HEALTH"),
        ("je mange halal", "SENSITIVE_RELIGION"),
        ("ma femme porte le voile", "SENSITIVE_RELIGION"),
        ("je suis gay", "SENSITIVE_SEXUAL_ORIENTATION"),
        ("mon mari est délégué syndical chez FO", "SENSITIVE_UNION"),
        ("je suis syndiquée à la CFDT", "SENSITIVE_UNION"),
        ("je suis encarté au RN", "SENSITIVE_POLITICAL"),
        ("je suis de gauche", "SENSITIVE_POLITICAL"),
        ("je suis métisse", "SENSITIVE_ETHNIC"),
        ("mon fils est en garde-à-vue", "SENSITIVE_CRIMINAL"),
        ("je porte un bracelet électronique", "SENSITIVE_CRIMINAL"),
        ("Mme Martin est sous dialyse", "SENSITIVE_HEALTH"),
        ("le cancer de mon père s'aggrave", "SENSITIVE_HEALTH"),
    ],
)
def test_disclosures(text, entity):
    assert entity in entities(text)


@pytest.mark.parametrize(
    "text",
    [
        # privacy-policy and legal text naming the categories
        "Nous ne traitons pas de données relatives aux condamnations pénales.",
        "Les données concernant la santé et l'appartenance syndicale sont des catégories particulières.",
        "Si vous êtes enceinte, consultez votre médecin.",
        # generic questions and statements
        "Est-ce que la chimio est remboursée ?",
        "La CGT appelle à la grève jeudi.",
        "Le diabète touche 3 millions de Français.",
        # other senses and product vocabulary
        "le syndicat de copropriete vote les travaux",
        "l'église du village est fermée",
        "la santé de mon chat, il est diabétique",
        "je fais de la voile l'été",
        "Je vous prie d'agréer mes salutations.",
        # figures of speech
        "t'es malade ou quoi",
        "ce dossier est un cancer du budget",
        "je suis condamné à attendre",
    ],
)
def test_not_disclosures(text):
    assert entities(text) == set()


class TestNegation:
    """Decision: a negated clause is not a disclosure; "ne ... plus" still is."""

    @pytest.mark.parametrize(
        "text",
        [
            "je ne suis pas malade",
            "je suis pas enceinte",
            "je n'ai jamais fait de prison",
            "je n'ai aucun handicap",
            "je ne suis ni de gauche ni de droite",
        ],
    )
    def test_negated_is_not_a_disclosure(self, text):
        assert entities(text) == set()

    def test_no_longer_is_a_disclosure(self):
        assert entities("je ne bois plus depuis ma cure de désintox") == {"SENSITIVE_HEALTH"}

    def test_negation_stays_in_its_clause(self):
        assert entities("je ne suis pas malade mais ma femme est enceinte") == {"SENSITIVE_HEALTH"}


def test_span_is_the_disclosing_clause():
    text = "Bonjour, je suis diabétique, est-ce couvert ?"
    [match] = DETECTOR.find(text)
    assert text[match.start : match.end] == "je suis diabétique"


def test_coordinated_clause_shares_the_subject():
    text = "je suis musulman et je fais le ramadan, mon frère est en prison"
    found = [(text[m.start : m.end], m.entity) for m in DETECTOR.find(text)]
    assert ("je suis musulman", "SENSITIVE_RELIGION") in found
    assert ("je fais le ramadan", "SENSITIVE_RELIGION") in found
    assert ("mon frère est en prison", "SENSITIVE_CRIMINAL") in found


def test_match_never_carries_the_words():
    [match] = DETECTOR.find("je suis séropositif")
    assert match.preview == mask_category("SENSITIVE_HEALTH")
    assert match.normalized == "SENSITIVE_HEALTH"
    assert not any("seropositif" in e or "séropositif" in e for e in match.evidence)
    assert "seropositif" not in repr(match)


def test_scores_rank_the_writer_above_a_pronoun():
    [mine] = DETECTOR.find("je suis asthmatique")
    [theirs] = DETECTOR.find("elle est asthmatique")
    assert 0 < theirs.score < mine.score <= 1


@pytest.mark.parametrize(
    "junk", ["", " ", "\n\n", "🙂🙂", "x" * 5000, "¹²³", "je suis\x00diabétique"]
)
def test_junk_never_raises(junk):
    assert isinstance(DETECTOR.find(junk), list)


def test_registered_in_the_free_text_path():
    from fouille.detectors.detection import detect_many as detect_texts

    [found] = detect_texts(["Bonjour, ma fille est enceinte de 3 mois."])
    assert any(m.entity == "SENSITIVE_HEALTH" and m.preview == "[HEALTH]" for m in found)
