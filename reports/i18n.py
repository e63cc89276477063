"""Interface text of the reports in French and English, and number formatting.

One dictionary per language, same keys. ``translator(lang)`` returns a lookup
function; a missing key falls back to French then to the key itself, so a
forgotten translation shows up as a readable key rather than a crash.
"""

from __future__ import annotations

import os
from collections.abc import Callable

LANGS = ("fr", "en")

STRINGS: dict[str, dict[str, str]] = {
    "fr": {
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
        "heatmap.help": "Plus la case est foncée, plus le type est fréquent dans le conteneur. "
        "Les catégories sensibles (art. 9) sont en rouge.",
        "art9": "Données sensibles (RGPD art. 9)",
        "art9.help": "Champs et conversations où une personne révèle une donnée sensible. "
        "Seuls les nombres sont montrés, jamais les propos.",
        "art9.none": "Aucune donnée sensible trouvée.",
        "art9.fields": "Champs",
        "art9.conversations": "Conversations",
        "art9.conversations_top": "Les {shown} conversations aux révélations les plus nombreuses, sur {total}.",
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
        "retention.help": "Enregistrements avec données personnelles plus anciens que la durée "
        "configurée pour leur source, à la date du scan. Sans date lisible : date vide ou "
        "illisible, ni conservé ni expiré, à vérifier.",
        "retention.none": "Aucune durée de conservation configurée. Choisissez-en une par source "
        'dans fouille.toml, par exemple retention = { container = "tickets", field = '
        '"created_at", keep = "3y" } ou keep = "prospects" (préréglage ci-dessous).',
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
        "diff.appeared": "Apparues",
        "diff.disappeared": "Disparues",
        "diff.changed": "Volumes modifiés",
        "diff.none": "Aucune différence de données personnelles.",
        "registre.categories": "Catégories de données",
        "registre.special": "Catégories particulières (art. 9)",
        "registre.volume": "Valeurs trouvées",
        "registre.title": "Registre des traitements (art. 30) : point de départ",
        "registre.note": "Généré à partir de l'inventaire fouille. À compléter : finalité, base "
        "légale, destinataires, durées, mesures de sécurité.",
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
        "max_score.help": "Score max : la confiance la plus haute (de 0 à 1) qu'un détecteur a "
        "donnée à ce type dans ce champ ; 1 = valeur validée (clé de contrôle, numéro attribué).",
        "art9.more": "{n} autres conversations",
        "count.sample": "échantillon de {scanned} lignes ; ≈ {estimate} au total",
        "count.complete": "toutes les lignes",
        "period.y": "an|ans",
        "period.m": "mois|mois",
        "period.d": "jour|jours",
        "preset.prospects": "prospects",
        "preset.connection_logs": "journaux de connexion",
        "preset.recorded_calls": "appels enregistrés",
        "preset.chats": "conversations (chat)",
        "preset.applications": "candidatures",
        "preset.invoices": "factures",
        "detectors": "détecteurs",
        "hint": "indice de colonne",
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
    },
    "en": {
        "title": "Personal data inventory",
        "subtitle": "fouille report: what the scan found, where and why",
        "nav.overview": "Overview",
        "nav.art9": "Art. 9",
        "nav.containers": "Containers",
        "nav.fields": "Fields",
        "nav.retention": "Retention",
        "nav.errors": "Errors",
        "overview": "Overview",
        "sources": "Sources",
        "containers": "Containers",
        "rows_scanned": "Rows scanned",
        "duration": "Duration",
        "errors": "Errors",
        "fields_with_pii": "Fields with personal data",
        "art9_fields": "Art. 9 fields",
        "mode": "Mode",
        "mode.sample": "sample",
        "mode.full": "full",
        "started": "Started",
        "finished": "Finished",
        "version": "Version",
        "chart.by_source": "Data types per source",
        "chart.by_source.help": "Number of values found, per type, in each source.",
        "heatmap": "Heat map: container × data type",
        "heatmap.help": "The darker the cell, the more frequent the type in that container. "
        "Special categories (art. 9) are in red.",
        "art9": "Sensitive data (GDPR art. 9)",
        "art9.help": "Fields and conversations where someone discloses sensitive data. "
        "Counts only, never the words.",
        "art9.none": "No sensitive data found.",
        "art9.fields": "Fields",
        "art9.conversations": "Conversations",
        "art9.conversations_top": "The {shown} conversations with the most disclosures, of {total}.",
        "conversation": "Conversation",
        "category": "Category",
        "containers.title": "Containers",
        "fields.title": "Fields and data types",
        "fields.help": "Click a column header to sort. Examples are masked.",
        "filter": "Filter",
        "filter.placeholder": "source, container, field, type…",
        "filter.pii_only": "Only fields with personal data",
        "source": "Source",
        "container": "Container",
        "field": "Field",
        "rows": "Rows",
        "fields": "Fields",
        "entity_types": "Types found",
        "classification": "Classification",
        "entity": "Type",
        "count": "Count",
        "ratio": "Ratio",
        "non_empty": "Non-empty",
        "max_score": "Max score",
        "examples": "Masked examples",
        "why": "Why",
        "classification.none": "nothing found",
        "classification.FREE_TEXT": "free text",
        "retention": "Retention periods",
        "retention.help": "Records holding personal data that are older than the period "
        "configured for their source, at the time of the scan. No readable date: the date is "
        "empty or unreadable, neither kept nor expired, to check.",
        "retention.none": "No retention period configured. Pick one per source in fouille.toml, "
        'e.g. retention = { container = "tickets", field = "created_at", keep = "3y" } or '
        'keep = "prospects" (preset below).',
        "retention.keep": "Period",
        "retention.timestamp": "Date field",
        "retention.records": "Records with personal data",
        "retention.expired": "Of which expired",
        "retention.undated": "Of which no readable date",
        "retention.before": "before {date}",
        "retention.check": "dates to check",
        "retention.no_field": "date field not found",
        "retention.status": "Status",
        "retention.ok": "within period",
        "retention.flag": "to purge",
        "retention.presets": "French presets (pick one explicitly)",
        "retention.preset": "Preset",
        "retention.basis": "Counted from",
        "retention.reference": "Reference",
        "errors.title": "What could not be read",
        "errors.none": "Everything was read.",
        "location": "Location",
        "error": "Error",
        "generated_by": "Generated by fouille",
        "no_data": "No data.",
        "noscript": "Without JavaScript the tables stay readable, without sorting or filtering.",
        "diff.appeared": "Appeared",
        "diff.disappeared": "Disappeared",
        "diff.changed": "Volumes changed",
        "diff.none": "No difference in personal data.",
        "registre.categories": "Data categories",
        "registre.special": "Special categories (art. 9)",
        "registre.volume": "Values found",
        "registre.title": "Record of processing (art. 30): starting point",
        "registre.note": "Generated from the fouille inventory. To complete: purpose, legal "
        "basis, recipients, retention periods, security measures.",
        "evidence.checksum": "valid check digits",
        "evidence.pattern": "pattern",
        "evidence.context": "context",
        "evidence.column-name": "column name",
        "evidence.shape": "shape of the values",
        "evidence.ner": "language analysis",
        "evidence.lexicon": "term from a sensitive-data lexicon",
        "evidence.attribution": "said of a person",
        "evidence.first-person": "the person speaks of themselves",
        "evidence.third-person": "said of a third party",
        "evidence.identified-person": "said of a named person",
        "evidence.record-subject": "said of the record's subject",
        "evidence.region": "country calling code",
        "evidence.title": "title before the name",
        "evidence.signature": "signature",
        "evidence.role": "role before the name",
        "evidence.tied-place": "place tied to a person",
        "detector.column_hint": "column name",
        "detector.spacy_ner": "language analysis (spaCy)",
        "detector.sensitive_fr": "art. 9 lexicon",
        "max_score.help": "Max score: the highest confidence (0 to 1) a detector gave this type "
        "in this field; 1 = a validated value (check digits, an assigned number).",
        "art9.more": "{n} more conversations",
        "count.sample": "sample of {scanned} rows; ≈ {estimate} in all",
        "count.complete": "every row",
        "period.y": "year|years",
        "period.m": "month|months",
        "period.d": "day|days",
        "preset.prospects": "prospects",
        "preset.connection_logs": "connection logs",
        "preset.recorded_calls": "recorded calls",
        "preset.chats": "chats",
        "preset.applications": "job applications",
        "preset.invoices": "invoices",
        "detectors": "detectors",
        "hint": "column hint",
        "cat.identity": "Civil status, identity",
        "cat.official_id": "Identity documents",
        "cat.nir": "NIR (French social security no.)",
        "cat.contact": "Contact details",
        "cat.location": "Location",
        "cat.financial": "Bank and payment data",
        "cat.connection": "Connection data",
        "cat.business_id": "Business identifiers (sole traders)",
        "cat.other": "Other",
        "registre.containers": "Containers",
        "registre.fields": "Fields with personal data",
        "registre.rows": "Rows",
        "registre.sensitive": "Sensitive disclosures",
        "registre.retention": "Configured retention (expired)",
        "registre.entity_types": "Data types",
    },
}

