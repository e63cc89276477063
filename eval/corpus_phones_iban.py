"""Phones, IBANs and French company / social-security numbers as people really write them (issue 15).

Documents: invoices, payslips, contracts, CAF and tax letters, lawyers' letters, fines, chats,
CRM exports and e-mail signatures. Phones in every grouping and separator (no-break and narrow
no-break spaces, dots, dashes, slashes), ``+33`` / ``0033`` / ``(+33)`` / ``(0)``, glued to a word,
overseas departments (national and ``+262``/``+590``...), French-shaped numbers outside the plan
(ARCEP fiction mobile blocks), foreign mobiles with ``+`` or named by a country word. IBANs of
SEPA and non-SEPA registry countries, of countries outside the registry (after IBAN/RIB), and
French ones whose RIB key is wrong (reported: labelled IBAN_CODE). Identifiers in their usual
layouts and spaced any way after the word that names them. About a third of the templates
are hard negatives: dates (``06 12 2023``), amounts with no-break thousands, time ranges,
order / parcel / tracking numbers, IBAN fragments, IP addresses, postcodes, account numbers.

    python -m eval.corpus_phones_iban --n 5     # print a few labelled examples
"""

from __future__ import annotations

from eval import values as v
from eval.corpus import Example, Filler, compose, show_examples

ENTITIES = ("PHONE_NUMBER", "IBAN_CODE", "FR_SIRET", "FR_SIREN", "FR_VAT", "FR_NIR")
TARGETS = {"PHONE_NUMBER": 0.97, "IBAN_CODE": 0.98, "FR_SIRET": 0.98, "FR_SIREN": 0.98,
           "FR_VAT": 0.98, "FR_NIR": 0.98}

