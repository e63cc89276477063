"""Column names that hint at an entity: French and English, folded, token-matched.

``hint_for("Date_Naissance")`` -> ``DATE_OF_BIRTH``; ``hint_for("nom_produit")`` -> ``None``.
A hint never makes a finding on its own: it raises a candidate's score, lets
context-dependent detectors fire (a bare 9-digit SIREN), and lets the hinted-value
detector accept names, cities and dates that have no pattern of their own.
"""

from __future__ import annotations

import re
import unicodedata

FREE_TEXT = "FREE_TEXT"

# Most specific first: the first entry whose tokens occur in the name wins.
HINTS: tuple[tuple[str, str], ...] = (
    ("nom_produit", ""), ("nom_fichier", ""), ("nom_societe", ""), ("nom_entreprise", ""),
    ("raison_sociale", ""), ("product_name", ""), ("file_name", ""), ("company_name", ""),
    ("user_agent", ""), ("nom_ville", "LOCATION"), ("nom_commune", "LOCATION"),
    ("date_naissance", "DATE_OF_BIRTH"), ("date_de_naissance", "DATE_OF_BIRTH"),
    ("birth_date", "DATE_OF_BIRTH"), ("date_of_birth", "DATE_OF_BIRTH"),
    ("birthdate", "DATE_OF_BIRTH"), ("naissance", "DATE_OF_BIRTH"), ("dob", "DATE_OF_BIRTH"),
    ("ddn", "DATE_OF_BIRTH"), ("ne_le", "DATE_OF_BIRTH"),
    ("adresse_ip", "IP_ADDRESS"), ("ip_address", "IP_ADDRESS"), ("remote_addr", "IP_ADDRESS"),
    ("client_ip", "IP_ADDRESS"), ("ip", "IP_ADDRESS"),
    ("adresse_mail", "EMAIL_ADDRESS"), ("adresse_email", "EMAIL_ADDRESS"),
    ("email", "EMAIL_ADDRESS"), ("e_mail", "EMAIL_ADDRESS"), ("courriel", "EMAIL_ADDRESS"),
    ("mail", "EMAIL_ADDRESS"), ("mel", "EMAIL_ADDRESS"),
    ("code_postal", "LOCATION"), ("postal_code", "LOCATION"), ("postcode", "LOCATION"),
    ("zipcode", "LOCATION"), ("zip", "LOCATION"), ("cp", "LOCATION"), ("ville", "LOCATION"),
    ("city", "LOCATION"), ("commune", "LOCATION"), ("localite", "LOCATION"),
    ("adresse", "ADDRESS"), ("address", "ADDRESS"), ("addr", "ADDRESS"), ("rue", "ADDRESS"),
    ("street", "ADDRESS"), ("voie", "ADDRESS"),
    # Other identifiers of people (issue 15): before the generic tokens (carte, nif) they share.
    ("nif_pt", "PT_NIF"), ("contribuinte", "PT_NIF"), ("nipc", "PT_NIF"),
    ("numero_fiscal", "FR_NIF"), ("num_fiscal", "FR_NIF"), ("no_fiscal", "FR_NIF"),
    ("identifiant_fiscal", "FR_NIF"), ("nif", "FR_NIF"), ("spi", "FR_NIF"),
    ("carte_grise", "FR_LICENSE_PLATE"), ("immatriculation", "FR_LICENSE_PLATE"),
    ("immat", "FR_LICENSE_PLATE"), ("plaque", "FR_LICENSE_PLATE"),
    ("license_plate", "FR_LICENSE_PLATE"), ("licence_plate", "FR_LICENSE_PLATE"),
    ("plate", "FR_LICENSE_PLATE"),
    ("permis_conduire", "FR_DRIVING_LICENSE"), ("num_permis", "FR_DRIVING_LICENSE"),
    ("numero_permis", "FR_DRIVING_LICENSE"), ("permis", "FR_DRIVING_LICENSE"),
    ("neph", "FR_DRIVING_LICENSE"), ("driving_licence", "FR_DRIVING_LICENSE"),
    ("driving_license", "FR_DRIVING_LICENSE"), ("driver_license", "FR_DRIVING_LICENSE"),
    ("rpps", "FR_RPPS"),
    ("registre_national", "BE_NATIONAL_NUMBER"), ("numero_national", "BE_NATIONAL_NUMBER"),
    ("niss", "BE_NATIONAL_NUMBER"), ("rijksregisternummer", "BE_NATIONAL_NUMBER"),
    ("insz", "BE_NATIONAL_NUMBER"),
    ("avs", "CH_AVS"), ("ahv", "CH_AVS"), ("navs", "CH_AVS"),
    ("dni", "ES_DNI"), ("nie", "ES_NIE"),
    ("codice_fiscale", "IT_FISCAL_CODE"), ("codicefiscale", "IT_FISCAL_CODE"),
    ("cod_fiscale", "IT_FISCAL_CODE"),
    ("steuer_id", "DE_TAX_ID"), ("steuerid", "DE_TAX_ID"), ("steuer_idnr", "DE_TAX_ID"),
    ("idnr", "DE_TAX_ID"), ("steueridentifikationsnummer", "DE_TAX_ID"),
    ("matricule_lu", "LU_NATIONAL_ID"), ("matricule_luxembourg", "LU_NATIONAL_ID"),
    ("matricule_national", "LU_NATIONAL_ID"), ("matricule_cns", "LU_NATIONAL_ID"),
    ("bsn", "NL_BSN"), ("burgerservicenummer", "NL_BSN"), ("sofinummer", "NL_BSN"),
    ("num_secu", "FR_NIR"), ("numero_secu", "FR_NIR"), ("securite_sociale", "FR_NIR"),
    ("secu", "FR_NIR"), ("nir", "FR_NIR"), ("num_ss", "FR_NIR"), ("insee", "FR_NIR"),
    ("siret", "FR_SIRET"), ("siren", "FR_SIREN"), ("tva_intra", "FR_VAT"), ("num_tva", "FR_VAT"),
    ("tva", "FR_VAT"), ("vat", "FR_VAT"), ("iban", "IBAN_CODE"), ("rib", "IBAN_CODE"),
    ("numero_carte", "CREDIT_CARD"), ("card_number", "CREDIT_CARD"), ("carte", "CREDIT_CARD"),
    ("cb", "CREDIT_CARD"), ("pan", "CREDIT_CARD"),
    ("carte_identite", "FR_CNI"), ("piece_identite", "FR_CNI"), ("cni", "FR_CNI"),
    ("passeport", "FR_PASSPORT"), ("passport", "FR_PASSPORT"),
    ("telephone", "PHONE_NUMBER"), ("tel", "PHONE_NUMBER"), ("phone", "PHONE_NUMBER"),
    ("portable", "PHONE_NUMBER"), ("mobile", "PHONE_NUMBER"), ("gsm", "PHONE_NUMBER"),
    ("fixe", "PHONE_NUMBER"), ("fax", "PHONE_NUMBER"),
    ("prenom", "PERSON"), ("first_name", "PERSON"), ("firstname", "PERSON"),
    ("last_name", "PERSON"), ("lastname", "PERSON"), ("surname", "PERSON"),
    ("given_name", "PERSON"), ("full_name", "PERSON"), ("nom_famille", "PERSON"),
    ("nom_usage", "PERSON"), ("nom", "PERSON"), ("name", "PERSON"), ("titulaire", "PERSON"),
    ("notes", FREE_TEXT), ("note", FREE_TEXT), ("commentaire", FREE_TEXT),
    ("commentaires", FREE_TEXT), ("comment", FREE_TEXT), ("comments", FREE_TEXT),
    ("message", FREE_TEXT), ("description", FREE_TEXT), ("texte", FREE_TEXT), ("text", FREE_TEXT),
    ("body", FREE_TEXT), ("contenu", FREE_TEXT), ("remarque", FREE_TEXT),
    ("remarques", FREE_TEXT), ("observations", FREE_TEXT),
)


def fold(text: str) -> str:
    """Lower-case and strip accents (``Sécu`` -> ``secu``), for matching words."""
    if text.isascii():
        return text.lower()  # nothing to strip: the common case, ten times faster
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(column: str) -> list[str]:
    """``DateNaissance`` / ``date-naissance`` / ``user.Date_Naissance`` -> ``['date', 'naissance']``.

    For a JSON path only the last segment counts (``user.email`` -> ``['email']``).
    """
    last = re.split(r"[.\[\]]+", column.strip(".[]"))[-1] if column else ""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", "_", last)
    return [t for t in re.split(r"[^a-z0-9]+", fold(spaced)) if t]


def hint_for(column: str) -> str | None:
    """The entity (or ``FREE_TEXT``) a column name suggests, else ``None``."""
    name = "_" + "_".join(tokens(column)) + "_"
    for phrase, entity in HINTS:
        if f"_{phrase}_" in name:
            return entity or None
    return None
