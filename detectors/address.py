"""ADDRESS: French postal addresses, one span from the street number to the postcode and city.

``12 bis, rue de la Paix, Bât. B, 75002 Paris`` is one ADDRESS. Three shapes, scored
by how much of an address they show:

- number + street type + name (+ complements) + postcode + city: 0.9;
- street type + name + postcode + city (no number), or number + street without postcode: 0.7;
- postcode + city alone (``75002 Paris``): 0.6, vetoed when the "city" is a unit or a word
  that follows amounts (``15000 Euros``).

Every part is bounded (no unbounded repetition), so junk input cannot make the regex
backtrack for long.
"""

from __future__ import annotations

import re

from fouille.detectors import masking
from fouille.detectors.base import Match, TextDetector, fold

STREET_TYPES = (
    "rue", "avenue", "av.", "av", "bd", "bd.", "boulevard", "chemin", "ch.", "allée", "allee",
    "impasse", "imp.", "r.", "place", "pl.", "quai", "route", "rte", "lieu-dit", "lieudit", "cours",
    "square", "passage", "voie", "résidence", "residence", "chaussée", "sentier", "hameau",
    "faubourg", "fg", "rond-point", "esplanade", "parvis", "promenade", "villa", "cité", "cite",
    "montée", "ruelle", "venelle", "traverse", "domaine", "lotissement", "zac", "za",
)
_TYPE = "|".join(re.escape(t) for t in sorted(STREET_TYPES, key=len, reverse=True))
_NUMBER = r"\d{1,4}(?:\s?(?:bis|ter|quater|[A-Da-d])(?![\w]))?"
_STREET = rf"(?i:{_TYPE})(?![\w])[ \t]+[^\W\d][^\n\d,;:()]{{0,58}}"
_COMPLEMENT = (
    r"(?:,?[ \t]*(?:\d{1,2}(?i:er|e|ème|eme)[ \t]+(?i:étage|etage)(?![\w])"
    r"|(?i:bât(?:iment)?\.?|bat\.?|appartement|appt?\.?|étage|etage|escalier|esc\.?"
    r"|porte|résidence|residence|bp|cs|lot)[ \t]+[^\n,;]{1,30})){0,3}"
)
_POSTCODE = r"(?:0[1-9]|[1-8]\d|9[0-8])\d{3}"
_CITY_WORD = r"[A-ZÉÈÊÎÂÔ][\w'’]*(?:-[\w'’]+){0,4}"
_CITY = (
    rf"(?:(?:Saint|Sainte|St|Ste|Le|La|Les|L')[ \-']?)?{_CITY_WORD}"
    r"(?:[ \-](?:sur|sous|en|lès|lez|les|le|la)[ \-][\w'’\-]{2,30})?"
    r"(?:[ \t]+(?i:cedex)(?:[ \t]+\d{1,2})?)?"
)
_TAIL = rf"[,\s]{{1,4}}{_POSTCODE}[ \t]+{_CITY}"

ADDRESS_RE = re.compile(
    rf"(?<![\w])(?P<full>{_NUMBER},?[ \t]+{_STREET}{_COMPLEMENT}{_TAIL})(?![\w])"
    rf"|(?<![\w])(?P<nonumber>{_STREET}{_COMPLEMENT}{_TAIL})(?![\w])"
    rf"|(?<![\w])(?P<street>{_NUMBER},?[ \t]+{_STREET})"
    rf"|(?<![\w\-/.,])(?<!\d )(?P<city>{_POSTCODE}[ \t]+{_CITY})(?![\w])"
)
SCORES = {"full": 0.9, "nonumber": 0.7, "street": 0.7, "city": 0.6}
# "15000 Euros", "75000 Habitants": words that follow numbers, not postcodes.
NOT_CITIES = frozenset(
    ["euro", "euros", "eur", "habitants", "clients", "personnes", "salaries", "utilisateurs", "km", "m2", "visiteurs", "exemplaires", "pieces", "unites", "points", "abonnes", "commandes", "dollars", "usd", "francs"]
)
_TRAILING = " \t,;.-"


class AddressDetector(TextDetector):
    name = "address"
    entities = ("ADDRESS",)
    prefilter = r"\d{5}\s+[A-Z]|(?i:\b(?:rue|avenue|bd|boulevard|chemin|all[ée]e|impasse|place|quai|route|lieu-dit)\b)"
    positive_examples = (
        "Livraison au 12 bis, rue de la Paix, 75002 Paris avant midi",
        "j'habite 4 avenue Jean Jaurès\n69007 Lyon",
        "adresse : rue Chauvin, 19136 Cohen",
        "bureau à 75002 Paris",
    )
    negative_examples = (
        "le budget est de 15000 Euros",
        "la rue est fermée",
        "commande 75002",
    )

    def find(self, text: str, hint: str | None = None) -> list[Match]:
        if not text:
            return []
        matches = []
        for m in ADDRESS_RE.finditer(text):
            kind = m.lastgroup
            start, end = m.span(kind)
            value = text[start:end].rstrip(_TRAILING)
            end = start + len(value)
            if kind == "city" and fold(value.split()[1]) in NOT_CITIES:
                continue
            score = SCORES[kind]
            evidence = ["pattern", f"shape:{kind}"]
            if hint == "ADDRESS":
                score, evidence = min(1.0, score + 0.1), evidence + ["column-name"]
            matches.append(
                Match(
                    start=start,
                    end=end,
                    entity="ADDRESS",
                    score=score,
                    detector=self.name,
                    evidence=tuple(evidence),
                    preview=masking.mask_words(value),
                    normalized=" ".join(fold(value).split()),
                )
            )
        return matches
