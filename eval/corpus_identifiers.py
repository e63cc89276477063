"""A seeded, labelled corpus of identifiers of people as French documents hold them (issue 15).

Tax letters (numéro fiscal), fines and rental contracts (plates, driving licences),
prescriptions (RPPS), payslips and HR files of cross-border workers (Belgian, Swiss,
Spanish, Italian, German, Portuguese, Luxembourg and Dutch numbers), insurance forms,
CRM notes and chats, with the older identifiers (NIR, SIRET, IBAN, phones...) beside
them. Values come from ``eval.values_identifiers`` (check digits computed at run time).

About a third of the templates are hard negatives: wrong check digits next to the right
words, catalogue codes written like plates (``réf. AB-123-CD``: a word naming a
reference vetoes the plate shape), never-issued plates (``SS``, ``000``), order numbers
that start with a date, 11- and 9-digit references with no naming word, tax-notice
references, building permits, EAN codes, ADELI numbers, dates, amounts, phones.
A dashed plate shape with no reference word before it is labelled a plate: that is the
policy (the official layout stands alone), documented in ``detectors/fr/plate.py``.

    python -m eval.corpus_identifiers --n 5 --seed 7     # print a few labelled examples
"""

from __future__ import annotations

from eval import values as v
from eval import values_identifiers as w
from eval.corpus import Example, Filler, compose, show_examples
from eval.values import space_groups