POSITIVE_TEMPLATES = (
    # chats and e-mails
    "slt c'est {FIRST}, mon num a changé : {PHONE}",
    "vous pouvez me rappeler au {PHONE} svp, je suis dispo après 17h",
    "tu peux me joindre sur le {PHONE} ou sur mon fixe {PHONE}",
    "Je suis joignable au{GLUED}",
    "numéro perso {PHONE} (whatsapp aussi)",
    "Bonjour, je suis à La Réunion en ce moment, appelez-moi au {OVERSEAS}",
    "Mon portable en Guadeloupe : {OVERSEAS}",
    "Tél. Martinique {OVERSEAS} - merci de noter ce numéro",
    "mon ancien numéro {OUTSIDE} ne marche plus",
    "Appelez le {SPECIAL} (service gratuit).",
    "je vous donne mon portable {FOREIGN_NATIONAL}",
    "Contact à l'étranger : {FOREIGN}",
    "Mon numéro {COUNTRY_INTL}, je rentre en France le mois prochain.",
    "voici mon RIB pour le remboursement : {IBAN}",
    "Merci de faire le virement sur {IBAN} au nom de {NAME}.",
    "je vous envoie mon iban {IBAN_WORLD} pour le remboursement",
    "mon RIB marocain : {IBAN_UNREG}",
    # e-mail signatures and CRM exports
    "{NAME}\nResponsable clientèle\nTél : {PHONE}\nMobile : {PHONE}",
    "Cordialement,\n{NAME}\nT. {PHONE} | P. {PHONE}",
    "{NAME} - {ORG}\nStandard : {PHONE} - Fax : {PHONE}",
    "id;nom;tel;iban\n{TICKET};{NAME};{PHONE};{IBAN}",
    "{NAME};{PHONE};{EMAILISH};{CITY}",
    "Contact: {NAME} / tel:{PHONE_RAW} / {CITY}",
    # invoices and contracts
    "FACTURE N° F-{YEAR}-{TICKET}\n{ORG} - SIRET {SIRET} - TVA {VAT}\nTél. {PHONE}",
    "{ORG}, SAS au capital de 10 000 €, RCS {CITY} {SIREN}, TVA intracommunautaire {VAT}",
    "Règlement par virement : IBAN {IBAN} - BIC {BIC}",
    "Coordonnées bancaires du fournisseur : {IBAN_SEPA}",
    "Entre les soussignés : {ORG}, immatriculée sous le numéro SIREN {SIREN}, ci-après le Prestataire.",
    "Le locataire {NAME}, joignable au {PHONE}, verse le loyer sur le compte {IBAN}.",
    "SIRET {SIRET_ODD} (établissement principal)",
    "N° TVA : {VAT_ODD}",
    "SIREN : {SIREN_ODD}",
    "Siège : {ORG}, SIRET : {SIRET}, n° TVA {VAT}",
    # payslips, CAF, tax, fines, lawyers
    "BULLETIN DE PAIE\nSalarié : {NAME}\nN° de sécurité sociale : {NIR}\nVirement sur {IBAN}",
    "N° sécu {NIR_ODD} - merci de vérifier",
    "Allocataire {NAME}, NIR {NIR}, téléphone {PHONE}",
    "CAF de {CITY} - pour toute question : {SPECIAL}\nVotre numéro de sécurité sociale : {NIR}",
    "Avis d'impôt : remboursement sur le compte {IBAN}. Contact : {PHONE}",
    "Maître {LAST}, avocat au barreau de {CITY}, tél. {PHONE}, CARPA IBAN {IBAN}",
    "Avis de contravention : paiement possible par virement {IBAN} ou au {SPECIAL}",
    "Mon numéro de sécu c'est le {NIR_ODD}",
    "Employeur {ORG}, SIRET {SIRET}, URSSAF tél {PHONE}",
    "Le débiteur {NAME} ({PHONE}) domicilié à {CITY}, compte {IBAN_WORLD}",
    "Prélèvement SEPA au profit de {ORG} sur {IBAN}, pour tout litige : {PHONE}",
    "Transfert reçu de {IBAN_WORLD} pour le compte de {NAME}",
    "Relevé d'identité bancaire\nTitulaire : {NAME}\nIBAN : {IBAN}\nBIC : {BIC}",
    "IBAN {IBAN_RIBKEY} (saisi par le client)",
)
NEGATIVE_TEMPLATES = (
    "Rendez-vous le {DATE_SPACED} à {TIME}.",
    "Créneau de livraison : {TIME_RANGE}, le {DATE}.",
    "Montant total : {AMOUNT_NBSP}, réglé le {DATE}.",
    "Commande n° {ORDER} expédiée, colis {PARCEL}.",
    "Suivi de votre colis : {TRACKING}",
    "Facture {INVOICE} du {DATE} : {AMOUNT_NBSP}",
    "Les premiers chiffres {IBANFRAG} ne suffisent pas à identifier le compte.",
    "IBAN {BADIBAN} refusé par la banque.",
    "RIB marocain erroné : {BADIBAN_UNREG}",
    "Connexion depuis {IP} le {DATE_SPACED}.",
    "Agence : 12 rue de la Gare, {POSTCODE} {CITY}, ouverte de {TIME_RANGE}.",
    "Compte n° {ACCOUNT} clé {KEY}, agence {BRANCH}.",
    "Numéro de compte client : {ORDER}",
    "Référence dossier {REF10}, à rappeler dans toute correspondance.",
    "Ticket #{TICKET} ouvert le {DATE_SPACED} à {TIME}.",
    "Contrat n° {REF10} signé le {DATE}.",
    "Période du {DATE_SPACED} au {DATE_SPACED}.",
    "Solde au {DATE} : {AMOUNT_NBSP} ; découvert autorisé {AMOUNT_NBSP}.",
    "Numéro de série {SERIAL}, lot {TICKET}.",
    "Version {VERSION} déployée sur le serveur {IP}.",
    "Avis de contravention n° {FINE}, montant {AMOUNT_NBSP}.",
    "Numéro fiscal : voir votre avis {DATE_SPACED}.",
    "Réf. {ODD_DIGITS} (commande groupée)",
    "SIRET invalide saisi : {BADSIRET}",
    "TVA {BADVAT} rejetée.",
    "Numéro de sécurité sociale erroné : {BADNIR}",
    "Colis {REF10} livré le {DATE_SPACED} entre {TIME_RANGE}.",
    "Horaires : lun-ven {TIME_RANGE}, sam {TIME_RANGE}.",
    "BIC {BIC} - code banque {BRANCH} - guichet {BRANCH}",
    "Trop court : {SHORT_PHONE}, trop long : {LONG_DIGITS}.",
    "Transaction {TRANSACTION} acceptée le {DATE}.",
    "Numéro allocataire {ALLOC}, dossier du {DATE_SPACED}.",
)


