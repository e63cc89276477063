"""The category lexicons (data/*.txt) compiled into regexes.

Terms are matched on *folded* text (lower case, no accents, curly apostrophes made
straight) that keeps the original's character offsets, so a hit maps back onto the
spaCy ``Doc``. One combined regex per case (folded terms, case-sensitive acronyms)
is built from a trie, so a text costs one pass whatever the lexicon size. The same
terms also give the RE2 ``prefilter`` that ``pyarrow.compute`` runs on raw text.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

CATEGORIES: dict[str, str] = {
    "health": "SENSITIVE_HEALTH",
    "religion": "SENSITIVE_RELIGION",
    "sexual_orientation": "SENSITIVE_SEXUAL_ORIENTATION",
    "union": "SENSITIVE_UNION",
    "political": "SENSITIVE_POLITICAL",
    "ethnic": "SENSITIVE_ETHNIC",
    "criminal": "SENSITIVE_CRIMINAL",
}
KINDS = ("plain", "copula", "practice", "possessive", "partner")

# A space in a term also matches hyphens and apostrophes ("burn-out", "garde-à-vue");
# each word may carry a plural or feminine ending.
_ENDING = r"(?:es|e|s|x)?"
_SEPARATOR = _ENDING + r"[\s'\-]+"
_ACCENTS = {
    "a": "aàâä",
    "c": "cç",
    "e": "eéèêë",
    "i": "iîï",
    "o": "oôö",
    "u": "uùûü",
    "y": "yÿ",
}
_APOSTROPHES = {ord(ch): "'" for ch in "’‘ʼ`´"}


@dataclass(frozen=True)
class Term:
    """One lexicon entry: the words, its category's entity, what else the clause needs."""

    text: str
    entity: str
    kind: str
    acronym: bool


def fold_char(ch: str) -> str:
    """One character folded to exactly one character, so offsets never move."""
    folded = "".join(
        c for c in unicodedata.normalize("NFD", ch.lower()) if not unicodedata.combining(c)
    )
    return folded if len(folded) == 1 else ch


@cache
def _fold_table() -> dict[int, str]:
    table = {code: fold_char(chr(code)) for code in range(0x41, 0x250)}
    table.update(_APOSTROPHES)
    return table


def fold_text(text: str) -> str:
    """Lower case, no accents, straight apostrophes; same length as ``text``.

    >>> fold_text("Je suis DIABÉTIQUE, j’ai")
    "je suis diabetique, j'ai"
    """
    folded = text.translate(_fold_table()).lower()
    if len(folded) == len(text):
        return folded
    return "".join(fold_char(ch) for ch in text)  # a rare character whose lower case is longer


def _parse_line(line: str, entity: str) -> Term | None:
    line = line.split("#", 1)[0].strip()
    if not line:
        return None
    words, _, kind = (part.strip() for part in line.partition("|"))
    kind = kind or "plain"
    if kind not in KINDS:
        raise ValueError(f"unknown term kind {kind!r} in the {entity} lexicon")
    acronym = any(ch.isupper() for ch in words)
    return Term(words if acronym else fold_text(words), entity, kind, acronym)


@cache
def load_terms() -> tuple[Term, ...]:
    """Every term of every category lexicon."""
    terms = []
    for stem, entity in CATEGORIES.items():
        for line in (DATA / f"{stem}.txt").read_text(encoding="utf-8").splitlines():
            term = _parse_line(line, entity)
            if term is not None:
                terms.append(term)
    return tuple(terms)


@cache
def load_other_senses() -> tuple[str, ...]:
    lines = (DATA / "other_senses.txt").read_text(encoding="utf-8").splitlines()
    return tuple(fold_text(s) for s in (ln.split("#", 1)[0].strip() for ln in lines) if s)


# Regex building ---------------------------------------------------------------------------
def _trie_regex(words: list[str], char_regex) -> str:
    """An alternation of ``words`` factored as a trie: one pass, no backtracking blow-up."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [char_regex(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            body = "(?:" + body + ")?"
        return body

    return emit(trie)


def _folded_char(ch: str) -> str:
    return _SEPARATOR if ch == " " else re.escape(ch)


def _raw_char(ch: str) -> str:
    """A folded character as an RE2 class of its accented forms (the prefilter reads raw text)."""
    if ch == " ":
        return r"[\s'’\-]+"
    if ch == "'":
        return "['’]"
    if ch in _ACCENTS:
        return "[" + _ACCENTS[ch] + "]"
    return re.escape(ch)


@cache
def term_regex() -> re.Pattern[str]:
    """Folded terms on folded text, whole words, with endings; one group per term text."""
    words = sorted({t.text for t in load_terms() if not t.acronym})
    return re.compile(
        r"(?<![a-z0-9])(" + _trie_regex(words, _folded_char) + ")" + _ENDING + r"(?![a-z0-9])"
    )


@cache
def acronym_regex() -> re.Pattern[str]:
    """Case-sensitive acronyms (FO, SUD, RN) on the raw text."""
    words = sorted({t.text for t in load_terms() if t.acronym})
    return re.compile(r"(?<![\w])(" + "|".join(re.escape(w) for w in words) + r")(?![\w])")


@cache
def other_senses_regex() -> re.Pattern[str]:
    return re.compile(
        r"(?<![a-z0-9])(?:" + _trie_regex(sorted(load_other_senses()), _folded_char) + ")"
    )


@cache
def prefilter_pattern() -> str:
    """RE2 regex, matched case-insensitively on raw text: every text a term could match.

    A superset of ``term_regex``: accents as classes, endings allowed, and a right word
    boundary (without it ``trans`` passed every ``transmis``).
    """
    terms = {t.text.lower() for t in load_terms()}
    single = sorted(t for t in terms if not _WORD_SPLIT.search(t))
    phrases = sorted(t for t in terms if _WORD_SPLIT.search(t))  # inner words inflect: no boundary
    start = r"(?:^|[^a-z0-9])"
    alternatives = [start + "(?:" + _trie_regex(single, _raw_char) + ")" + _ENDING + r"(?:$|\W)"]
    if phrases:
        alternatives.append(start + "(?:" + _trie_regex(phrases, _raw_char) + ")")
    return "|".join(alternatives)


_WORD_SPLIT = re.compile(r"[\s'\-]+")
_ENDINGS = ("es", "e", "s", "x")


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in _WORD_SPLIT.split(text) if w)


@cache
def _terms_by_words() -> dict[tuple[tuple[str, ...], bool], tuple[Term, ...]]:
    index: dict[tuple[tuple[str, ...], bool], list[Term]] = {}
    for term in load_terms():
        index.setdefault((_words(term.text), term.acronym), []).append(term)
    return {key: tuple(value) for key, value in index.items()}


def terms_for(matched: str, acronym: bool = False) -> tuple[Term, ...]:
    """The lexicon terms a regex hit stands for (``crises d'angoisse`` -> ``crise d'angoisse``)."""
    index = _terms_by_words()
    if acronym:
        return index.get(((matched,), True), ())
    options = [
        {word}
        | {word[: -len(end)] for end in _ENDINGS if word.endswith(end) and len(word) > len(end)}
        for word in _words(matched)
    ]
    found: list[Term] = []
    for words in itertools.product(*options):
        found.extend(index.get((words, False), ()))
    return tuple(dict.fromkeys(found))


def load_cues() -> dict[str, frozenset[str]]:
    """The grammar word sets of ``data/cues.txt`` (``NAME: word word ...``)."""
    cues = {}
    for line in (DATA / "cues.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, words = line.partition(":")
            cues[name.strip()] = frozenset(words.split())
    return cues
