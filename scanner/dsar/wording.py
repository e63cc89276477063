"""The answer's words for places, records and links: what the person reads, not our internals.

``found by your phone number, which appears in another of your records (our customer
database)`` rather than ``by phone found in crm public.customers {"id":1}``. A configured
``label`` (``[sources.dsar]``) names a place; otherwise its kind, name and store do.
"""

from __future__ import annotations

from scanner.dsar.disclosure import text_in
from scanner.dsar.records import Link, RecordRef

KIND_WORDS = {
    "fr": {
        "email": "adresse e-mail",
        "phone": "numéro de téléphone",
        "NIR": "numéro de sécurité sociale",
        "IBAN": "IBAN",
        "card number": "numéro de carte bancaire",
        "identity card number": "numéro de carte d'identité",
        "passport number": "numéro de passeport",
    },
    "en": {
        "email": "e-mail address",
        "phone": "phone number",
        "NIR": "social security number",
        "IBAN": "IBAN",
        "card number": "card number",
        "identity card number": "identity card number",
        "passport number": "passport number",
    },
}
PLACE_WORDS = {
    "fr": {
        "postgres": "la table « {name} » de la base « {source} »",
        "files": "le fichier « {name} » (« {source} »)",
        "s3": "le fichier « {name} » du stockage « {source} »",
        "chatlogs": "les conversations « {name} » (« {source} »)",
    },
    "en": {
        "postgres": "the “{name}” table of the “{source}” database",
        "files": "the file “{name}” (“{source}”)",
        "s3": "the file “{name}” in the “{source}” storage",
        "chatlogs": "the conversations “{name}” (“{source}”)",
    },
}
LINK_WORDS = {
    "fr": {
        "typed": "trouvé grâce à votre {kind}",
        "identifier": "trouvé grâce à votre {kind}, qui figure dans un autre de vos "
        "enregistrements ({place})",
        "foreign_key": "rattaché à un autre de vos enregistrements ({place})",
    },
    "en": {
        "typed": "found by your {kind}",
        "identifier": "found by your {kind}, which appears in another of your records ({place})",
        "foreign_key": "linked to another of your records ({place})",
    },
}
POSITION_WORDS = {
    "fr": {"line": "ligne {n}", "row": "ligne {n}", "index": "élément {n}"},
    "en": {"line": "line {n}", "row": "row {n}", "index": "item {n}"},
}


class Wording:
    """Words for one answer: the sources' kinds and configured labels, in one language."""

    def __init__(self, lang: str, kinds: dict[str, str], disclosures: dict):
        """``kinds``: source -> type; ``disclosures``: (source, container) -> ``dsar`` entry
        (the containers of the answer; a link's place elsewhere is looked up by the caller)."""
        self.lang = lang
        self.kinds = kinds
        self.disclosures = disclosures

    def place(self, source: str, container: str) -> str:
        """``notre base clients — customers`` (a source-wide label names the table too)."""
        kind = self.kinds.get(source, "files")
        name = container.split(".", 1)[-1] if kind == "postgres" else container
        disclosure = self.disclosures.get((source, container), {})
        label = " ".join(text_in(disclosure.get("label"), self.lang))
        if label:
            return label if disclosure.get("container") else f"{label} — {name}"
        return (
            PLACE_WORDS[self.lang]
            .get(kind, PLACE_WORDS[self.lang]["files"])
            .format(name=name, source=source)
        )

    def record(self, ref: RecordRef) -> str:
        """``ligne 3`` / ``n° 42`` / ``id 4, ligne 2``: the record within its place."""
        key = ref.key_dict()
        positions = POSITION_WORDS[self.lang]
        if len(key) == 1:
            name, value = next(iter(key.items()))
            return positions[name].format(n=value) if name in positions else f"n° {value}"
        return ", ".join(f"{name} {value}" for name, value in key.items())

    def link(self, link: Link) -> str:
        kind = KIND_WORDS[self.lang].get(link.identifier, link.identifier)
        place = self.place(link.via.source, link.via.container) if link.via else ""
        return LINK_WORDS[self.lang][link.kind].format(kind=kind, place=place)
