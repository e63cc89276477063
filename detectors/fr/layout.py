"""How French identifiers are written: digit groups with optional spaces (no-break too) or dots.

One place for the boundaries every identifier regex shares, so that a candidate
never starts or ends in the middle of a longer number (an IBAN, a SIRET, a phone).
"""

from __future__ import annotations

# A space, a no-break space (U+00A0, U+202F: word processors put them between groups) or a dot.
SEPARATOR = "[ .\u00a0\u202f]?"
# Not preceded by a letter, digit or dot, nor by a digit and one separator.
NUMBER_START = "(?<![\\w.])(?<!\\d[ .\u00a0\u202f])"
# Not followed by a letter or digit, nor by one separator and a digit.
NUMBER_END = "(?![\\w]|[ .\u00a0\u202f]\\d)"


def digit_groups(*sizes: int) -> str:
    r"""A regex for digit groups of these sizes, each optionally separated.

    >>> digit_groups(3, 3) == r"\d{3}" + SEPARATOR + r"\d{3}"
    True
    """
    return SEPARATOR.join(rf"\d{{{n}}}" for n in sizes)


# Right after a word that names the number, any spacing is accepted: blanks (no-break ones
# too, up to three), a dot or a dash between any two characters ("SIRET 7 3 2 8 2 9 ...").
LOOSE_SEPARATOR = r"(?:[^\S\r\n]{1,3}|[.\-])?"
_FILLER_WORDS = r"(?:n[°o]|num[ée]ro|num|c|est|le|la|de|du|:)"


def spaced_digits(count: int) -> str:
    """``count`` digits with any loose separator between any two."""
    return rf"[0-9](?:{LOOSE_SEPARATOR}[0-9]){{{count - 1}}}"


def named_number(words: tuple[str, ...], body: str) -> str:
    """A regex (matched case-insensitively) for ``body`` right after one of ``words``.

    ``words`` are regex fragments (``s[ée]cu``); a few filler words may sit between
    (``SIRET n° :``, ``sécu est le``). The number is the ``value`` group and must not
    continue into more digits.
    """
    names = "|".join(sorted(words, key=len, reverse=True))
    return (
        rf"(?<!\w)(?:{names})(?!\w)(?:[^\w\n]{{0,4}}{_FILLER_WORDS}(?!\w)){{0,4}}[^\w\n]{{0,4}}"
        rf"(?P<value>{body})(?![0-9A-Za-z]|{LOOSE_SEPARATOR}[0-9])"
    )


def strip_separators(value: str) -> str:
    """Letters and digits only: what python-stdnum's ``compact`` expects of any spacing."""
    return "".join(ch for ch in value if ch.isascii() and ch.isalnum())
