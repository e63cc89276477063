"""CSV cells that a spreadsheet shows as text, never runs as a formula.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
Excel, LibreOffice and Google Sheets as a formula (CSV/formula injection: ``=HYPERLINK``,
``=WEBSERVICE``, DDE). One quote in front makes it text; every CSV fouille writes uses this.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """``value`` as a CSV cell that no spreadsheet evaluates."""
    text = str(value)
    return "'" + text if text[:1] in FORMULA_STARTS else text
