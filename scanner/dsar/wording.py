"""The answer's words for places, records and links: what the person reads, not our internals.

``found by your phone number, which appears in another of your records (our customer
database)`` rather than ``by phone found in crm public.customers {"id":1}``. A configured
``label`` (``[sources.dsar]``) names a place; otherwise its kind, name and store do. The
words are the catalogue's (``kind.*``, ``place.*``, ``link.*``, ``position.*``).
"""

from __future__ import annotations

from fouille.scanner.core.i18n import translator
from fouille.scanner.dsar.disclosure import text_in
from fouille.scanner.dsar.records import Link, RecordRef


def kind_word(identifier: str, lang: str) -> str:
    """``email`` -> ``adresse e-mail``; an identifier type without words as it is."""
    return translator(lang).get(f"kind.{identifier}", identifier)


class Wording:
    """Words for one answer: the sources' kinds and configured labels, in one language."""

    def __init__(self, lang: str, kinds: dict[str, str], disclosures: dict):
        """``kinds``: source -> type; ``disclosures``: (source, container) -> ``dsar`` entry
        (the containers of the answer; a link's place elsewhere is looked up by the caller)."""
        self.lang = lang
        self.t = translator(lang)
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
        words = self.t.get(f"place.{kind}") or self.t("place.files")
        return words.format(name=name, source=source)

    def record(self, ref: RecordRef) -> str:
        """``ligne 3`` / ``n° 42`` / ``id 4, ligne 2``: the record within its place."""
        key = ref.key_dict()
        if len(key) == 1:
            name, value = next(iter(key.items()))
            words = self.t.get(f"position.{name}")
            return words.format(n=value) if words else f"n° {value}"
        return ", ".join(f"{name} {value}" for name, value in key.items())

    def link(self, link: Link) -> str:
        kind = kind_word(link.identifier, self.lang)
        place = self.place(link.via.source, link.via.container) if link.via else ""
        return self.t(f"link.{link.kind}").format(kind=kind, place=place)
