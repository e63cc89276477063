"""Run the real ``fouille`` command line from the scan tests."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_fouille(*args: str, env_extra: dict | None = None, cwd: Path | None = None):
    """Run the real command line in a subprocess; returns CompletedProcess (text)."""
    env = {**os.environ, "NO_COLOR": "1", **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "fouille.scanner.cli", *args], capture_output=True, text=True, env=env,
        cwd=cwd or REPO, timeout=600,
    )
