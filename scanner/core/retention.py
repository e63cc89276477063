"""Retention periods: parse ``keep = "3y"``, name the usual French presets, decide expiry.

A period is written as whole numbers with units ``y`` (years), ``m`` (months),
``w`` (weeks) and ``d`` (days), largest first: ``3y``, ``30d``, ``1y6m``. A
configured ``keep`` may instead name a preset (``keep = "prospects"``). Nothing
is assumed: with no ``keep`` configured, no record is ever called expired.

The presets are the periods French organisations usually apply (CNIL
référentiels and the texts they cite). They are starting points a DPO picks
explicitly, not legal advice; each says from which date the period runs.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from fouille.scanner.core.timestamps import as_utc, parse_timestamp

_PERIOD = re.compile(r"^(?:(\d+)y)?(?:(\d+)m)?(?:(\d+)w)?(?:(\d+)d)?$")


@dataclass(frozen=True)
class Period:
    """A retention period in calendar units."""

    years: int = 0
    months: int = 0
    days: int = 0

    def __str__(self) -> str:
        parts = [(self.years, "y"), (self.months, "m"), (self.days, "d")]
        return "".join(f"{n}{unit}" for n, unit in parts if n) or "0d"


@dataclass(frozen=True)
class Preset:
    """A documented retention period: its name, period and starting event."""

    name: str
    keep: str
    basis_fr: str
    basis_en: str
    reference: str


# (name, keep, counted from (fr), counted from (en), reference)
_PRESET_ROWS = (
    (
        "prospects",
        "3y",
        "dernier contact du prospect",
        "last contact with the prospect",
        "CNIL, référentiel gestion commerciale",
    ),
    (
        "connection_logs",
        "1y",
        "date de la connexion",
        "date of the connection",
        "CPCE art. L34-1 ; LCEN art. 6",
    ),
    (
        "recorded_calls",
        "30d",
        "date de l'enregistrement",
        "date of the recording",
        "CNIL, écoute et enregistrement des appels (conservatif)",
    ),
    (
        "chats",
        "30d",
        "date de la conversation",
        "date of the conversation",
        "aligné sur les appels enregistrés",
    ),
    (
        "applications",
        "2y",
        "dernier contact du candidat",
        "last contact with the candidate",
        "CNIL, référentiel recrutement",
    ),
    (
        "invoices",
        "10y",
        "clôture de l'exercice",
        "end of the financial year",
        "Code de commerce art. L123-22",
    ),
)
PRESETS: dict[str, Preset] = {row[0]: Preset(*row) for row in _PRESET_ROWS}


def parse_period(text: str) -> Period:
    """Parse ``3y``, ``30d``, ``1y6m``, ``2w`` into a Period.

    >>> parse_period("1y6m")
    Period(years=1, months=6, days=0)
    >>> parse_period("2w")
    Period(years=0, months=0, days=14)

    Raises:
        ValueError: empty, unknown unit, wrong order, or a zero period.
    """
    compact = str(text).strip().lower().replace(" ", "")
    found = _PERIOD.match(compact)
    if not compact or not found:
        raise ValueError(f"invalid retention period {text!r}: expected e.g. 3y, 30d, 1y6m")
    years, months, weeks, days = (int(g or 0) for g in found.groups())
    period = Period(years=years + months // 12, months=months % 12, days=weeks * 7 + days)
    if period == Period():
        raise ValueError(f"invalid retention period {text!r}: must be longer than zero")
    return period


def resolve_keep(keep: str) -> Period:
    """A configured ``keep``: a preset name (``prospects``) or a period (``3y``)."""
    preset = PRESETS.get(str(keep).strip().lower())
    return parse_period(preset.keep if preset else keep)


def subtract(moment: datetime, period: Period) -> datetime:
    """``moment`` minus ``period`` in calendar terms (29 Feb minus 1y -> 28 Feb)."""
    month_index = moment.year * 12 + (moment.month - 1) - period.years * 12 - period.months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day) - timedelta(days=period.days)


def cutoff(keep: str | Period, now: datetime) -> datetime:
    """The oldest moment still within the period: anything before it has expired."""
    period = keep if isinstance(keep, Period) else resolve_keep(keep)
    return subtract(as_utc(now), period)


def is_expired(value: object, keep: str | Period, now: datetime) -> bool | None:
    """True when the record dated ``value`` is older than ``keep`` at ``now``.

    Returns None when the timestamp cannot be read (neither expired nor kept:
    unknown, to be counted apart rather than silently trusted).
    """
    moment = parse_timestamp(value)
    if moment is None:
        return None
    return moment < cutoff(keep, now)
