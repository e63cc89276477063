"""Agent-written record notes with and without art. 9 / art. 10 data: a seeded generator.

Usage: python eval/sensitive/crm_notes.py [--seed 1] [--per-template 3] [--out FILE]

Rows are shaped like ``labelled.jsonl`` ({"text", "labels", "group", "split"}) plus
``style``. They are the text of a record about a person (a CRM notes column, a ticket, a
clinical or HR note, a social worker's visit report, an insurance claim), so the detector
reads them as record text (``hint=FREE_TEXT``). Split ``dev``: the templates the record
rules were tuned on; ``heldout``: templates written after the rules were fixed
(``crm_notes_heldout.py``), scored before any change.

Positives combine a predicate ("sous dialyse le mardi") with a subject form (none,
"Cliente", "M. {nom}", "Il est"...), a prefix (date, agent initials) and a suffix (a
delivery or call instruction); then accents, case and typos vary. Negatives are the same
style: neutral notes and hard negatives (negations, other senses, the company's own news,
catalogue text, questions, nationality, pets).

Decisions (docs/accuracy_sensitive.md): nationality, residence permits and asylum are not
art. 9 (an origin is: "d'origine marocaine"); "casier judiciaire vierge", "aucun
antécédent", "pas de problème de santé" are not disclosures; a strike of the carrier is
not about the customer.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import unicodedata
from pathlib import Path

from faker import Faker

from fouille.scanner.core.model import SENSITIVE_TYPES

sys.path.insert(0, str(Path(__file__).parent))
import crm_notes_heldout as heldout  # templates written after the rules

H, R, S, U, P, E, C = SENSITIVE_TYPES  # health, religion, sexual orientation, union, political, ethnic, criminal

# (category, predicate, form): "adj" predicates take a copula in full sentences
# ("Il est hospitalisé"), "verb" ones a bare subject ("Il fait le ramadan"). {e} is the
# feminine ending, {nom} a surname, {day}/{hour}/{date}/{month} fill in.
PREDICATES = [
    (H, "asthmatique", "adj"),
    (H, "sous dialyse le {day}", "adj"),
    (H, "diabétique type 2", "adj"),
    (H, "diabetique insulino-dépendant{e}", "adj"),
    (H, "hospitalisé{e} depuis {day}", "adj"),
    (H, "en fauteuil roulant", "adj"),
    (H, "sous chimio jusqu'en {month}", "adj"),
    (H, "en arrêt maladie jusqu'au {date}", "adj"),
    (H, "reconnu{e} RQTH", "adj"),
    (H, "sous traitement pour une dépression", "adj"),
    (H, "malentendant{e}", "adj"),
    (H, "en ALD pour son cancer", "adj"),
    (H, "a un pb de santé", "verb"),
    (H, "a fait un AVC en {month}", "verb"),
    (H, "suivi{e} pour un cancer du sein", "adj"),
    (H, "opéré{e} du genou le {date}", "adj"),
    (H, "dossier MDPH en cours", "verb"),
    (H, "épileptique, ne pas laisser seul{e}", "adj"),
    (H, "allergique aux arachides", "adj"),
    (H, "séropositif{e}, suivi à l'hôpital", "adj"),
    (H, "atteint{e} d'Alzheimer", "adj"),
    (H, "sous insuline", "adj"),
    (H, "bipolaire, éviter les appels tardifs", "adj"),
    (R, "pratiquant{e}", "adj"),
    (R, "musulman{e} pratiquant{e}", "adj"),
    (R, "fait le ramadan", "verb"),
    (R, "mange halal uniquement", "verb"),
    (R, "respecte le shabbat", "verb"),
    (R, "de confession juive, pratiquant{e}", "adj"),
    (R, "catholique, va à la messe le dimanche", "adj"),
    (R, "témoin de Jéhovah", "adj"),
    (R, "porte le voile", "verb"),
    (R, "régime casher", "verb"),
    (R, "bouddhiste", "adj"),
    (S, "homosexuel{le}", "adj"),
    (S, "gay, vit avec son compagnon", "adj"),
    (S, "en couple avec une personne du même sexe, conjoint du même sexe", "adj"),
    (S, "bisexuel{le}", "adj"),
    (S, "transgenre, utiliser le prénom d'usage", "adj"),
    (S, "lesbienne", "adj"),
    (U, "militant{e} syndical{e}", "adj"),
    (U, "délégué{e} CGT", "adj"),
    (U, "syndiqué{e} FO", "adj"),
    (U, "délégué{e} syndical{e} chez son employeur", "adj"),
    (U, "adhérent{e} CFDT", "adj"),
    (U, "représentant{e} syndical{e} SUD", "adj"),
    (U, "gréviste depuis {day}", "adj"),
    (U, "élu{e} UNSA au CSE", "adj"),
    (P, "adhérent{e} LFI", "adj"),
    (P, "militant{e} au Rassemblement national", "adj"),
    (P, "encarté{e} au PCF", "adj"),
    (P, "militant{e} écologiste EELV", "adj"),
    (P, "gilet jaune", "adj"),
    (P, "militant{e} d'extrême gauche", "adj"),
    (P, "sympathisant{e} Reconquête", "adj"),
    (P, "militant{e} Parti socialiste", "adj"),
    (E, "d'origine maghrébine", "adj"),
    (E, "d'origine algérienne", "adj"),
    (E, "d'origine africaine", "adj"),
    (E, "issu{e} de l'immigration", "adj"),
    (E, "d'origine turque", "adj"),
    (E, "d'origine vietnamienne", "adj"),
    (E, "d'origine antillaise", "adj"),
    (C, "en liberté conditionnelle", "adj"),
    (C, "sorti{e} de prison en {month}", "adj"),
    (C, "sous bracelet électronique", "adj"),
    (C, "a un casier judiciaire", "verb"),
    (C, "sous contrôle judiciaire", "adj"),
    (C, "doit effectuer un TIG", "verb"),
    (C, "condamné{e} pour vol en 2019", "adj"),
    (C, "incarcéré{e} jusqu'en {month}", "adj"),
    (C, "en garde à vue le {date}", "adj"),
]

# Whole notes (tickets, clinical, HR, social work, insurance): (category, text).
NOTES = [
    (H, "Sinistre n°{ref} : assuré hospitalisé suite à un infarctus, prise en charge en cours"),
    (H, "Entretien RH du {date} : salariée en arrêt maladie, reprise en mi-temps thérapeutique"),
    (H, "VAD du {date} : Mme {nom} vit seule, sous antidépresseurs, suivi CMP"),
    (H, "Ticket #{ref} - client en fauteuil, demande une livraison au rez-de-chaussée"),
    (H, "Cliente enceinte de 6 mois, éviter les colis lourds"),
    (H, "Patient sous dialyse 3x/semaine, RDV à décaler"),
    (H, "Livraison pour personne en fauteuil : prévoir rampe"),
    (H, "Motif du retard de paiement : hospitalisation de M. {nom}"),
    (H, "Bénéficiaire de l'AAH, dossier MDPH transmis"),
    (H, "Rappel {day} : chimio le matin, appeler après {hour}"),
    (H, "ALD diabète, tiers payant OK"),
    (H, "Enceinte de 7 mois, livrer au RDC"),
    (R, "Ne pas proposer de créneau le samedi : respecte le shabbat"),
    (R, "Client musulman, fait le ramadan, livrer après {hour}"),
    (R, "Repas halal uniquement pour Mme {nom}"),
    (R, "Cantine : menus casher demandés pour l'enfant, famille juive pratiquante"),
    (S, "M. {nom} vient avec son mari au rendez-vous"),
    (S, "Cliente mariée à une femme, mettre les deux noms sur le contrat"),
    (S, "Mme {nom} et sa compagne, Mme {nom2}, cosignent le bail"),
    (U, "Salarié protégé : délégué syndical CGT, procédure spécifique"),
    (U, "Ne pas appeler au bureau, militant syndical"),
    (P, "Client adhérent du Parti communiste, refuse la prospection"),
    (E, "Famille d'origine comorienne, interprète souhaité"),
    (E, "Personne issue de la communauté rom, accompagnement social"),
    (C, "Dossier locataire : sorti de prison le {date}, suivi SPIP"),
    (C, "Candidat avec casier judiciaire, avis RH requis"),
    (C, "Mesure de TIG en cours, horaires aménagés"),
    (C, "Client condamné pour escroquerie, vigilance sur les paiements"),
]

NEUTRAL = [
    "Client injoignable, rappeler {day}",
    "Livraison reportée au {date} à la demande de la cliente",
    "Adresse de facturation modifiée le {date}",
    "Commande {ref} livrée, client satisfait",
    "Demande de remboursement acceptée, virement sous 5 jours",
    "Préfère être contacté par email après {hour}",
    "Colis laissé chez le gardien",
    "Cliente fidèle depuis 2015, proposer la carte premium",
    "Souhaite résilier son abonnement en {month}",
    "Rappel effectué, devis envoyé",
    "Interphone en panne, appeler à l'arrivée",
    "Code portail 4521B, 3e étage gauche",
    "Client mécontent du délai, geste commercial de 10 %",
    "RDV technicien confirmé le {date} entre 8h et 12h",
    "Mme {nom} a changé de numéro, mise à jour faite",
    "Paiement en 3 fois accordé",
    "Dossier complet, en attente de signature",
    "Ne pas livrer le {day}, absent",
    "A déménagé à {city}, nouvelle adresse saisie",
    "Client pro, facture au nom de la société",
    "Demande une copie de la facture de {month}",
    "Parrainage de M. {nom}, bon de 20 € envoyé",
    "Relance impayé n°2 envoyée le {date}",
    "Très aimable, à recontacter pour l'offre fibre",
    "Sonner deux fois, chien dans le jardin",
]

HARD_NEGATIVES = [
    ("negation", "Pas de problème de santé signalé"),
    ("negation", "Aucun antécédent judiciaire"),
    ("negation", "Casier judiciaire vierge fourni"),
    ("negation", "N'est pas diabétique, erreur de saisie corrigée"),
    ("negation", "Ni malade ni hospitalisé, simple oubli de paiement"),
    ("negation", "Pas enceinte, erreur sur le formulaire"),
    ("company", "Syndicat des transports en grève, retard livraison"),
    ("company", "Chauffeur en grève, tournée décalée au {day}"),
    ("company", "Préavis de grève CGT chez le transporteur, prévoir du retard"),
    ("company", "Technicien malade, RDV reporté au {date}"),
    ("company", "Conseiller en arrêt maladie, dossier repris par {prenom}"),
    ("company", "Réunion avec la CFDT sur les horaires du dépôt"),
    ("company", "Nous serons en grève le {date}, prévenir les clients"),
    ("company", "Entrepôt fermé (covid), livraisons suspendues"),
    ("other_sense", "Syndicat de copropriété : AG le {date}"),
    ("other_sense", "Commande enceinte bluetooth, retour SAV"),
    ("other_sense", "Enceinte connectée défectueuse, échange standard"),
    ("other_sense", "Fauteuil de bureau livré, carton abîmé"),
    ("other_sense", "Masque FFP2 en rupture, proposer un équivalent"),
    ("other_sense", "Son chien est diabétique, croquettes spéciales à commander"),
    ("other_sense", "Régime fiscal : micro-entreprise"),
    ("other_sense", "Pratiquant de judo, licence à renouveler en {month}"),
    ("other_sense", "Militant associatif, très actif au club de quartier"),
    ("other_sense", "Colis opéré par le transporteur partenaire"),
    ("other_sense", "Virement opéré le {date}"),
    ("other_sense", "Accès condamné pendant les travaux, passer par l'arrière"),
    ("other_sense", "Carte invalide, nouveau moyen de paiement demandé"),
    ("other_sense", "Coloris noir indisponible, remplacé par le gris"),
    ("other_sense", "Livraison fleurs pour la messe de mariage à l'église Saint-Jean"),
    ("other_sense", "Devis pour la rénovation du temple protestant"),
    ("other_sense", "Prélèvement en arrêt depuis {month}"),
    ("catalogue", "Fauteuil roulant pliable 12 kg, 349 € TTC, réf. FR-220"),
    ("catalogue", "Lecteur de glycémie pour diabétique, prix 39 €, en stock"),
    ("catalogue", "Plateau repas halal, 12,90 € TTC"),
    ("question", "Client demande si la mutuelle couvre le diabète ?"),
    ("question", "Demander si la cliente est enceinte avant la radio"),
    ("question", "Le cancer est-il couvert par le contrat ?"),
    ("policy", "Nous ne collectons aucune donnée de santé ni opinion politique"),
    ("policy", "Les données relatives aux condamnations ne sont pas conservées"),
    ("policy", "Rappel : ne jamais noter la religion ou l'orientation sexuelle des clients"),
    ("nationality", "Nationalité marocaine, titre de séjour valide jusqu'en {month}"),
    ("nationality", "De nationalité algérienne, pièce d'identité vérifiée"),
    ("nationality", "Demandeur d'asile, dossier OFII en cours"),
    ("nationality", "Parle arabe et français, préférer un conseiller arabophone"),
    ("generic", "Les clients diabétiques peuvent demander une livraison le matin"),
    ("generic", "Article sur le cancer envoyé par newsletter"),
]

# A second batch written after the rules (30 notes, 50 hard negatives): scored once
# (27/30 found, 3/50 flagged), then the misses fixed; now part of the dev split.
LATE_NOTES = [
    (H, 'Client sous anticoagulants, attention lors de la pose'),
    (H, "Cliente opérée de la hanche, monter le colis à l'étage"),
    (H, 'Souffre de schizophrénie, passer par sa curatrice'),
    (H, 'Patient greffé du rein, éviter tout contact si malade'),
    (H, 'Client aveugle, lire le contrat par téléphone'),
    (H, "Mme Garnier en chimio, reporter l'échéance"),
    (H, "Personne handicapée, prévoir l'aide au montage"),
    (H, 'a fait une tentative de suicide en mai, dossier sensible'),
    (H, 'Atteint de Parkinson, tremble beaucoup, signature difficile'),
    (H, 'Cliente sous antidépresseurs depuis son divorce'),
    (R, 'Client juif, pas de rendez-vous le samedi'),
    (R, 'Cliente musulmane, préfère une conseillère'),
    (R, "Va à la messe tous les dimanches, appeler l'après-midi"),
    (R, 'Témoin de Jéhovah, refuse la transfusion'),
    (S, 'Client gay, son conjoint est co-titulaire'),
    (S, 'Mme Perrin et son épouse Mme Lacroix, compte joint'),
    (S, 'Cliente lesbienne, demande de ne pas envoyer de courrier chez ses parents'),
    (U, 'Délégué syndical Sud Rail'),
    (U, 'Syndiquée à la CGT, réunion le jeudi soir'),
    (U, 'Salarié gréviste, retenue sur salaire à prévoir'),
    (P, 'Militant RN, propos virulents au téléphone'),
    (P, 'Adhérent du Parti socialiste, candidat aux municipales'),
    (P, 'Client gilet jaune, conteste toutes les factures'),
    (E, "Cliente d'origine malienne, parle bambara"),
    (E, "Client d'origine asiatique, nom mal orthographié"),
    (E, "Famille issue de l'immigration algérienne"),
    (C, 'Client incarcéré à Fleury, courrier à renvoyer'),
    (C, 'Condamné pour violences, ne pas envoyer de conseillère seule'),
    (C, 'Sous contrôle judiciaire, pointage le lundi'),
    (C, 'A été placé en garde à vue le 12/05'),
]
LATE_HARD_NEGATIVES = [
    ("late", 'Colis bloqué en douane, détenu par le transporteur'),
    ("late", 'Tournée annulée : livreur hospitalisé, nouvelle date à fixer'),
    ("late", "Le dépôt de Lyon est en grève jusqu'à jeudi"),
    ("late", 'Grève SNCF, client prévenu du retard'),
    ("late", "Client travaille dans une clinique de dialyse, livrer à l'accueil"),
    ("late", "Livraison à l'hôpital, service oncologie, bâtiment B"),
    ("late", 'Adresse : EHPAD Les Tilleuls, chambre 12'),
    ("late", 'Cliente infirmière en cancérologie, horaires décalés'),
    ("late", 'Client est médecin psychiatre, appeler le cabinet'),
    ("late", 'Commande de 12 fauteuils roulants pour la clinique'),
    ("late", 'Devis pour la mairie, élection municipale du 15'),
    ("late", 'Client avocat pénaliste, documents pour le tribunal correctionnel'),
    ("late", 'Client journaliste, enquête sur la prison de Fresnes'),
    ("late", 'Cliente professeure de religion au collège'),
    ("late", 'Client imam, livrer à la mosquée rue Jean-Jaurès'),
    ("late", "Livraison à la synagogue pour l'association"),
    ("late", 'Colis pour le temple, sonner au presbytère'),
    ("late", 'Client boucher, viande halal pour son commerce'),
    ("late", "Client gérant d'un restaurant casher"),
    ("late", 'Client délégué commercial, tournée en Bretagne'),
    ("late", "Client élu président de l'association de parents d'élèves"),
    ("late", 'Livre "Histoire du syndicalisme" commandé'),
    ("late", "Abonnement au journal L'Humanité"),
    ("late", 'DVD "Le Parrain" commandé pour la fête'),
    ("late", 'Client fan de Prison Break, coffret offert'),
    ("late", 'Cliente a perdu son chat, diabétique lui aussi'),
    ("late", "Client demande s'il peut payer en espèces ?"),
    ("late", 'Souhaite savoir si vous livrez les hôpitaux ?'),
    ("late", "Chiffre d'affaires en baisse : cancer de la boîte selon le gérant"),
    ("late", 'Client malade de rire au téléphone'),
    ("late", "T'es malade ou quoi, écrit le client dans le chat"),
    ("late", 'Client a perdu son casier au vestiaire'),
    ("late", 'Client a oublié son mot de passe, compte bloqué'),
    ("late", "Client d'origine inconnue du fichier, doublon supprimé"),
    ("late", 'Origine du contact : salon de Lyon'),
    ("late", "Client noir de monde à l'agence, rappeler plus tard"),
    ("late", 'Coloris noir mat, taille 42'),
    ("late", 'Ceinture noire de judo, cadeau pour son fils'),
    ("late", 'Client ancien militaire, très ponctuel'),
    ("late", 'Stage de voile réservé pour juillet'),
    ("late", "Mme Juif a changé d'adresse"),
    ("late", 'M. Catholique rappelle demain'),
    ("late", 'Client refuse la prospection politique par téléphone'),
    ("late", 'Formation RGPD : ne pas noter la santé, la religion, les opinions syndicales'),
    ("late", 'Questionnaire santé non rempli'),
    ("late", "Attestation d'assurance maladie manquante"),
    ("late", 'Carte vitale à mettre à jour'),
    ("late", 'Mutuelle résiliée au 31/12'),
    ("late", 'Arrêt du contrat demandé'),
    ("late", 'Client en arrêt de paiement'),
]

MALE_SUBJECTS = ["", "Client", "M. {nom}", "Patient", "Monsieur {nom}", "Salarié", "Assuré"]
FEMALE_SUBJECTS = ["", "Cliente", "Mme {nom}", "Patiente", "Madame {nom}", "Salariée", "Assurée"]
MALE_COPULA = ["Il est", "Le client est", "M. {nom} est"]
FEMALE_COPULA = ["Elle est", "La cliente est", "Mme {nom} est"]
MALE_VERB = ["Il", "Le client", "M. {nom}"]
FEMALE_VERB = ["Elle", "La cliente", "Mme {nom}"]
PREFIXES = ["", "", "{date} : ", "Appel du {date} - ", "[{ini}] ", "Note : ", "Obs. ", "Tél {day} : "]
SUFFIXES = [
    "", "", ", pas de livraison le soir", ", rappeler {day}", " - livrer avant {hour}",
    ", ne pas appeler au bureau", ". Prévoir un créneau le matin", " (voir dossier)",
    ", RDV décalé au {date}", ". Dossier transmis au service client",
]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "septembre", "octobre"]
FEMININE = {"{e}": "e", "{le}": "le", "{ne}": "ne"}
MASCULINE = {"{e}": "", "{le}": "", "{ne}": ""}


def strip_accents(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    )


def typo(rng: random.Random, text: str) -> str:
    """Swap two letters inside one long word of an instruction (never the disclosure)."""
    words = text.split(" ")
    long_words = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if not long_words:
        return text
    i = rng.choice(long_words)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


class Filler:
    """Values for the {placeholders}: names from Faker fr_FR, fixed seed."""

    def __init__(self, rng: random.Random, fake: Faker):
        self.rng, self.fake = rng, fake

    def fill(self, text: str) -> str:
        rng = self.rng
        values = {
            "nom": self.fake.last_name(),
            "nom2": self.fake.last_name(),
            "prenom": self.fake.first_name(),
            "city": self.fake.city(),
            "day": rng.choice(DAYS),
            "month": rng.choice(MONTHS),
            "hour": f"{rng.randint(8, 19)}h",
            "date": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}",
            "ref": str(rng.randint(10000, 99999)),
            "ini": "".join(rng.choice("ABCDEFGHJKLMNPRST") for _ in range(2)),
        }
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        return text


def _subject(rng: random.Random, form: str, female: bool) -> str:
    if form == "verb":
        pool = (["", "Cliente", "Mme {nom}"] + FEMALE_VERB) if female else (
            ["", "Client", "M. {nom}"] + MALE_VERB
        )
    else:
        pool = (FEMALE_SUBJECTS + FEMALE_COPULA) if female else (MALE_SUBJECTS + MALE_COPULA)
    return rng.choice(pool)


def _vary(rng: random.Random, text: str) -> str:
    """Agents' spelling: no accents, all lower or upper case, a typo in the instruction."""
    roll = rng.random()
    if roll < 0.2:
        text = strip_accents(text)
    elif roll < 0.3:
        text = text.lower()
    elif roll < 0.35:
        text = text.upper()
    return text


