"""No traceback reaches a user: a full disk at a state write, a damaged state row and an
unexpected error each end in one line and the right exit code (issue 18, item 15)."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

from resilience_helpers import HERE, base_env, comparable_inventory, findings_multiset, run_fouille

FAULTS = HERE / "robust_faults.py"


def _data(folder: Path) -> Path:
    folder.mkdir()
    for name in ("a", "b", "c"):
        rows = "".join(f"{i};{name}{i}@example.com\n" for i in range(30))
        (folder / f"{name}.csv").write_text("id;email\n" + rows, encoding="utf-8")
    return folder


def _faulty(fault: str, *args: str):
    return subprocess.run([sys.executable, str(FAULTS), *args], check=False, capture_output=True,
                          text=True, env=base_env(FOUILLE_FAULT=fault), timeout=300)


def _scan_args(data: Path, out: Path) -> list[str]:
    return ["scan", str(data), "--out", str(out), "--full", "--quiet"]


def _reference(tmp_path: Path, data: Path):
    out = tmp_path / "reference"
    assert run_fouille(*_scan_args(data, out)).returncode == 0
    return findings_multiset(out), comparable_inventory(out)


def test_disk_full_at_a_state_write_is_partial_and_resumable(tmp_path):
    data = _data(tmp_path / "data")
    out = tmp_path / "report"
    failed = _faulty("state-full:2", *_scan_args(data, out))
    assert failed.returncode == 3, failed.stderr
    assert "Traceback" not in failed.stderr
    assert "cannot record the result" in failed.stderr
    resumed = run_fouille(*_scan_args(data, out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert (findings_multiset(out), comparable_inventory(out)) == _reference(tmp_path, data)


def test_damaged_state_row_is_scanned_again(tmp_path):
    data = _data(tmp_path / "data")
    out = tmp_path / "report"
    assert run_fouille(*_scan_args(data, out)).returncode == 0
    with sqlite3.connect(out / "state.sqlite") as db:
        first, second = [r[0] for r in db.execute("SELECT id FROM partitions ORDER BY id LIMIT 2")]
        db.execute("UPDATE partitions SET result = '{\"rows\": ' WHERE id = ?", (first,))
        db.execute("UPDATE partitions SET result = '{\"rows\": 3}' WHERE id = ?", (second,))
    resumed = run_fouille(*_scan_args(data, out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "Traceback" not in resumed.stderr
    assert (findings_multiset(out), comparable_inventory(out)) == _reference(tmp_path, data)


def test_unexpected_error_is_one_line_exit_4_with_a_private_log(tmp_path):
    data = _data(tmp_path / "data")
    crashed = _faulty("crash", *_scan_args(data, tmp_path / "report"))
    assert crashed.returncode == 4, crashed.stderr
    lines = crashed.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fouille: internal error (RuntimeError)")
    assert "Traceback" not in crashed.stderr
    log = Path(lines[0].split("details in ", 1)[1].split(". ", 1)[0])
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    details = log.read_text(encoding="utf-8")
    assert "build_inventory" in details and "RuntimeError" in details
    assert "06 39 98" not in details + crashed.stderr  # an exception message is never copied
    log.unlink()


# -- messages (issue 18, item 16) -------------------------------------------------------------


def test_an_error_of_every_piece_is_reported_once():
    from fouille.scanner.engine.container import ContainerResult
    from fouille.scanner.core.model import ScanError
    from fouille.scanner.engine.partitioning import merge_pieces

    error = ScanError("data", "big.csv", "more than 2000 fields: the others are scanned together")
    pieces = [ContainerResult("data", "big.csv", rows=10, errors=[error]) for _ in range(4)]
    [merged] = merge_pieces(pieces)
    assert merged.errors == [error] and merged.rows == 40


def test_jsonl_line_over_16_mb_is_said_skipped_not_scanned():
    import io

    from fouille.connectors.base import Batch, ReadError, ReadOptions
    from fouille.connectors.files import read_stream

    huge = b'{"note": "' + b"x" * (17 * 2**20) + b'"}\n'
    data = b'{"email": "a@example.com"}\n' + huge + b'{"email": "b@example.com"}\n'
    items = list(read_stream("big.jsonl", lambda: io.BytesIO(data), ReadOptions()))
    errors = [(i.location, i.error) for i in items if isinstance(i, ReadError)]
    assert errors == [("big.jsonl:line 2", "line longer than 16 MB: skipped (not scanned)")]
    assert sum(i.num_rows for i in items if isinstance(i, Batch)) == 2


def test_binary_parquet_columns_are_listed():
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    from fouille.connectors.base import Batch, ReadError, ReadOptions
    from fouille.connectors.files.parquet_reader import read_parquet

    buffer = io.BytesIO()
    pq.write_table(pa.table({"email": ["a@example.com"], "photo": [b"\x89PNG"]}), buffer)
    buffer.seek(0)
    items = list(read_parquet("p.parquet", buffer, ReadOptions()))
    errors = [(i.location, i.error) for i in items if isinstance(i, ReadError)]
    assert errors == [("p.parquet:photo", "binary column (bytes, not text): not scanned")]
    assert [b.data.schema.names for b in items if isinstance(b, Batch)] == [["email"]]