POSITIVE_TEMPLATES = (
    # Tax letters and payslips
    "Avis d'impôt 2024 - Déclarant 1 : {NAME}, numéro fiscal {NIF}",
    "N° fiscal : {NIF}\nRéférence de l'avis : {AVISREF}",
    "Mon numéro fiscal est le {NIF}, pouvez-vous corriger le taux de prélèvement à la source ?",
    "Identifiant fiscal (SPI) du salarié : {NIF} - NIR {NIR}",
    "Bulletin de paie - {NAME} - n° SS {NIR} - employeur SIRET {SIRET}",
    "Identifiant : {NIFNOTICE}.",  # the tax notice layout stands alone
    "Déclarants : {NIF} et {NIF}",
    # Fines, car rental, insurance
    "Avis de contravention : véhicule immatriculé {SIV}, stationnement gênant le {DATE}.",
    "Le véhicule {SIVOFFICIAL} a été flashé à 92 km/h.",
    "Contrat de location : {NAME}, permis de conduire n° {NEPH}, véhicule {SIV}.",
    "Permis n° {LICCARD} présenté au comptoir, immatriculation du véhicule loué : {SIV}",
    "Sinistre déclaré par {NAME} : plaque {FNI}, assuré n° {NIR}",
    "Ancienne immatriculation {FNI}, nouvelle immatriculation {SIVOFFICIAL}.",
    "Carte grise au nom de {NAME}, immat {SIV}",
    "salut, ma voiture c'est la {SIV}, elle est au parking niveau -2",
    "Numéro de permis : {NEPH} (code NEPH), catégorie B",
    "Conducteur secondaire : {NAME}, n° de permis {LICCARD}",
    "Passeport n° {PASSPORT}, permis de conduire {NEPH}",
    "PV de fourrière : {SIVOFFICIAL} enlevé rue {STREET}",
    # Prescriptions and health
    "Ordonnance du {DATE} - Dr {LAST}, RPPS {RPPS}",
    "Médecin traitant : Dr {NAME} (n° RPPS {RPPS}), tél. {PHONE}",
    "Prescripteur : {RPPS} - pharmacien : {RPPS}",
    "Praticien {RPPS} - patient NIR {NIR}",
    # Cross-border workers' HR files
    "Salarié frontalier belge : {NAME}, n° de registre national {BENN}",
    "Carte d'identité belge {BENNCARD} au nom de {NAME}",
    "NISS {BENN} - IBAN {IBAN}",
    "Travailleur frontalier suisse, N° AVS {AVS}, domicile {CITY}.",
    "Attestation de l'employeur genevois : {NAME}, AVS/AHV {AVS}",
    "Salariée espagnole {NAME}, DNI {DNI}, tél. {PHONE}",
    "Documento nacional de identidad : {DNI}",
    "Résident étranger en Espagne, NIE {NIE}",
    "{NAME} - NIE {NIE} - contrat saisonnier",
    "Codice fiscale del dipendente : {CF}",
    "Salarié italien {NAME}, code fiscal italien {CF}",
    "Steuer-ID : {DEID} (salarié allemand détaché)",
    "Identifiant fiscal allemand (IdNr) de {NAME} : {DEID}",
    "Salariée portugaise, NIF {PTNIF}, IBAN {IBAN}",
    "Número de contribuinte : {PTNIF}",
    "Matricule luxembourgeois : {LUID} - affiliation CNS",
    "Frontalier au Luxembourg, numéro d'identification national {LUID}",
    "BSN : {BSN} (collaborateur néerlandais)",
    "Burgerservicenummer van de werknemer : {BSN}",
    # CRM notes and chats
    "Client {NAME} rappelé au {PHONE}, son DNI est {DNI} et son NIE avant naturalisation {NIE}.",
    "ok pour le dossier, mon num AVS c'est {AVSRAW}",
    "Fournisseur SIRET {SIRET}, TVA {VAT} ; contact {NAME}",
    "La société est immatriculée au RCS sous le numéro {SIREN}.",
    "CNI n° {CNI}, codice fiscale {CF}",
    # Several documents in one sentence: each number belongs to the nearest naming word.
    "CNI n° {CNI} et permis de conduire n° {NEPH}",
    "Permis de conduire n° {LICCARD}, passeport n° {PASSPORT}",
    "Pièces fournies : passeport {PASSPORT} ; permis {LICCARD} ; véhicule {SIVOFFICIAL}",
    # Neighbours' IBANs beside their national numbers
    "Frontalier belge, NISS {BENN}, compte {IBANBE}",
    "Salaire versé sur {IBANCH} (AVS {AVS})",
    "DNI {DNI} - IBAN {IBANES}",
    "Codice fiscale {CF}, IBAN {IBANIT}",
    "NIF {PTNIF} / IBAN {IBANPT}",
    "BSN {BSN}, rekening {IBANNL}",
    # Chats and notes, loosely written
    "jsuis frontalier, mon matricule luxembourgeois c {LUID}",
    "Rappel : le médecin ({RPPS}) a signé l'arrêt de travail.",
    "voiture de location immatriculée {SIV} rendue avec 2 h de retard, tel {PHONE}",
    # Exports and forms: the label on another line or in a header, no space after a colon
    "nom;prenom;niss\n{LAST};{FIRST};{BENNRAW}",
    "NISS:{BENNRAW} ; tél. {PHONEX}",
    '{"codice_fiscale": "{CF}", "telefono": "{PHONEX}"}',
    "N° AVS\n{AVS}\nEmployeur : {ORG}",
    "Dr {LAST} ({RPPS} - RPPS), ordonnance renouvelable.",
    "Steuer-ID des Mitarbeiters: {DEID}. Telefon {PHONEX}",
    "BSN van {FIRST} {LAST}: {BSN}, tel. {PHONEX}",
    "Contribuinte n.º {PTNIF} - telemóvel {PHONEX}",
    "Matricule national (Luxembourg) : {LUID} / tél. {PHONEX}",
    "DNI/NIE : {DNI}",
    "Titulaire du permis n° {NEPH}, véhicule immatriculé {SIV} ({FNI} avant 2009).",
    "Avis d'impôt sur le revenu\nNuméro fiscal\t{NIF}\nRéférence de l'avis\t{AVISREF}",
    # Typed by hand right after the word naming the number, any grouping
    "mon numéro fiscal c'est {NIFLOOSE}",
    "RPPS {RPPSLOOSE} - Dr {LAST}",
    "NISS : {BENNLOOSE}",
    "AVS {AVSLOOSE}",
    "Steuer-ID {DELOOSE}",
    "contribuinte {PTLOOSE}",
    "BSN {BSNLOOSE}",
    "matricule {LULOOSE} (Luxembourg)",
)
NEGATIVE_TEMPLATES = (
    "N° fiscal : {BADNIF} (rejeté par le service des impôts)",
    "Référence de l'avis : {AVISREF}",
    "Code-barres EAN {EAN} - prix {AMOUNT}",
    "Commande n° {ORDER13} du {DATE}",
    "réf. {CATCODE}, 3 unités en stock",
    "Article {CATCODE} - {AMOUNT}",
    "Code produit : {CATCODE}",
    "Plaque {BADSIV} refusée : série jamais attribuée.",
    "Nous habitons au {FNIHOUSE} de la rue du Moulin, {POSTCODE} {CITY}.",
    "RPPS {BADRPPS} inconnu de l'annuaire santé.",
    "Facture {RPPSNOCTX} réglée le {DATE}.",
    "Dr {LAST}, ADELI {ADELI}, tél. {PHONE}",
    "permis de construire n° {NEPHNUM} accordé le {DATE}",
    "Dossier {NEPHNUM} clôturé.",
    "N° registre national : {BADBENN}",
    "Transaction {BENNNOCTX} validée, montant {AMOUNT}.",
    "N° AVS : {BADAVS} invalide",
    "DNI : {BADDNI} (letra incorrecta)",
    "Lot {DNINOCTX} expédié le {DATE}",
    "NIE : {BADNIE} refusé",
    "Codice fiscale : {BADCF} (errato)",
    "Steuer-ID : {BADDEID} ungültig",
    "Ticket {DEIDNOCTX} ouvert le {DATE}",
    "NIF : {BADPTNIF} inválido",
    "Colis {PTNIFNOCTX} livré.",
    "Matricule luxembourgeois : {BADLUID} (erreur de saisie)",
    "Commande {LUIDNOCTX} du {DATE}, total {AMOUNT}.",
    "BSN : {BADBSN} klopt niet",
    "Référence client {BSNNOCTX}, rappel au {PHONE}.",
    "Le rendez-vous est fixé au {DATE} à 14:30, salle B-12.",
    "Version 10.2.3 déployée le {DATE} sur 3 serveurs.",
    "Paiement de {AMOUNT} reçu (transaction {ORDER13}).",
    "Modèle {CATCODE} disponible en trois coloris.",
    "Le {DATE}, le service des impôts a reçu votre déclaration (dossier {ORDER13}).",
    "Salle {ROOM}, étage 3 - réunion à 10:00.",
    "Dr {LAST} - cabinet ouvert du lundi au vendredi, tél. {PHONE}",
    "Montant total : {BIGAMOUNT} EUR (budget 2025).",
    "Numéro de suivi {TRACKING} - livraison prévue le {DATE}.",
    "Né le {DOBDOTS} à {CITY}.",
)

