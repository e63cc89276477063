"""What a scan leaves for people and tools, built from the engine's run: inventory.json,
report.html, the registre and (full mode) the DSAR index."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from fouille.reports.conversations import conversations_summary
from fouille.reports.html import render_report
from fouille.reports.inventory import build_inventory
from fouille.reports.registre import write_registre
from fouille.scanner.core.atomic import write_json, write_text
from fouille.scanner.core.config import ScanConfig
from fouille.scanner.core.i18n import default_lang
from fouille.scanner.dsar.index import build_index
from fouille.scanner.engine.errors import safe_message
from fouille.scanner.engine.pipeline import EngineRun

log = logging.getLogger("fouille")


def scan_inventory(run: EngineRun, config: ScanConfig) -> dict:
    """The inventory of a run, with the chat sources' conversations summary."""
    inventory = build_inventory(run.results, run.errors, run.meta)
    chat_sources = [s["name"] for s in config.sources if s.get("type") == "chatlogs"]
    if chat_sources:
        inventory.update(conversations_summary(run.out_dir, chat_sources))
    return inventory


def write_outputs(out_dir: Path, inventory: dict, full: bool) -> None:
    """inventory.json, report.html, the registre and (full mode) the DSAR index.

    A write that fails (disk full) becomes a listed error.
    """
    outputs = [("inventory.json", write_json), ("report.html", _write_html),
               ("registre.md", _write_registre)]
    if full:
        outputs.append(("index.sqlite", _write_index))
    for name, write in outputs:
        try:
            write(out_dir / name, inventory)
        except OSError as exc:
            log.error("cannot write %s: %s", out_dir / name, exc.strerror or type(exc).__name__)
            inventory["errors"].append({"source": "-", "location": str(out_dir / name),
                                        "error": f"cannot write output: {safe_message(exc)}"})


def report_lang() -> str:
    """``--lang`` (passed as FOUILLE_LANG), else the locale's."""
    return os.environ.get("FOUILLE_LANG") or default_lang()


def _write_html(path: Path, inventory: dict) -> None:
    write_text(path, render_report(inventory, lang=report_lang()))


def _write_registre(path: Path, inventory: dict) -> None:
    write_registre(inventory, path.parent, report_lang())


def _write_index(path: Path, inventory: dict) -> None:
    # value_hash -> locations of every identifier finding, for `fouille dsar` (no raw value).
    build_index(path.parent)