def predicate_note(rng: random.Random, filler: Filler, predicate: str, form: str) -> str:
    female = rng.random() < 0.5
    for slot, ending in (FEMININE if female else MASCULINE).items():
        predicate = predicate.replace(slot, ending)
    subject = _subject(rng, form, female)
    body = f"{subject} {predicate}" if subject else predicate[:1].upper() + predicate[1:]
    suffix = rng.choice(SUFFIXES)
    if rng.random() < 0.15:
        suffix = typo(rng, suffix)
    return filler.fill(rng.choice(PREFIXES)) + _vary(rng, filler.fill(body)) + filler.fill(suffix)


def _note(rng: random.Random, filler: Filler, template: str) -> str:
    """A whole note template, filled, with a prefix and the agents' spelling."""
    return filler.fill(rng.choice(PREFIXES)) + _vary(rng, filler.fill(template))


def positive_rows(rng, filler, predicates, notes, per_template: int, split: str) -> list[dict]:
    rows = []
    for category, predicate, form in predicates:
        for _ in range(per_template):
            text = predicate_note(rng, filler, predicate, form)
            rows.append(_row(text, [category], "positive", split, "predicate"))
    for category, note in notes:
        for _ in range(max(1, per_template - 1)):
            rows.append(_row(_note(rng, filler, note), [category], "positive", split, "note"))
    return rows


