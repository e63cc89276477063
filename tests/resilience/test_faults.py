"""Faults during a scan: output disk full, a file deleted or made unreadable mid-scan.

Each gives a clear error naming the place (no traceback), the rest is scanned, nothing
half-written is left, and ``--resume`` completes what was missed.
"""

from __future__ import annotations

import resource
import shutil
import signal
import tempfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from resilience_helpers import (
    base_env,
    comparable_inventory,
    findings_multiset,
    give_to,
    leftover_temporary_files,
    other_user,
    run_fouille,
)

BIG_ROWS = 5000  # its findings file is ~150 KB: over the 100 KB file-size limit below


def make_data(folder: Path) -> Path:
    folder.mkdir(parents=True)
    rows = [f"{i};big.{i}@example.com;01 99 00 {i % 100:02d} {i // 100 % 100:02d}" for i in range(BIG_ROWS)]
    (folder / "big.csv").write_text("id;email;telephone\n" + "\n".join(rows) + "\n", encoding="utf-8")
    for name in ("a_small", "z_small"):
        (folder / f"{name}.csv").write_text(f"id;email\n1;{name}@example.com\n", encoding="utf-8")
    return folder


def scan_args(data: Path, out: Path) -> list[str]:
    return ["scan", str(data), "--out", str(out), "--full", "--quiet"]


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    root = tmp_path_factory.mktemp("faults")
    data = make_data(root / "data")
    out = root / "reference"
    result = run_fouille(*scan_args(data, out))
    assert result.returncode == 0, result.stderr
    return findings_multiset(out), comparable_inventory(out)


def _file_size_limit(limit: int):
    def preexec() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return preexec


def assert_readable_outputs(out: Path) -> None:
    assert not leftover_temporary_files(out)
    for path in (out / "findings").glob("*.parquet"):
        pq.read_table(path)  # every published findings file is whole


def assert_same_as(reference, out: Path) -> None:
    findings, inventory = reference
    assert findings_multiset(out) == findings
    assert comparable_inventory(out) == inventory


@pytest.mark.parametrize("limit", [100_000, 4_000])
def test_output_disk_full(reference, tmp_path, limit):
    data = make_data(tmp_path / "data")
    out = tmp_path / "report"
    full = run_fouille(*scan_args(data, out), preexec=_file_size_limit(limit))
    assert "Traceback" not in full.stderr
    if limit == 100_000:  # the big partition cannot be written; the others are
        assert full.returncode == 3
        assert "big.csv" in full.stderr and "File too large" in full.stderr
        containers = {c["container"] for c in comparable_inventory(out)["containers"]}
        assert {"a_small.csv", "z_small.csv"} <= containers
    else:  # not even the state file: a usage-level failure, said in one line
        assert full.returncode in (2, 3)
        assert full.stderr.startswith("fouille:")
    if out.exists():
        assert_readable_outputs(out)
    resumed = run_fouille(*scan_args(data, out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert_same_as(reference, out)


def test_file_deleted_during_scan(reference, tmp_path):
    data = make_data(tmp_path / "data")
    out = tmp_path / "report"
    saved = (data / "big.csv").read_bytes()
    env = base_env(FOUILLE_BEFORE_PARTITION=f"2:delete:{data / 'big.csv'}")
    result = run_fouille(*scan_args(data, out), env=env, harness=True)
    assert result.returncode == 3
    assert "big.csv: cannot open: No such file or directory" in result.stderr
    assert "Traceback" not in result.stderr
    containers = {c["container"] for c in comparable_inventory(out)["containers"]}
    assert {"a_small.csv", "z_small.csv"} <= containers  # the rest was scanned
    (data / "big.csv").write_bytes(saved)
    resumed = run_fouille(*scan_args(data, out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert_same_as(reference, out)


@pytest.fixture
def shared_dir():
    """A folder another user can use (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="fouille-faults-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_file_made_unreadable_during_scan(reference, shared_dir):
    user = other_user()
    data = make_data(shared_dir / "data")
    out = shared_dir / "report"
    give_to(shared_dir, user)
    env = base_env(FOUILLE_BEFORE_PARTITION=f"2:revoke:{data / 'big.csv'}", HOME=str(shared_dir))
    result = run_fouille(*scan_args(data, out), env=env, harness=True, as_user=user)
    assert result.returncode == 3, result.stderr
    assert "big.csv: cannot open: Permission denied" in result.stderr
    assert "Traceback" not in result.stderr
    (data / "big.csv").chmod(0o644)
    resumed = run_fouille(*scan_args(data, out), "--resume", env=base_env(HOME=str(shared_dir)),
                          as_user=user)
    assert resumed.returncode == 0, resumed.stderr
    assert_same_as(reference, out)
