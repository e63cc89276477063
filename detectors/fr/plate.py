"""FR_LICENSE_PLATE: French plates, SIV (``AB-123-CD``) and the old FNI (``1234 AB 75``).

A plate is personal data once it is tied to a person (a fine, a rental contract, a
car-park log). Two systems:

- SIV (since 2009): two letters, three digits, two letters. The letters I, O and U are
  never used, the block ``SS`` never appears on either side and ``000`` is never issued;
  ``WW`` on the left is a temporary registration (still a vehicle and its keeper: kept).
  The dashed upper-case layout is the official one and is distinctive: it stands alone.
  Spaced, compact or lower-case spellings need a context word (immatriculation, plaque,
  véhicule...); a code right after a catalogue word (réf., article, modèle) is never a
  plate (``fouille.detectors.identifier``).
- FNI (until 2009): 1-4 digits, 1-3 letters (no I, O, U), the département (01-95, 2A,
  2B, 971-976). Its shape is close to house numbers and references: it always needs a
  context word on its own line, or a column hint.

No checksum exists: a plate is never "valid", only well-formed.
"""

from __future__ import annotations

import re

from fouille.detectors.base import Verdict
from fouille.detectors.identifier import LayoutOrContext

_L = "[A-HJ-NP-TV-Z]"  # the letters plates use: no I, O, U
_SEP = "[- \u00a0\u202f]?"  # a dash, a space or a no-break space, or nothing
_SIV = rf"(?i:{_L}{{2}}(?P<s1>{_SEP})\d{{3}}(?P=s1){_L}{{2}})"
_DEPARTMENT = r"(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])"
_FNI = rf"\d{{1,4}}(?P<s2>{_SEP}){_L}{{1,3}}(?P=s2){_DEPARTMENT}"
_OFFICIAL_SIV = re.compile(rf"^{_L}{{2}}-\d{{3}}-{_L}{{2}}$")
_SIV_PARTS = re.compile(rf"^([a-z]{{2}}){_SEP}(\d{{3}}){_SEP}([a-z]{{2}})$", re.IGNORECASE)


class FrLicensePlateDetector(LayoutOrContext):
    name = "fr_license_plate"
    entity = "FR_LICENSE_PLATE"
    pattern = rf"(?<![\w-])(?:{_SIV}|{_FNI})(?![\w-])"
    prefilter = (
        rf"[A-Za-z]{{2}}{_SEP}\d{{3}}{_SEP}[A-Za-z]{{2}}|\d{_SEP}[A-Z]{{1,3}}{_SEP}[0-9][0-9AB]"
    )
    min_digits = 2
    base_score = 0.6
    context_boost = 0.35
    context_words = (
        "immatriculation",
        "immatriculé",
        "immatriculée",
        "immat",
        "plaque",
        "plaques",
        "plaque d'immatriculation",
        "véhicule",
        "vehicule",
        "voiture",
        "carte grise",
        "certificat d'immatriculation",
        "auto",
        "moto",
        "scooter",
        "camion",
        "utilitaire",
        "contravention",
        "avis de contravention",
        "stationnement",
        "radar",
        "fourrière",
        "parking",
        "location",
        "siv",
        "fni",
        "numéro d'immatriculation",
        "license plate",
        "plate",
        "registration",
    )
    positive_examples = (
        "Véhicule immatriculé GH-482-KT stationné rue de la Paix.",
        "Avis de contravention : plaque 4721 BX 69",
        "immat : fd 318 zb",
        "Le véhicule EX-207-PN a été vu au parking.",
        "Plaque 612 ABC 2A, véhicule de service",
    )
    negative_examples = (
        "réf. GH-482-KT, 3 unités",  # a catalogue code written like a plate
        "Plaque SS-482-KT",  # SS is never issued
        "immat : AB-000-CD",  # 000 is never issued
        "Nous habitons au 12 B 75 de la rue",  # no plate context
        "modèle fd318zb",
        "Véhicule IO-123-UV",  # I, O and U are never used
    )

    def context_word(self, text: str, start: int, end: int) -> str | None:
        """An FNI shape is ordinary (house numbers): its naming word must be on its own line."""
        if text[start].isdigit():
            line_start = text.rfind("\n", 0, start) + 1
            return super().context_word(text[line_start:], start - line_start, end - line_start)
        return super().context_word(text, start, end)

    def validate(self, candidate: str) -> Verdict:
        siv = _SIV_PARTS.match(candidate)
        if siv and ("SS" in (siv[1].upper(), siv[3].upper()) or siv[2] == "000"):
            return Verdict.INVALID
        return Verdict.UNCHECKED

    def stands_alone(self, candidate: str) -> bool:
        return bool(_OFFICIAL_SIV.match(candidate))

    def normalize(self, candidate: str) -> str:
        return re.sub(r"[\s\-]", "", candidate).upper()
