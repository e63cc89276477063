"""Which files the gate reads: what git would commit, minus excludes and binaries.

Inside a git work tree the list comes from ``git ls-files`` (tracked files and
untracked ones that ``.gitignore`` does not ignore), so every ignore rule git knows
is honoured. Outside one, a small ``.gitignore`` reader covers the common syntax.
"""

from __future__ import annotations

import fnmatch
import os
import re
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path

from fouille.connectors.files.walking import open_regular
from fouille.scanner.core.globs import glob_body

BINARY_EXTENSIONS = frozenset(
    {
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".webp",
        ".ico",
        ".bmp",
        ".tif",
        ".tiff",
        ".pdf",
        ".zip",
        ".gz",
        ".tgz",
        ".bz2",
        ".xz",
        ".7z",
        ".zst",
        ".jar",
        ".war",
        ".class",
        ".so",
        ".dylib",
        ".dll",
        ".exe",
        ".o",
        ".a",
        ".pyc",
        ".pyo",
        ".whl",
        ".egg",
        ".parquet",
        ".avro",
        ".orc",
        ".feather",
        ".arrow",
        ".sqlite",
        ".db",
        ".woff",
        ".woff2",
        ".ttf",
        ".otf",
        ".eot",
        ".mp3",
        ".mp4",
        ".mov",
        ".avi",
        ".wav",
        ".ogg",
        ".flac",
        ".bin",
        ".pkl",
        ".pt",
        ".onnx",
        ".npy",
        ".npz",
        ".h5",
        ".xlsx",
        ".xls",
        ".docx",
        ".doc",
        ".pptx",
    }
)
SNIFF_BYTES = 8192
ALWAYS_SKIPPED_DIRS = frozenset({".git", ".hg", ".svn"})


class WalkError(Exception):
    """A path to scan does not exist or git could not list it."""


def git_root(path: Path) -> Path | None:
    """The top of the git work tree holding ``path``, or ``None``."""
    try:
        out = subprocess.run(
            ["git", "-C", str(path), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return Path(out.stdout.strip()).resolve()


def is_binary(path: Path) -> bool:
    """Known binary extension, or a NUL byte in the first 8 KiB."""
    if path.suffix.lower() in BINARY_EXTENSIONS:
        return True
    try:
        with open_regular(str(path)) as handle:  # never blocks on a FIFO
            return b"\0" in handle.read(SNIFF_BYTES)
    except OSError:
        return True


def is_excluded(rel_path: str, patterns: Iterable[str]) -> bool:
    """``rel_path`` (posix, relative to the root) or one of its folders matches a glob."""
    parts = rel_path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for pattern in patterns:
        pattern = pattern.strip().rstrip("/")
        if not pattern:
            continue
        if any(fnmatch.fnmatchcase(p, pattern) for p in prefixes):
            return True
        if "/" not in pattern and any(fnmatch.fnmatchcase(part, pattern) for part in parts):
            return True
    return False


def list_files(root: Path, paths: list[Path], excludes: Iterable[str] = ()) -> Iterator[str]:
    """Relative posix paths of the text files under ``paths`` that the gate should read."""
    excludes = tuple(excludes)
    for path in paths:
        if not path.exists():
            raise WalkError(f"no such file or directory: {path}")
    in_git = git_root(root) == root.resolve()
    candidates = _git_files(root, paths) if in_git else _walked_files(root, paths)
    seen = set()
    for rel in candidates:
        if rel in seen or is_excluded(rel, excludes):
            continue
        seen.add(rel)
        if any(part in ALWAYS_SKIPPED_DIRS for part in rel.split("/")):
            continue
        full = root / rel
        if full.is_file() and not full.is_symlink() and not is_binary(full):
            yield rel


def _git_files(root: Path, paths: list[Path]) -> list[str]:
    specs = [os.path.relpath(p.resolve(), root) for p in paths] or ["."]
    try:
        out = subprocess.run(
            [
                "git",
                "-C",
                str(root),
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
                "--",
                *specs,
            ],
            capture_output=True,
            check=True,
        )
    except subprocess.CalledProcessError as exc:
        raise WalkError(
            f"git ls-files failed: {exc.stderr.decode(errors='replace').strip()}"
        ) from exc
    return sorted(
        name for name in out.stdout.decode("utf-8", "surrogateescape").split("\0") if name
    )


def _walked_files(root: Path, paths: list[Path]) -> list[str]:
    found: list[str] = []
    for path in paths:
        path = path.resolve()
        if path.is_file():
            found.append(path.relative_to(root).as_posix())
            continue
        for dirpath, dirnames, filenames in os.walk(path):
            current = Path(dirpath)
            rules = _ignore_rules_for(root, current)
            dirnames[:] = sorted(
                d
                for d in dirnames
                if d not in ALWAYS_SKIPPED_DIRS and not _ignored(rules, current / d, root, True)
            )
            for name in sorted(filenames):
                if not _ignored(rules, current / name, root, False):
                    found.append((current / name).relative_to(root).as_posix())
    return found


# A minimal .gitignore reader for folders outside git -------------------------------------


def _ignore_rules_for(root: Path, folder: Path) -> list[tuple[Path, re.Pattern[str], bool, bool]]:
    """Rules from every ``.gitignore`` between the root and ``folder``, outermost first."""
    rules = []
    chain = [folder, *folder.parents]
    for base in reversed([p for p in chain if p == root or root in p.parents]):
        ignore_file = base / ".gitignore"
        if ignore_file.is_file():
            for line in ignore_file.read_text(encoding="utf-8", errors="replace").splitlines():
                rule = _parse_rule(line)
                if rule:
                    rules.append((base, *rule))
    return rules


def _parse_rule(line: str) -> tuple[re.Pattern[str], bool, bool] | None:
    line = line.rstrip()
    if not line or line.startswith("#"):
        return None
    negated = line.startswith("!")
    line = line[1:] if negated else line
    dir_only = line.endswith("/")
    line = line.rstrip("/")
    anchored = "/" in line
    line = line.lstrip("/")
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(f"^{prefix}{glob_body(line)}$"), negated, dir_only


def _ignored(rules, path: Path, root: Path, is_dir: bool) -> bool:
    ignored = False
    for base, pattern, negated, dir_only in rules:
        if dir_only and not is_dir:
            continue
        try:
            rel = path.relative_to(base).as_posix()
        except ValueError:
            continue
        if pattern.match(rel):
            ignored = not negated
    return ignored