ENTITY_LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "EMAIL_ADDRESS": "E-mail",
        "PHONE_NUMBER": "Téléphone",
        "FR_NIR": "N° de sécurité sociale (NIR)",
        "FR_SIREN": "SIREN",
        "FR_SIRET": "SIRET",
        "FR_VAT": "N° de TVA",
        "IBAN_CODE": "IBAN",
        "CREDIT_CARD": "Carte bancaire",
        "IP_ADDRESS": "Adresse IP",
        "PERSON": "Nom de personne",
        "ADDRESS": "Adresse postale",
        "LOCATION": "Lieu",
        "DATE_OF_BIRTH": "Date de naissance",
        "FR_CNI": "Carte d'identité",
        "FR_PASSPORT": "Passeport",
        "FR_NIF": "N° fiscal (SPI)",
        "FR_RPPS": "N° RPPS (professionnel de santé)",
        "FR_LICENSE_PLATE": "Plaque d'immatriculation",
        "FR_DRIVING_LICENSE": "N° de permis de conduire",
        "BE_NATIONAL_NUMBER": "N° de registre national belge",
        "CH_AVS": "N° AVS suisse",
        "ES_DNI": "DNI espagnol",
        "ES_NIE": "NIE espagnol",
        "IT_FISCAL_CODE": "Codice fiscale italien",
        "DE_TAX_ID": "Identifiant fiscal allemand (IdNr)",
        "PT_NIF": "NIF portugais",
        "LU_NATIONAL_ID": "Matricule national luxembourgeois",
        "NL_BSN": "BSN néerlandais",
        "SENSITIVE_HEALTH": "Santé",
        "SENSITIVE_RELIGION": "Religion",
        "SENSITIVE_SEXUAL_ORIENTATION": "Orientation sexuelle",
        "SENSITIVE_UNION": "Appartenance syndicale",
        "SENSITIVE_POLITICAL": "Opinions politiques",
        "SENSITIVE_ETHNIC": "Origine ethnique",
        "SENSITIVE_CRIMINAL": "Infractions, condamnations",
    },
    "en": {
        "EMAIL_ADDRESS": "E-mail",
        "PHONE_NUMBER": "Phone",
        "FR_NIR": "Social security no. (NIR)",
        "FR_SIREN": "SIREN",
        "FR_SIRET": "SIRET",
        "FR_VAT": "VAT no.",
        "IBAN_CODE": "IBAN",
        "CREDIT_CARD": "Payment card",
        "IP_ADDRESS": "IP address",
        "PERSON": "Person name",
        "ADDRESS": "Postal address",
        "LOCATION": "Place",
        "DATE_OF_BIRTH": "Date of birth",
        "FR_CNI": "Identity card",
        "FR_PASSPORT": "Passport",
        "FR_NIF": "French tax no. (SPI)",
        "FR_RPPS": "RPPS no. (health professional)",
        "FR_LICENSE_PLATE": "Vehicle registration plate",
        "FR_DRIVING_LICENSE": "Driving licence no.",
        "BE_NATIONAL_NUMBER": "Belgian national register no.",
        "CH_AVS": "Swiss AVS/AHV no.",
        "ES_DNI": "Spanish DNI",
        "ES_NIE": "Spanish NIE",
        "IT_FISCAL_CODE": "Italian codice fiscale",
        "DE_TAX_ID": "German tax ID (IdNr)",
        "PT_NIF": "Portuguese NIF",
        "LU_NATIONAL_ID": "Luxembourg national ID",
        "NL_BSN": "Dutch BSN",
        "SENSITIVE_HEALTH": "Health",
        "SENSITIVE_RELIGION": "Religion",
        "SENSITIVE_SEXUAL_ORIENTATION": "Sexual orientation",
        "SENSITIVE_UNION": "Trade union membership",
        "SENSITIVE_POLITICAL": "Political opinions",
        "SENSITIVE_ETHNIC": "Ethnic origin",
        "SENSITIVE_CRIMINAL": "Offences, convictions",
    },
}

