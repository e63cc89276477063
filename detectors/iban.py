"""IBAN_CODE: IBANs of every registry country, however spaced; mod 97 and formats via python-stdnum.

Lengths and BBAN formats come from python-stdnum's copy of the SWIFT IBAN registry
(``stdnum.numdb.get("iban")``): no table of our own. Spellings: compact, grouped by four
or any other size, with spaces, no-break spaces, dashes or dots, upper or lower case.

Outcomes:
- mod 97, the registry format and python-stdnum's national checks hold, and for French
  IBANs (and Monaco's, which share the RIB) the RIB key too: valid.
- mod 97 holds but the RIB key does not: a value made by a test-data generator, that still
  leaks into production tables. Reported at a lower score with evidence ``rib-key-mismatch``;
  ``validate`` still says INVALID, so the CI gate keeps calling it synthetic.
- a country outside the registry (Morocco, Algeria, Senegal... publish IBANs the registry
  does not list): reported only with a context word (IBAN, RIB...) or a column hint, when mod
  97 holds, with evidence ``unregistered-country``.

The regex may run past the IBAN's end into following words or digits; the candidate is cut
to the country's IBAN length (or, outside the registry, to the longest group that holds).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from fouille.detectors.base import Match, PatternDetector, Verdict
from stdnum import iban as stdnum_iban
from stdnum import numdb
from stdnum.iso7064 import mod_97_10

RIB_MISMATCH = "rib-key-mismatch"
UNREGISTERED = "unregistered-country"
_ALNUM = re.compile(r"[A-Za-z0-9]")
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]")
_BBAN_PART = re.compile(r"([1-9][0-9]*)!([nac])")
RIB_COUNTRIES = frozenset({"FR", "MC"})
# Letters in a RIB account number stand for digits: A,J -> 1; B,K,S -> 2; ... I,R,Z -> 9.
_RIB_LETTERS = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "12345678912345678923456789")


@cache
def iban_length(country: str) -> int | None:
    """IBAN length of a country in the registry python-stdnum ships, else ``None``."""
    info = numdb.get("iban").info(country.upper())[0][1]
    if not info.get("bban"):
        return None
    return 4 + sum(int(n) for n, _ in _BBAN_PART.findall(info["bban"]))


def compact(value: str) -> str:
    """Letters and digits only, upper case (no-break spaces and any separator dropped)."""
    return _NOT_ALNUM.sub("", value).upper()


def rib_key(bank: str, branch: str, account: str) -> str:
    """The French RIB key (2 digits) of a bank code, branch code and 11-character account."""
    total = 89 * int(bank) + 15 * int(branch) + 3 * int(account.upper().translate(_RIB_LETTERS))
    return f"{97 - total % 97:02d}"


def rib_key_valid(iban: str) -> bool:
    """True unless ``iban`` (compact) is French-RIB-shaped and its RIB key is wrong."""
    if iban[:2] not in RIB_COUNTRIES or len(iban) != 27:
        return True
    bban = iban[4:]
    if not (bban[:10].isdigit() and bban[21:].isdigit()):
        return False
    return rib_key(bban[:5], bban[5:10], bban[10:21]) == bban[21:]


def mod97_holds(value: str) -> bool:
    """ISO 7064 mod 97-10 over a compact IBAN (check digits included), any country."""
    number = compact(value)
    return len(number) >= 15 and number[2:4].isdigit() and mod_97_10.is_valid(number[4:] + number[:4])


def trim_to_iban(text: str, start: int, end: int) -> int | None:
    """End offset of the registry-country IBAN starting at ``start``, or ``None``."""
    expected = iban_length(text[start : start + 2])
    if expected is None:
        return None
    count = 0
    for pos in range(start, end):
        if _ALNUM.match(text[pos]):
            count += 1
            if count == expected:
                return pos + 1
    return None


def trim_unregistered(text: str, start: int, end: int) -> int | None:
    """End of an IBAN outside the registry: its groups up to the first one without a digit
    (a following word), if that whole run has an IBAN's length and holds mod 97.

    Only the whole run is tried, never a shorter prefix: trying several would let a wrong
    number pass mod 97 by chance several times more often.
    """
    last = None
    for group in re.finditer(r"[A-Za-z0-9]+", text[start:end]):
        if group.start() and not any(ch.isdigit() for ch in group.group()):
            break
        last = start + group.end()
    if last is None or not 16 <= len(compact(text[start:last])) <= 34:
        return None
    return last if mod97_holds(text[start:last]) else None


class IbanDetector(PatternDetector):
    name = "iban"
    entity = "IBAN_CODE"
    pattern = (
        r"(?<![A-Za-z0-9])[A-Za-z]{2}[^\S\r\n]?[0-9]{2}(?:(?:[^\S\r\n]|[.\-])?[A-Za-z0-9]){11,30}"
    )
    # Any grouping after the check digits, as ``pattern`` allows ("EG14 598 523 ..." in threes).
    prefilter = r"[A-Za-z]{2}[\s\pZ]?\d{2}(?:[\s\pZ.\-]?[A-Za-z0-9]){4}"
    base_score = 0.3
    valid_score = 1.0
    weak_score = 0.5
    context_words = ("iban", "rib", "bic", "virement", "compte bancaire", "coordonnées bancaires",
                     "swift", "domiciliation", "prélèvement", "relevé d'identité bancaire")
    positive_examples = (
        "IBAN : FR76 3000 6000 0112 3456 7890 189",
        "virement sur fr7630006000011234567890189 merci",
        "DE89-3704-0044-0532-0130-00",
        "RIB\u00a0: FR76\u00a03000\u00a06000\u00a00112\u00a03456\u00a07890\u00a0189",
        "IBAN TN59 1000 6035 1835 9847 8831",
        "IBAN FR76 30006 00001 12345678901 89",
    )
    negative_examples = (
        "FR76 3000 6000 0112 3456 7890 188",
        "référence AB12 CDEF GHIJ KLMN",
        "FR76 3000 6000",
    )

    def find(self, text: str, hint: str | None = None) -> list[Match]:
        # Trim each regex candidate to its country's length, then run the usual stages. The
        # regex may swallow words after a short look-alike ("FR91 852882000 Virement ... FR76"),
        # so a rejected candidate resumes the search at its next character, not at its end.
        matches, pos = [], 0
        text = text or ""
        while (m := self._compiled.search(text, pos)) is not None:
            found = self._candidate(text, m.start(), m.end(), hint)
            matches += found
            pos = max(f.end for f in found) if found else m.start() + 1
        return matches

    def _candidate(self, text: str, start: int, end: int, hint: str | None) -> list[Match]:
        trimmed = trim_to_iban(text, start, end)
        unregistered = trimmed is None and iban_length(text[start : start + 2]) is None
        if unregistered:
            trimmed = trim_unregistered(text, start, end)
        if trimmed is None or (trimmed < len(text) and text[trimmed].isdigit() and text[trimmed - 1].isalnum()):
            return []
        found = [self._shift(f, start, text, trimmed) for f in super().find(text[start:trimmed], hint)]
        if unregistered:
            found = [replace(f, evidence=(UNREGISTERED,) + f.evidence[1:]) for f in found
                     if len(f.evidence) > 1]  # outside the registry: only with context or hint
        return found

    def _shift(self, found: Match, offset: int, text: str, end: int) -> Match:
        # Re-run context search on the full text: the slice lost what came before.
        start = found.start + offset
        word = self.context_word(text, start, end)
        evidence = found.evidence
        score = found.score
        if word and not any(e.startswith("context:") for e in evidence):
            evidence = evidence + (f"context:{word}",)
            score = round(min(1.0, score + self.context_boost), 3)
        return replace(found, start=start, end=found.end + offset, evidence=evidence, score=score)

    def validate(self, candidate: str) -> Verdict:
        number = compact(candidate)
        if iban_length(number[:2]) is None:
            return Verdict.UNCHECKED if mod97_holds(number) else Verdict.INVALID
        if not stdnum_iban.is_valid(number):
            return Verdict.INVALID
        return Verdict.VALID if rib_key_valid(number) else Verdict.INVALID

    def weak_evidence(self, candidate: str) -> str | None:
        number = compact(candidate)
        if stdnum_iban.is_valid(number) and not rib_key_valid(number):
            return RIB_MISMATCH
        return None

    def normalize(self, candidate: str) -> str:
        return compact(candidate)
