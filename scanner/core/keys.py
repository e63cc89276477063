"""The installation key and keyed hashes of normalised values.

A plain SHA-256 of a phone number can be reversed by hashing every phone number.
An HMAC under a secret key cannot, and stays comparable between runs that share the key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

KEY_ENV = "FOUILLE_KEY"
KEY_FILE_ENV = "FOUILLE_KEY_FILE"
_BLOCK = 64  # SHA-256 block size, for the HMAC key pads


def default_key_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "fouille" / "key"


def load_key(path: Path | None = None) -> bytes:
    """Return the installation key: ``FOUILLE_KEY``, else a key file created on first use (0600)."""
    from_env = os.environ.get(KEY_ENV)
    if from_env:
        return from_env.encode("utf-8")
    key_path = path or Path(os.environ.get(KEY_FILE_ENV) or default_key_path())
    if key_path.exists():
        return key_path.read_bytes().strip()
    key_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    new_key = secrets.token_hex(32).encode("ascii")
    # O_EXCL: two scans starting at once must not overwrite each other's key.
    try:
        fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return key_path.read_bytes().strip()
    with os.fdopen(fd, "wb") as handle:
        handle.write(new_key)
    return new_key


class Hasher:
    """Keyed hashing of normalised values (HMAC-SHA256, hex)."""

    def __init__(self, key: bytes):
        self._key = key

    def __repr__(self) -> str:
        return "Hasher(key=***)"

    def hash(self, entity: str, normalized: str) -> str:
        # The entity is part of the message so that equal digits of two types differ.
        message = f"{entity}\x1f{normalized}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    def hash_many(self, entity: str, normalized: list[str]) -> list[str]:
        """``hash`` of each value, for the columnar path's bulk.

        The HMAC (RFC 2104) with its two keyed SHA-256 states set up once and copied per
        value: the same digests as ``hmac.new``, without its per-call set-up.
        """
        key = self._key if len(self._key) <= _BLOCK else hashlib.sha256(self._key).digest()
        key = key.ljust(_BLOCK, b"\0")
        inner = hashlib.sha256(bytes(b ^ 0x36 for b in key))
        outer = hashlib.sha256(bytes(b ^ 0x5C for b in key))
        prefix = f"{entity}\x1f".encode()
        hashes = []
        for value in normalized:
            mac = inner.copy()
            mac.update(prefix + value.encode())
            digest = outer.copy()
            digest.update(mac.digest())
            hashes.append(digest.hexdigest())
        return hashes


# A key check shows that two runs hold the same key without showing the key: the hash of a fixed
# text. Each use hashes its own text, so a check cannot be replayed from one file into another.
# The index and baseline checks are stored in users' files: their texts never change.
_KEY_CHECK_TEXTS = {
    "index": ("_", "fouille index key check"),
    "baseline": ("FOUILLE_BASELINE", "key-check"),
    "spark": ("FOUILLE_SPARK", "key-check"),
}


def key_check(hasher: Hasher, purpose: str) -> str:
    """The key check of one purpose (``index``, ``baseline``, ``spark``)."""
    entity, text = _KEY_CHECK_TEXTS[purpose]
    return hasher.hash(entity, text)

