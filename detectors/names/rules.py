"""French person-name rules over raw text: how records write names, beyond what spaCy sees.

- administrative capitals: ``DUPONT Jean``, ``DE LA FONTAINE Marie``, ``N'DIAYE Aminata``,
  ``Marie-Claire LE GOFF`` (the capitalised part must be a known first name);
- a known first name before a capitalised surname: ``Adrienne Pinto``, ``Alphonse des Roches``;
- a field label: ``Patient : …``, ``Nom : DUPONT``, ``Prénom : Jean``, ``Demandeur : …``;
- lists of attendees (``Présents : A, B et C``) and bullet lines (``- REY Alexandre``);
- lower-case names in chats after a self-introduction: ``c'est jean dupont``.

Each rule returns spans of the name alone (never the title or the label). The first-name
gazetteer (``fouille.detectors.names``) vouches for the shapes that have no label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fouille.detectors.base import fold
from fouille.detectors.names import is_first_name, is_surname
from fouille.detectors.names.common_words import (
    is_common_word,  # the lemmatizer's word list, loaded once
)
from fouille.detectors.names.spans import DisjointSpans

UP, LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿĀ-ž"  # Latin Extended-A (ś, ł, ő) in either case
_CAP = rf"(?:[{UP}]['’])?[{UP}][{LOW}]+(?:['’][{LOW}]+)?(?:-[{UP}][{LOW}]+)*"
_CAPS = rf"(?:[{UP}]['’])?[{UP}Ā-ž]{{2,}}(?:[-'’][{UP}Ā-ž]{{2,}})*"
_PARTICLE = r"(?i:de la|de l'|de|du|des|d'|le|la|van der|van den|van|von|da|dos|das|di|del|della|ben|el|ait)"
_PARTICLE_CAPS = r"(?:DE|DU|DES|LE|LA|VAN|VON|DER|DEN|DA|DOS|DAS|DI|DEL|BEN|EL|AIT)"
_SURNAME = rf"(?:{_PARTICLE}[ \t]?)?{_CAP}(?:[ \t]+{_PARTICLE}[ \t]?{_CAP})?"
_SURNAME_CAPS = rf"(?:{_PARTICLE_CAPS}[ \t]+)*{_CAPS}"
_TITLE = r"(?:M\.|Mr\.?|Mme\.?|Mlle\.?|Madame|Monsieur|Mademoiselle|Dr\.?|Docteur|Pr\.?|Professeur|Me|Maître)"
_END = r"(?![\w'’])"

# Look-aheads, so that a rejected candidate does not hide one starting a word later.
CAPS_FIRST = re.compile(rf"(?<![\w'’])(?=(?P<name>{_SURNAME_CAPS}[ \t]+(?P<first>{_CAP})){_END})")
FIRST_CAPS = re.compile(rf"(?<![\w'’])(?=(?P<name>(?P<first>{_CAP})[ \t]+{_SURNAME_CAPS}){_END})")
FIRST_LAST = re.compile(rf"(?<![\w'’])(?=(?P<name>(?P<first>{_CAP})[ \t]+(?P<last>{_SURNAME})){_END})")
_NAME_RUN = rf"(?:{_CAPS}|{_CAP})(?:[ \t]+(?:{_PARTICLE}[ \t]?|{_PARTICLE_CAPS}[ \t]+)?(?:{_CAPS}|{_CAP})){{0,3}}"
FIELD_NAME = re.compile(
    r"(?im:(?<![\w])(?:(?:nom(?: de famille| d'usage| de naissance)?|pr[ée]noms?|patiente?|contribuable"
    r"|b[ée]n[ée]ficiaire|demandeu(?:r|se)|assign[ée]e? à|salari[ée]e?|manager|op[ée]rat(?:eur|rice)"
    r"|anesth[ée]siste|chirurgien(?:ne)?|signataire|m[ée]decin(?: traitant)?"
    r"|cliente?|allocataire|assur[ée]e?|exp[ée]diteur|destinataire|de|à|cc|cci|from|to|r[ée]f[ée]rente?"
    r"|interlocut(?:eur|rice)|auteur|r[ée]dact(?:eur|rice)|conseill(?:er|ère)|gestionnaire"
    r"|titulaire|locataire|propri[ée]taire|adh[ée]rente?|employ[ée]e?|candidate?|contact(?: principal)?"
    r"|mandataire)[ \t]*:|(?:dossier )?suivi par[ \t]*:?|affaire[ \t]*:?|soussign[ée](?:e|\(e\))?)"
    rf"[ \t]*)(?:{_TITLE}[ \t]+)?(?P<name>{_NAME_RUN})"
    r"(?=[ \t]*(?:$|[,;|<(\n.]|[ \t]c/|[ \t]+-)|[ \t]+[\w' ]{1,20}[ \t]*:)",
    re.MULTILINE,
)
# A married or maiden name: "Mme LEROY épouse MAURY", "Mme Roy née Petit".
SPOUSE_NAME = re.compile(rf"(?<![\w])(?:épouse|époux|ép\.|veuve|vve|née|né)[ \t]+(?P<name>{_NAME_RUN})")
# A first name greeted or thanked: "Merci Gérard !", "Bonjour Aminata,".
GREETED = re.compile(rf"(?i:merci|bonjour|bonsoir|salut|coucou|cher|chère)[ \t]+(?P<name>{_CAP})[ \t]*[,!.]")
_LABEL_WITHOUT_COLON = re.compile(r"(?i:suivi par|affaire|soussign)")
LIST_START = re.compile(r"(?im)(?:présents?|excusée?s?|absente?s?|participants?|invitée?s?|copie à)[ \t]*:[ \t]*")
LIST_ITEM = re.compile(rf"(?:{_TITLE}[ \t]+)?(?P<name>{_NAME_RUN})[ \t]*(?:,|;|\.|$|[ \t]et[ \t])", re.MULTILINE)
BULLET = re.compile(rf"(?m)^[ \t]*[-•*][ \t]+(?:{_TITLE}[ \t]+)?(?P<name>{_NAME_RUN})[ \t]*(?:,|$)")
# Partners of a law or bailiff firm: "SCP PONS et RAYNAUD", "Maîtres Roy & Petit".
PARTNERS = re.compile(
    rf"(?<![\w])(?:SCP|SELARL|SELAS|SCM|Maîtres|Mes|MM\.)[ \t]+(?P<a>{_NAME_RUN})[ \t]+(?:et|&)[ \t]+(?P<b>{_NAME_RUN})"
)
_LOWER = r"[^\W\d_]+(?:-[^\W\d_]+)?"
_LOWER_LAST = rf"(?:(?:de la|le|la|de|du|des|da|dos|van der|van|von|ait|el|ben)[ \t]+)?{_LOWER}(?:['’]{_LOWER})?"
_STRONG_CUE = re.compile(r"(?i:appelle|moi c['’]est|mon nom est)[ \t]*$")
LOWER_NAME = re.compile(
    r"(?:(?i:c'est|c’est|je m'appelle|je m’appelle|je suis|moi c'est|moi c’est|mon nom est|de la part de"
    r"|ma mère|mon père|ma femme|mon mari|ma fille|mon fils|ma sœur|mon frère|pour)"
    r"|(?<![\w'’])c)[ \t]+"  # "slt c jean dupont": "c" for "c'est" in text speak
    rf"(?=(?P<name>(?P<first>{_LOWER})[ \t]+(?P<last>{_LOWER_LAST})){_END})"
)
# "jean dupont à l'appareil": the name comes before the phrase.
ON_THE_LINE = re.compile(
    rf"(?<![\w'’])(?=(?P<name>(?P<first>{_LOWER})[ \t]+(?P<last>{_LOWER_LAST}))[ \t]+(?:à|a)[ \t]l['’]appareil)"
)
# Capitalised words that a record puts where a name could be, and acronyms in capitals.
NOT_NAME_WORDS = frozenset(
    fold(w)
    for w in (
        "objet", "dossier", "signataire", "bénéficiaire", "service", "madame", "monsieur",
        "référence", "priorité", "date", "motif", "poste", "adresse", "client", "patient",
        "ville", "notes", "note", "ticket", "facture", "livraison", "consultation", "compte",
        "rendu", "ordonnance", "attestation", "affaire", "mairie", "tribunal", "centre",
        "hôpital", "caisse", "direction", "société", "cabinet", "avocat", "barreau", "liste",
        "ipp", "scp", "drh", "chu", "caf", "rcs", "ddn", "dn", "nir", "iban", "rib", "tva",
        "siret", "siren", "cpam", "urssaf", "sa", "sas", "sarl", "eurl", "rgpd", "cnil", "dpo",
        "bonjour", "merci", "cordialement", "salut", "bonsoir", "agent", "bot", "user",
        "assistant", "rue", "avenue", "boulevard", "chemin", "place", "allée", "impasse",
        "quai", "route", "saint", "sainte", "le", "la", "les", "de", "du", "des", "et", "ou",
        "cher", "chère", "docteur", "maître", "professeur", "dr", "pr", "me", "mme", "mlle",
        "urgent", "nouveau", "nouvelle", "total", "montant", "paiement", "virement", "commande",
        "contrat", "voir", "annexe", "non", "oui", "néant", "inconnu", "inconnue", "anonyme",
        "cedex", "bp", "cs", "médecin", "barreau",
    )
)
# Words after which a capitalised pair is a street, a school, a company: not a person.
NOT_AFTER = frozenset(
    fold(w)
    for w in (
        "rue", "avenue", "av", "boulevard", "bd", "place", "allée", "impasse", "quai", "chemin",
        "square", "cours", "lycée", "collège", "école", "université", "hôpital", "clinique",
        "stade", "centre", "institut", "fondation", "musée", "gare", "aéroport", "pont", "parc",
        "résidence", "cité", "espace", "salle", "théâtre", "groupe", "société", "fondation",
    )
)
# Words that follow "c'est" or "je suis" in a sentence and may also be listed as names.
_FUNCTION_WORDS = frozenset((
    "pour", "pas", "que", "qui", "quoi", "de", "le", "la", "les", "un", "une", "et", "ou", "mais",
    "bien", "très", "tout", "tous", "plus", "moi", "toi", "lui", "elle", "ça", "ce", "cela",
    "vraiment", "bon", "ok", "oui", "non", "si", "en", "au", "aux", "du", "des", "sur", "sous",
    "avec", "sans", "chez", "par", "donc", "alors", "aussi", "encore", "déjà", "juste", "comme",
    "dans", "mon", "ma", "mes", "son", "sa", "ses", "votre", "vos", "notre", "nos", "leur",
))
_HEADING_BEFORE = re.compile(rf"[{UP}]{{2,}}[ \t]+$")
# Titles and greetings: a capitalised word before a name that is not part of it.
_TITLE_WORDS = frozenset((
    "m", "mr", "mme", "mlle", "madame", "monsieur", "mademoiselle", "dr", "docteur", "pr",
    "professeur", "me", "maitre", "bonjour", "merci", "salut", "bonsoir", "cher", "chere",
))
_PARTICLES = ("de", "du", "des", "le", "la", "d'", "van", "von")


def _words(value: str) -> list[str]:
    return [w for w in re.split(r"[\s]+", value) if w]


def _clean_run(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim label words and trailing particles off a name run; ``None`` if nothing is left."""
    kept: list[re.Match] = []
    for word in re.finditer(r"\S+", text[start:end]):
        folded = fold(word.group())
        if folded.strip(".") in NOT_NAME_WORDS and folded not in _PARTICLES:
            break
        kept.append(word)
    while kept and fold(kept[-1].group()) in _PARTICLES + ("et",):
        kept.pop()
    return (start + kept[0].start(), start + kept[-1].end()) if kept else None


