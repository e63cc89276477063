"""PERSON and LOCATION: the French spaCy model's named entities, plus rules and filters.

spaCy's French NER tags ``PER`` and ``LOC`` (as Presidio's ``SpacyRecognizer`` maps
them). Rules add what the model misses: a name after a title (``M.``, ``Mme``, ``Dr``,
``Maître``), a name signing a message (``Cordialement,\\nJean Dupont``), a role noun, and
the French name layer of ``fouille.detectors.names.rules`` (administrative capitals, field labels,
lists, lower-case chat names, backed by INSEE first-name and surname gazetteers). Filters
drop the model's known false positives: greetings and capitalised common words (``Objet``,
``Priorité``), organisations and the places in their names, street names inside an
address, words in all caps, anything with digits. A PERSON span never includes the title.

A LOCATION is kept only when it is tied to a person (``fouille.detectors.places``): where someone
lives, was born or comes from. A city in an organisation's name, a heading or a privacy
policy is not personal data.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fouille.detectors import masking
from fouille.detectors.address import ADDRESS_RE
from fouille.detectors.base import DocDetector, Match, fold
from fouille.detectors.hinted import delimited_cells
from fouille.detectors.names import is_first_name
from fouille.detectors.names.common_words import is_common_word
from fouille.detectors.names.rules import NOT_AFTER, find_names
from fouille.detectors.names.spans import DisjointSpans
from fouille.detectors.nlp import load_nlp
from fouille.detectors.places import tie_before, tied_places

LABELS = {"PER": "PERSON", "PERSON": "PERSON", "LOC": "LOCATION", "GPE": "LOCATION"}
NER_SCORE = 0.85
TITLE_SCORE = 0.9
SIGNATURE_SCORE = 0.85
ROLE_SCORE = 0.85
NAME_RULE_SCORE = 0.85
PLACE_SCORE = 0.85
_TITLE_WORDS = (
    r"M\.|Mr\.?|MM\.|Mme\.?|Mmes|Mlle\.?|Madame|Monsieur|Mademoiselle|Dr\.?|Docteur|Docteure"
    r"|Maître|Maitre|Me|Pr\.?|Professeur|Professeure"
)
TITLES = re.compile(rf"^(?:{_TITLE_WORDS})\s+", re.IGNORECASE)
# A name token: Capitalised (with hyphens/apostrophes) or ALL CAPS surname; particles allowed.
_NAME_TOKEN = (
    r"(?:(?:[A-ZÀ-ÖØ-Þ]['’])?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿĀ-ž'’]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿĀ-ž'’]+)?"
    r"|(?:[A-ZÀ-ÖØ-Þ]['’])?[A-ZÀ-ÖØ-ÞĀ-ž]{2,}(?:-[A-ZÀ-ÖØ-ÞĀ-ž]{2,})?)"
)
_NAME = rf"{_NAME_TOKEN}(?:[ \t]+(?:(?:de|du|le|la|van|von|d')[ \t]*)?{_NAME_TOKEN}){{0,3}}"
# After a title, a surname may start with its particle: "Monsieur de Villiers", "Pr da Costa".
TITLED_NAME = re.compile(
    rf"(?<![\w])(?:{_TITLE_WORDS})[ \t]+(?P<name>(?:(?:de la|des|du|de|d'|van|von|dos|da)[ \t]?)?{_NAME})"
)
SIGNED_NAME = re.compile(
    r"(?i:cordialement|bien à vous|bien a vous|salutations|sincèrement|amicalement|"
    r"bonne (?:journée|soirée)|merci d'avance|merci)[ \t]*[,.!]?[ \t]*(?:\n[ \t]*|[ \t]+-{1,2}[ \t]*)"
    rf"(?P<name>(?:[A-ZÀ-ÖØ-Þ]\.[ \t]?)?{_NAME})[ \t]*(?:\n|$)"
)
# A role noun or a self-introduction before a first and last name: "le client Jean Dupont",
# "Assurée : Léa Roy", "je m'appelle Léa Roy".
ROLE_NAME = re.compile(
    r"(?<![\w])(?i:client|cliente|patient|patiente|salarié|salariée|assuré|assurée|contact(?: principal)?"
    r"|interlocuteur|interlocutrice|titulaire|bénéficiaire|locataire|signataire|adhérent|adhérente"
    r"|je m'appelle|je m’appelle|je suis|mon nom est|moi c'est"
    r"|(?m:^(?:de|from|à|a|to|cc|expéditeur|destinataire)[ \t]*:))"
    rf"[ \t]*:?[ \t]+(?P<name>{_NAME_TOKEN}(?:[ \t]+(?:(?:de|du|da|dos|d')[ \t]*)?{_NAME_TOKEN}){{1,2}})(?![\w])"
)
CAPS_SURNAME = re.compile(r"(?<![\w])([A-ZÀ-ÖØ-Þ]{2,}(?:[-' ][A-ZÀ-ÖØ-Þ]{2,})?)[ \t]+$")
PERSON_RULES = (
    (TITLED_NAME, TITLE_SCORE, "title"),
    (SIGNED_NAME, SIGNATURE_SCORE, "signature"),
    (ROLE_NAME, ROLE_SCORE, "role"),
)
PARTICLES = frozenset({"de", "du", "des", "le", "la", "van", "von", "d'", "d’", "da", "dos"})
# Capitalised words the small French model tags as names or places.
NOT_NAMES = frozenset(
    fold(w)
    for w in (
        "bonjour", "bonsoir", "salut", "merci", "cordialement", "madame", "monsieur", "svp",
        "ok", "oui", "non", "hello", "coucou", "bien", "client", "cliente", "conseiller",
        "conseillère", "mon", "ma", "je", "vous", "nous", "rue", "avenue", "boulevard", "iban",
        "rib", "siret", "siren", "tva", "nir", "sécu", "email", "mail", "tél", "tel", "date",
        "commande", "facture", "contrat", "dossier", "objet", "réf", "référence", "note",
        "patient", "patiente", "docteur", "maître", "service", "direction", "politique",
        "données", "confidentialité", "rgpd", "cnil", "adresse", "numéro", "carte", "passeport",
        "né", "née", "tout", "toute", "cher", "chère", "urgent", "important", "rappel",
        "rappeler", "contacter", "appeler", "relancer", "livrer", "envoyer", "ticket",
        "coordonnées", "salarié", "salariée", "fournisseur", "livraison", "paiement", "virement",
        "connexion", "session", "assuré", "assurée", "contact", "établissement", "rcs", "eur",
        "usd", "cni", "ip", "passport", "dn", "ddn", "pj", "re", "tr", "fw", "cc",
    )
)
# Words that make an entity an organisation or a product, not a person.
ORG_WORDS = frozenset(
    fold(w)
    for w in (
        "sarl", "sas", "sasu", "sa", "eurl", "sci", "scop", "société", "banque", "crédit",
        "mutuelle", "assurance", "assurances", "groupe", "entreprise", "association", "mairie",
        "agence", "université", "hôpital", "clinique", "cpam", "urssaf", "caf", "pôle",
        "ministère", "conseil", "cabinet", "fondation", "lycée", "collège", "école", "centre",
        "compagnie", "services", "solutions", "consulting", "france", "inc", "ltd", "gmbh",
        "fils", "eurl", "sarl", "agricole", "postale", "barreau", "tribunal", "préfecture",
        "région", "département", "métropole", "hospitalier", "chu", "académie", "stade", "lycée",
        "finances", "impôts", "publiques", "équipe", "site", "magasin", "usine", "entrepôt",
        "caisse", "allocations",
    )
)


_AT_END = re.compile(r"(?<!\w)(?:à|au|en)$")


def _lone_common_word(value: str) -> bool:
    """One capitalised word that is a common French word and no known name (``Priorité``, ``Chargée``)."""
    # Not the surname list: many surnames are common words too (Médecin, Boucher, Petit).
    return " " not in value and not is_first_name(value) and is_common_word(value.lower())


def _skip_common_lead(text: str, start: int, end: int) -> int:
    """``Réunion Marie Curie`` -> ``Marie Curie``: a common word the model glued before a name."""
    lead = re.match(r"\S+\s+", text[start:end])
    if lead and not is_first_name(lead.group().strip()) and is_common_word(lead.group().strip().lower()):
        return start + lead.end()
    return start


MAX_PARSE_CHARS = 100_000  # spaCy refuses texts over nlp.max_length (1,000,000) anyway
_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]|[A-ZÀ-ÖØ-Þ]{2}")


def _pieces(text: str, size: int):
    """Cut ``text`` into pieces of at most ``size`` characters, at a line break or space if any."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = max(text.rfind("\n", start, end), text.rfind(" ", start, end))
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        start = end


