"""Run ``fouille`` with a crash point: ``kill -9`` itself at the Nth occurrence of an event.

Usage: ``FOUILLE_KILL_AT=batch:3 python tests/resilience/harness.py scan ...``

Events (patched from outside: the product has no test hooks):
- ``batch``: a batch was scanned and its findings handed to the (temporary) findings file;
- ``commit``: a partition's findings file was renamed into place, its state not yet recorded;
- ``record``: a partition was recorded as done in ``state.sqlite``;
- ``fsync``: an output (inventory.json, report.html) is complete in its temporary file,
  not yet renamed.

``FOUILLE_BEFORE_PARTITION=N:command:path`` runs a file fault before the Nth partition
starts: ``delete`` the file, or ``revoke`` read access (mode 000; the scan must run as a
user other than root for that to bite).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

_counts: dict[str, int] = {}


def _kill_at() -> tuple[str, int] | None:
    spec = os.environ.get("FOUILLE_KILL_AT")
    if not spec:
        return None
    event, _, count = spec.partition(":")
    return event, int(count or 1)


def _event(name: str) -> None:
    target = _kill_at()
    _counts[name] = _counts.get(name, 0) + 1
    if target and target == (name, _counts[name]):
        os.kill(os.getpid(), signal.SIGKILL)


def _after(owner: type, method: str, event: str) -> None:
    original = getattr(owner, method)

    def wrapped(*args, **kwargs):
        result = original(*args, **kwargs)
        _event(event)
        return result

    setattr(owner, method, wrapped)


class _OsWithCrashingFsync:
    """``os`` for fouille.scanner.core.atomic only: fsync counts as the ``fsync`` event."""

    def __getattr__(self, name):
        return getattr(os, name)

    @staticmethod
    def fsync(fd: int) -> None:
        os.fsync(fd)
        _event("fsync")


def _file_fault(partition_no: int) -> None:
    spec = os.environ.get("FOUILLE_BEFORE_PARTITION")
    if not spec:
        return
    when, command, path = spec.split(":", 2)
    if int(when) != partition_no:
        return
    if command == "delete":
        os.unlink(path)
    elif command == "revoke":
        os.chmod(path, 0)


def install() -> None:
    import fouille.scanner.core.atomic
    import fouille.scanner.engine.local
    from fouille.scanner.core.findings import FindingsWriter
    from fouille.scanner.engine.container import ContainerScanner
    from fouille.scanner.engine.state import ScanState

    _after(ContainerScanner, "_scan_batch", "batch")
    _after(FindingsWriter, "commit", "commit")
    _after(ScanState, "record", "record")
    fouille.scanner.core.atomic.os = _OsWithCrashingFsync()

    if not os.environ.get("FOUILLE_BEFORE_PARTITION"):
        return  # the wrapper below cannot be pickled for a process pool: only patch when asked
    original = fouille.scanner.engine.local.scan_partition

    def scan_partition(partition, key, progress=None):
        _counts["partition"] = _counts.get("partition", 0) + 1
        _file_fault(_counts["partition"])
        return original(partition, key, progress)

    fouille.scanner.engine.local.scan_partition = scan_partition


if __name__ == "__main__":
    install()
    from fouille.scanner.cli.main import main

    sys.exit(main(sys.argv[1:]))
