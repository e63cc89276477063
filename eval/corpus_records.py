"""Labelled French records: names, places and birth dates as they sit in letters, files and chats.

Clinical-style headers and letters (compte rendu, ordonnance), administrative letters (CAF,
impôts, mairie, avocat, commissaire de justice), HR files, CRM exports rendered as text,
tickets, chats with lower-case names, e-mail headers, signatures and lists of attendees.
Names come from Faker fr_FR and from small lists of other origins written here (Maghreb,
West Africa, Portugal, Vietnam, Eastern Europe), in every capitalisation convention. Places
are labelled ``LOCATION`` only when tied to a person (j'habite à, né à, domicilié à, a
``Ville :`` field of a person's record); organisation names holding a city, headings, laws,
policy text and letter date lines are hard negatives. Birth dates come in every French
spelling; appointment, invoice and delivery dates are negatives.

    python -m eval.corpus_records --n 5 --seed 7     # print a few labelled examples
"""

from __future__ import annotations

from eval import values as v
from eval.corpus import MONTHS, REAL_CITIES, Example, Filler, show_examples

ENTITIES = ("PERSON", "LOCATION", "ADDRESS", "DATE_OF_BIRTH")
TARGETS = {"PERSON": 0.92, "DATE_OF_BIRTH": 0.92, "ADDRESS": 0.90, "LOCATION": 0.85}
# Not expressible as one F1 per entity; checked by tests/eval/test_corpus_records.py.
PLACES_TARGET = 0.90  # LOCATION + ADDRESS together, F1
LOCATION_PRECISION_TARGET = 0.85

# Other origins, written for this corpus (not taken from the gazetteer fouille ships).
OTHER_FIRST = (
    "Karim", "Nadia", "Youssef", "Fatima-Zahra", "Mohamed", "Samira", "Rachid", "Yasmine",
    "Mehdi", "Leïla", "Abdelkader", "Khadija", "Sofiane", "Houria", "Nabil", "Imane",
    "Aminata", "Moussa", "Fatoumata", "Mamadou", "Awa", "Ousmane", "Aïssatou", "Ibrahima",
    "Kadiatou", "Seydou", "Mariama", "Cheikh", "João", "Ana", "Manuel", "Rui", "Inês",
    "Tiago", "Conceição", "Thanh", "Linh", "Minh", "Huong", "Tuan", "Hoa", "Piotr",
    "Agnieszka", "Olena", "Dmitri", "Katarzyna", "Bogdan", "Irina", "Tomasz", "Ioana", "Andrei",
)
OTHER_LAST = (
    "Benali", "Haddad", "Bouzid", "El Amrani", "Belkacem", "Cherif", "Mansouri", "Ait Ouali",
    "Benchikh", "Zeroual", "Boukhari", "Hamidi", "Messaoudi", "N'Diaye", "Diallo", "Traoré",
    "Koné", "Diop", "Sow", "Camara", "Coulibaly", "Keïta", "Sylla", "Touré", "Ouédraogo",
    "Mbaye", "Da Silva", "Ferreira", "Dos Santos", "Pereira", "Gonçalves", "Teixeira",
    "De Sousa", "Carvalho", "Moreira", "Nguyen", "Tran", "Pham", "Hoang", "Vu", "Dang", "Bui",
    "Kowalski", "Nowak", "Wiśniewska", "Popescu", "Ionescu", "Petrov", "Kovalenko", "Horvat",
    "Zielinski", "Dumitrescu",
)
PARTICLE_LAST = ("de la Fontaine", "Le Goff", "de Villiers", "du Pont", "Le Gall", "d'Alembert",
                 "van der Berg", "von Stein", "de Sousa", "Le Bihan", "des Roches", "da Costa")
