"""Is a lexicon hit a disclosure about someone? Attribution, negation, hypotheses.

A disclosure is about the writer (je, j', moi, mon diabète) or an identifiable
person (mon fils, ma femme, le patient, Mme X, a name, il/elle). Generic text,
questions about a category and policy sentences name no such person and are not
disclosures. Negation decision (docs/accuracy_sensitive.md): a clause negated with
pas / jamais / aucun / ni / sans / non before the term is *not* a disclosure
("je ne suis pas malade", "je n'ai jamais fait de prison"); "ne ... plus" is one,
because it reveals the past ("je ne bois plus depuis ma cure").
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

from fouille.detectors.nlp import entity_type  # raises EntitiesNeeded on a doc parsed without NER
from fouille.detectors.sensitive import record as record_text
from fouille.detectors.sensitive.clauses import COORDINATORS, Clause
from fouille.detectors.sensitive.lexicon import load_cues

CUES = SimpleNamespace(**load_cues())  # word sets from data/cues.txt, by name

MY = frozenset({"mon", "ma", "mes"})
POSSESSIVES = MY | frozenset({"notre", "votre", "son", "sa", "ses", "leur"})
DEFINITE = frozenset({"le", "la", "l'", "ce", "cette", "cet"})
THIRD_PERSON = frozenset({"il", "elle"})
PRACTICE_BEFORE = 4  # a practice verb governs a term a few words after it ("je vais à la messe")
PRACTICE_AFTER = 2  # or just before it ("pendant le ramadan je jeûne")
THIRD_PERSON_SCORE = 0.75
IDENTIFIED_SCORE = 0.85
FIRST_PERSON_SCORE = 0.9


@dataclass(frozen=True)
class Attribution:
    """Whom a clause discloses about, and how sure we are."""

    who: str  # "first-person", "identified-person", "third-person", "record-subject"
    score: float


def _names_someone(words: list[str], i: int) -> bool:
    """A title (``Mme``) or ``mon père`` / ``la fille``: an identified person, no NER needed."""
    word = words[i]
    if word in CUES.TITLES:
        return True
    if word in POSSESSIVES or word in DEFINITE:
        following = words[i + 1 : i + 3]
        return bool(following) and (
            following[0] in CUES.PERSON_NOUNS
            or (len(following) > 1 and following[1] in CUES.PERSON_NOUNS)
        )
    return False


def _is_third_person(words: list[str], i: int) -> bool:
    """``il``/``elle``..., unless impersonal (``il faut``, ``il est important``)."""
    if words[i] not in THIRD_PERSON:
        return False
    nxt = words[i + 1] if i + 1 < len(words) else ""
    after = words[i + 2] if i + 2 < len(words) else ""
    return not (nxt in CUES.IMPERSONAL_NEXT or (nxt in ("est", "etait") and after in CUES.IMPERSONAL_ADJ))


def _who_in(doc, words: list[str], start: int, end: int) -> str | None:
    """The strongest attribution among tokens [start, end).

    Cheap word checks first; NER (a person's name) is asked only when they cannot decide,
    since a name can only raise the answer to "identified-person".
    """
    span = range(start, end)
    if any(words[i] in CUES.FIRST_PERSON for i in span):
        return "first-person"
    if any(_names_someone(words, i) for i in span):
        return "identified-person"
    if any(entity_type(doc, i) in ("PER", "PERSON") for i in span):
        return "identified-person"
    if any(_is_third_person(words, i) for i in span):
        return "third-person"
    return None


def _owner_after(doc, words: list[str], end: int) -> str | None:
    """ "le cancer de mon père", "la grossesse de Mme X": the owner named just after."""
    window = words[end : end + 4]
    if not window or window[0] not in ("de", "du", "d'", "d"):
        return None
    return _who_in(doc, words, end + 1, min(len(words), end + 4))


def has_copula(doc, words: list[str], clause: Clause, term_start: int) -> bool:
    """Être/devenir/tomber just before the term, adverbs and articles skipped."""
    i = term_start - 1
    skipped = 0
    while i >= clause.start and skipped <= 3:
        if words[i] in CUES.COPULA_FORMS or doc[i].lemma_ in CUES.COPULA_LEMMAS:
            return True
        if words[i] not in CUES.ADVERBS and words[i] not in CUES.PERSON_NOUNS | {
            "femme",
            "homme",
            "fille",
            "garcon",
            "mec",
        }:
            return False
        i -= 1
        skipped += 1
    return False


def has_practice_verb(
    doc, words: list[str], clause: Clause, term_start: int, term_end: int
) -> bool:
    """A practice verb close before the term (any form) or just after it (finite forms only)."""
    before = range(max(clause.start, term_start - PRACTICE_BEFORE), term_end)
    after = range(term_end, min(clause.end, term_end + PRACTICE_AFTER))
    return any(
        words[i] in CUES.PRACTICE_FORMS or doc[i].lemma_ in CUES.PRACTICE_LEMMAS for i in before
    ) or any(words[i] in CUES.PRACTICE_FORMS for i in after)


def practice_in_relative(words: list[str], clauses: list[Clause], n: int, term_end: int) -> bool:
    """ "le ramadan qu'il fait", "la messe qu'elle suit": the practice verb in a relative clause
    opened right after the term."""
    if n + 1 >= len(clauses) or clauses[n + 1].start != term_end:
        return False
    relative = clauses[n + 1]
    if words[relative.start] not in ("qu'", "que", "qu"):
        return False
    window = words[relative.start + 1 : min(relative.end, relative.start + 1 + PRACTICE_BEFORE)]
    return any(w in CUES.PRACTICE_FORMS for w in window)


def is_topic(words: list[str], clause: Clause, term_start: int) -> bool:
    """The term is what something is about ("un article sur la dépression")."""
    i = term_start - 1
    while i >= clause.start and words[i] in CUES.ARTICLES:
        i -= 1
    return i >= clause.start and words[i] in CUES.TOPIC_MARKERS


def is_rhetorical(words: list[str], clause: Clause) -> bool:
    """ "t'es aveugle ou quoi ?": an insult or a joke, not a disclosure."""
    tail = words[clause.end : clause.end + 3]
    return tail[:2] == ["ou", "quoi"]


def about_animal(words: list[str], clause: Clause) -> bool:
    """ "mon chat ... il est diabétique": the pronoun stands for a pet."""
    return any(w in CUES.ANIMALS for w in words[max(0, clause.start - 12) : clause.end])


def _animal_before(words: list[str], clause: Clause, term_start: int) -> bool:
    return any(w in CUES.ANIMALS for w in words[clause.start : term_start])


def is_negated(words: list[str], clause: Clause, term_start: int) -> bool:
    return any(words[i] in CUES.NEGATIONS for i in range(clause.start, term_start))


def _kind_allows(doc, words, clause, term_start, term_end, kind, record, term_text) -> bool:
    """What the term's kind asks of the clause (relaxed for record text, see record.py)."""
    if kind == "copula":
        return has_copula(doc, words, clause, term_start) or (
            record and record_text.copula_ok(doc, words, clause, term_start, term_end, term_text)
        )
    if kind == "practice":
        return has_practice_verb(doc, words, clause, term_start, term_end) or (
            record and record_text.practice_ok(words, term_start, term_text)
        )
    return True


def _not_a_disclosure(doc, words: list[str], clause: Clause, term_start: int, kind: str) -> bool:
    """A surname, a hypothesis, a negation, a joke or a topic: nobody discloses anything."""
    if term_start > 0 and words[term_start - 1] in CUES.TITLES and (
        doc[term_start].text[:1].isupper() or kind != "copula"
    ):
        return True  # "Mme Chrétien", "m. catholique": a surname ("Mme enceinte" is not)
    return (
        clause.opener == "si"
        or is_negated(words, clause, term_start)
        or is_rhetorical(words, clause)
        or is_topic(words, clause, term_start)
    )


_SCORES = {"first-person": FIRST_PERSON_SCORE, "identified-person": IDENTIFIED_SCORE}


def attribute(
    doc,
    words: list[str],
    clauses: list[Clause],
    n: int,
    term_start: int,
    term_end: int,
    kind: str,
    record: bool = False,
    term_text: str = "",
) -> Attribution | None:
    """Whom the term at tokens [term_start, term_end) in clause ``n`` discloses about, if anyone.

    ``record``: the text is a record's (a notes column, a user's chat turn), where a
    subjectless or third-person clause is about the record's subject (see record.py).
    """
    clause = clauses[n]
    if _not_a_disclosure(doc, words, clause, term_start, kind):
        return None
    if record and (
        record_text.negated_after(words, term_end)
        or record_text.organisation_alone(words, record_text.scope(clauses, n), term_text)
    ):
        return None
    if kind == "partner":  # "M. X, son mari": only the record's subject has a known sex
        if record and record_text.same_sex_partner(words, term_start, term_end):
            return Attribution("record-subject", record_text.RECORD_SCORE)
        return None
    relative = kind == "practice" and practice_in_relative(words, clauses, n, term_end)
    if not relative and not _kind_allows(
        doc, words, clause, term_start, term_end, kind, record, term_text
    ):
        return None
    if term_start > 0 and words[term_start - 1] in MY:
        return Attribution("first-person", FIRST_PERSON_SCORE)
    if kind == "possessive":
        if record and record_text.possessive_ok(words, term_start):
            return Attribution("record-subject", record_text.RECORD_SCORE)
        return None
    # A practice's subject may follow it ("pendant le ramadan je jeûne"), or sit in the
    # relative clause that holds its verb ("le ramadan qu'il fait").
    if relative:
        who = _who_in(doc, words, clauses[n + 1].start, clauses[n + 1].end)
    else:
        who = _who_in(doc, words, clause.start, clause.end if kind == "practice" else term_start)
    if who is None and n > 0 and (clause.opener in COORDINATORS or clause.opener == "comma"):
        previous = clauses[n - 1]  # "je suis diabétique et sous insuline": shared subject
        who = _who_in(doc, words, previous.start, previous.end)
    who = who or _owner_after(doc, words, term_end)
    if who is None and record and record_text.record_subject(
        doc, words, record_text.scope(clauses, n), term_start, term_end, term_text
    ):
        return Attribution("record-subject", record_text.RECORD_SCORE)
    if who is None or (who == "third-person" and about_animal(words, clause)):
        return None
    if who == "identified-person" and _animal_before(words, clause, term_start):
        return None  # "le chat de la cliente est sous traitement"
    return Attribution(who, _SCORES.get(who, THIRD_PERSON_SCORE))