def _supported(value: str, single_ok: bool) -> bool:
    """A name run some gazetteer or convention vouches for."""
    words = [w.strip(".,") for w in _words(value)]
    words = [w for w in words if fold(w) not in _PARTICLES]
    if not words or any(fold(w) in NOT_NAME_WORDS for w in words):
        return False
    if len(words) == 1:
        word = words[0]
        return single_ok and (word.isupper() or is_first_name(word) or is_surname(word))
    # "Agence Lyon Nord", "Équipe Support": a run opened by a common word is no name.
    lead = words[0]
    return lead.isupper() or is_first_name(lead) or not is_common_word(lead.lower())


def _after_blocker(text: str, start: int) -> bool:
    """After a street or institution word, or inside a longer capitalised run (``Victor Hugo
    de Besançon``); a common word opening the sentence (``Réunion Marie Curie``) is no part of it."""
    line = text[max(0, start - 30) : start].rsplit("\n", 1)[-1]
    before = line.split()
    if not before or not line[-1:].isspace():
        return False
    previous = before[-1]
    word = fold(previous).strip(".,")
    if word in NOT_AFTER:
        return True
    if not (previous[:1].isupper() and previous[-1:].isalpha()) or word in _TITLE_WORDS:
        return False
    opens_sentence = len(before) == 1 or before[-2][-1:] in ".!?:"
    return not (opens_sentence and is_common_word(previous.lower()))


