import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run_fouille(*args: str, env_extra: dict | None = None, cwd: Path | None = None):
    """Run the real command line in a subprocess; returns CompletedProcess (text)."""
    import os

    env = {**os.environ, "NO_COLOR": "1", **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "scanner.cli", *args], capture_output=True, text=True, env=env,
        cwd=cwd or REPO, timeout=600,
    )


@pytest.fixture(scope="session")
def demo_data(tmp_path_factory) -> Path:
    sys.path.insert(0, str(REPO / "examples" / "demo"))
    from generate import generate

    return generate(tmp_path_factory.mktemp("demo") / "data", rows=600)
