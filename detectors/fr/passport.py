"""FR_PASSPORT: French passport numbers (2 digits, 2 letters, 5 digits: ``09AA12345``).

The printed number carries no checksum (only the MRZ line does), so a candidate
stands only with a context word (passeport) or a column hint.
"""

from __future__ import annotations

import re

from fouille.detectors.identifier import IdentifierDetector


class FrPassportDetector(IdentifierDetector):
    name = "fr_passport"
    entity = "FR_PASSPORT"
    pattern = r"(?<![\w])\d{2}[A-Z]{2}\d{5}(?![\w])"
    flags = re.ASCII
    prefilter = r"\d{2}[A-Z]{2}\d{5}"
    min_digits = 5  # texts without such digits are skipped (fouille.detectors.identifier)
    needs_context = True
    base_score = 0.5
    context_boost = 0.35
    context_words = ("passeport", "passport", "n° de passeport", "titre de voyage")
    positive_examples = ("passeport n° 09AA12345", "Passport: 18FX54321")
    negative_examples = ("référence 09AA12345", "passeport expiré")