def _shape_matches(text: str) -> Iterator[tuple[int, int, str]]:
    for rule, why in ((CAPS_FIRST, "caps-surname"), (FIRST_CAPS, "caps-surname")):
        for m in rule.finditer(text):
            first = m.group("first")
            caps = m.group("name").replace(first, "").strip()
            if fold(first) in NOT_NAME_WORDS or fold(first).strip(".") in _TITLE_WORDS:
                continue
            if _HEADING_BEFORE.search(text, max(0, m.start("name") - 30), m.start("name")):
                continue  # "DIRECTION RÉGIONALE Annecy": a heading in capitals
            known_first = is_first_name(first)
            # "NGUYEN Katarzyna": a known surname in capitals vouches for an unknown first name.
            known_last = (
                rule is CAPS_FIRST and is_surname(caps) and not is_common_word(first.lower())
            )
            if (known_first or known_last) and _supported(caps, True) and (len(caps) > 2 or known_first):
                yield m.start("name"), m.end("name"), why
    for m in FIRST_LAST.finditer(text):
        last = m.group("last")
        if (
            is_first_name(m.group("first"))
            and fold(m.group("first")) not in NOT_NAME_WORDS
            and fold(last.split()[-1]) not in NOT_NAME_WORDS
            and (is_surname(last) or not is_common_word(last.split()[-1].lower()))
            and not _after_blocker(text, m.start("name"))
        ):
            yield m.start("name"), m.end("name"), "first-name"