CITIES = REAL_CITIES + (
    "Saint-Étienne", "Le Mans", "Aix-en-Provence", "La Rochelle", "Villeurbanne", "Créteil",
    "Boulogne-Billancourt", "Saint-Denis", "Argenteuil", "Montreuil", "Nîmes", "Pau", "Quimper",
    "Vannes", "Lorient", "Colmar", "Annecy", "Chambéry", "Valence", "Poitiers", "Niort",
    "Casablanca", "Dakar", "Porto", "Hanoï", "Cracovie", "Bamako", "Oran", "Abidjan", "Tunis",
    "Bucarest", "Lisbonne", "Alger",
)
ORG_PLACES = (
    "Crédit Agricole Centre Loire", "Université de Lyon", "Caisse d'Épargne Rhône Alpes",
    "CHU de Bordeaux", "Banque Populaire Grand Ouest", "Olympique de Marseille",
    "Tribunal judiciaire de Nanterre", "Aéroport de Nice", "Bordeaux Métropole",
    "Conseil départemental de la Gironde", "Métropole de Lyon", "Stade de France",
    "Université Paris Cité", "Hôpital Nord de Marseille", "Lycée Victor Hugo de Besançon",
    "Mutuelle de Bretagne", "Région Occitanie", "CPAM de Loire-Atlantique", "CAF du Rhône",
    "Mairie de Toulouse", "Préfecture de la Gironde", "Académie de Grenoble",
)
PRODUCTS = ("Renault Clio", "Peugeot 3008", "Citroën C3", "Orange Livebox", "Freebox Delta",
            "SNCF Connect", "Air France", "Carte Avantage Jeune", "Pass Navigo", "Eau de Paris")
TITLES = ("M.", "Mme", "Mlle", "Dr", "Pr", "Me", "Maître", "Monsieur", "Madame", "Docteur")
MONTH_ABBREV = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                "oct.", "nov.", "déc.")
UNITS = ("", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
         "onze", "douze", "treize", "quatorze", "quinze", "seize")
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def number_words(n: int) -> str:
    """French words for 1..99 (``quatre-vingt-un``, ``soixante et onze``)."""
    if n <= 16:
        return UNITS[n]
    if n < 20:
        return "dix-" + UNITS[n - 10]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):
        base = "soixante" if tens == 7 else "quatre-vingt"
        rest = n - (60 if tens == 7 else 80)
        joiner = " et " if rest == 11 and tens == 7 else "-"
        return base + joiner + number_words(rest)
    if tens == 8:
        return "quatre-vingts" if unit == 0 else "quatre-vingt-" + UNITS[unit]
    if unit == 0:
        return TENS[tens]
    return TENS[tens] + (" et un" if unit == 1 else "-" + UNITS[unit])


def year_words(y: int, rng) -> str:
    if y >= 2000:
        return "deux mille" + ("" if y == 2000 else " " + number_words(y - 2000))
    head = rng.choice(["mil neuf cent", "mille neuf cent", "dix-neuf cent"])
    return head + ("" if y == 1900 else " " + number_words(y - 1900))


