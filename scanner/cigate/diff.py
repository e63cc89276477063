"""Lines changed since a git ref: what ``--diff REF`` limits the check to.

The work tree (committed, staged and unstaged changes) is compared with ``REF``;
untracked files that git does not ignore count as wholly new.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ALL_LINES = None  # a new file: every line is changed
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class DiffError(Exception):
    """Not a git work tree, or the ref does not exist."""


def changed_lines(root: Path, ref: str) -> dict[str, set[int] | None]:
    """Relative path -> changed line numbers (``None``: the whole file is new)."""
    diff = _git(
        root, "diff", "--no-color", "--no-ext-diff", "--unified=0", "--diff-filter=ACMR", ref, "--"
    )
    changed: dict[str, set[int] | None] = {}
    current: str | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = line[4:]
            current = target[2:] if target.startswith("b/") else None
            if current is not None:
                changed.setdefault(current, set())
        elif current is not None and (hunk := _HUNK.match(line)):
            start, count = int(hunk[1]), int(hunk[2] if hunk[2] is not None else 1)
            changed[current].update(range(start, start + count))
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z")
    for name in untracked.split("\0"):
        if name:
            changed[name] = ALL_LINES
    return changed


def _git(root: Path, *args: str) -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "-c", "core.quotePath=false", *args],
            capture_output=True,
            check=True,
        )
    except OSError as exc:
        raise DiffError(f"git is not available: {exc}") from exc
    except subprocess.CalledProcessError as exc:
        raise DiffError(exc.stderr.decode("utf-8", "replace").strip() or "git diff failed") from exc
    return out.stdout.decode("utf-8", "surrogateescape")