class PhonesIbanFiller(Filler):
    """The base corpus's filler with the slots of this corpus."""

    def segments(self, slot: str) -> list[tuple[str, str | None]]:
        r, f = self.rng, self.fake
        if slot in _SLOTS:
            return _SLOTS[slot](self, r)
        if slot == "NAME":
            return [(f"{f.first_name()} {f.last_name()}", None)]
        if slot in ("FIRST", "LAST"):
            return [(f.first_name() if slot == "FIRST" else f.last_name(), None)]
        if slot == "ORG":
            return [(f"{f.last_name()} {r.choice(('SARL', 'SAS', 'SA', 'EURL'))}", None)]
        if slot == "CITY":
            return [(r.choice(("Paris", "Lyon", "Saint-Denis", "Pointe-à-Pitre", "Cayenne", "Nantes")), None)]
        if slot == "EMAILISH":
            return [(f"{f.first_name().lower()}@example.com", None)]
        raise KeyError(slot)


def _phone(filler: PhonesIbanFiller, r) -> list[tuple[str, str | None]]:
    kind = r.random()
    if kind < 0.55:
        return [(v.show_national(r, v.fiction_national(r)), "PHONE_NUMBER")]
    if kind < 0.8:
        return [(v.show_international(r, "33", v.fiction_national(r)[1:]), "PHONE_NUMBER")]
    if kind < 0.9:
        national, code = v.overseas_national(r)
        shown = v.show_national(r, national) if r.random() < 0.6 else v.show_international(r, code, national[1:])
        return [(shown, "PHONE_NUMBER")]
    return [(v.foreign_phone(r, r.choice(v.FOREIGN_REGIONS)[0]), "PHONE_NUMBER")]


def _overseas(filler, r):
    national, code = v.overseas_national(r)
    shown = v.show_national(r, national) if r.random() < 0.7 else v.show_international(r, code, national[1:])
    return [(shown, "PHONE_NUMBER")]


def _outside(filler, r):
    national = v.outside_plan_national(r)
    sep = r.choice((" ", ".", "-", "\u00a0"))  # laid out: a phone layout stands without context
    return [(v.space_groups(national, r.choice(((2, 2, 2, 2, 2), (4, 2, 2, 2))), sep), "PHONE_NUMBER")]


def _foreign_national(filler, r):
    region, adjective = r.choice(v.FOREIGN_REGIONS[:4] + tuple(x for x in v.FOREIGN_REGIONS if x[0] in ("DE", "GB")))
    return [(f"{adjective} ", None), (v.foreign_phone(r, region, national_format=True), "PHONE_NUMBER")]


def _country_intl(filler, r):
    region, adjective = r.choice(v.FOREIGN_REGIONS)
    return [(f"{adjective} ", None), (v.foreign_phone(r, region), "PHONE_NUMBER")]


def _glued(filler, r):
    national = v.fiction_national(r)
    return [(v.show_national(r, national) if r.random() < 0.5 else national, "PHONE_NUMBER")]


def _iban(filler, r):
    kind = r.random()
    if kind < 0.5:
        number = v.iban_number(r)
    elif kind < 0.7:
        number = v.registry_iban(r, r.choice(v.SEPA_IBAN_COUNTRIES))
    else:
        number = v.registry_iban(r, r.choice(v.OTHER_IBAN_COUNTRIES))
    return [(v.show_iban_any(r, number), "IBAN_CODE")]


def _bad_iban(filler, r):
    number = v.iban_number(r, valid=False) if r.random() < 0.5 else v.registry_iban(r, r.choice(v.OTHER_IBAN_COUNTRIES))
    if number[:2] != "FR":
        number = number[:-1] + str((int(number[-1]) + 1) % 10) if number[-1].isdigit() else number[:-1] + "0"
    return [(v.show_iban_any(r, number), None)]


def _bad_unregistered(filler, r):
    number = v.unregistered_iban(r, "MA")
    return [(v.show_iban_any(r, number[:-1] + str((int(number[-1]) + 1) % 10)), None)]


