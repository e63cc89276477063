"""A place is personal data when it is tied to a person: where someone lives, was born, comes from.

``j'habite à Lyon``, ``née le 4 février 1981 à Dakar``, ``domicilié à Nantes``, ``originaire de
Porto``, ``Lieu de naissance : Brest``, ``Ville : Pau`` in a person's record. A city in an
organisation's name (``Université de Lyon``), a heading, a letter's date line (``Lyon, le 3 mai``,
``Fait à Lyon``) or a privacy policy is not. ``tie_before`` says whether the words before a
place tie it to a person; ``TIED_PLACE`` finds the places after such words that spaCy missed.
"""

from __future__ import annotations

import re

_UP = "A-ZÀ-ÖØ-Þ"
_CUE = (
    r"(?:j['’]?habite|habit(?:e|es|ent|ons|ez|ait|ant)|vi(?:s|t|vent|vons|vait|vant)"
    r"|r[ée]sid(?:e|es|ent|ons|ait|ant|ante)|demeurant|domicili[ée](?:e|s|es|\(e\))?"
    r"|n[ée](?:e|s|es|\(e\))?|originaires?|natif|native|install[ée](?:e|s|es|\(e\))?"
    r"|d[ée]m[ée]nag[ée](?:e|s|es|\(e\))?|d[ée]m[ée]nager|emm[ée]nag[ée](?:e|s|es|\(e\))?|(?:je )?suis de|venue? de"
    r"|h[ée]berg[ée](?:e|\(e\))?|d[ée]c[ée]d[ée](?:e|s|es|\(e\))?)"
)
# A field of a person's record that holds a place.
_FIELD = (
    r"(?i:(?<![\w])(?:lieu de naissance|ville(?: de naissance| de résidence)?|commune(?: de résidence)?"
    r"|localité|lieu de résidence|résidence)[ \t]*:)"
)
# A date or a few words between the cue and the preposition ("née le 3.2.1981 à", "vit depuis 2019 à").
_GAP = r"(?:[^\n.;:!?,]|\.(?=\d)|(?<=[a-zé])\.(?=[ \t]\d)){0,40}?"  # no comma: one clause
# The cue, then at most a few words (a date, "depuis 2019 à"), then the preposition.
TIE_BEFORE = re.compile(
    rf"(?i:(?<![\w]){_CUE}{_GAP}[ \t](?:à|a|au|aux|en|de|d['’]|du|sur))[ \t]*$"
    rf"|{_FIELD}[ \t]*$"
)
_CITY = (
    rf"(?:(?:Le|La|Les|L['’])[ \t]?)?[{_UP}][\w'’]*(?:-[\w'’]+){{0,4}}"
    r"(?:[ \t](?:sur|sous|en|lès|lez)[ \t\-][\w'’\-]{2,30})?"
)
TIED_PLACE = re.compile(
    rf"(?P<cue>(?i:(?<![\w]){_CUE}{_GAP}[ \t](?:à|a|au|en|de|d['’]|du))"
    rf"|{_FIELD})"
    rf"[ \t]*(?P<place>{_CITY})(?![\w])"
)
# After these, a capitalised word is a date line, a register or an organisation's place; and an
# organisation can be "née à Lyon" too.
NOT_TIED = re.compile(
    r"(?i:fait à|rcs|siège|agence|bureaux?|équipes?|hébergées?|serveurs?|magasin|boutique)[^\n]{0,15}$"
    r"|(?i:entreprise|société|marque|enseigne|start-up|association|groupe|usine|filiale)\b[^\n]{0,30}$"
)


def tie_before(text: str, start: int) -> bool:
    """Do the words just before ``start`` (same line, 60 characters) tie a place to a person?"""
    window = text[max(0, start - 60) : start]
    window = window.rsplit("\n", 1)[-1]
    return bool(TIE_BEFORE.search(window)) and not NOT_TIED.search(window)


def tied_places(text: str) -> list[tuple[int, int]]:
    """Spans of places the words before them tie to a person, found without the model."""
    spans = []
    for m in TIED_PLACE.finditer(text):
        if not NOT_TIED.search(text[max(0, m.start("place") - 60) : m.start("place")]):
            spans.append(m.span("place"))
    return spans
