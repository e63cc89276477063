"""A seeded, labelled French corpus: CRM notes, support chats, invoices, HR records, logs.

Each text is built from templates whose ``{SLOTS}`` are filled with synthetic values
(Faker fr_FR with a fixed seed, identifiers from ``eval.values``); every slot knows its
gold label, so spans are exact by construction. About a third of the templates are
hard negatives: bad checksums, dates, times, amounts, order numbers, IBAN fragments,
company names and privacy-policy text, none of which may be reported.

    python -m eval.corpus --n 5 --seed 7     # print a few labelled examples
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass

from faker import Faker

from eval import values as v


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    spans: tuple[Span, ...]


REAL_CITIES = (
    "Paris", "Lyon", "Marseille", "Toulouse", "Bordeaux", "Lille", "Nantes", "Strasbourg",
    "Rennes", "Grenoble", "Montpellier", "Dijon", "Brest", "Tours", "Angers", "Nancy", "Metz",
    "Rouen", "Caen", "Limoges", "Clermont-Ferrand", "Besançon", "Perpignan", "Avignon",
)
TITLES = ("M.", "Mme", "Dr", "Maître", "Monsieur", "Madame", "Mlle")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")
COMPANY_SUFFIXES = ("SARL", "SAS", "S.A.S.", "S.A.R.L.", "SA", "EURL")
COMPLEMENTS = ("Bât. B", "Appartement 12", "Résidence Les Pins", "Escalier C", "BP 42")

POSITIVE_TEMPLATES = (
    "Bonjour, je m'appelle {NAME} et mon numéro de sécurité sociale est le {NIR}.",
    "Assuré : {NAME} - n° SS {NIR}",
    "Merci de mettre à jour ma carte vitale, NIR {NIR}.",
    "Fournisseur {ORG}, SIRET {SIRET}, TVA intracommunautaire {VAT}.",
    "La société {ORG} est immatriculée au RCS de {OCITY} sous le numéro {SIREN}.",
    "SIREN : {SIREN} / N° TVA : {VAT}",
    "Établissement {SIRET_LAYOUT} rattaché au siège.",
    "Pour le remboursement, voici mon IBAN : {IBAN}.",
    "Virement vers le compte {IBAN} (RIB joint).",
    "Coordonnées bancaires du prestataire allemand : IBAN {IBANX}",
    "Paiement refusé pour la carte {CARD}, merci de réessayer.",
    "Carte bancaire n° {CARD} exp. 09/28",
    "Vous pouvez me joindre au {PHONE} après 18h.",
    "Tél : {PHONE} - Email : {EMAIL}",
    "Rappeler {TNAME} au {PHONE} concernant le dossier.",
    "Le client {NAME} ({EMAIL}) souhaite être rappelé au {PHONE}.",
    "Connexion suspecte depuis l'adresse IP {IP} à {TIME}.",
    "GET /api/v1/orders 200 client={IP} user={EMAIL}",
    "Session ouverte depuis {IP6}.",
    "Patient : {NAME}, né le {DOB}, suivi par {TNAME}.",
    "Date de naissance : {DOB}",
    "{TNAME}, née le {DOB} à {CITY}, demande une attestation.",
    "Salarié {NAME}, DDN {DOB}, embauché le {DATE}.",
    "Merci de livrer au {ADDRESS}.",
    "Adresse de facturation : {ADDRESS}",
    "Je viens de déménager, ma nouvelle adresse est {ADDRESS}.",
    "Notre agence est située à {PCCITY}.",
    "Bonjour, je suis {NAME}, j'habite à {CITY} et je souhaite résilier mon contrat.",
    "{TNAME} a appelé pour signaler un retard de livraison à {CITY}.",
    "Dossier suivi par {TNAME}.",
    "Merci pour votre retour.\nCordialement,\n{NAME}",
    "Bien à vous,\n{NAME}",
    "Contact principal : {NAME}, {EMAIL}",
    "CNI n° {CNI} présentée au guichet.",
    "Passeport numéro {PASSPORT} valable jusqu'en 2031.",
    "{TNAME} (tél. {PHONE}) réside au {ADDRESS}.",
    # Less regular shapes: no cue word, mail headers, chat style, all-caps surnames.
    "J'ai eu {NAME} au téléphone, il rappellera demain.",
    "De : {NAME} <{EMAIL}>\nObjet : demande de résiliation",
    "Le {DATE}, {NAME} a écrit :\n> je ne reçois plus vos mails",
    "mon num de sécu c'est {NIR} merci de vérifier",
    "TVA: {VAT} | SIRET: {SIRET}",
    "RIB : {IBAN}",
    "{CAPSNAME}, naissance: {DOB}",
    "tu peux me joindre sur le {PHONE} ou m'écrire à {EMAIL}",
    "Merci d'envoyer le colis chez {NAME}, {ADDRESS}.",
    "Nouvelle inscription : {NAME}, {DOB2}, {CITY}.",
    "adresse ip du poste : {IP}",
    "Le rapport de {NAME} est en pièce jointe.",
)
NEGATIVE_TEMPLATES = (
    "Commande n° {ORDER} du {DATE} pour un montant de {AMOUNT}.",
    "Le rendez-vous est fixé au {DATE} à {TIME}.",
    "Facture {BADNIR} à régler sous 30 jours.",
    "Numéro de sécurité sociale erroné : {BADNIR}",
    "SIRET invalide saisi : {BADSIRET}",
    "SIREN {BADSIREN} refusé par le greffe.",
    "TVA {BADVAT} rejetée.",
    "IBAN {BADIBAN} refusé par la banque.",
    "Carte {BADCARD} refusée (numéro invalide).",
    "Les 12 premiers chiffres {IBANFRAG} ne suffisent pas à identifier le compte.",
    "Référence colis {ORDER2}, poids 2,5 kg, total {AMOUNT}.",
    "Le serveur a redémarré à {TIME} après la mise à jour 1.2.3.4.5.",
    "Notre politique de confidentialité ne collecte pas votre numéro de sécurité sociale.",
    "Nous ne conservons aucune coordonnée bancaire ni numéro de carte.",
    "La société {ORG} a signé le contrat le {DATE}.",
    "Le budget annuel atteint {AMOUNT} pour 15000 Euros de frais.",
    "Ticket #{TICKET} ouvert le {DATE}, priorité haute.",
    "Le Crédit Agricole et la Banque Postale ont validé le dossier.",
    "Bonjour Madame, Monsieur,\nvotre demande a bien été prise en compte.",
    "Vos données (nom, adresse, téléphone) sont conservées trois ans, voir l'article 9 du RGPD.",
    "Facture du {DATE} : {AMOUNT}, échéance le {DATE}.",
    "Standard fermé entre {TIME} et {TIME}. Version 10.2.3 déployée sur 3 serveurs.",
    "Envoyé depuis mon iPhone",
    "Paiement de {AMOUNT} reçu le {DATE} (transaction {ORDER}).",
    "Le dossier {TICKET} concerne la Caisse d'Épargne et la Société Générale.",
)


ENTITIES = (
    "FR_NIR", "FR_SIREN", "FR_SIRET", "FR_VAT", "IBAN_CODE", "PHONE_NUMBER", "EMAIL_ADDRESS",
    "CREDIT_CARD", "IP_ADDRESS", "PERSON", "DATE_OF_BIRTH", "ADDRESS", "LOCATION", "FR_CNI",
    "FR_PASSPORT",
)
TARGETS = {
    "FR_NIR": 0.98, "FR_SIREN": 0.98, "FR_SIRET": 0.98, "FR_VAT": 0.98, "IBAN_CODE": 0.98,
    "PHONE_NUMBER": 0.97, "EMAIL_ADDRESS": 0.97, "CREDIT_CARD": 0.97, "IP_ADDRESS": 0.97,
    "PERSON": 0.85, "DATE_OF_BIRTH": 0.85, "ADDRESS": 0.80,
}


class Filler:
    """Turns slot names into (text, label) segments, using one seeded RNG and Faker."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.fake = Faker("fr_FR")
        self.fake.seed_instance(seed)

    def date_text(self, year_from: int, year_to: int) -> str:
        r = self.rng
        d, m, y = r.randint(1, 28), r.randint(1, 12), r.randint(year_from, year_to)
        return r.choice([
            f"{d:02d}/{m:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{d} {MONTHS[m - 1]} {y}",
            f"1er {MONTHS[m - 1]} {y}", f"{d:02d}.{m:02d}.{y}",
        ])

    def address(self) -> str:
        r, f = self.rng, self.fake
        number = str(r.randint(1, 250)) + r.choice(["", "", "", " bis", " ter"])
        street = f.street_name()
        parts = [f"{number}{r.choice([', ', ' '])}{street}"]
        if r.random() < 0.2:
            parts.append(r.choice(COMPLEMENTS))
        city = r.choice(REAL_CITIES) if r.random() < 0.5 else f.city()
        return ", ".join(parts) + r.choice([", ", " ", "\n"]) + f"{f.postcode()} {city}"

    def segments(self, slot: str) -> list[tuple[str, str | None]]:
        r, f = self.rng, self.fake
        first, last = f.first_name(), f.last_name()
        fixed = {
            "NAME": lambda: [(f"{first} {last}", "PERSON")],
            "TNAME": lambda: [(r.choice(TITLES) + " ", None), (r.choice([last, f"{first} {last}"]), "PERSON")],
            "NIR": lambda: [(v.show_nir(r, v.nir_number(r)), "FR_NIR")],
            "BADNIR": lambda: [(v.show_nir(r, v.nir_number(r, valid=False)), None)],
            "SIREN": lambda: [(v.show_siren(r, v.siren_number(r)), "FR_SIREN")],
            "BADSIREN": lambda: [(v.show_siren(r, v.siren_number(r, valid=False)), None)],
            "SIRET": lambda: [(v.show_siret(r, v.siret_number(r)), "FR_SIRET")],
            "SIRET_LAYOUT": lambda: [(v.space_groups(v.siret_number(r), (3, 3, 3, 5)), "FR_SIRET")],
            "BADSIRET": lambda: [(v.show_siret(r, v.siret_number(r, valid=False)), None)],
            "VAT": lambda: [(v.show_vat(r, v.vat_number(r)), "FR_VAT")],
            "BADVAT": lambda: [(v.show_vat(r, v.vat_number(r, valid=False)), None)],
            "IBAN": lambda: [(v.show_iban(r, v.iban_number(r)), "IBAN_CODE")],
            "IBANX": lambda: [(v.show_iban(r, v.iban_number(r, country=r.choice(["DE", "AT", "LU"]))), "IBAN_CODE")],
            "BADIBAN": lambda: [(v.show_iban(r, v.iban_number(r, valid=False)), None)],
            "IBANFRAG": lambda: [(" ".join(v.digits(r, 4) for _ in range(3)), None)],
            "CARD": lambda: [(v.show_card(r, v.card_number(r)), "CREDIT_CARD")],
            "BADCARD": lambda: [(v.show_card(r, v.card_number(r, valid=False)), None)],
            "PHONE": lambda: [(v.phone_number(r), "PHONE_NUMBER")],
            "EMAIL": lambda: [(v.email(r, first, last), "EMAIL_ADDRESS")],
            "IP": lambda: [(v.ipv4(r), "IP_ADDRESS")],
            "IP6": lambda: [(v.ipv6(r), "IP_ADDRESS")],
            "CAPSNAME": lambda: [(f"{last.upper()} {first}", "PERSON")],
            "DOB2": lambda: [("né" + r.choice(["", "e", "(e)"]) + " le ", None), (self.date_text(1935, 2005), "DATE_OF_BIRTH")],
            "DOB": lambda: [(self.date_text(1935, 2005), "DATE_OF_BIRTH")],
            "DATE": lambda: [(self.date_text(2019, 2025), None)],
            "TIME": lambda: [(f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}" + r.choice(["", f":{r.randint(0, 59):02d}"]), None)],
            "ADDRESS": lambda: [(self.address(), "ADDRESS")],
            "PCCITY": lambda: [(f"{f.postcode()} {r.choice(REAL_CITIES)}", "ADDRESS")],
            "CITY": lambda: [(r.choice(REAL_CITIES), "LOCATION")],
            # A company's registry city: a place, but no person's (not personal data).
            "OCITY": lambda: [(r.choice(REAL_CITIES), None)],
            "ORG": lambda: [(f"{last} {r.choice(COMPANY_SUFFIXES)}", None)],
            "AMOUNT": lambda: [(r.choice([f"{r.randint(1, 9)} {r.randint(100, 999)},{r.randint(0, 99):02d} €",
                                          f"{r.randint(10, 9999)},{r.randint(0, 99):02d} EUR"]), None)],
            "ORDER": lambda: [(r.choice([f"{r.randint(2019, 2025)}-{v.digits(r, 4)}-{v.digits(r, 4)}",
                                         v.digits(r, 14), f"CMD-{v.digits(r, 8)}"]), None)],
            "ORDER2": lambda: [(f"{r.choice('0123')}{v.digits(r, 9)}", None)],
            "TICKET": lambda: [(v.digits(r, 6), None)],
            "CNI": lambda: [(v.cni_number(r), "FR_CNI")],
            "PASSPORT": lambda: [(v.passport_number(r), "FR_PASSPORT")],
        }
        return fixed[slot]()

    def fill(self, template: str) -> tuple[str, list[Span]]:
        text, spans = "", []
        for i, piece in enumerate(re.split(r"\{(\w+)\}", template)):
            if i % 2 == 0:
                text += piece
                continue
            for value, label in self.segments(piece):
                if label:
                    spans.append(Span(len(text), len(text) + len(value), label))
                text += value
        return text, spans


def compose(filler: Filler, n: int, prefix: str, positive: tuple[str, ...], negative: tuple[str, ...],
            separator) -> list[Example]:
    """``n`` texts of 1-3 templates from ``positive`` or (one in three) ``negative``, joined by
    ``separator(text_so_far, rng)``; the shared loop of the template corpora."""
    rng = filler.rng
    examples = []
    for i in range(n):
        text, spans = "", []
        for _ in range(rng.choice([1, 1, 2, 3])):
            pool = negative if rng.random() < 0.33 else positive
            piece, piece_spans = filler.fill(rng.choice(pool))
            if text:
                text += separator(text, rng)
            spans += [Span(s.start + len(text), s.end + len(text), s.label) for s in piece_spans]
            text += piece
        examples.append(Example(id=f"{prefix}{i:05d}", text=text, spans=tuple(spans)))
    return examples


def _after_signature(text: str, rng: random.Random) -> str:
    """A signature ends its message: what follows starts on a new line."""
    return "\n" if "\n" in text or rng.random() < 0.5 else " "


def generate(n: int = 800, seed: int = 7) -> list[Example]:
    """``n`` labelled texts, each 1-3 templates joined; about one template in three is a hard negative."""
    return compose(Filler(seed), n, "t", POSITIVE_TEMPLATES, NEGATIVE_TEMPLATES, _after_signature)


def show_examples(generate_fn, description: str) -> None:
    """Print a few labelled examples of a corpus (``python -m eval.corpus_X --n 5``)."""
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("--n", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    for ex in generate_fn(args.n, args.seed):
        print(json.dumps({"id": ex.id, "text": ex.text,
                          "spans": [[s.start, s.end, s.label, ex.text[s.start:s.end]] for s in ex.spans]},
                         ensure_ascii=False))


def main() -> None:
    show_examples(generate, __doc__)


if __name__ == "__main__":
    main()