def _joins(token) -> bool:
    """A hyphen or apostrophe inside a compound name (``Clermont-Ferrand``, ``D'Artagnan``)."""
    glued = token.i > 0 and not token.doc[token.i - 1].whitespace_ and not token.whitespace_
    return token.text in ("-", "'", "’") and glued


class NerDetector(DocDetector):
    name = "spacy_ner"
    entities = ("PERSON", "LOCATION")
    positive_examples = (
        "Bonjour, je m'appelle Camille Lefèvre et j'habite à Marseille.",
        "Rendez-vous avec Mme Dupuis demain.",
        "Merci de votre aide.\nCordialement,\nJulien Moreau",
        "Patient : DUPONT Jean\nNé(e) le : 14/03/1971",
        "client : bonjour c'est samira zeroual, j'habite à Lyon",
    )
    negative_examples = (
        "Merci pour votre réponse rapide.",
        "Le Crédit Agricole a validé le dossier.",
        "Livraison au 4 avenue Jean Jaurès, 69007 Lyon.",
        "Objet : relance\nDossier : DOS-123456\nPriorité : haute",
        "Nos agences de Lyon et de Nantes appliquent la loi Informatique et Libertés.",
    )

    def find(self, text: str, hint: str | None = None) -> list[Match]:
        """Parse and detect; junk and oversized input are handled in bounded pieces."""
        if not isinstance(text, str) or not text.strip():
            return []
        nlp = load_nlp()
        found = []
        for offset, piece in _pieces(text, MAX_PARSE_CHARS):
            # Without a capital only the lower-case chat rule can find a name: skip the parse.
            matches = (
                self.find_in_doc(nlp(piece), hint) if _CAPITALISED.search(piece)
                else self._detect(piece, (), hint)
            )
            found += [replace(m, start=m.start + offset, end=m.end + offset) for m in matches]
        return found

    def find_in_doc(self, doc, hint: str | None = None) -> list[Match]:
        return self._detect(doc.text, doc.ents, hint)

    def _detect(self, text: str, ents, hint: str | None) -> list[Match]:
        """The rules over ``text``, then the model's entities ``ents`` they leave, filtered."""
        addresses = DisjointSpans(m.span() for m in ADDRESS_RE.finditer(text))
        matches = self._rule_persons(text, hint)
        persons = DisjointSpans((m.start, m.end) for m in matches)
        ruled = DisjointSpans((m.start, m.end) for m in matches)
        for start, end in tied_places(text):
            if (
                self._plausible(text[start:end], allow_caps=True)
                and not addresses.overlaps(start, end)
                and ruled.add(start, end)
            ):
                matches.append(self._match(start, end, text, "LOCATION", PLACE_SCORE, "tied-place", hint))
        for start, end, entity in delimited_cells(text):
            if entity in self.entities and ruled.add(start, end):
                matches.append(self._match(start, end, text, entity, NER_SCORE, "column-name", hint))
        for ent in ents:
            entity = LABELS.get(ent.label_)
            if entity is None or self._common_word_at_start(ent) or self._organisation(ent):
                continue
            # The rules know a name's extent better than the small model does.
            if ruled.overlaps(ent.start_char, ent.end_char):
                continue
            for start, end in self._name_runs(ent):
                if entity == "PERSON":
                    start = _skip_common_lead(text, start, end)
                    start = self._caps_surname_before(text, start)
                elif not self._tied(text, start, persons):
                    continue  # a place nobody lives in, was born in or comes from
                value = text[start:end]
                if (
                    self._plausible(value)
                    and not addresses.overlaps(start, end)
                    and not (entity == "PERSON" and _lone_common_word(value))
                ):
                    matches.append(self._match(start, end, text, entity, NER_SCORE, "ner", hint))
        return matches

    def _rule_persons(self, text: str, hint: str | None) -> list[Match]:
        """Names the rules find (titles, signatures, roles, the French name layer), longest first."""
        found = [
            (m.start("name"), m.end("name"), score, why)
            for rule, score, why in PERSON_RULES
            for m in rule.finditer(text)
            if self._plausible(m.group("name"), allow_caps=True)
        ]
        found += [(s, e, NAME_RULE_SCORE, why) for s, e, why in find_names(text)]
        taken, kept = DisjointSpans(), []
        for span in sorted(found, key=lambda f: (-(f[1] - f[0]), -f[2], f[0])):
            if taken.add(span[0], span[1]):
                kept.append(span)
        return [self._match(s, e, text, "PERSON", score, why, hint) for s, e, score, why in sorted(kept)]

    @staticmethod
    def _tied(text: str, start: int, persons: DisjointSpans) -> bool:
        """A place tied to a person: after ``j'habite à``/``né à``/``Ville :``, listed after a
        name (``Léa Roy, née le …, Lyon``), or after ``à`` in a sentence about a named person
        (``Mme Roy a signalé un retard de livraison à Lyon``)."""
        if tie_before(text, start):
            return True
        sentence_start = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
        before = text[sentence_start:start].rstrip()
        if before.endswith(","):
            return persons.any_between(sentence_start, start)
        # "à Lyon" in the same clause as the name: no comma between them.
        return bool(_AT_END.search(before)) and persons.any_between(
            sentence_start, start, lambda end: "," not in text[end:start]
        )

    @staticmethod
    def _name_runs(ent) -> list[tuple[int, int]]:
        """Character spans of the entity with titles and common words cut out.

        ``Salarié Jules Henry`` -> ``Jules Henry``; ``RCS de Nantes`` -> ``Nantes``;
        ``Jeannine Blanchard Salarié Arnaude Roux`` -> two names.
        """
        runs, current = [], []
        for token in ent:
            word = fold(token.text).strip(".")
            particle = word in PARTICLES and bool(current)
            cut = (
                word in NOT_NAMES
                or TITLES.match(token.text + " ")
                or token.is_space
                or (token.is_punct and not _joins(token))
                or (token.is_lower and not particle)
                or any(ch.isdigit() for ch in token.text)
            )
            if cut or "\n" in token.whitespace_:
                if not cut:
                    current.append(token)
                if current:
                    runs.append(current)
                current = []
            else:
                current.append(token)
        if current:
            runs.append(current)
        spans = []
        for run in runs:
            while run and fold(run[-1].text) in PARTICLES:
                run = run[:-1]
            if run:
                spans.append((run[0].idx, run[-1].idx + len(run[-1].text)))
        return spans

    @staticmethod
    def _caps_surname_before(text: str, start: int) -> int:
        """Extend ``Christophe`` to ``VALLET Christophe``: French lists put the surname first, in capitals."""
        before = CAPS_SURNAME.search(text, max(0, start - 40), start)
        if before and fold(before.group(1)) not in NOT_NAMES and fold(before.group(1)) not in ORG_WORDS:
            return before.start(1)
        return start

    @staticmethod
    def _organisation(ent) -> bool:
        """An entity naming or followed by a company form (SARL, S.A.S.) or an institution word,
        or the place of an institution: ``Centre hospitalier de Metz``, ``Barreau de Pau``."""
        following = ent.doc.text[ent.end_char : ent.end_char + 12].split()
        words = [fold(t.text).replace(".", "") for t in ent] + [
            fold(w).replace(".", "").strip(",;") for w in following[:1]
        ]
        before = [
            re.sub(r"^[ldLD]['’]", "", fold(w))  # "l'équipe" -> "équipe"
            for w in ent.doc.text[max(0, ent.start_char - 40) : ent.start_char].split()[-4:]
        ]
        if fold(ent[0].text) in ("de", "du", "des", "d'"):  # the model took "de Metz"
            words += before[-3:]
        elif before and before[-1] in ("de", "du", "des", "d'", "la"):
            words += before[:-1]
        elif before and before[-1] in NOT_AFTER:  # "Lycée Jules Ferry", "rue Victor Hugo"
            return True
        return any(w in ORG_WORDS or w.rstrip("s") in ORG_WORDS for w in words)

    def _match(self, start, end, text, entity, score, why, hint) -> Match:
        value = text[start:end]
        evidence = (why, "column-name") if hint == entity else (why,)
        return Match(
            start=start,
            end=end,
            entity=entity,
            score=min(1.0, score + 0.1) if hint == entity else score,
            detector=self.name,
            evidence=evidence,
            preview=masking.mask_words(value),
            normalized=" ".join(value.lower().split()),
        )

    @staticmethod
    def _common_word_at_start(ent) -> bool:
        """A lone capitalised word opening a line or sentence that is a common French word.

        ``Livraison``, ``Nouvelle``, ``Ticket`` at the start of a note are tagged as places;
        the lemmatizer's tables know them as common words. (A first name that is also a
        common word, ``Pierre`` alone at the start of a line, is lost: a known trade-off.)
        """
        first = ent[0]
        at_start = bool(first.is_sent_start) or first.i == 0 or "\n" in first.nbor(-1).whitespace_ + first.nbor(-1).text
        return len(ent) == 1 and at_start and (
            first.pos_ not in ("PROPN", "X", "") or is_common_word(first.lower_)
        )

    @staticmethod
    def _plausible(value: str, allow_caps: bool = False) -> bool:
        """False for the model's known false positives."""
        if len(value) < 2 or any(ch.isdigit() or ch in "\n@()[]<>|/" for ch in value):
            return False
        words = [fold(w).replace(".", "") for w in re.split(r"[\s\-']+", value) if w]
        if not words or words[0] in NOT_NAMES or any(w in ORG_WORDS for w in words):
            return False
        if not re.sub(r"^(?:de la|des|du|de|d'|van|von|dos|da)\s?", "", value)[:1].isupper():
            return False
        # All-caps words alone are acronyms and currencies (EUR, RCS); a title or signature vouches.
        return allow_caps or not value.isupper()
