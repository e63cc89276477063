"""PT_NIF: the Portuguese tax number (número de identificação fiscal, NIF / NIPC), 9 digits.

The last digit is a mod-11 check digit over the first eight (python-stdnum ``pt.nif``):
one random 9-digit number in ten passes, the same odds as a SIREN, so a candidate needs
a context word (NIF, contribuinte...) or a column hint. An optional ``PT`` prefix (the
VAT form) is read as part of the number.
"""

from __future__ import annotations

from fouille.detectors.base import Verdict
from fouille.detectors.fr.layout import (
    NUMBER_END,
    NUMBER_START,
    digit_groups,
    named_number,
    spaced_digits,
)
from fouille.detectors.identifier import IdentifierDetector
from stdnum.pt import nif


class PtNifDetector(IdentifierDetector):
    name = "pt_nif"
    entity = "PT_NIF"
    pattern = (
        NUMBER_START + "(?:PT[ \u00a0\u202f]?)?(?=[1-35-9])" + digit_groups(3, 3, 3) + NUMBER_END
    )
    prefilter = r"(?i:\bnif\b|contribuinte|\bnipc\b)|" + digit_groups(3, 3, 3)
    min_digits = 9
    # Right after a word naming it, any spacing ("... 1 0 8 0 2 ..."): see fouille.detectors.fr.layout.
    named_pattern = named_number((r"nif", r"contribuinte", r"nipc"), spaced_digits(9))
    named_cues = ("nif", "contribuinte", "nipc")
    needs_context = True
    base_score = 0.4
    valid_score = 0.6
    context_boost = 0.35
    context_words = (
        "nif",
        "n.i.f.",
        "contribuinte",
        "número de contribuinte",
        "numero de contribuinte",
        "nif portugais",
        "numéro fiscal portugais",
        "identificação fiscal",
        "nipc",
        "portugais",
        "portugaise",
        "portugal",
    )
    positive_examples = (
        "NIF : 277876800",
        "salariée portugaise, contribuinte 257 178 473",
        "NIF PT 257178473",
        "contribuinte 2 7 7 8 7 6 8 0 0",  # any spacing right after the naming word
    )
    negative_examples = (
        "NIF : 277876801",  # wrong check digit
        "commande 277876800",  # no context
        "NIF 077876800",  # no NIF starts with 0
    )

    def validate(self, candidate: str) -> Verdict:
        return Verdict.VALID if nif.is_valid(self.normalize(candidate)) else Verdict.INVALID

    def normalize(self, candidate: str) -> str:
        return nif.compact(super().normalize(candidate))
