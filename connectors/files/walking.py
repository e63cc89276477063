"""Which local files a source reads: folders walked and globs matched, never leaving the roots.

By default a scan stays inside the folders it was given (a directory, or the fixed part of
a glob): a symbolic link whose target is outside them (``link -> /etc/shadow``, a folder
link to ``/``) is skipped and reported, and folder links are not descended into, so link
loops cannot make a walk endless. ``follow_symlinks = true`` on a files source follows
links anywhere; folders already visited (same device and inode) are not walked again.

Files are opened with ``open_regular``: ``O_NONBLOCK`` and a type check after opening,
so a file replaced by a FIFO or a device after listing is reported, never waited on.
"""

from __future__ import annotations

import fcntl
import fnmatch
import logging
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from fouille.scanner.core.out_folder import MARKER as REPORT_MARKER

GLOB_CHARS = frozenset("*?[")
OUTSIDE_FILE = ("symbolic link to a file outside the scanned folder: skipped "
                "(set follow_symlinks = true on the source to read it)")
OUTSIDE_FOLDER = ("symbolic link to a folder outside the scanned folder: not followed "
                  "(set follow_symlinks = true on the source to follow it)")


class NotRegularFile(OSError):
    """What was opened is not a regular file (a FIFO, socket or device put there after listing)."""


def open_regular(path: str) -> BinaryIO:
    """Open ``path`` for reading without ever blocking, and only if it is a regular file."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(0, "not a regular file (FIFO, socket or device): skipped")
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def inside(path: str, root: str) -> bool:
    """True when ``path``, links resolved, is ``root`` (resolved) or below it."""
    real, top = os.path.realpath(path), os.path.realpath(root)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def glob_root(pattern: str) -> Path:
    """The fixed part of a glob pattern (the folder it cannot leave)."""
    fixed = []
    for part in Path(pattern).parts:
        if GLOB_CHARS & set(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def _component_matches(name: str, pattern: str) -> bool:
    # As glob does: wildcards do not match names starting with a dot.
    return fnmatch.fnmatchcase(name, pattern) and (not name.startswith(".") or pattern.startswith("."))


def _matches(parts: list[str], patterns: list[str]) -> bool:
    if not patterns:
        return not parts
    if patterns[0] == "**":
        return any(_matches(parts[i:], patterns[1:]) for i in range(len(parts) + 1)
                   if not any(p.startswith(".") for p in parts[:i]))
    return bool(parts) and _component_matches(parts[0], patterns[0]) and _matches(parts[1:], patterns[1:])


def is_report_folder(folder: str) -> bool:
    """A folder a scan wrote its report in (its marker, or an older report's two files)."""
    return os.path.isfile(os.path.join(folder, REPORT_MARKER)) or all(
        os.path.isfile(os.path.join(folder, name)) for name in ("inventory.json", "state.sqlite")
    )


def walk(root: Path, follow: bool, on_error: Callable[[str, str], None],
         max_depth: int | None = None) -> Iterator[str]:
    """Paths of the non-folder entries under ``root`` (links included, for the caller to
    check), sorted per folder. Folder links are descended into only when ``follow``, once
    each; an outside folder link not followed is reported through ``on_error``."""
    visited: set[tuple[int, int]] = set()
    reports_skipped = 0

    def failed(exc: OSError) -> None:
        on_error(exc.filename or str(root), f"cannot list directory: {exc.strerror}")

    for folder, dirs, files in os.walk(root, onerror=failed, followlinks=follow):
        depth = len(Path(folder).relative_to(root).parts)
        if follow:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in visited:
                dirs[:] = []
                continue
            visited.add((info.st_dev, info.st_ino))
        else:
            for name in dirs:
                link = os.path.join(folder, name)
                if os.path.islink(link) and not inside(link, str(root)):
                    on_error(link, OUTSIDE_FOLDER)
        reports = [name for name in dirs if is_report_folder(os.path.join(folder, name))]
        if reports:  # `fouille scan .` must not read its own earlier reports as data
            reports_skipped += len(reports)
            dirs[:] = [name for name in dirs if name not in reports]
        dirs.sort()
        if max_depth is not None and depth + 1 >= max_depth:
            dirs[:] = []
        yield from (os.path.join(folder, name) for name in sorted(files))
    if reports_skipped:
        logging.getLogger("fouille").warning(
            "%d folder(s) holding a fouille report (%s) not scanned",
            reports_skipped, REPORT_MARKER)


def glob_paths(pattern: str, follow: bool, on_error: Callable[[str, str], None]) -> list[str]:
    """The paths matching a glob pattern (``**`` for any depth), found by ``walk``: link
    loops end, links outside the pattern's fixed folder are the caller's to check."""
    root = glob_root(pattern)
    patterns = list(Path(pattern).parts[len(root.parts):])
    depth = None if "**" in patterns else len(patterns)
    if not root.is_dir():
        return []
    found = []
    for path in walk(root, follow, on_error, depth):
        if _matches(list(Path(path).relative_to(root).parts), patterns):
            found.append(path)
    return found