class RecordsFiller(Filler):
    """The base corpus's filler with record slots: name conventions, tied places, birth dates."""

    def person(self) -> tuple[str, str]:
        r, f = self.rng, self.fake
        if r.random() < 0.35:
            return r.choice(OTHER_FIRST), r.choice(OTHER_LAST)
        last = r.choice(PARTICLE_LAST) if r.random() < 0.1 else f.last_name()
        return f.first_name(), last

    def name_form(self, style: str) -> str:
        first, last = self.person()
        forms = {
            "natural": f"{first} {last}",
            "lf": f"{last.upper()} {first}",
            "fl": f"{first} {last.upper()}",
            "lower": f"{first} {last}".lower(),
            "last": last,
            "caps": last.upper(),
            "first": first,
            "initial": f"{first[0] if first[0] != 'M' else 'J'}. {last}",  # "M." reads as a title
        }
        return forms[style]

    def any_name(self) -> str:
        return self.name_form(self.rng.choice(["natural"] * 4 + ["lf", "lf", "fl"]))

    def date_parts(self, year_from: int, year_to: int) -> tuple[int, int, int]:
        r = self.rng
        return r.randint(1, 28), r.randint(1, 12), r.randint(year_from, year_to)

    def date_spelling(self, d: int, m: int, y: int, words: bool = True) -> str:
        r, month = self.rng, MONTHS[m - 1]
        shapes = [
            f"{d:02d}/{m:02d}/{y}", f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y}", f"{d}|{m}|{y}",
            f"{d}.{m}.{y}", f"{d:02d}.{m:02d}.{y}", f"{d} {month} {y}", f"{d:02d} / {m:02d} / {y}",
            f"{d:02d} {m:02d} {y}", f"{d:02d}-{m:02d}-{y}", f"{y}-{m:02d}-{d:02d}",
            f"{d:02d}/{m:02d}/{y % 100:02d}", f"{d} {MONTH_ABBREV[m - 1]} {y}", f"1er {month} {y}",
        ]
        if words:
            day = "premier" if d == 1 else number_words(d)
            shapes.append(f"{day} {month} {year_words(y, r)}")
        return r.choice(shapes)

    def segments(self, slot: str) -> list[tuple[str, str | None]]:
        r = self.rng
        record_slots = {
            "NAME": lambda: [(self.any_name(), "PERSON")],
            "NATURAL": lambda: [(self.name_form("natural"), "PERSON")],
            "LF": lambda: [(self.name_form("lf"), "PERSON")],
            "FL": lambda: [(self.name_form("fl"), "PERSON")],
            "LOWER": lambda: [(self.name_form("lower"), "PERSON")],
            "FIRST": lambda: [(self.name_form("first"), "PERSON")],
            "CAPSLAST": lambda: [(self.name_form("caps"), "PERSON")],
            "INITIAL": lambda: [(self.name_form("initial"), "PERSON")],
            "TNAME": lambda: [(r.choice(TITLES) + " ", None),
                              (self.name_form(r.choice(["last", "natural", "caps", "fl"])), "PERSON")],
            "DR": lambda: [(r.choice(["Dr ", "Docteur ", "Pr "]),
                            None), (self.name_form(r.choice(["last", "natural"])), "PERSON")],
            "CITY": lambda: [(r.choice(CITIES), "LOCATION")],
            "OCITY": lambda: [(r.choice(CITIES), None)],
            "ORGPLACE": lambda: [(r.choice(ORG_PLACES), None)],
            "PRODUCT": lambda: [(r.choice(PRODUCTS), None)],
            "DOB": lambda: [(self.date_spelling(*self.date_parts(1930, 2006)), "DATE_OF_BIRTH")],
            "DOBNUM": lambda: [(self.date_spelling(*self.date_parts(1930, 2006), words=False),
                                "DATE_OF_BIRTH")],
            "ODATE": lambda: [(self.date_spelling(*self.date_parts(2019, 2025), words=False), None)],
            "AGE": lambda: [(str(r.randint(18, 92)), None)],
            "REF": lambda: [(r.choice(["DOS", "REF", "CR", "ORD"]) + "-" + v.digits(r, 6), None)],
            "EMAIL": lambda: [(v.email(r, *self.person()), None)],
            "PHONE": lambda: [(v.phone_number(r), None)],
        }
        if slot == "HEADERDOB":  # a birth date next to an age, in a patient header
            d, m, y = self.date_parts(1930, 2006)
            return [(self.date_spelling(d, m, y, words=False), "DATE_OF_BIRTH"),
                    (f" ({2025 - y} ans)", None)]
        if slot == "AGEDOB":
            d, m, y = self.date_parts(1930, 2006)
            return [(f"{2025 - y} ans, ", None), (self.date_spelling(d, m, y, words=False), "DATE_OF_BIRTH")]
        if slot in record_slots:
            return record_slots[slot]()
        return super().segments(slot)


