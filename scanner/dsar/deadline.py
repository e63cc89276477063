"""When the answer is due: one month from receipt, extendable by two months (GDPR art. 12(3)).

Months are counted as EU law counts them (Regulation 1182/71, art. 3): to the same day of the
month, or the last day of a shorter month (received 31 January: due 28 or 29 February).
"""

from __future__ import annotations

import calendar
from datetime import date

from fouille.scanner.core.i18n import translator

def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months, clamped to the end of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def parse_day(text: str) -> date:
    """``YYYY-MM-DD``; ValueError with a plain message otherwise."""
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        raise ValueError("the request date must be YYYY-MM-DD") from None


def deadlines(received: date) -> dict:
    """The request's dates for the manifest (ISO strings)."""
    return {
        "received": received.isoformat(),
        "answer_due": add_months(received, 1).isoformat(),
        "extended_due": add_months(received, 3).isoformat(),
        "extension_rule": translator("en")("dsar.extension_rule"),
    }
