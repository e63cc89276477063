"""The report folder a scan writes into: locked for the scan, cleared or kept for a re-run."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fouille.scanner.core.config import ConfigError
from fouille.scanner.core.out_folder import (
    FolderLock,
    FolderRefused,
    check_report_folder,
    mark_report_folder,
)
from fouille.scanner.engine.errors import safe_message
from fouille.scanner.engine.incremental import forget_changes
from fouille.scanner.engine.state import ScanState

# Rebuilt by every scan from the findings and recorded results.
DERIVED_OUTPUTS = ("inventory.json", "report.html", "index.sqlite", "registre.csv", "registre.md")


@contextmanager
def locked_report_folder(out_dir: Path) -> Iterator[None]:
    """The folder must be new, empty or a report folder (``fouille.scanner.core.out_folder``);
    it stays locked while the block runs (the scan and the writing of its outputs)."""
    try:
        check_report_folder(out_dir)
        mark_report_folder(out_dir)
        lock = FolderLock(out_dir)
    except FolderRefused as exc:
        raise ConfigError(str(exc)) from None
    except OSError as exc:
        raise ConfigError(f"cannot write the report folder {out_dir}: {safe_message(exc)}") from exc
    try:
        yield
    finally:
        lock.close()


def prepare_out_dir(out_dir: Path, resume: bool, since_last: bool = False) -> ScanState:
    """Clear a previous report (unless resuming), drop half-written files, open the state.

    ``--since-last`` keeps the findings and recorded results (unchanged containers are
    carried over) and the change-tracking files; the derived outputs are rebuilt.
    """
    if not resume and out_dir.exists():
        stale = list(DERIVED_OUTPUTS)
        if not since_last:
            stale += ["findings", "state.sqlite"]
            forget_changes(out_dir)
        for name in stale:
            target = out_dir / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    out_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(out_dir, 0o700)
    for folder in (out_dir, out_dir / "findings"):
        for leftover in folder.glob(".*.tmp") if folder.is_dir() else ():
            leftover.unlink()  # a temporary file is never a result: its scan died mid-write
    return ScanState(out_dir / "state.sqlite")
