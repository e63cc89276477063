"""The interface text in French: one catalogue for every page, file and message.

Keys are the same in every language (checked by tests/reports/test_templates_i18n.py).
"""

STRINGS: dict[str, str] = {
    # The report (report.html)
    "title": "Inventaire des données personnelles",
    "subtitle": "Rapport fouille : ce que le scan a trouvé, où et pourquoi",
    "nav.overview": "Vue d'ensemble",
    "nav.art9": "Art. 9",
    "nav.containers": "Conteneurs",
    "nav.fields": "Champs",
    "nav.retention": "Conservation",
    "nav.errors": "Erreurs",
    "overview": "Vue d'ensemble",
    "sources": "Sources",
    "containers": "Conteneurs",
    "rows_scanned": "Lignes analysées",
    "duration": "Durée",
    "errors": "Erreurs",
    "fields_with_pii": "Champs avec données personnelles",
    "art9_fields": "Champs art. 9",
    "mode": "Mode",
    "mode.sample": "échantillon",
    "mode.full": "complet",
    "started": "Début",
    "finished": "Fin",
    "version": "Version",
    "chart.by_source": "Types de données par source",
    "chart.by_source.help": "Nombre de valeurs trouvées, par type, dans chaque source.",
    "heatmap": "Carte de chaleur : conteneur × type de donnée",
    "heatmap.help": (
        "Plus la case est foncée, plus le type est fréquent dans le conteneur. Les catégories "
        "sensibles (art. 9) sont en rouge."
    ),
    "art9": "Données sensibles (RGPD art. 9)",
    "art9.help": (
        "Champs et conversations où une personne révèle une donnée sensible. Seuls les nombres "
        "sont montrés, jamais les propos."
    ),
    "art9.none": "Aucune donnée sensible trouvée.",
    "art9.fields": "Champs",
    "art9.conversations": "Conversations",
    "art9.conversations_top": (
        "Les {shown} conversations aux révélations les plus nombreuses, sur {total}."
    ),
    "conversation": "Conversation",
    "category": "Catégorie",
    "containers.title": "Conteneurs",
    "fields.title": "Champs et types de données",
    "fields.help": "Cliquez sur un en-tête de colonne pour trier. Les exemples sont masqués.",
    "filter": "Filtrer",
    "filter.placeholder": "source, conteneur, champ, type…",
    "filter.pii_only": "Seulement les champs avec données personnelles",
    "source": "Source",
    "container": "Conteneur",
    "field": "Champ",
    "rows": "Lignes",
    "fields": "Champs",
    "entity_types": "Types trouvés",
    "classification": "Classement",
    "entity": "Type",
    "count": "Nombre",
    "ratio": "Part",
    "non_empty": "Non vides",
    "max_score": "Score max",
    "examples": "Exemples masqués",
    "why": "Pourquoi",
    "classification.none": "rien trouvé",
    "classification.FREE_TEXT": "texte libre",
    "retention": "Durées de conservation",
    "retention.help": (
        "Enregistrements avec données personnelles plus anciens que la durée configurée pour leur "
        "source, à la date du scan. Sans date lisible : date vide ou illisible, ni conservé ni "
        "expiré, à vérifier."
    ),
    "retention.none": (
        "Aucune durée de conservation configurée. Choisissez-en une par source dans fouille.toml, "
        'par exemple retention = { container = "tickets", field = "created_at", keep = "3y" } ou '
        'keep = "prospects" (préréglage ci-dessous).'
    ),
    "retention.keep": "Durée",
    "retention.timestamp": "Champ date",
    "retention.records": "Enregistrements avec données perso.",
    "retention.expired": "Dont expirés",
    "retention.undated": "Dont sans date lisible",
    "retention.before": "avant le {date}",
    "retention.check": "dates à vérifier",
    "retention.no_field": "champ date introuvable",
    "retention.status": "État",
    "retention.ok": "conforme",
    "retention.flag": "à purger",
    "retention.presets": "Préréglages français (à choisir explicitement)",
    "retention.preset": "Préréglage",
    "retention.basis": "Point de départ",
    "retention.reference": "Référence",
    "errors.title": "Ce qui n'a pas pu être lu",
    "errors.none": "Tout a été lu.",
    "location": "Emplacement",
    "error": "Erreur",
    "generated_by": "Généré par fouille",
    "no_data": "Aucune donnée.",
    "noscript": "Sans JavaScript : les tableaux restent lisibles, sans tri ni filtre.",
    "art9.more": "{n} autres conversations",
    # Why a type was found: evidence, detectors, scores, sample counts
    "evidence.checksum": "clé de contrôle valide",
    "evidence.pattern": "motif",
    "evidence.context": "contexte",
    "evidence.column-name": "nom de colonne",
    "evidence.shape": "forme des valeurs",
    "evidence.ner": "analyse du langage",
    "evidence.lexicon": "terme d'un lexique sensible",
    "evidence.attribution": "rapporté à une personne",
    "evidence.first-person": "la personne parle d'elle-même",
    "evidence.third-person": "rapporté à un tiers",
    "evidence.identified-person": "rapporté à une personne nommée",
    "evidence.record-subject": "rapporté à la personne de l'enregistrement",
    "evidence.region": "indicatif du pays",
    "evidence.title": "civilité devant le nom",
    "evidence.signature": "signature",
    "evidence.role": "fonction devant le nom",
    "evidence.tied-place": "lieu lié à une personne",
    "detector.column_hint": "nom de la colonne",
    "detector.spacy_ner": "analyse du langage (spaCy)",
    "detector.sensitive_fr": "lexique art. 9",
    "max_score.help": (
        "Score max : la confiance la plus haute (de 0 à 1) qu'un détecteur a donnée à ce type "
        "dans ce champ ; 1 = valeur validée (clé de contrôle, numéro attribué)."
    ),
    "count.sample": "échantillon de {scanned} lignes ; ≈ {estimate} au total",
    "count.complete": "toutes les lignes",
    "detectors": "détecteurs",
    "hint": "indice de colonne",
    # Periods (singular|plural) and retention presets
    "period.y": "an|ans",
    "period.m": "mois|mois",
    "period.d": "jour|jours",
    "preset.prospects": "prospects",
    "preset.connection_logs": "journaux de connexion",
    "preset.recorded_calls": "appels enregistrés",
    "preset.chats": "conversations (chat)",
    "preset.applications": "candidatures",
    "preset.invoices": "factures",
    # Punctuation
    "colon": "\u202f: ",
    "quoted": "« {text} »",
    # fouille diff
    "diff.appeared": "Apparues",
    "diff.disappeared": "Disparues",
    "diff.changed": "Volumes modifiés",
    "diff.none": "Aucune différence de données personnelles.",
    # The art. 30 registre
    "registre.categories": "Catégories de données",
    "registre.special": "Catégories particulières (art. 9)",
    "registre.volume": "Valeurs trouvées",
    "registre.title": "Registre des traitements (art. 30) : point de départ",
    "registre.note": (
        "Généré à partir de l'inventaire fouille. À compléter : finalité, base légale, "
        "destinataires, durées, mesures de sécurité."
    ),
    "cat.identity": "État civil, identité",
    "cat.official_id": "Pièces d'identité",
    "cat.nir": "NIR (n° de sécurité sociale)",
    "cat.contact": "Coordonnées",
    "cat.location": "Localisation",
    "cat.financial": "Données bancaires et de paiement",
    "cat.connection": "Données de connexion",
    "cat.business_id": "Identifiants d'entreprise (entrepreneurs individuels)",
    "cat.other": "Autres",
    "registre.containers": "Conteneurs",
    "registre.fields": "Champs avec données personnelles",
    "registre.rows": "Lignes",
    "registre.sensitive": "Révélations sensibles",
    "registre.retention": "Conservation configurée (expirés)",
    "registre.entity_types": "Types de données",
    # Entity types
    "entity.EMAIL_ADDRESS": "E-mail",
    "entity.PHONE_NUMBER": "Téléphone",
    "entity.FR_NIR": "N° de sécurité sociale (NIR)",
    "entity.FR_SIREN": "SIREN",
    "entity.FR_SIRET": "SIRET",
    "entity.FR_VAT": "N° de TVA",
    "entity.IBAN_CODE": "IBAN",
    "entity.CREDIT_CARD": "Carte bancaire",
    "entity.IP_ADDRESS": "Adresse IP",
    "entity.PERSON": "Nom de personne",
    "entity.ADDRESS": "Adresse postale",
    "entity.LOCATION": "Lieu",
    "entity.DATE_OF_BIRTH": "Date de naissance",
    "entity.FR_CNI": "Carte d'identité",
    "entity.FR_PASSPORT": "Passeport",
    "entity.FR_NIF": "N° fiscal (SPI)",
    "entity.FR_RPPS": "N° RPPS (professionnel de santé)",
    "entity.FR_LICENSE_PLATE": "Plaque d'immatriculation",
    "entity.FR_DRIVING_LICENSE": "N° de permis de conduire",
    "entity.BE_NATIONAL_NUMBER": "N° de registre national belge",
    "entity.CH_AVS": "N° AVS suisse",
    "entity.ES_DNI": "DNI espagnol",
    "entity.ES_NIE": "NIE espagnol",
    "entity.IT_FISCAL_CODE": "Codice fiscale italien",
    "entity.DE_TAX_ID": "Identifiant fiscal allemand (IdNr)",
    "entity.PT_NIF": "NIF portugais",
    "entity.LU_NATIONAL_ID": "Matricule national luxembourgeois",
    "entity.NL_BSN": "BSN néerlandais",
    "entity.SENSITIVE_HEALTH": "Santé",
    "entity.SENSITIVE_RELIGION": "Religion",
    "entity.SENSITIVE_SEXUAL_ORIENTATION": "Orientation sexuelle",
    "entity.SENSITIVE_UNION": "Appartenance syndicale",
    "entity.SENSITIVE_POLITICAL": "Opinions politiques",
    "entity.SENSITIVE_ETHNIC": "Origine ethnique",
    "entity.SENSITIVE_CRIMINAL": "Infractions, condamnations",
    # Dates and deadlines (the DSAR answer)
    "dsar.extension_rule": (
        "Ce délai peut être prolongé de deux mois si nécessaire, compte tenu de la complexité et "
        "du nombre de demandes ; vous en êtes alors informé(e), avec les motifs, dans le mois qui "
        "suit la réception de la demande (RGPD, art. 12(3))."
    ),
    "month.1": "janvier",
    "month.2": "février",
    "month.3": "mars",
    "month.4": "avril",
    "month.5": "mai",
    "month.6": "juin",
    "month.7": "juillet",
    "month.8": "août",
    "month.9": "septembre",
    "month.10": "octobre",
    "month.11": "novembre",
    "month.12": "décembre",
    # The DSAR answer (summary.html, summary.pdf)
    "dsar.title": "Vos données personnelles",
    "dsar.intro": (
        "Vous nous avez demandé les données personnelles que nous détenons sur vous (RGPD, "
        "articles 15 et 20). Voici ce que nous avons trouvé dans nos systèmes, recherché à partir "
        "des identifiants ci-dessous."
    ),
    "dsar.request": "Demande reçue le {received} ; réponse due au plus tard le {due}.",
    "dsar.incomplete": (
        "Cette réponse est incomplète : {n} système(s) n'ont pas pu être consultés. Nous vous "
        "adresserons un complément dès qu'ils l'auront été."
    ),
    "dsar.identifiers": "Identifiants utilisés pour la recherche",
    "dsar.where": "Où se trouvent vos données, et pourquoi nous les détenons",
    "dsar.count": "Enregistrements",
    "dsar.categories": "Catégories de données",
    "dsar.purposes": "Finalités du traitement",
    "dsar.legal_basis": "Base légale",
    "dsar.recipients": "Destinataires",
    "dsar.retention": "Durée de conservation",
    "dsar.origin": "Source des données",
    "dsar.automated_decisions": "Décision automatisée, profilage",
    "dsar.transfers": "Transferts hors de l'Union européenne",
    "dsar.file": "Fichier joint",
    "dsar.not_set": "à compléter par le responsable du traitement",
    "dsar.records": "Le détail de vos données",
    "dsar.how": "Comment cet enregistrement a été relié à vous",
    "dsar.none": "Nous n'avons trouvé aucun enregistrement vous concernant.",
    "dsar.files": (
        "Les fichiers CSV joints contiennent les mêmes données dans un format réutilisable "
        "(article 20, portabilité). Le fichier records.json les contient toutes."
    ),
    "dsar.rights": "Vos droits",
    "dsar.rights.rectification": (
        "Rectification : faire corriger des données inexactes ou compléter des données "
        "incomplètes (art. 16)."
    ),
    "dsar.rights.erasure": (
        "Effacement : obtenir l'effacement de vos données dans les cas prévus par l'article 17."
    ),
    "dsar.rights.restriction": (
        "Limitation : obtenir que le traitement de vos données soit limité (art. 18)."
    ),
    "dsar.rights.objection": (
        "Opposition : vous opposer au traitement fondé sur l'intérêt légitime ou l'intérêt "
        "public, et à tout moment à la prospection (art. 21)."
    ),
    "dsar.rights.portability": (
        "Portabilité : recevoir les données que vous nous avez fournies dans un format structuré "
        "et les transmettre à un autre organisme (art. 20)."
    ),
    "dsar.rights.consent": (
        "Retrait du consentement, à tout moment, pour les traitements qui reposent sur lui (art. "
        "7(3))."
    ),
    "dsar.cnil": (
        "Vous pouvez introduire une réclamation auprès de la Commission nationale de "
        "l'informatique et des libertés (CNIL), 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex "
        "07, www.cnil.fr (art. 77)."
    ),
    "dsar.generated": "Document établi le",
    "dsar.controller": "Responsable du traitement",
    "dsar.contact": "Pour exercer vos droits",
    "dsar.dpo": "Délégué à la protection des données",
    "dsar.years": "an(s)",
    "dsar.months": "mois",
    "dsar.days": "jour(s)",
    # The DSAR answer's words for identifiers, places, links and positions
    "kind.email": "adresse e-mail",
    "kind.phone": "numéro de téléphone",
    "kind.NIR": "numéro de sécurité sociale",
    "kind.IBAN": "IBAN",
    "kind.card number": "numéro de carte bancaire",
    "kind.identity card number": "numéro de carte d'identité",
    "kind.passport number": "numéro de passeport",
    "place.postgres": "la table « {name} » de la base « {source} »",
    "place.files": "le fichier « {name} » (« {source} »)",
    "place.s3": "le fichier « {name} » du stockage « {source} »",
    "place.chatlogs": "les conversations « {name} » (« {source} »)",
    "link.typed": "trouvé grâce à votre {kind}",
    "link.identifier": (
        "trouvé grâce à votre {kind}, qui figure dans un autre de vos enregistrements ({place})"
    ),
    "link.foreign_key": "rattaché à un autre de vos enregistrements ({place})",
    "position.line": "ligne {n}",
    "position.row": "ligne {n}",
    "position.index": "élément {n}",
}
