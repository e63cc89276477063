import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def demo_data(tmp_path_factory) -> Path:
    sys.path.insert(0, str(REPO / "examples" / "demo"))
    from generate import generate

    return generate(tmp_path_factory.mktemp("demo") / "data", rows=600)