def negative_rows(rng, filler, neutral, hard, per_template: int, split: str) -> list[dict]:
    rows = []
    for text in neutral:
        rows.append(_row(_note(rng, filler, text), [], "neutral", split, "neutral"))
    for group, text in hard:
        for _ in range(max(1, per_template - 1)):
            rows.append(_row(_note(rng, filler, text), [], group, split, "hard"))
    return rows


def _row(text: str, labels: list[str], group: str, split: str, style: str) -> dict:
    return {"text": text, "labels": labels, "group": group, "split": split, "style": style}


def generate(seed: int = 1, per_template: int = 3) -> list[dict]:
    """The whole set: dev templates, then held-out ones, same seed for both."""
    rng = random.Random(seed)
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    filler = Filler(rng, fake)
    rows = positive_rows(rng, filler, PREDICATES, NOTES + LATE_NOTES, per_template, "dev")
    rows += negative_rows(rng, filler, NEUTRAL, HARD_NEGATIVES + LATE_HARD_NEGATIVES,
                          per_template, "dev")
    rows += positive_rows(rng, filler, heldout.PREDICATES, heldout.NOTES, per_template, "heldout")
    rows += negative_rows(rng, filler, heldout.NEUTRAL, heldout.HARD_NEGATIVES, per_template,
                          "heldout")
    return rows


