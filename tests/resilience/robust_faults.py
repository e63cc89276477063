"""Run ``fouille`` with one fault injected from outside (the product has no test hooks).

Usage: ``FOUILLE_FAULT=NAME python tests/resilience/robust_faults.py scan ...``

Faults:
- ``state-full:N``: the Nth partition record in ``state.sqlite`` fails as on a full disk;
- ``crash``: building the inventory raises an unexpected error whose message holds a
  value (it must not be printed or logged).
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

CRASH_MESSAGE = "unexpected value 06 39 98 00 01"  # fouille: ignore - fiction range, a planted canary


def _state_full(nth: int) -> None:
    from fouille.scanner.engine.state import ScanState

    original = ScanState.record
    calls = [0]

    def record(self, partition_id, *args, **kwargs):
        calls[0] += 1
        if calls[0] == nth:
            raise sqlite3.OperationalError("database or disk is full")
        return original(self, partition_id, *args, **kwargs)

    ScanState.record = record


def _crash() -> None:
    import fouille.scanner.cli.scan_outputs

    def build_inventory(*args, **kwargs):
        raise RuntimeError(CRASH_MESSAGE)

    fouille.scanner.cli.scan_outputs.build_inventory = build_inventory


def install(fault: str) -> None:
    name, _, arg = fault.partition(":")
    if name == "state-full":
        _state_full(int(arg or 1))
    elif name == "crash":
        _crash()
    else:
        raise SystemExit(f"unknown fault {fault!r}")


if __name__ == "__main__":
    install(os.environ["FOUILLE_FAULT"])
    from fouille.scanner.cli.main import main

    sys.exit(main(sys.argv[1:]))
