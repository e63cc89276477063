"""``--since-last`` for S3: the objects scanned last time, kept in the output folder.

Unchanged objects (same ETag and size) are not listed as containers again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from fouille.connectors.s3_objects import S3Object
from fouille.scanner.core.safe_names import name_digest, shown_name

STATE_FILE_PREFIX = "s3-since-last-"


class SinceLastState:
    """``key -> (ETag, size)`` of the objects fully scanned last time, kept in the output folder.

    An object is recorded only once the pipeline says it was scanned without error
    (:meth:`mark_scanned`), and the file is written by :meth:`save` after the outputs are:
    a crash in between means a re-read, never a missed object.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self._previous = self._load()
        self._current: dict[str, tuple[str, int]] = {}

    def _load(self) -> dict[str, tuple[str, int]]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return {k: (str(v[0]), int(v[1])) for k, v in raw.get("objects", {}).items()}
        except (OSError, ValueError, TypeError, AttributeError, IndexError):
            return {}

    def unchanged(self, obj: S3Object) -> bool:
        """True (and kept for next time) when the object is as it was at the last scan."""
        if self._previous.get(_stored_key(obj.key)) == (obj.etag, obj.size):
            self._current[_stored_key(obj.key)] = (obj.etag, obj.size)
            return True
        return False

    def mark_scanned(self, obj: S3Object) -> None:
        self._current[_stored_key(obj.key)] = (obj.etag, obj.size)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(
            json.dumps({"objects": {k: list(v) for k, v in sorted(self._current.items())}}),
            encoding="utf-8",
        )
        os.replace(tmp, self.path)


def _stored_key(key: str) -> str:
    """A key as the state file holds it: a key holding personal data (``users/a@b.fr.json``)
    only as its keyed hash (names are data too: ``fouille.scanner.core.safe_names``)."""
    return key if shown_name(key) == key else f"hmac:{name_digest(key)}"
