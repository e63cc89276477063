"""What every detector is, and the two-stage pattern detector most of them are.

Two stages, as in Presidio: a regex proposes candidates, a validator confirms
(checksum passed), rejects (bad checksum: dropped) or leaves the base score.
Context words near a candidate, or a column name that hints at the entity, raise
the score. The same definition serves the vectorised Arrow fast path (``prefilter``,
an RE2 pattern used by ``pyarrow.compute`` to pick candidate cells) and the
Presidio adapter (``fouille.detectors.presidio_adapter``).
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from functools import cache, lru_cache
from typing import TYPE_CHECKING, ClassVar

from fouille.detectors import masking
from fouille.detectors.nlp import load_nlp
from fouille.scanner.core.column_hints import fold
from fouille.scanner.core.model import Match, Verdict

if TYPE_CHECKING:  # spaCy is only needed by NLP detectors
    from spacy.tokens import Doc


@lru_cache(maxsize=2)
def lower_cached(text: str) -> str:
    """``text.lower()``, computed once for the detectors that look at the same text in a row."""
    return text.lower()


_NAMED_CUES: set[str] = set()  # every detector's ``named_cues``


@cache
def _cue_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(c) for c in sorted(_NAMED_CUES, key=len, reverse=True)))


@lru_cache(maxsize=2)
def cues_in(text: str) -> frozenset[str]:
    """The named-pattern cues a text holds: one regex pass shared by every detector."""
    return frozenset(_cue_pattern().findall(lower_cached(text)))


class Detector(ABC):
    """Base of every detector.

    Class attributes:
        name: Stable detector name, shown in findings' ``detector`` field.
        entities: Entity types this detector may emit.
        positive_examples: Texts in which the detector must find its entity (run as tests).
        negative_examples: Texts in which it must find nothing (run as tests).
    """

    name: ClassVar[str]
    entities: ClassVar[tuple[str, ...]]
    positive_examples: ClassVar[tuple[str, ...]] = ()
    negative_examples: ClassVar[tuple[str, ...]] = ()

    @abstractmethod
    def find(self, text: str, hint: str | None = None) -> list[Match]:
        """Return the matches in ``text``. ``hint`` is the entity a column name suggests."""


class TextDetector(Detector):
    """A detector that needs only the text (regexes, checksums): the fast path.

    ``prefilter`` is an RE2 regex (no look-around, no back-references) that matches
    every cell in which ``find`` could match; ``None`` means every cell is a candidate.
    """

    prefilter: ClassVar[str | None] = None
    prefilter_ignore_case: ClassVar[bool] = False
    only_with_hint: ClassVar[bool] = False  # runs only on columns whose name hints at its entities


class DocDetector(Detector):
    """A detector that reads a spaCy ``Doc`` (NER, lemmas, dependencies).

    ``prefilter`` (RE2, matched case-insensitively) names the cells worth parsing
    outside the NER sample; ``None`` means the detector runs only on parsed cells.
    """

    prefilter: ClassVar[str | None] = None

    @abstractmethod
    def find_in_doc(self, doc: Doc, hint: str | None = None) -> list[Match]:
        """Return the matches in an already parsed document."""

    def find(self, text: str, hint: str | None = None) -> list[Match]:
        return self.find_in_doc(load_nlp()(text), hint)


class PatternDetector(TextDetector):
    """Regex candidates, then validation, context and column hints.

    Subclasses set ``entity``, ``pattern`` and optionally the others, and override
    ``validate``, ``normalize``, ``mask`` and ``is_junk`` as needed. If the pattern
    has a group named ``value``, that group is the span; else the whole match.
    """

    entity: ClassVar[str]
    pattern: ClassVar[str]
    flags: ClassVar[int] = 0
    context_words: ClassVar[tuple[str, ...]] = ()
    context_window: ClassVar[int] = 40  # characters before the candidate searched for context
    base_score: ClassVar[float] = 0.5  # pattern matched, nothing to validate
    valid_score: ClassVar[float] = 1.0  # validator confirmed
    context_boost: ClassVar[float] = 0.35
    needs_context: ClassVar[bool] = False  # dropped unless context words or a column hint
    min_score: ClassVar[float] = 0.0
    # What a VALID verdict checked, in words (the evidence term stays "checksum" everywhere).
    validation_label: ClassVar[str] = "checksum"
    weak_score: ClassVar[float] = 0.3  # rejected by the validator, kept by ``weak_evidence``
    # A second regex (case-insensitive, with a ``value`` group) for the number right after a word
    # that names it, where any spacing is allowed ("SIRET 7 3 2 8 ..."): see fouille.detectors.fr.layout.
    named_pattern: ClassVar[str | None] = None
    named_cues: ClassVar[tuple[str, ...]] = ()  # lower-case words one of which the text must hold

    _compiled: ClassVar[re.Pattern[str] | None] = None
    _named: ClassVar[re.Pattern[str] | None] = None
    _context_re: ClassVar[re.Pattern[str] | None] = None

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if "entity" in cls.__dict__ and "entities" not in cls.__dict__:
            cls.entities = (cls.entity,)
        if "pattern" in cls.__dict__:
            cls._compiled = re.compile(cls.pattern, cls.flags)
        if cls.__dict__.get("named_pattern"):
            cls._named = re.compile(cls.named_pattern, re.IGNORECASE)
        if cls.__dict__.get("named_cues"):
            _NAMED_CUES.update(cls.named_cues)
            _cue_pattern.cache_clear()
            cues_in.cache_clear()
        if "context_words" in cls.__dict__ and cls.context_words:
            words = sorted({fold(w) for w in cls.context_words}, key=len, reverse=True)
            cls._context_re = re.compile(
                r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)"
            )

    # Override points -------------------------------------------------------------------
    def validate(self, candidate: str) -> Verdict:
        return Verdict.UNCHECKED

    def normalize(self, candidate: str) -> str:
        return re.sub(r"[\s.\-/]", "", candidate).upper()

    def mask(self, candidate: str) -> str:
        return masking.mask_generic(candidate)

    def is_junk(self, candidate: str) -> bool:
        """Known look-alikes to veto before validation (all same digit, sequences)."""
        return False

    def weak_evidence(self, candidate: str) -> str | None:
        """Why a candidate the validator rejects is still reported (at ``weak_score``), else None.

        E.g. a French IBAN whose mod 97 holds but whose RIB key does not. The verdict stays
        INVALID, so the CI gate (``fails_checksum``) still calls such a value synthetic.
        """
        return None

    # The two stages ---------------------------------------------------------------------
    def score_candidate(
        self, verdict: Verdict, word: str | None, hinted: bool, weak: str | None = None
    ) -> tuple[float, tuple[str, ...]] | None:
        """Score and evidence of a candidate the validator kept (``None``: dropped).

        ``word`` is the context word found near it, ``hinted`` whether the column names the
        entity, ``weak`` the ``weak_evidence`` of a rejected candidate. Shared with the
        columnar full-mode path (``fouille.scanner.engine.columnar``).
        """
        evidence = ["checksum"] if verdict is Verdict.VALID else [weak or "pattern"]
        score = self.valid_score if verdict is Verdict.VALID else self.base_score
        if weak is not None:
            score = self.weak_score
        if self.needs_context and word is None and not hinted:
            return None
        if word is not None:
            evidence.append(f"context:{word}")
        if hinted:
            evidence.append("column-name")
        if word is not None or hinted:
            score = min(1.0, score + self.context_boost)
        if score < self.min_score:
            return None
        return round(score, 3), tuple(evidence)

    def context_word(self, text: str, start: int, end: int) -> str | None:
        """The first context word in the window before the candidate (or just after it)."""
        if self._context_re is None:
            return None
        window = fold(text[max(0, start - self.context_window) : start])
        found = self._context_re.search(window)
        if found is None:
            found = self._context_re.search(fold(text[end : end + 15]))
        return found.group(1) if found else None

    def find(self, text: str, hint: str | None = None) -> list[Match]:
        if not text or self._compiled is None:
            return []
        matches: list[Match] = []
        group = "value" if "value" in self._compiled.groupindex else 0
        for m in self._compiled.finditer(text):
            self._consider(text, *m.span(group), hint, matches)
        if self._named is not None and self._named_cue(text):
            for m in self._named.finditer(text):
                start, end = m.span("value")
                if not any(start < k.end and k.start < end for k in matches):
                    self._consider(text, start, end, hint, matches)
        return matches

    def _named_cue(self, text: str) -> bool:
        """A cheap test before the named pattern: the text holds one of ``named_cues``."""
        return not self.named_cues or not cues_in(text).isdisjoint(self.named_cues)

    def _consider(self, text: str, start: int, end: int, hint: str | None, matches: list[Match]) -> None:
        """Validate, score and append the candidate ``text[start:end]`` (if it stands)."""
        if start < 0:
            return
        candidate = text[start:end]
        if self.is_junk(candidate):
            return
        verdict = self.validate(candidate)
        weak = self.weak_evidence(candidate) if verdict is Verdict.INVALID else None
        if verdict is Verdict.INVALID and weak is None:
            return
        scored = self.score_candidate(verdict, self.context_word(text, start, end), hint == self.entity, weak)
        if scored is None:
            return
        score, evidence = scored
        matches.append(
            Match(
                start=start,
                end=end,
                entity=self.entity,
                score=score,
                detector=self.name,
                evidence=evidence,
                preview=self.mask(candidate),
                normalized=self.normalize(candidate),
            )
        )
