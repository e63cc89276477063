"""Record text: the notes an agent writes about the person of the record.

A notes / comment / observations / body column (column hint ``FREE_TEXT``), a ticket or
a user's chat turn sits in a record about one person: the row's customer, patient or
employee. There a clause needs no ``je`` to disclose: "Cliente asthmatique", "Sous
dialyse le mardi", "Militant syndical, ne pas appeler au bureau" are about the record's
subject. This module decides, when the chat rules found nobody, whether the clause
is about that subject:

* a bare singular person noun or title before the term ("Cliente", "Patient", "Mme"),
  or after it ("le diabète du client");
* or no subject at all (telegraphic style), when nothing else the clause names could
  be what the term is about: no other noun before the term (``chauffeur en grève``,
  ``syndicat des transports``), no pet, no ``nous`` / ``vous`` / ``on`` (the company, the
  reader), no generic plural (``les clients diabétiques``), no question, no catalogue
  text (a price, a reference), and the term does not open the clause as a topic
  (``Le diabète touche...``).

Kinds are relaxed the way notes are written: a copula term right after a person noun
("cliente enceinte"), a few health copula terms first in a clause when no noun follows
("Enceinte de 6 mois", not "Enceinte bluetooth"); halal/casher after a diet noun ("repas
halal"); ``son/sa/ses`` before a possessive term. A union or party name alone needs a
membership word ("délégué CGT", not "CGT : grève le 12"). A partner of the subject's
own sex ("M. X, son mari") is a sexual-orientation disclosure.
"""

from __future__ import annotations

from types import SimpleNamespace

from fouille.detectors.nlp import load_nlp
from fouille.detectors.sensitive.clauses import CAPITALS_SHARE, COORDINATORS, Clause
from fouille.detectors.sensitive.lexicon import load_cues

_RAW = load_cues()
CUES = SimpleNamespace(
    **{name: frozenset(w.replace("_", " ") for w in words) for name, words in _RAW.items()}
)
SUBJECTS = CUES.PERSON_NOUNS | CUES.RECORD_PERSON_NOUNS | CUES.TITLES
# Words a tagger may call nouns that name no other subject: context nouns ("carte MDPH"),
# membership ("Élue UNSA"), practice verbs and diets ("Fait le ramadan", "Régime casher").
NOT_A_SUBJECT = (
    CUES.RECORD_CONTEXT_NOUNS
    | CUES.MEMBERSHIP
    | CUES.PRACTICE_FORMS
    | CUES.DIET_NOUNS
    | CUES.COPULA_FORMS
    | CUES.RECORD_VERBS  # "A un casier judiciaire": a capital A is tagged a noun
)
# Who may be said to belong to a union or party: a member word, a person, the writer.
MEMBERS = CUES.MEMBERSHIP | SUBJECTS | CUES.FIRST_PERSON | frozenset({"il", "elle", "moi"})
THIRD_POSSESSIVES = frozenset({"son", "sa", "ses"})
INDEFINITE = frozenset({"un", "une"})
NOUNS = frozenset({"NOUN", "PROPN"})
NOUN_AFTER_BARE_COPULA = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
RECORD_SCORE = 0.8
MAX_NAME_WORDS = 4
ANIMAL_WINDOW = 12  # "a perdu son chat, diabétique lui aussi"
_POS_KEY = "fouille.sensitive.pos"


def pos_tags(doc, clause: Clause) -> list[str]:
    """Part of speech per token. A clause in capitals is read from the text tagged again in
    lower case: the tagger takes every capitalised word for a name ("SUIVIE POUR UN CANCER")."""
    letters = [c for c in doc[clause.start : clause.end].text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) <= CAPITALS_SHARE * len(letters):
        return [t.pos_ for t in doc]
    tags = doc.user_data.get(_POS_KEY)
    if tags is None:
        lower = {t.idx: t.pos_ for t in load_nlp()(doc.text.lower())}
        tags = doc.user_data[_POS_KEY] = [lower.get(t.idx, t.pos_) for t in doc]
    return tags


def is_catalogue(words: list[str]) -> bool:
    """A price or a product reference in the text: a catalogue entry, not a person's note."""
    return any(w in CUES.CATALOGUE_WORDS for w in words)


def negated_after(words: list[str], term_end: int) -> bool:
    """ "casier judiciaire vierge", "covid : négatif"."""
    window = [w for w in words[term_end : term_end + 3] if w not in (":", "-", ",")]
    return bool(window) and window[0] in CUES.NEGATED_AFTER


def _is_subject_at(doc, words: list[str], i: int) -> bool:
    """A singular person noun or a title, not after a generic determiner (``les clients``)."""
    if words[i] not in SUBJECTS:
        return False
    return i == 0 or words[i - 1] not in CUES.GENERIC_DETERMINERS


def _person_before(doc, words: list[str], start: int, end: int) -> bool:
    """A person noun or a title ("Cliente", "Mme Pages") that the term is said of.

    Another noun between them takes the term: "Client travaille dans une clinique de
    dialyse" is about the clinic.
    """
    tags = pos_tags(doc, Clause(start, end, ""))
    for i in range(end - 1, start - 1, -1):
        if _is_subject_at(doc, words, i):
            return not (i > 0 and words[i - 1] in INDEFINITE and _thing_subject(words, tags, start))
        if _name_after_title(doc, words, i):
            return True
        if (tags[i] in NOUNS and words[i] not in NOT_A_SUBJECT) or words[i] in CUES.THING_NOUNS:
            return False
    return False


