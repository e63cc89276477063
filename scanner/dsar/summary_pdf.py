"""summary.pdf: the same answer as summary.html (the same ``Block`` list), for the post or an archive.

Drawn by fpdf2 (pure Python, no browser). The person's data can hold any character, so a
Unicode TrueType font is needed: ``FOUILLE_PDF_FONT`` (a .ttf path) or DejaVu Sans / Liberation
Sans where the system has them. Without one the PDF is not written (the HTML is the answer;
a PDF that drops characters would not be a faithful copy) and the caller says so.
"""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from pathlib import Path

from fouille.scanner.core.atomic import write_bytes
from fouille.scanner.dsar.summary import Block
from fpdf import FPDF

FONT_ENV = "FOUILLE_PDF_FONT"
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/arial.ttf",
)
SIZES = {"h1": 18, "h2": 14, "h3": 11, "p": 9.5, "ul": 9.5, "table": 9, "record": 9}


class PdfUnavailable(Exception):
    """No PDF can be drawn here (no Unicode font): the message says why."""


def find_font() -> Path | None:
    """The Unicode font to draw with: ``FOUILLE_PDF_FONT``, else a common system font."""
    configured = os.environ.get(FONT_ENV)
    if configured:
        return Path(configured) if Path(configured).is_file() else None
    return next((Path(p) for p in FONT_CANDIDATES if Path(p).is_file()), None)


def _pdf(font: Path, title: str) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_creator("fouille")
    pdf.add_font("body", fname=str(font))
    pdf.set_font("body", size=SIZES["p"])
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    return pdf


def _fields(pdf, rows: list[tuple[str, str]]) -> None:
    """Label, then its value below it: a value of any length flows across pages."""
    for label, value in rows:
        pdf.set_font("body", size=SIZES["p"] - 1.5)
        pdf.set_text_color(90)
        pdf.multi_cell(pdf.epw, None, label)
        pdf.set_font("body", size=SIZES["record"])
        pdf.set_text_color(0)
        pdf.set_x(pdf.l_margin + 4)
        pdf.multi_cell(pdf.epw - 4, None, value or " ")
    pdf.ln(2)


def _table(pdf, rows: list[tuple[str, str]]) -> None:
    """A two-column table (the store's art. 15 items: short texts)."""
    try:
        with pdf.table(
            col_widths=(30, 70), text_align="LEFT", first_row_as_headings=False
        ) as table:
            for label, value in rows:
                row = table.row()
                row.cell(label)
                row.cell(value)
    except ValueError:  # a row taller than a page: not drawn by fpdf2's tables
        _fields(pdf, rows)
    pdf.ln(2)


def _draw(pdf, block: Block) -> None:
    pdf.set_font("body", size=SIZES.get(block.kind, SIZES["p"]))
    width = pdf.epw
    if block.kind in ("h1", "h2", "h3"):
        pdf.ln(3 if block.kind != "h3" else 1)
        pdf.multi_cell(width, None, block.text)
        pdf.ln(1)
    elif block.kind == "ul":
        for item in block.items:
            pdf.multi_cell(width, None, f"• {item}")
        pdf.ln(2)
    elif block.kind == "table":
        rows = [(label, value) for _key, label, value in block.items]
        (_fields if any(len(v) > 1500 for _, v in rows) else _table)(pdf, rows)
    elif block.kind == "record":
        _fields(pdf, list(block.items))
    else:
        pdf.multi_cell(width, None, block.text)
        pdf.ln(2)


def write_summary_pdf(path: Path, blocks: list[Block]) -> int:
    """Draw ``blocks`` into ``path`` (mode 0600, like every file of the answer).

    Returns:
        How many distinct characters the font lacks (drawn as nothing: emoji, some scripts).

    Raises:
        PdfUnavailable: no Unicode font (nothing is written).
    """
    font = find_font()
    if font is None:
        raise PdfUnavailable(f"no Unicode font found (set {FONT_ENV} to a .ttf file)")
    title = next((b.text for b in blocks if b.kind == "h1"), "")
    with _quiet(("fpdf", "fontTools")):
        pdf = _pdf(font, title)
        for block in blocks:
            _draw(pdf, block)
        data = bytes(pdf.output())
    write_bytes(Path(path), data)
    return len(pdf.fonts["body"].missing_glyphs)


@contextmanager
def _quiet(names: tuple[str, ...]):
    """Silence libraries that log pieces of the text they draw (missing glyphs, subsets):
    that text is the person's data, never for logs (``-vv`` included)."""
    loggers = [logging.getLogger(name) for name in names]
    saved = [(lg.level, lg.propagate) for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL + 1)
        lg.propagate = False
    try:
        yield
    finally:
        for lg, (level, propagate) in zip(loggers, saved):
            lg.setLevel(level)
            lg.propagate = propagate
