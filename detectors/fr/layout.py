"""How French identifiers are written: digit groups with optional spaces or dots.

One place for the boundaries every identifier regex shares, so that a candidate
never starts or ends in the middle of a longer number (an IBAN, a SIRET, a phone).
"""

from __future__ import annotations

SEPARATOR = r"[ .]?"
# Not preceded by a letter, digit or dot, nor by a digit and one separator.
NUMBER_START = r"(?<![\w.])(?<!\d[ .])"
# Not followed by a letter or digit, nor by one separator and a digit.
NUMBER_END = r"(?![\w]|[ .]\d)"


def digit_groups(*sizes: int) -> str:
    r"""A regex for digit groups of these sizes, each optionally separated.

    >>> digit_groups(3, 3, 3)
    '\\d{3}[ .]?\\d{3}[ .]?\\d{3}'
    """
    return SEPARATOR.join(rf"\d{{{n}}}" for n in sizes)