ENTITIES = (
    "FR_NIF",
    "FR_RPPS",
    "FR_LICENSE_PLATE",
    "FR_DRIVING_LICENSE",
    "BE_NATIONAL_NUMBER",
    "CH_AVS",
    "ES_DNI",
    "ES_NIE",
    "IT_FISCAL_CODE",
    "DE_TAX_ID",
    "PT_NIF",
    "LU_NATIONAL_ID",
    "NL_BSN",
    "FR_NIR",
    "FR_SIREN",
    "FR_SIRET",
    "FR_VAT",
    "IBAN_CODE",
    "FR_CNI",
    "FR_PASSPORT",
    "PHONE_NUMBER",
)
TARGETS = {entity: 0.98 for entity in ENTITIES if entity != "PHONE_NUMBER"} | {"PHONE_NUMBER": 0.97}


# phonenumbers' example numbers of the neighbours (documentation numbers, nobody's line).
FOREIGN_PHONES = (
    "+32 450 00 12 34",
    "+41 78 123 45 67",
    "+49 1512 3456789",
    "+34 612 34 56 78",
    "+39 312 345 6789",
    "+351 912 345 678",
    "+352 628 123 456",
    "+31 6 12345678",
)


class IdentifierFiller(Filler):
    """The base corpus's slots plus the identifiers of issue 15 and their look-alikes."""

    def notice_reference(self) -> str:
        """The "référence de l'avis" of a tax notice: 13 characters with a letter, never a NIF."""
        r = self.rng
        office = f"{r.randint(1, 95):02d} {r.choice('ABCDEFGH')}{v.digits(r, 6)}"
        return f"{r.randint(18, 25)} {office} {v.digits(r, 2)}"

    def segments(self, slot: str) -> list[tuple[str, str | None]]:
        r = self.rng
        one = {
            "NIF": lambda: (w.show_nif(r, w.nif_number(r)), "FR_NIF"),
            "NIFNOTICE": lambda: (space_groups(w.nif_number(r), (2, 2, 3, 3, 3)), "FR_NIF"),
            "BADNIF": lambda: (w.show_nif(r, w.nif_number(r, valid=False)), None),
            "AVISREF": lambda: (self.notice_reference(), None),
            "EAN": lambda: ("3" + v.digits(r, 12), None),
            "ORDER13": lambda: (
                f"{r.randint(2019, 2025)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
                + v.digits(r, 5),
                None,
            ),
            "RPPS": lambda: (w.rpps_number(r), "FR_RPPS"),
            "BADRPPS": lambda: (w.rpps_number(r, valid=False), None),
            "RPPSNOCTX": lambda: (w.rpps_number(r), None),
            "ADELI": lambda: (f"{r.randint(1, 95):02d}{v.digits(r, 7)}", None),
            "SIV": lambda: (w.show_siv(r, w.siv_plate(r)), "FR_LICENSE_PLATE"),
            "SIVOFFICIAL": lambda: (w.siv_plate(r), "FR_LICENSE_PLATE"),
            "CATCODE": lambda: (w.siv_plate(r), None),  # a catalogue code shaped like a plate
            "BADSIV": lambda: (w.siv_plate(r, valid=False), None),
            "FNI": lambda: (w.fni_plate(r), "FR_LICENSE_PLATE"),
            "FNIHOUSE": lambda: (f"{r.randint(1, 99)} {r.choice('BCD')} {r.randint(10, 95)}", None),
            "POSTCODE": lambda: (self.fake.postcode(), None),
            "STREET": lambda: (self.fake.street_name(), None),
            "LAST": lambda: (self.fake.last_name(), None),
            "FIRST": lambda: (self.fake.first_name(), None),
            "BENNRAW": lambda: (w.be_national_number(r), "BE_NATIONAL_NUMBER"),
            "NEPH": lambda: (w.show_neph(r, w.neph_number(r)), "FR_DRIVING_LICENSE"),
            "NEPHNUM": lambda: (w.neph_number(r), None),
            "LICCARD": lambda: (w.licence_card_number(r), "FR_DRIVING_LICENSE"),
            "BENN": lambda: (w.show_be(r, w.be_national_number(r)), "BE_NATIONAL_NUMBER"),
            "BENNCARD": lambda: (w.show_be(r, w.be_national_number(r)), "BE_NATIONAL_NUMBER"),
            "BADBENN": lambda: (w.show_be(r, w.be_national_number(r, valid=False)), None),
            "BENNNOCTX": lambda: (w.be_national_number(r), None),
            "AVS": lambda: (w.show_avs(r, w.ch_avs(r)), "CH_AVS"),
            "AVSRAW": lambda: (w.ch_avs(r), "CH_AVS"),
            "BADAVS": lambda: (w.show_avs(r, w.ch_avs(r, valid=False)), None),
            "DNI": lambda: (w.show_dni(r, w.es_dni(r)), "ES_DNI"),
            "BADDNI": lambda: (w.show_dni(r, w.es_dni(r, valid=False)), None),
            "DNINOCTX": lambda: (w.es_dni(r), None),
            "NIE": lambda: (w.show_nie(r, w.es_nie(r)), "ES_NIE"),
            "BADNIE": lambda: (w.show_nie(r, w.es_nie(r, valid=False)), None),
            "CF": lambda: (w.show_cf(r, w.it_fiscal_code(r)), "IT_FISCAL_CODE"),
            "BADCF": lambda: (w.it_fiscal_code(r, valid=False), None),
            "DEID": lambda: (w.show_de(r, w.de_tax_id(r)), "DE_TAX_ID"),
            "BADDEID": lambda: (w.show_de(r, w.de_tax_id(r, valid=False)), None),
            "DEIDNOCTX": lambda: (w.de_tax_id(r), None),
            "PTNIF": lambda: (w.show_pt(r, w.pt_nif_number(r)), "PT_NIF"),
            "BADPTNIF": lambda: (w.show_pt(r, w.pt_nif_number(r, valid=False)), None),
            "PTNIFNOCTX": lambda: (w.pt_nif_number(r), None),
            "LUID": lambda: (w.show_lu(r, w.lu_national_id(r)), "LU_NATIONAL_ID"),
            "BADLUID": lambda: (w.show_lu(r, w.lu_national_id(r, valid=False)), None),
            "LUIDNOCTX": lambda: (w.lu_national_id(r), None),
            "BSN": lambda: (w.show_bsn(r, w.nl_bsn(r)), "NL_BSN"),
            "BADBSN": lambda: (w.show_bsn(r, w.nl_bsn(r, valid=False)), None),
            "BSNNOCTX": lambda: (w.nl_bsn(r), None),
            **{
                f"IBAN{c}": (lambda c=c: (v.show_iban(r, w.neighbour_iban(r, c)), "IBAN_CODE"))
                for c in ("BE", "CH", "ES", "IT", "NL", "PT")
            },
            "NIFLOOSE": lambda: (w.show_loose(r, w.nif_number(r)), "FR_NIF"),
            "RPPSLOOSE": lambda: (w.show_loose(r, w.rpps_number(r)), "FR_RPPS"),
            "BENNLOOSE": lambda: (w.show_loose(r, w.be_national_number(r)), "BE_NATIONAL_NUMBER"),
            "AVSLOOSE": lambda: (w.show_loose(r, w.ch_avs(r)), "CH_AVS"),
            "DELOOSE": lambda: (w.show_loose(r, w.de_tax_id(r)), "DE_TAX_ID"),
            "PTLOOSE": lambda: (w.show_loose(r, w.pt_nif_number(r)), "PT_NIF"),
            "BSNLOOSE": lambda: (w.show_loose(r, w.nl_bsn(r)), "NL_BSN"),
            "LULOOSE": lambda: (w.show_loose(r, w.lu_national_id(r)), "LU_NATIONAL_ID"),
            "ROOM": lambda: (f"{r.choice('ABC')}-{r.randint(1, 40)}", None),
            "BIGAMOUNT": lambda: (
                f"{r.randint(1, 9)} {v.digits(r, 3)} {v.digits(r, 3)} {v.digits(r, 3)}",
                None,
            ),
            "TRACKING": lambda: (r.choice(["6A", "8R", "XY"]) + v.digits(r, 11), None),
            "DOBDOTS": lambda: (
                f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.{r.randint(40, 99)}",
                None,
            ),
        }
        if slot in one:
            value, label = one[slot]()
            return [(self.word_processor_blanks(value), label)]
        if slot == "PHONEX":
            return [(r.choice(FOREIGN_PHONES), "PHONE_NUMBER")]
        return super().segments(slot)

    def word_processor_blanks(self, value: str) -> str:
        """Word processors and web forms put no-break spaces between groups, one time in six."""
        if " " not in value or self.rng.random() > 1 / 6:
            return value
        return value.replace(" ", self.rng.choice(["\u00a0", "\u202f"]))


def generate(n: int = 800, seed: int = 7) -> list[Example]:
    """``n`` labelled texts, each 1-3 templates joined; one template in three is a hard negative."""
    return compose(IdentifierFiller(seed), n, "id", POSITIVE_TEMPLATES, NEGATIVE_TEMPLATES,
                   lambda text, rng: "\n" if rng.random() < 0.5 else " ")


def main() -> None:
    show_examples(generate, __doc__)


if __name__ == "__main__":
    main()
