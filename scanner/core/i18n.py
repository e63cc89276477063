"""Interface text in French and English (one catalogue), and number and date formatting.

The catalogue is one table per language with the same keys (``i18n_fr``, ``i18n_en``): the
report, the registre, the diff and the DSAR answer all read it. ``translator(lang)`` looks a
key up; a missing key falls back to French then to the key itself, so a forgotten translation
shows up as a readable key rather than a crash.
"""

from __future__ import annotations

import os
from datetime import date
from functools import cache

from fouille.scanner.core import i18n_en, i18n_fr

LANGS = ("fr", "en")
CATALOGUE: dict[str, dict[str, str]] = {"fr": i18n_fr.STRINGS, "en": i18n_en.STRINGS}


class Translator:
    """``t(key)``: a text of the catalogue in one language (French, then the key, if missing)."""

    def __init__(self, lang: str):
        self.lang = normalize_lang(lang)
        self._table = CATALOGUE[self.lang]

    def __call__(self, key: str) -> str:
        return self.get(key) or key

    def get(self, key: str, default: str | None = None) -> str | None:
        """The text for ``key``, or ``default`` when no language has it."""
        return self._table.get(key) or CATALOGUE["fr"].get(key) or default


def normalize_lang(lang: str | None) -> str:
    """Map ``fr_FR.UTF-8``, ``EN``, ``en-GB`` to a supported language code."""
    code = (lang or "").strip().lower()[:2]
    return code if code in LANGS else "fr"


def default_lang(environ: dict[str, str] | None = None) -> str:
    """The language the user's locale asks for.

    The POSIX variables are read in their order of precedence. A French locale
    gives ``fr``; another named language gives ``en``; ``C``, ``POSIX`` or nothing
    gives ``fr``, the language of the regulation this tool serves.
    """
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "").split(":")[0].strip()
        if not value:
            continue
        if value in ("C", "POSIX") or value.startswith(("C.", "POSIX.")):
            return "fr"
        return "fr" if value.lower().startswith("fr") else "en"
    return "fr"


@cache
def translator(lang: str) -> Translator:
    """Return ``t(key)`` for ``lang``; unknown keys fall back to French, then the key."""
    return Translator(lang)


def entity_label(entity: str, lang: str) -> str:
    """Human name of an entity type (``FR_NIR`` -> ``N° de sécurité sociale (NIR)``)."""
    return translator(lang).get(f"entity.{entity}", entity)


def format_int(value: float | None, lang: str) -> str:
    """``12345`` -> ``12 345`` (fr, narrow no-break space) or ``12,345`` (en)."""
    if value is None:
        return "–"
    text = f"{int(value):,}"
    return text.replace(",", "\u202f") if normalize_lang(lang) == "fr" else text


def format_decimal(value: float | None, lang: str, digits: int = 2) -> str:
    """``0.85`` -> ``0,85`` (fr) or ``0.85`` (en)."""
    if value is None:
        return "–"
    text = f"{float(value):.{digits}f}"
    return text.replace(".", ",") if normalize_lang(lang) == "fr" else text


def format_period(period, lang: str) -> str:
    """A ``fouille.scanner.core.retention.Period`` in words: ``3y`` -> ``3 ans``, ``1y6m`` -> ``1 an 6 mois``."""
    t = translator(lang)
    parts = []
    for number, unit in ((period.years, "y"), (period.months, "m"), (period.days, "d")):
        if number:
            one, many = t(f"period.{unit}").split("|")
            parts.append(f"{format_int(number, lang)} {one if number == 1 else many}")
    return " ".join(parts) or f"0 {t('period.d').split('|')[1]}"


def format_percent(ratio: float | None, lang: str) -> str:
    """``0.253`` -> ``25,3 %`` (fr) or ``25.3%`` (en)."""
    if ratio is None:
        return "–"
    number = format_decimal(float(ratio) * 100, lang, digits=1)
    return f"{number}\u202f%" if normalize_lang(lang) == "fr" else f"{number}%"


def format_duration(seconds: float | None, lang: str) -> str:
    """``133.4`` -> ``2 min 13 s``; ``4000`` -> ``1 h 6 min``."""
    if seconds is None:
        return "–"
    total = round(float(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    if float(seconds) < 10:
        return f"{format_decimal(float(seconds), lang, 1)} s"
    return f"{secs} s"


def format_long_date(iso: str, lang: str) -> str:
    """``2026-03-02`` -> ``2 mars 2026`` / ``2 March 2026``: a date as a letter writes it."""
    day = date.fromisoformat(iso)
    return f"{day.day} {translator(lang)(f'month.{day.month}')} {day.year}"