Translator = Callable[[str], str]


def normalize_lang(lang: str | None) -> str:
    """Map ``fr_FR.UTF-8``, ``EN``, ``en-GB`` to a supported language code."""
    code = (lang or "").strip().lower()[:2]
    return code if code in LANGS else "fr"


def default_lang(environ: dict[str, str] | None = None) -> str:
    """The language the user's locale asks for.

    The POSIX variables are read in their order of precedence. A French locale
    gives ``fr``; another named language gives ``en``; ``C``, ``POSIX`` or nothing
    gives ``fr``, the language of the regulation this tool serves.
    """
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "").split(":")[0].strip()
        if not value:
            continue
        if value in ("C", "POSIX") or value.startswith(("C.", "POSIX.")):
            return "fr"
        return "fr" if value.lower().startswith("fr") else "en"
    return "fr"


def translator(lang: str) -> Translator:
    """Return ``t(key)`` for ``lang``; unknown keys fall back to French, then the key."""
    table = STRINGS[normalize_lang(lang)]
    french = STRINGS["fr"]

    def t(key: str) -> str:
        return table.get(key) or french.get(key) or key

    return t


def entity_label(entity: str, lang: str) -> str:
    """Human name of an entity type (``FR_NIR`` -> ``N° de sécurité sociale (NIR)``)."""
    return ENTITY_LABELS[normalize_lang(lang)].get(entity, entity)


