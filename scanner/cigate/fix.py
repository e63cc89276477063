"""``--fix``: replace real-looking values in place with synthetic ones of the same layout.

Only types with a synthetic form the gate accepts are rewritten: e-mails (a reserved
domain), phones (the ARCEP fiction block of the same kind), IBANs (the documented
sample), cards (a published test number) and IP addresses (a documentation range).
Identifiers such as a NIR have no such form: they stay and keep failing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from fouille.scanner.cigate.gate import GateFinding, read_text

SAMPLE_IBAN = "FR7630006000011234567890189"
# First digit of the national significant number -> the fiction block of that kind.
FICTION_NSN = {
    "1": "19900",
    "2": "26191",
    "3": "35301",
    "4": "46571",
    "5": "53649",
    "6": "63998",
    "7": "63998",
}
TEST_CARDS = {16: "4242424242424242", 15: "378282246310005", 14: "36227206271667"}
FIXABLE = frozenset({"EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE", "CREDIT_CARD", "IP_ADDRESS"})


def synthetic_like(entity: str, raw: str, serial: int) -> str | None:
    """A synthetic value in ``raw``'s layout, or ``None`` when there is none."""
    if entity == "EMAIL_ADDRESS":
        return f"user{serial}@example.com"
    if entity == "PHONE_NUMBER":
        digits = re.sub(r"\D", "", raw)
        if len(digits) < 9 or digits[-9] not in FICTION_NSN:
            return None
        return _refill(raw, FICTION_NSN[digits[-9]] + f"{serial % 10000:04d}", last=9)
    if entity == "IBAN_CODE":
        spaced = " ".join(SAMPLE_IBAN[i : i + 4] for i in range(0, len(SAMPLE_IBAN), 4))
        return spaced if " " in raw.strip() else SAMPLE_IBAN
    if entity == "CREDIT_CARD":
        card = TEST_CARDS.get(len(re.sub(r"\D", "", raw)))
        return _refill(raw, card, last=len(card)) if card else None
    if entity == "IP_ADDRESS":
        return f"2001:db8::{serial % 0xFFFF:x}" if ":" in raw else f"192.0.2.{serial % 254 + 1}"
    return None


def _refill(raw: str, digits: str, last: int) -> str:
    """Put ``digits`` in place of the last ``last`` digits of ``raw``, keeping separators."""
    positions = [i for i, ch in enumerate(raw) if ch.isdigit()][-last:]
    chars = list(raw)
    for position, digit in zip(positions, digits):
        chars[position] = digit
    return "".join(chars)


def apply_fixes(root: Path, findings: list[GateFinding]) -> list[GateFinding]:
    """Rewrite the files; return the findings that could not be fixed."""
    by_path: dict[str, list[GateFinding]] = defaultdict(list)
    for f in findings:
        by_path[f.path].append(f)
    left = []
    serial = 0
    for rel, found in sorted(by_path.items()):
        path = root / rel
        text, encoding = read_text(path, with_encoding=True)
        lines = text.split("\n")
        # Right to left within a line, so earlier columns stay valid.
        for f in sorted(found, key=lambda f: (f.line, -f.finding.start)):
            line = lines[f.line - 1]
            serial += 1
            new = synthetic_like(f.finding.entity, line[f.finding.start : f.finding.end], serial)
            if new is None:
                left.append(f)
                continue
            lines[f.line - 1] = line[: f.finding.start] + new + line[f.finding.end :]
        try:
            path.write_bytes("\n".join(lines).encode(encoding))
        except UnicodeEncodeError:  # undecodable bytes in a cp1252 file: leave it alone
            left.extend(f for f in found if f not in left)
    return left