CLINICAL = (
    ("Centre hospitalier de {OCITY}\nService de cardiologie\n\nCOMPTE RENDU DE CONSULTATION\n\n"
    "Patient : {LF}\nNé(e) le : {DOB}\nAdresse : {ADDRESS}\nMédecin traitant : {DR}\n\n"
    "Objet : bilan annuel\nLe patient rapporte une dyspnée d'effort.\n\n{DR}"),
    "| {LF} | {HEADERDOB} | IPP {REF} |\nConsultation du {ODATE}\nMotif : douleurs thoraciques",
    "{LF}, {AGEDOB}\nHospitalisé du {ODATE} au {ODATE}.\nCompte rendu rédigé par {DR}.",
    ("ORDONNANCE\n{DR}\nMédecin généraliste\n{ADDRESS}\n\nLe {ODATE}\n\n{TNAME}\nDDN : {DOB}\n\n"
    "Paracétamol 1 g, 3 fois par jour pendant 5 jours."),
    ("Compte rendu opératoire du {ODATE}\nOpérateur : {DR}\nAnesthésiste : {DR}\n"
    "Patiente : {FL}, DN {DOB}"),
    ("Courrier de sortie\n\nCher confrère,\nJ'ai vu en consultation {TNAME}, né le {DOB} à {CITY}, "
    "pour un suivi.\nBien confraternellement,\n{DR}"),
    ("Nom : {CAPSLAST}   Prénom : {FIRST}\nDate naiss. : {DOBNUM}\nLieu de naissance : {CITY}\n"
    "Date d'admission : {ODATE}"),
    ("Antécédents : HTA\nAllergies : pénicilline\nTraitement : {PRODUCT}\nPatient(e) {NAME}, "
    "{AGEDOB}, demeurant à {CITY}.\nConclusion : revoir le {ODATE}."),
    "Mme {CAPSLAST} épouse {CAPSLAST}, née le {DOB} à {CITY}, adressée par {DR} pour avis.",
)
ADMIN = (
    ("Caisse d'Allocations Familiales de {OCITY}\n\n{TNAME}\n{ADDRESS}\n\nObjet : prime d'activité\n"
    "Référence : {REF}\n\nMadame, Monsieur,\nNous avons bien reçu votre déclaration du {ODATE}.\n\n"
    "Le directeur,\n{NATURAL}"),
    ("Direction générale des Finances publiques\nCentre des Finances publiques de {OCITY}\n\n"
    "Dossier suivi par : {NAME}\n\nContribuable : {LF}\nDate de naissance : {DOB}\n"
    "Domicilié à {CITY}.\nAvis d'imposition du {ODATE}."),
    ("{ORGPLACE}\nService État civil\n\nExtrait d'acte de naissance\n{LF}, né le {DOB} à {CITY}.\n"
    "Délivré le {ODATE}."),
    ("Maître {NATURAL}\nAvocat au Barreau de {OCITY}\n\nAffaire {LF} c/ {ORGPLACE}\n"
    "Mon client, {TNAME}, domicilié à {CITY}, m'a chargé de vous écrire.\nFait à {OCITY}, le {ODATE}"),
    ("SCP {CAPSLAST} et {CAPSLAST}, Commissaires de justice\n\nSignification à {TNAME}, demeurant "
    "{ADDRESS}, née le {DOB}.\nAudience fixée au {ODATE}."),
    ("{OCITY}, le {ODATE}\n\n{TNAME}\n{ADDRESS}\n\nObjet : attestation de domicile\n\n"
    "Je soussigné(e) {NATURAL}, né(e) le {DOB} à {CITY}, certifie héberger {NATURAL}.\n"
    "Signataire : {NATURAL}"),
    ("Bénéficiaire : {LF}\nRéférence : {REF}\nDossier : aide au logement\n"
    "Date de naissance : {DOB}\nVille : {CITY}"),
)
HR = (
    ("FICHE SALARIÉ\nNom : {CAPSLAST}\nPrénom : {FIRST}\nDate de naissance : {DOB}\n"
    "Lieu de naissance : {CITY}\nAdresse : {ADDRESS}\nDate d'embauche : {ODATE}\nPoste : technicien"),
    "Entretien annuel du {ODATE}\nSalarié : {NATURAL}\nManager : {NATURAL}\nService : logistique",
    ("Attestation employeur\n\nJe soussigné {NATURAL}, DRH de la société {ORG}, atteste que "
    "{TNAME}, né le {DOB}, est employé depuis le {ODATE}."),
    "Arrêt de travail du {ODATE} au {ODATE} pour {LF} (matricule {REF}).",
    "Liste des nouveaux arrivants :\n- {LF}, DDN {DOBNUM}\n- {FL}, DDN {DOBNUM}\n- {NATURAL}",
)
CRM = (
    "Client : {NATURAL} | Ville : {CITY} | Né le : {DOBNUM} | Dernière commande : {ODATE}",
    ("id: {REF}\nnom: {NATURAL}\nemail: {EMAIL}\nadresse: {ADDRESS}\ndate_naissance: {DOBNUM}\n"
    "date_creation: {ODATE}"),
    ("Contact principal : {NATURAL}, {EMAIL}\nNotes : cliente fidèle, habite à {CITY}, "
    "livraison le {ODATE}."),
    ("Ticket #{TICKET} ouvert le {ODATE}\nDemandeur : {NAME}\nAssigné à : {NATURAL}\n"
    "Priorité : haute\nObjet : colis non reçu"),
    "Ticket #{TICKET} - {NATURAL} signale que sa {PRODUCT} ne fonctionne plus depuis le {ODATE}.",
    "Facture n° {REF} du {ODATE}\nClient : {LF}\nLivraison prévue le {ODATE}.",
    ("Appel de {TNAME} ce matin : souhaite changer d'adresse, nouvelle adresse {ADDRESS}. "
    "Rappeler avant le {ODATE}."),
    "RAS. {NATURAL} rappelé(e) le {ODATE}, OK pour le remboursement. Vu avec {TNAME}.",
    "Note agent : {TNAME} (née le {DOB}) demande la clôture du compte de son père {NATURAL}.",
    ("Statut : actif\nCatégorie : particulier\nTitulaire : {LF}\nNé(e) à {CITY} le {DOBNUM}\n"
    "Observations : client depuis le {ODATE}"),
    "Monsieur et Madame {LF} ont emménagé à {CITY} en 2021 ; prochaine visite le {ODATE}.",
)
CHAT = (
    ("[10:42] client : bonjour c'est {LOWER}, j'habite à {CITY} et j'ai pas reçu mon colis\n"
    "[10:43] agent : Bonjour, je regarde."),
    ("client: salut moi c'est {LOWER}\nclient: je suis né le {DOBNUM} si besoin\n"
    "bot: Merci, votre dossier est en cours."),
    "user: je m'appelle {LOWER} et je vis à {CITY} depuis 2019\nassistant: Merci pour ces informations.",
    "agent: Puis-je avoir votre date de naissance ?\nclient: {DOBNUM}\nagent: Merci {TNAME}.",
    "client: je suis originaire de {CITY} mais je réside à {CITY} maintenant",
    "client: c'est pour ma mère {LOWER}, elle est née le {DOB}",
    "client: bonjour, {LOWER} à l'appareil, j'ai déménagé à {CITY}\nagent: Très bien, je note.",
    "client: ouais c'est {LOWER}, je vis à {CITY}, né le {DOBNUM}\nagent: Merci {FIRST} !",
    "agent: Bonjour {TNAME}, pouvez-vous confirmer votre date de naissance ?\nclient: oui c'est le {DOBNUM}",
)
MAIL = (
    ("De : {NATURAL} <{EMAIL}>\nÀ : {NATURAL} <{EMAIL}>\nCc : {NATURAL}\n"
    "Objet : réunion du {ODATE}\n\nBonjour,\nCi-joint le compte rendu.\n\nCordialement,\n{NATURAL}"),
    ("Présents : {NATURAL}, {NATURAL}, {TNAME} et {NATURAL}.\nExcusés : {NATURAL}.\n"
    "Prochaine réunion le {ODATE}."),
    "Participants :\n- {LF}\n- {NATURAL}\n- {FL}\n- {TNAME}",
    "Merci pour votre retour.\n\nBien à vous,\n{NATURAL}\nResponsable juridique\n{ORG}",
    "--\n{NATURAL}\nChargée de clientèle\n{PHONE}",
    "Le {ODATE}, {NATURAL} a écrit :\n> Bonjour, mon adresse a changé : {ADDRESS}",
    "Bonjour {TNAME},\nVotre rendez-vous est confirmé le {ODATE}.\nCordialement,\n{INITIAL}",
)
NEGATIVE = (
    ("Politique de confidentialité\nVos données sont hébergées à {OCITY} et traitées par nos équipes "
    "de {OCITY} et de {OCITY}, conformément à la loi Informatique et Libertés."),
    "Le {ORGPLACE} a validé le financement le {ODATE}.",
    "Nos agences de {OCITY}, {OCITY} et {OCITY} sont ouvertes du lundi au vendredi.",
    "DIRECTION RÉGIONALE {OCITY}\nService : comptabilité\nObjet : clôture de l'exercice",
    "Rendez-vous fixé au {ODATE} à l'agence {ORGPLACE}.",
    "Offre {PRODUCT} : -20 % jusqu'au {ODATE}.",
    "Objet : relance facture\nDossier : {REF}\nRéférence : {REF}\nÉchéance : {ODATE}",
    "Date de livraison : {ODATE}\nDate de facturation : {ODATE}\nDate de commande : {ODATE}",
    "Service client\nMadame, Monsieur,\nNous accusons réception de votre courrier du {ODATE}.",
    "Le salon de l'emploi se tiendra à {OCITY} le {ODATE} avec {ORGPLACE}.",
    "Conformément au RGPD et à la loi Informatique et Libertés, vous pouvez écrire au DPO.",
    "Vol {PRODUCT} {OCITY} - {OCITY} du {ODATE} annulé.",
    "Signataire : le représentant légal\nBénéficiaire : voir annexe\nObjet : avenant n° 3",
    "L'entreprise, née à {OCITY} en 1987, ouvre un magasin à {OCITY} le {ODATE}.",
    "Livraison express disponible à {OCITY} et à {OCITY} dès le {ODATE}.",
    "Urgent : rappeler le service juridique\nRemarque : dossier incomplet\nMotif : relance",
    "Conférence au Centre Georges Pompidou le {ODATE}, puis visite du Lycée Jules Ferry.",
    "Le marathon de {OCITY} aura lieu le {ODATE} ; inscriptions ouvertes jusqu'au {ODATE}.",
    "Nouvelle {PRODUCT} : livrée avec la Mercedes Classe A de démonstration.",
    "CONFIDENTIEL\nCOMPTE RENDU DU COMITÉ DE DIRECTION\nDate de la réunion : {ODATE}",
)
# Written after the detectors were tuned on the templates above, and scored as they came.
VARIED = (
    "Identité du patient : {LF} — Date de naissance : {DOBNUM} — Sexe : F",
    ("Nom de naissance : {CAPSLAST}\nNom d'usage : {CAPSLAST}\nPrénom(s) : {FIRST}\n"
    "Personne de confiance : {NATURAL} ({PHONE})"),
    "Adressé par le {DR}, médecin traitant à {OCITY}, pour {TNAME}, {AGEDOB}.",
    ("Monsieur le Maire,\nJe soussigné {NATURAL}, demeurant {ADDRESS}, sollicite un extrait "
    "d'acte de naissance.\nVeuillez agréer mes salutations distinguées.\n{NATURAL}"),
    "Acte de décès de {NATURAL}, décédé(e) le {ODATE} à {CITY}, né(e) le {DOB} à {CITY}.",
    "Allocataire n° {REF} : {TNAME}\nSituation : isolé(e)\nRésidence : {CITY}",
    "Collaborateur : {LF} (matricule {REF}), né le {DOB}, rattaché au site de {OCITY}.",
    "{NATURAL} rejoint l'équipe de {OCITY} le {ODATE}.",
    "nom;prenom;ville;date_naissance\n{CAPSLAST};{FIRST};{CITY};{DOBNUM}",
    "slt c {LOWER} jhabite a {CITY} mon colis est tjr pas arrivé",
    "je suis {LOWER}, client depuis 2015, je vis à {CITY}",
    "Envoyé par {NATURAL} le {ODATE}\nÀ l'attention de {TNAME}",
    ("Bonjour à tous,\n{NATURAL} remplace {NATURAL} à partir du {ODATE}.\nMerci de lui réserver "
    "un bon accueil.\n{NATURAL}"),
    "La rue Victor Hugo est fermée jusqu'au {ODATE} ; réunion en salle Marie Curie.",
    "Né en 2019, le service compte 40 agents à {OCITY} et 12 à {OCITY}.",
    "Le Crédit Mutuel de Bretagne et la Caisse d'Épargne Île-de-France ont signé le {ODATE}.",
    "Appelée le {ODATE} : {NATURAL} confirme être née le {DOB} et habiter {ADDRESS}.",
    "Mme {CAPSLAST} (née {CAPSLAST}) a déménagé à {CITY} ; nouvelle adresse : {ADDRESS}.",
)
# A second batch written the same way, later: scored once as it came, then left as is.
LATER = (
    "RDV pris par {NATURAL} pour sa fille {FIRST} (née le {DOB}).",
    "Mutuelle : adhérent {LF}, né(e) le {DOBNUM}, ayant droit : {NATURAL}.",
    "Dossier de {TNAME} transmis à Me {CAPSLAST}, notaire à {OCITY}.",
    "{NATURAL}\n{ADDRESS}\n{PHONE}\n\nObjet : résiliation de mon contrat",
    "Votre conseiller {NATURAL} vous accueille à l'agence {ORGPLACE}.",
    "Les époux {CAPSLAST}, demeurant à {CITY}, contestent la facture du {ODATE}.",
    "Signé électroniquement par {NATURAL} le {ODATE}",
    "Avis de passage : colis pour {TNAME}, à retirer au bureau de poste de {OCITY} avant le {ODATE}.",
    "agent : vous êtes bien {TNAME} ?\nclient : oui, née le {DOBNUM} à {CITY}",
    "Extrait Kbis : gérant {NATURAL}, né le {DOB} à {CITY}, de nationalité française.",
    "Liste d'attente : 1. {LF} 2. {NATURAL} 3. {FL}",
    "Date d'effet : {ODATE} — Souscripteur : {LF} — Date de naissance du souscripteur : {DOBNUM}",
)
KINDS = (CLINICAL, ADMIN, HR, CRM, CHAT, MAIL, NEGATIVE, VARIED, LATER)


def generate(n: int = 800, seed: int = 7) -> list[Example]:
    """``n`` labelled records; about one in seven is a hard negative with no personal place or date."""
    filler = RecordsFiller(seed)
    rng = filler.rng
    examples = []
    for i in range(n):
        text, spans = filler.fill(rng.choice(rng.choice(KINDS)))
        examples.append(Example(id=f"r{i:05d}", text=text, spans=tuple(spans)))
    return examples


def places_scores(scores: dict) -> tuple[float, float]:
    """(LOCATION + ADDRESS F1, LOCATION precision) from ``eval.scoring.score``'s result."""
    loc, addr = scores["LOCATION"], scores["ADDRESS"]
    tp, fp, fn = loc.tp + addr.tp, loc.fp + addr.fp, loc.fn + addr.fn
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return f1, loc.precision


def main() -> None:
    show_examples(generate, __doc__)


if __name__ == "__main__":
    main()