def _labelled_matches(text: str) -> Iterator[tuple[int, int, str]]:
    # Most labels end with a colon: skip the costly label search on texts that have none.
    fields = FIELD_NAME.finditer(text) if ":" in text or _LABEL_WITHOUT_COLON.search(text) else ()
    for m in fields:
        span = _clean_run(text, *m.span("name"))
        if span and _supported(text[span[0] : span[1]], single_ok=True):
            yield span[0], span[1], "field"
    for m in SPOUSE_NAME.finditer(text):
        span = _clean_run(text, *m.span("name"))
        if span and _supported(text[span[0] : span[1]], single_ok=True):
            yield span[0], span[1], "spouse"
    for m in GREETED.finditer(text):
        if is_first_name(m.group("name")) and fold(m.group("name")) not in NOT_NAME_WORDS:
            yield m.start("name"), m.end("name"), "greeting"
    for start in LIST_START.finditer(text):
        line_end = text.find("\n", start.end())
        line_end = len(text) if line_end < 0 else line_end
        for m in LIST_ITEM.finditer(text, start.end(), line_end):
            span = _clean_run(text, *m.span("name"))
            if span and _supported(text[span[0] : span[1]], single_ok=True):
                yield span[0], span[1], "list"
    for m in BULLET.finditer(text):
        span = _clean_run(text, *m.span("name"))
        if span and _supported(text[span[0] : span[1]], single_ok=False):
            yield span[0], span[1], "list"


def _partners(text: str) -> Iterator[tuple[int, int, str]]:
    for m in PARTNERS.finditer(text):
        for group in ("a", "b"):
            span = _clean_run(text, *m.span(group))
            if span:
                yield span[0], span[1], "partners"


def _lower_matches(text: str) -> Iterator[tuple[int, int, str]]:
    on_the_line = ON_THE_LINE.finditer(text) if "appareil" in text else ()  # cheap guard: long texts
    for m in [*LOWER_NAME.finditer(text), *on_the_line]:
        first, last = m.group("first"), m.group("last")
        if first != first.lower() or {first, last} & _FUNCTION_WORDS:
            continue
        strong = m.re is ON_THE_LINE or _STRONG_CUE.search(text, max(0, m.start() - 20), m.start())
        if not (is_first_name(first) or (strong and not is_common_word(first))):
            continue
        last = last.split()[-1]
        if is_surname(last) or (len(last) > 2 and not is_common_word(last)):
            yield m.start("name"), m.end("name"), "lower-case"


def find_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, rule) of each person name the rules find, overlaps resolved longest first."""
    found = sorted(
        [*_labelled_matches(text), *_shape_matches(text), *_lower_matches(text), *_partners(text)],
        key=lambda s: (-(s[1] - s[0]), s[0]),
    )
    taken = DisjointSpans()
    return sorted(span for span in found if taken.add(span[0], span[1]))
