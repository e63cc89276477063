"""Cut a parsed ``Doc`` into clauses: the unit a disclosure is judged and reported on.

A clause ends at a sentence end or punctuation, and a new one starts at a
coordinator (et, mais, car...) or a subordinator (que, si, quand...). The word that
opens a clause matters: a ``si`` clause is hypothetical, a coordinated clause shares
its subject with the one before ("je suis diabétique et sous insuline").
"""

from __future__ import annotations

from dataclasses import dataclass

from fouille.detectors.sensitive.lexicon import fold_text

STRONG_PUNCT = frozenset({".", "!", "?", ";", ":", "…", "...", "(", ")", "[", "]", "\n"})
WEAK_PUNCT = frozenset({",", "-", "—", "–", "/"})
COORDINATORS = frozenset({"et", "mais", "ou", "puis", "donc", "car", "sauf", "pourtant"})
CAPITALS_SHARE = 0.8
SUBORDINATORS = frozenset(
    {
        "que",
        "qu'",
        "qu",
        "si",
        "quand",
        "lorsque",
        "lorsqu'",
        "parce",
        "puisque",
        "puisqu'",
        "pourquoi",
        "comment",
        "comme",
    }
)


@dataclass(frozen=True)
class Clause:
    """Token range [start, end) of a clause and the word or mark that opened it."""

    start: int
    end: int
    opener: str  # "sentence", "comma", a coordinator or a subordinator (folded)


def token_words(doc) -> list[str]:
    """Folded text of each token (chat text: the lemmatiser is no help on ``jsuis``)."""
    return [fold_text(t.text) for t in doc]


def _in_capitals(text: str) -> bool:
    """A note typed in capitals: its capitals say nothing about where sentences start."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > CAPITALS_SHARE * len(letters)


def split_clauses(doc, words: list[str]) -> list[Clause]:
    """The clauses of ``doc``, in order, without their boundary punctuation."""
    clauses: list[Clause] = []
    start, opener = 0, "sentence"
    capitals = _in_capitals(doc.text)

    def close(end: int) -> None:
        if end > start:
            clauses.append(Clause(start, end, opener))

    for i, token in enumerate(doc):
        word = words[i]
        # The parser cuts unpunctuated chat text at random pronouns: trust its sentence
        # starts only where the writer capitalised (not in a note typed in capitals).
        if i > start and token.is_sent_start and token.text[:1].isupper() and not capitals:
            close(i)
            start, opener = i, "sentence"
        if word in STRONG_PUNCT or word in WEAK_PUNCT or (token.is_space and "\n" in token.text):
            close(i)
            start, opener = i + 1, "comma" if word in WEAK_PUNCT else "sentence"
        elif word == "s'" and i + 1 < len(words) and words[i + 1] in ("il", "ils"):
            close(i)
            start, opener = i, "si"
        elif (word in COORDINATORS or word in SUBORDINATORS) and i > start:
            close(i)
            start, opener = i, word
        elif (word in COORDINATORS or word in SUBORDINATORS) and i == start:
            opener = word
    close(len(words))
    return clauses


def clause_at(clauses: list[Clause], token_index: int) -> int | None:
    """Index of the clause holding ``token_index`` (None for boundary punctuation)."""
    for n, clause in enumerate(clauses):
        if clause.start <= token_index < clause.end:
            return n
    return None