def _thing_subject(words: list[str], tags: list[str], start: int) -> bool:
    """The clause opens on a determiner and a thing: "Le film parle d'un couple homosexuel"."""
    return tags[start] == "DET" and start + 1 < len(words) and words[start + 1] not in SUBJECTS


def _owner_after(words: list[str], term_end: int) -> bool:
    """ "le diabète du client", "la grossesse de la patiente"."""
    window = words[term_end : term_end + 3]
    if not window or window[0] not in ("du", "de", "d'"):
        return False
    return any(w in SUBJECTS for w in window[1:]) and "les" not in window


def _is_question(doc, clause: Clause) -> bool:
    """The sentence holding the clause ends with a question mark."""
    for token in doc[clause.end :]:
        if token.text in ("?", "!", ".", "\n") or "\n" in token.text:
            return token.text == "?"
    return doc.text.rstrip().endswith("?")


def _blocked(doc, words: list[str], clause: Clause, term_start: int) -> bool:
    """The company or the reader speaks, a pet was just named, or it is a question."""
    if any(w in CUES.RECORD_BLOCKERS for w in words[clause.start : clause.end]):
        return True
    recent = words[max(0, term_start - ANIMAL_WINDOW) : clause.end]
    return any(w in CUES.ANIMALS for w in recent) or _is_question(doc, clause)


def _subjectless(doc, words: list[str], start: int, term_start: int, term_text: str) -> bool:
    """Nothing in tokens [start, term_start) could be what the term is about (telegraphic note)."""
    if term_text in CUES.SUBJECTLESS_EXCLUDED:
        return False
    tags = pos_tags(doc, Clause(start, term_start, ""))
    if start < term_start and tags[start] == "DET":
        return False  # "Le diabète touche...", "Les salariés grévistes...": a noun phrase subject
    return not any(
        (tags[i] in NOUNS and words[i] not in NOT_A_SUBJECT) or words[i] in CUES.THING_NOUNS
        for i in range(start, term_start)
    )


def _name_after_title(doc, words: list[str], i: int) -> bool:
    """Token ``i`` ends a name that follows a title ("Monsieur Dos Santos", "Mme Le Roux")."""
    if i > 0 and words[i - 1] in CUES.TITLES:  # "m. toussaint": agents skip capitals
        return True
    j = i
    while j > 0 and i - j < MAX_NAME_WORDS and doc[j].text[:1].isupper():
        if words[j - 1] in CUES.TITLES:
            return True
        j -= 1
    return False


def copula_ok(doc, words: list[str], clause: Clause, term_start: int, term_end: int,
              term_text: str) -> bool:
    """A copula term as a note writes it: after a person noun, or first with no noun after."""
    i = term_start - 1
    while i >= clause.start and words[i] in CUES.ADVERBS:
        i -= 1
    if i >= clause.start:
        return _is_subject_at(doc, words, i) or _name_after_title(doc, words, i)
    if term_text not in CUES.BARE_COPULA:
        return False
    # The next word, even past a cut the parser made at a capital ("ENCEINTE | CONNECTÉE").
    if term_end >= len(doc) or doc[term_end].is_punct or doc[term_end].is_space:
        return True
    return pos_tags(doc, clause)[term_end] not in NOUN_AFTER_BARE_COPULA


def practice_ok(words: list[str], term_start: int, term_text: str) -> bool:
    """ "repas halal", "régime casher": a diet the subject keeps."""
    return term_start > 0 and words[term_start - 1] in CUES.DIET_NOUNS


def possessive_ok(words: list[str], term_start: int) -> bool:
    """ "sa religion", "son syndicat": the record's subject's."""
    return term_start > 0 and words[term_start - 1] in THIRD_POSSESSIVES


def scope(clauses: list[Clause], n: int) -> Clause:
    """Clause ``n``, joined to the one before when they share a subject.

    A clause opened by et/ou/mais shares it ("les infractions et condamnations"); so does
    one the parser cut with no punctuation, at a capital ("Cliente adhérente | LFI").
    """
    clause = clauses[n]
    if n > 0 and (clause.opener in COORDINATORS or clauses[n - 1].end == clause.start):
        return Clause(clauses[n - 1].start, clause.end, clauses[n - 1].opener)
    return clause


def organisation_alone(words: list[str], clause: Clause, term_text: str) -> bool:
    """ "Préavis de grève CGT": a union or party named, nobody said to belong to it."""
    if term_text not in CUES.ORGANISATIONS:
        return False
    return not any(w in MEMBERS for w in words[clause.start : clause.end])


def record_subject(doc, words: list[str], clause: Clause, term_start: int, term_end: int,
                   term_text: str) -> bool:
    """Is ``clause`` (see ``scope``) about the record's subject, when the chat rules found nobody?"""
    if _blocked(doc, words, clause, term_start):
        return False
    if _person_before(doc, words, clause.start, term_start) or _owner_after(words, term_end):
        return True
    return _subjectless(doc, words, clause.start, term_start, term_text)


def subject_gender(words: list[str]) -> str | None:
    """The record subject's gender: the first gendered word of the text (title, noun, pronoun)."""
    for word in words:
        if word in CUES.MALE:
            return "male"
        if word in CUES.FEMALE:
            return "female"
    return None


def same_sex_partner(words: list[str], term_start: int, term_end: int) -> bool:
    """ "M. X, son mari", "Cliente mariée à une femme": a partner of the subject's sex."""
    partner = words[term_end - 1]
    gender = subject_gender(words[:term_start])
    if partner in CUES.MALE_PARTNERS:
        return gender == "male"
    if partner in CUES.FEMALE_PARTNERS:
        return gender == "female"
    return False
