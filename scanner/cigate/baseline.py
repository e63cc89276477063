"""The baseline: findings a team has accepted, so that only new ones fail.

An entry is (path, entity, keyed hash of the value): no line number, so editing a
file does not churn it, and no value, so the baseline can be committed. The hash
is an HMAC under the installation key (``FOUILLE_KEY``): a team shares one key
(a CI secret) or the baseline cannot be read back. ``key_check`` tells which.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fouille.scanner.core.keys import Hasher
from fouille.scanner.core.keys import key_check as keyed_check

DEFAULT_BASELINE = ".fouille-baseline.json"
FORMAT_VERSION = 1


class BaselineError(Exception):
    """The baseline cannot be used (unreadable, other format, other key)."""


@dataclass(frozen=True, order=True)
class Accepted:
    path: str
    entity: str
    hash: str


def key_check(hasher: Hasher) -> str:
    """A hash of a fixed text: equal for two runs exactly when they share the key."""
    return keyed_check(hasher, "baseline")


def load(path: Path, hasher: Hasher) -> set[Accepted]:
    """The accepted entries; an absent file is an empty baseline."""
    if not path.exists():
        return set()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != FORMAT_VERSION:
            raise BaselineError(f"{path}: unknown baseline version {data.get('version')!r}")
        if data.get("key_check") != key_check(hasher):
            raise BaselineError(
                f"{path} was written under another key: set FOUILLE_KEY to the key the "
                "team shares (see docs/ci-gate.md), or rewrite it with --update-baseline"
            )
        return {Accepted(e["path"], e["entity"], e["hash"]) for e in data["accepted"]}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BaselineError(f"{path}: not a fouille baseline ({type(exc).__name__})") from exc


def save(path: Path, entries: Iterable[Accepted], hasher: Hasher) -> None:
    """Write entries sorted, one per line, so that diffs stay small."""
    data = {
        "version": FORMAT_VERSION,
        "tool": "fouille ci",
        "key_check": key_check(hasher),
        "accepted": [e.__dict__ for e in sorted(set(entries))],
    }
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def updated(
    old: set[Accepted], current: Iterable[Accepted], scanned_paths: set[str]
) -> set[Accepted]:
    """Current findings replace the old entries of the files scanned; others are kept."""
    return {e for e in old if e.path not in scanned_paths} | set(current)