def format_int(value: float | None, lang: str) -> str:
    """``12345`` -> ``12 345`` (fr, narrow no-break space) or ``12,345`` (en)."""
    if value is None:
        return "–"
    text = f"{int(value):,}"
    return text.replace(",", "\u202f") if normalize_lang(lang) == "fr" else text


def format_decimal(value: float | None, lang: str, digits: int = 2) -> str:
    """``0.85`` -> ``0,85`` (fr) or ``0.85`` (en)."""
    if value is None:
        return "–"
    text = f"{float(value):.{digits}f}"
    return text.replace(".", ",") if normalize_lang(lang) == "fr" else text


def format_period(period, lang: str) -> str:
    """A ``reports.retention.Period`` in words: ``3y`` -> ``3 ans``, ``1y6m`` -> ``1 an 6 mois``."""
    t = translator(lang)
    parts = []
    for number, unit in ((period.years, "y"), (period.months, "m"), (period.days, "d")):
        if number:
            one, many = t(f"period.{unit}").split("|")
            parts.append(f"{format_int(number, lang)} {one if number == 1 else many}")
    return " ".join(parts) or f"0 {t('period.d').split('|')[1]}"


def format_percent(ratio: float | None, lang: str) -> str:
    """``0.253`` -> ``25,3 %`` (fr) or ``25.3%`` (en)."""
    if ratio is None:
        return "–"
    number = format_decimal(float(ratio) * 100, lang, digits=1)
    return f"{number}\u202f%" if normalize_lang(lang) == "fr" else f"{number}%"


def format_duration(seconds: float | None, lang: str) -> str:
    """``133.4`` -> ``2 min 13 s``; ``4000`` -> ``1 h 6 min``."""
    if seconds is None:
        return "–"
    total = round(float(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    if float(seconds) < 10:
        return f"{format_decimal(float(seconds), lang, 1)} s"
    return f"{secs} s"