def _date_spaced(filler, r):
    d, m, y = r.randint(1, 28), r.randint(1, 12), r.randint(2019, 2026)
    return [(r.choice((f"{d:02d} {m:02d} {y}", f"{d:02d}/{m:02d}/{y}", f"{d:02d}.{m:02d}.{y}",
                       f"{d:02d}-{m:02d}-{y}", f"{y}-{m:02d}-{d:02d}", f"{d:02d}\u00a0{m:02d}\u00a0{y}")), None)]


THOUSANDS = (" ", "\u00a0", "\u202f", ".")  # thousands separators of French amounts


def _amount(filler, r):
    big = f"{r.randint(1, 9)}{r.choice(THOUSANDS)}{r.randint(100, 999)}"
    bigger = f"{big}{r.choice(THOUSANDS[:3])}{r.randint(100, 999)}"
    return [(f"{r.choice((big, bigger))},{r.randint(0, 99):02d} {r.choice(('€', 'EUR', ''))}".strip(), None)]


def _time_range(filler, r):
    a, b = r.randint(7, 13), r.randint(14, 20)
    return [(r.choice((f"{a}h30-{b}h00", f"{a:02d}h00 - {b:02d}h30", f"{a:02d}:00-{b:02d}:30",
                       f"{a}h-{b}h", f"{a:02d}h30/{b:02d}h")), None)]


def _digits_value(make):
    return lambda filler, r: [(make(r), None)]


