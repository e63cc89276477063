"""Sensitive data typed into French free text: GDPR art. 9 categories and art. 10.

Three steps over the ``Doc`` NER already produced (no second NLP pass):
1. lexicon hits on the folded text (one trie regex; most texts stop here);
2. hits inside a phrase with another sense (``syndicat de copropriété``) are dropped;
3. the hit's clause must disclose it about someone (see ``attribution``); in record
   text (``hint == FREE_TEXT``: a notes column, a user's chat turn) a subjectless or
   third-person clause is about the record's subject (see ``record``).
The span is the clause; the preview names only the category.
"""

from __future__ import annotations

import re
from functools import cache
from typing import ClassVar

from fouille.detectors import masking
from fouille.detectors.base import DocDetector, Match
from fouille.detectors.sensitive import lexicon
from fouille.detectors.sensitive.attribution import attribute
from fouille.detectors.sensitive.clauses import clause_at, split_clauses, token_words
from fouille.detectors.sensitive.record import is_catalogue
from fouille.scanner.core.column_hints import FREE_TEXT


@cache
def _prefilter_regex() -> re.Pattern[str]:
    return re.compile(lexicon.prefilter_pattern(), re.IGNORECASE)


def needs_analysis(text: str) -> bool:
    """The prefilter's decision in pure Python: may ``text`` hold a disclosure?"""
    return bool(text) and _prefilter_regex().search(text) is not None


def _hits(text: str, folded: str) -> list[tuple[int, int, tuple[lexicon.Term, ...]]]:
    """(start, end, terms) of every lexicon term in the text, outside other senses."""
    found = [
        (m.start(), m.end(), lexicon.terms_for(m.group()))
        for m in lexicon.term_regex().finditer(folded)
    ]
    found += [
        (m.start(), m.end(), lexicon.terms_for(m.group(), True))
        for m in lexicon.acronym_regex().finditer(text)
    ]
    if not found:
        return []
    other = [m.span() for m in lexicon.other_senses_regex().finditer(folded)]
    return [h for h in found if not any(s < h[1] and h[0] < e for s, e in other)]


class SensitiveDetector(DocDetector):
    name = "sensitive_fr"
    entities = tuple(lexicon.CATEGORIES.values())
    prefilter: ClassVar[str | None] = lexicon.prefilter_pattern()
    positive_examples = (
        "Bonjour, je suis diabétique et je voudrais savoir si mon contrat me couvre.",
        "ma fille est enceinte de 4 mois",
        "je suis délégué CGT dans mon entreprise",
        "j'ai fait de la prison il y a dix ans",
        "jsuis sous chimio depuis janvier",
        "je suis musulman et je fais le ramadan",
        "je suis homosexuel",
        "je milite à la France insoumise",
        "je suis d'origine maghrébine",
    )
    negative_examples = (
        "Nous ne collectons aucune donnée de santé ni opinion politique.",
        "Vous collectez des données de santé ?",
        "Le syndicat de copropriété se réunit jeudi.",
        "Je ne suis pas malade, juste fatigué.",
        "Mon enceinte bluetooth ne s'allume plus.",
        "Ce projet est un cancer du budget.",
        "Le diabète est-il couvert par la mutuelle ?",
    )

    def find(self, text: str, hint: str | None = None) -> list[Match]:
        if not needs_analysis(text):  # don't parse a text that cannot disclose anything
            return []
        return super().find(text, hint)

    def find_in_doc(self, doc, hint: str | None = None) -> list[Match]:
        text = doc.text
        folded = lexicon.fold_text(text)
        hits = _hits(text, folded)
        if not hits:
            return []
        words = token_words(doc)
        clauses = split_clauses(doc, words)
        # A notes/comment/body column or a user's chat turn: the text of a record about a
        # person (record.py); a catalogue entry in such a column is not.
        record = hint == FREE_TEXT and not is_catalogue(words)
        best: dict[tuple[int, str], Match] = {}
        for start, end, terms in hits:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            n = clause_at(clauses, span.start)
            if n is None:
                continue
            for term in terms:
                who = attribute(
                    doc, words, clauses, n, span.start, span.end, term.kind, record, term.text
                )
                if who is None:
                    continue
                match = self._match(doc, clauses[n], term.entity, who.who, who.score)
                key = (n, term.entity)
                if key not in best or best[key].score < match.score:
                    best[key] = match
        return sorted(best.values(), key=lambda m: (m.start, m.entity))

    def _match(self, doc, clause, entity: str, who: str, score: float) -> Match:
        tokens = doc[clause.start : clause.end]
        if len(tokens) > 1 and clause.opener not in ("sentence", "comma"):
            tokens = tokens[1:]  # the span is the clause, not the "et" / "que" that opens it
        start = tokens[0].idx
        end = tokens[-1].idx + len(tokens[-1].text)
        return Match(
            start=start,
            end=end,
            entity=entity,
            score=score,
            detector=self.name,
            evidence=("lexicon", f"attribution:{who}"),
            preview=masking.mask_category(entity),
            normalized=entity,
        )
