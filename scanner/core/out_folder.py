"""The report folder: only ever a new folder or one fouille made, and one scan at a time.

A scan clears its previous report before writing the new one, so it must never be pointed
at a folder of the user's own files (``--out ~/Documents`` would delete them). A folder is
taken when it does not exist, is empty, or holds the marker file a scan writes when it
creates a report; anything else is refused (exit 2), as ``fouille dsar`` refuses a used folder.

Two scans writing one folder would mix and delete each other's files: a scan holds an
exclusive ``flock`` on a lock file in the folder for its whole run; a second one is refused
with the first one's PID.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

MARKER = ".fouille-report"  # written in every report folder a scan creates
LOCK = ".fouille.lock"
LEGACY_MARKERS = ("state.sqlite",)  # report folders written before the marker existed


class FolderRefused(Exception):
    """The folder cannot be used as an output folder (message names it and why)."""


def check_new_or_empty(out: Path, what: str = "folder") -> None:
    """Refuse ``out`` unless it is missing or an empty folder."""
    out = Path(out)
    if not out.exists() and not out.is_symlink():
        return
    if not out.is_dir():
        raise FolderRefused(f"{out} exists and is not a folder")
    if any(out.iterdir()):
        raise FolderRefused(f"{out} is not empty: give a new {what}")


def check_report_folder(out: Path) -> None:
    """Refuse ``out`` unless it is new, empty, or a fouille report folder."""
    out = Path(out)
    if out.is_dir() and any((out / name).is_file() for name in (MARKER, *LEGACY_MARKERS)):
        return
    try:
        check_new_or_empty(out, "folder (or a fouille report folder)")
    except FolderRefused as exc:
        raise FolderRefused(f"--out: {exc}; it holds other files, which a scan would delete") from None


def mark_report_folder(out: Path) -> None:
    """Create ``out`` (mode 0700) if needed and write the marker that makes it a report folder."""
    out.mkdir(parents=True, exist_ok=True, mode=0o700)
    marker = out / MARKER
    if not marker.exists():
        marker.write_text("This folder holds a fouille report: a new scan replaces it.\n",
                          encoding="utf-8")


class FolderLock:
    """An exclusive lock on a report folder for one scan (released on close or exit)."""

    def __init__(self, out: Path):
        path = Path(out) / LOCK
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(self._fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(self._fd)
            raise FolderRefused(
                f"{out} is in use by another scan (PID {holder}); wait for it to finish"
            ) from None
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, f"{os.getpid()}\n".encode(), 0)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)  # closing the last descriptor releases the lock
            self._fd = -1
