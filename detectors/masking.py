"""Masked previews: enough to recognise the kind of value, never enough to rebuild it.

Fixed-length masks (``***``) are used where the length itself would help guess
(e-mail local parts); identifiers keep their layout so a DPO sees the format.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc


def mask_generic(value: str, keep_start: int = 1, keep_end: int = 2) -> str:
    """Keep the first and last characters and the separators; star the rest.

    >>> mask_generic("1 85 05 78 006 084 36")
    '1 ** ** ** *** *** 36'
    >>> mask_generic("Dupont", keep_end=0)
    'D*****'
    """
    positions = [i for i, ch in enumerate(value) if ch.isalnum()]
    if len(positions) <= keep_start + keep_end + 1:
        keep_end = 0
        keep_start = min(keep_start, 1) if len(positions) > 2 else 0
    kept = set(positions[:keep_start]) | set(positions[len(positions) - keep_end :] if keep_end else [])
    return "".join(ch if (i in kept or not ch.isalnum()) else "*" for i, ch in enumerate(value))


def mask_email(value: str) -> str:
    """``jean.dupont@orange.fr`` -> ``j***@o****.fr``."""
    local, _, domain = value.partition("@")
    host, dot, tld = domain.rpartition(".")
    if not dot:
        host, tld = domain, ""
    masked_local = (local[:1] or "*") + "***"
    masked_host = (host[:1] or "*") + "****"
    return f"{masked_local}@{masked_host}{dot}{tld}"


def mask_email_cells(local: pa.Array, host: pa.Array, tld: pa.Array) -> pa.Array:
    """``mask_email`` in Arrow, on addresses split into local part, host and TLD (columnar path)."""
    return pc.binary_join_element_wise(
        pc.utf8_slice_codeunits(local, 0, 1), "***@", pc.utf8_slice_codeunits(host, 0, 1), "****.",
        tld, "",
    )


def mask_phone(value: str) -> str:
    """``06 12 34 56 78`` -> ``06 ** ** ** 78``; ``+33 6 12 34 56 78`` -> ``+33 6 ** ** ** 78``."""
    digits = [i for i, ch in enumerate(value) if ch.isdigit()]
    keep_start = 3 if value.lstrip().startswith("+") else 2
    if value.lstrip().startswith("00"):
        keep_start = 4
    kept = set(digits[:keep_start]) | set(digits[-2:])
    return "".join(ch if (i in kept or not ch.isdigit()) else "*" for i, ch in enumerate(value))


def mask_phone_cells(numbers: pa.Array) -> pa.Array:
    """``mask_phone`` in Arrow, on trimmed cells that are one number (columnar path)."""
    parts = pc.extract_regex(numbers, (
        r"^(?P<head>\+\D*\d\D*\d\D*\d|00\D*\d\D*\d|\D*\d\D*\d)(?P<mid>.*)(?P<tail>\d\D*\d\D*)$"
    ))
    head, mid, tail = (pc.struct_field(parts, [i]) for i in range(3))
    return pc.binary_join_element_wise(head, pc.replace_substring_regex(mid, r"\d", "*"), tail, "")


def mask_words(value: str) -> str:
    """Names and places: first letter of each word. ``Jean Dupont`` -> ``J*** D*****``."""
    return " ".join(mask_generic(word, keep_start=1, keep_end=0) for word in value.split())


def mask_category(entity: str) -> str:
    """Sensitive disclosures show only their category, never the words: ``[SANTÉ]``."""
    return f"[{entity.removeprefix('SENSITIVE_')}]"
