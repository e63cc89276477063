"""PERSON and LOCATION from the French spaCy model's named entities.

spaCy's French NER tags ``PER`` and ``LOC`` (as Presidio's ``SpacyRecognizer`` maps
them). Its known false positives are filtered: greetings and capitalised common
words, single letters, all-caps shouting, and anything with digits.
"""

from __future__ import annotations

import re

from detectors import masking
from detectors.base import DocDetector, Match

LABELS = {"PER": "PERSON", "PERSON": "PERSON", "LOC": "LOCATION", "GPE": "LOCATION"}
NER_SCORE = 0.85
TITLES = re.compile(
    r"^(?:m\.|mr\.?|mme\.?|mlle\.?|madame|monsieur|mademoiselle|dr\.?|docteur|maître|me\.?|pr\.?)\s+",
    re.IGNORECASE,
)
# Words the small French model often tags as names at the start of chat messages.
NOT_NAMES = frozenset(
    w.lower()
    for w in (
        "bonjour", "bonsoir", "salut", "merci", "cordialement", "madame", "monsieur", "svp",
        "ok", "oui", "non", "hello", "coucou", "bien", "client", "cliente", "conseiller",
        "mon", "ma", "je", "vous", "nous", "rue", "avenue", "boulevard",
    )
)


class NerDetector(DocDetector):
    name = "spacy_ner"
    entities = ("PERSON", "LOCATION")
    positive_examples = ("Bonjour, je m'appelle Camille Lefèvre et j'habite à Marseille.",)
    negative_examples = ("Merci pour votre réponse rapide.",)

    def find_in_doc(self, doc, hint: str | None = None) -> list[Match]:
        matches = []
        for ent in doc.ents:
            entity = LABELS.get(ent.label_)
            if entity is None:
                continue
            text = ent.text
            start = ent.start_char
            title = TITLES.match(text)
            if title:
                start += title.end()
                text = text[title.end() :]
            stripped = text.rstrip(" ,.;:!?")
            if not self._plausible(stripped):
                continue
            evidence = ["ner"] + (["column-name"] if hint == entity else [])
            matches.append(
                Match(
                    start=start,
                    end=start + len(stripped),
                    entity=entity,
                    score=NER_SCORE if hint != entity else 0.95,
                    detector=self.name,
                    evidence=tuple(evidence),
                    preview=masking.mask_words(stripped),
                    normalized=" ".join(stripped.lower().split()),
                )
            )
        return matches

    @staticmethod
    def _plausible(text: str) -> bool:
        if len(text) < 2 or any(ch.isdigit() for ch in text) or "@" in text:
            return False
        words = text.split()
        if words[0].lower() in NOT_NAMES:
            return False
        if not words[0][:1].isupper():
            return False
        return not (text.isupper() and len(text) > 3)