_SLOTS = {
    "PHONE": _phone,
    "PHONE_RAW": lambda filler, r: [(v.fiction_national(r), "PHONE_NUMBER")],
    "GLUED": _glued,
    "OVERSEAS": _overseas,
    "OUTSIDE": _outside,
    "SPECIAL": lambda filler, r: [(v.show_national(r, v.special_national(r)) if r.random() < 0.6
                                   else v.space_groups(v.special_national(r), (1, 3, 2, 2, 2)), "PHONE_NUMBER")],
    "FOREIGN_NATIONAL": _foreign_national,
    "FOREIGN": lambda filler, r: [(v.foreign_phone(r, r.choice(v.FOREIGN_REGIONS)[0]), "PHONE_NUMBER")],
    "COUNTRY_INTL": _country_intl,
    "IBAN": _iban,
    "IBAN_SEPA": lambda filler, r: [(v.show_iban_any(r, v.registry_iban(r, r.choice(v.SEPA_IBAN_COUNTRIES))), "IBAN_CODE")],
    "IBAN_WORLD": lambda filler, r: [(v.show_iban_any(r, v.registry_iban(r, r.choice(v.OTHER_IBAN_COUNTRIES))), "IBAN_CODE")],
    "IBAN_UNREG": lambda filler, r: [(v.show_iban_any(r, v.unregistered_iban(r, r.choice(list(v.UNREGISTERED_IBAN_BBAN)))), "IBAN_CODE")],
    "IBAN_RIBKEY": lambda filler, r: [(v.show_iban_any(r, v.rib_mismatch_iban(r)), "IBAN_CODE")],
    "BADIBAN": _bad_iban,
    "BADIBAN_UNREG": _bad_unregistered,
    "IBANFRAG": _digits_value(lambda r: " ".join(v.digits(r, 4) for _ in range(3))),
    "SIRET": lambda filler, r: [(v.show_siret(r, v.siret_number(r)), "FR_SIRET")],
    "SIRET_ODD": lambda filler, r: [(v.spaced_oddly(r, v.siret_number(r)), "FR_SIRET")],
    "SIREN": lambda filler, r: [(v.show_siren(r, v.siren_number(r)), "FR_SIREN")],
    "SIREN_ODD": lambda filler, r: [(v.spaced_oddly(r, v.siren_number(r)), "FR_SIREN")],
    "VAT": lambda filler, r: [(v.show_vat(r, v.vat_number(r)), "FR_VAT")],
    "VAT_ODD": lambda filler, r: [(v.vat_number(r)[:2] + " " + v.spaced_oddly(r, v.vat_number(r)[2:]), "FR_VAT")],
    "NIR": lambda filler, r: [(v.show_nir(r, v.nir_number(r)), "FR_NIR")],
    "NIR_ODD": lambda filler, r: [(v.spaced_oddly(r, v.nir_number(r)), "FR_NIR")],
    "BADSIRET": _digits_value(lambda r: v.show_siret(r, v.siret_number(r, valid=False))),
    "BADVAT": _digits_value(lambda r: v.show_vat(r, v.vat_number(r, valid=False))),
    "BADNIR": _digits_value(lambda r: v.show_nir(r, v.nir_number(r, valid=False))),
    "ODD_DIGITS": _digits_value(lambda r: v.spaced_oddly(r, v.siret_number(r))),
    "BIC": _digits_value(lambda r: r.choice(("BNPAFRPPXXX", "AGRIFRPP882", "CCBPFRPPNAN", "SOGEFRPP"))),
    "DATE_SPACED": _date_spaced,
    "DATE": _date_spaced,
    "TIME": _digits_value(lambda r: f"{r.randint(0, 23):02d}{r.choice((':', 'h'))}{r.randint(0, 59):02d}"),
    "TIME_RANGE": _time_range,
    "AMOUNT_NBSP": _amount,
    "ORDER": _digits_value(lambda r: r.choice((f"CMD-{v.digits(r, 8)}", f"{r.randint(2019, 2026)}-{v.digits(r, 4)}-{v.digits(r, 4)}",
                                                 "0" + v.digits(r, 9), v.digits(r, 12)))),
    "PARCEL": _digits_value(lambda r: r.choice((f"6A{v.digits(r, 11)}", f"8R{v.digits(r, 11)}", f"XY{v.digits(r, 9)}FR",
                                                  "0" + v.digits(r, 9)))),
    "TRACKING": _digits_value(lambda r: r.choice((f"1Z{v.digits(r, 16)}", f"0{v.digits(r, 3)} {v.digits(r, 4)} {v.digits(r, 4)} {v.digits(r, 2)}",
                                                    f"{v.digits(r, 4)} {v.digits(r, 4)} {v.digits(r, 4)}"))),
    "INVOICE": _digits_value(lambda r: r.choice((f"F-{r.randint(2019, 2026)}-0{v.digits(r, 5)}", f"n° 0{v.digits(r, 9)}"))),
    "IP": _digits_value(v.ipv4),
    "POSTCODE": _digits_value(lambda r: r.choice(("06000", "01000", "09100", "97400", "97110", "75001"))),
    "ACCOUNT": _digits_value(lambda r: "000" + v.digits(r, 8)),
    "KEY": _digits_value(lambda r: v.digits(r, 2)),
    "BRANCH": _digits_value(lambda r: v.digits(r, 5)),
    "REF10": _digits_value(lambda r: "0" + v.digits(r, 9)),
    "TICKET": _digits_value(lambda r: v.digits(r, 6)),
    "YEAR": _digits_value(lambda r: str(r.randint(2019, 2026))),
    "SERIAL": _digits_value(lambda r: f"SN-0{v.digits(r, 9)}"),
    "VERSION": _digits_value(lambda r: f"{r.randint(1, 12)}.{r.randint(0, 9)}.{r.randint(0, 20)}"),
    "FINE": _digits_value(lambda r: str(r.randint(1, 9)) + v.digits(r, 9)),
    "SHORT_PHONE": _digits_value(lambda r: v.space_groups(v.fiction_national(r)[:8], (2, 2, 2, 2))),
    "LONG_DIGITS": _digits_value(lambda r: v.space_groups(v.fiction_national(r) + v.digits(r, 2), (2, 2, 2, 2, 2, 2))),
    "TRANSACTION": _digits_value(lambda r: f"TX{v.digits(r, 12)}"),
    "ALLOC": _digits_value(lambda r: v.digits(r, 7)),
}


def generate(n: int = 800, seed: int = 7) -> list[Example]:
    """``n`` labelled texts of 1-3 templates; about one template in three is a hard negative."""
    return compose(PhonesIbanFiller(seed), n, "p", POSITIVE_TEMPLATES, NEGATIVE_TEMPLATES,
                   lambda text, rng: "\n")


def main() -> None:
    show_examples(generate, __doc__)


if __name__ == "__main__":
    main()