# -- Used by the record-level check (crm_export.py): one note at a time ----------------------
def note_sampler(seed: int, split: str | None = None):
    """A function ``(kind) -> (text, labels)`` drawing one note: "disclosure", "neutral", "hard"."""
    rng = random.Random(seed)
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    filler = Filler(rng, fake)
    parts = {
        "dev": (PREDICATES, NOTES + LATE_NOTES, NEUTRAL, HARD_NEGATIVES + LATE_HARD_NEGATIVES),
        "heldout": (heldout.PREDICATES, heldout.NOTES, heldout.NEUTRAL, heldout.HARD_NEGATIVES),
    }
    chosen = [parts[split]] if split else list(parts.values())
    predicates = [p for part in chosen for p in part[0]]
    notes = [n for part in chosen for n in part[1]]
    neutral = [n for part in chosen for n in part[2]]
    hard = [h for part in chosen for h in part[3]]

    def draw(kind: str) -> tuple[str, list[str]]:
        if kind == "disclosure":
            if rng.random() < 0.7:
                category, predicate, form = rng.choice(predicates)
                return predicate_note(rng, filler, predicate, form), [category]
            category, note = rng.choice(notes)
            return _note(rng, filler, note), [category]
        text = rng.choice(neutral) if kind == "neutral" else rng.choice(hard)[1]
        return _note(rng, filler, text), []

    return draw


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-template", type=int, default=3)
    parser.add_argument("--out", default="-", help="JSONL file (- for stdout)")
    args = parser.parse_args()
    rows = generate(args.seed, args.per_template)
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if args.out == "-":
        sys.stdout.write(lines)
    else:
        Path(args.out).write_text(lines, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
