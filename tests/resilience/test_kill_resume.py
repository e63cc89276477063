"""kill -9 a scan at ten points, resume it: findings and inventory equal an uninterrupted scan."""

from __future__ import annotations

import json
import signal
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from resilience_helpers import (
    base_env,
    comparable_inventory,
    findings_multiset,
    leftover_temporary_files,
    run_fouille,
)

BATCH_ROWS = 40
KILLED = -signal.SIGKILL

# (name, kill points in order, workers): each kill point is EVENT:N (see harness.py).
# The data below gives 4 partitions and 16 batches with BATCH_ROWS = 40.
SCENARIOS = [
    ("first batch", ["batch:1"], 1),
    ("mid first file", ["batch:3"], 1),
    ("mid second file", ["batch:7"], 1),
    ("last batch", ["batch:16"], 1),
    ("findings renamed, state not recorded", ["commit:1"], 1),
    ("third file renamed, not recorded", ["commit:3"], 1),
    ("after first partition recorded", ["record:1"], 1),
    ("all recorded, no inventory", ["record:4"], 1),
    ("inventory.json written, not renamed", ["fsync:1"], 1),
    ("report.html written, not renamed", ["fsync:2"], 1),
    ("killed twice", ["batch:2", "batch:4"], 1),
    ("two workers, parent killed", ["record:2"], 2),
]


def _rows(prefix: str, count: int, offset: int = 0) -> list[dict]:
    return [
        {"id": str(i), "email": f"{prefix}.{i}@example.com",
         "telephone": f"01 99 00 {i % 100:02d} {(i // 100) + offset:02d}", "ville": "Lyon"}
        for i in range(count)
    ]


def make_data(folder: Path) -> Path:
    """Four containers of four kinds, 16 batches in all, no free text (no spaCy: fast runs)."""
    folder.mkdir()
    for name, rows in (("a.csv", _rows("alpha", 200)), ("c.csv", _rows("gamma", 160, 10))):
        lines = ["id;email;telephone;ville"] + [";".join(r.values()) for r in rows]
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "b.jsonl").write_text(
        "".join(json.dumps({"user": r}) + "\n" for r in _rows("beta", 160, 20)), encoding="utf-8"
    )
    pq.write_table(pa.Table.from_pylist(_rows("delta", 120, 30)), folder / "d.parquet")
    return folder


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("kill")
    data = make_data(root / "data")
    reference = root / "reference"
    result = run_fouille(*_scan_args(data, reference, 1))
    assert result.returncode == 0, result.stderr
    return root, data, reference


def _scan_args(data: Path, out: Path, workers: int) -> list[str]:
    config = out.parent / f"{out.name}.toml"
    config.write_text(f'[scan]\nbatch_rows = {BATCH_ROWS}\nworkers = {workers}\n', encoding="utf-8")
    return ["scan", str(data), "--config", str(config), "--out", str(out), "--full", "--quiet"]


def _play(root: Path, data: Path, index: int, kills: list[str], workers: int) -> dict:
    out = root / f"run{index}"
    args = _scan_args(data, out, workers)
    problems = []
    for number, point in enumerate(kills):
        resume = ["--resume"] if number else []
        killed = run_fouille(*args, *resume, env=base_env(FOUILLE_KILL_AT=point), harness=True)
        if killed.returncode != KILLED:
            problems.append(f"{point}: not killed (exit {killed.returncode}): {killed.stderr[-300:]}")
    resumed = run_fouille(*args, "--resume")
    if resumed.returncode != 0:
        problems.append(f"resume exit {resumed.returncode}: {resumed.stderr[-300:]}")
    return {"out": out, "problems": problems}


def test_killed_scans_resume_to_the_same_result(workspace):
    root, data, reference = workspace
    expected_findings = findings_multiset(reference)
    expected_inventory = comparable_inventory(reference)
    assert sum(expected_findings.values()) >= 640  # an email and a phone in every row

    with ThreadPoolExecutor(max_workers=6) as pool:
        plays = list(pool.map(lambda s: _play(root, data, s[0], s[1][1], s[1][2]), enumerate(SCENARIOS)))

    failures = []
    for (name, kills, _), play in zip(SCENARIOS, plays):
        out = play["out"]
        problems = list(play["problems"])
        if not problems:
            got = findings_multiset(out)
            if got != expected_findings:
                missing, doubled = expected_findings - got, got - expected_findings
                problems.append(f"findings differ: {sum(missing.values())} missing, "
                                f"{sum(doubled.values())} extra")
            if comparable_inventory(out) != expected_inventory:
                problems.append("inventory differs")
            if leftover_temporary_files(out):
                problems.append(f"temporary files left: {leftover_temporary_files(out)}")
        failures += [f"{name} {kills}: {p}" for p in problems]
    assert not failures, "\n".join(failures)


def test_resume_refuses_other_settings(workspace, tmp_path):
    _, data, _ = workspace
    out = tmp_path / "report"
    first = run_fouille(*_scan_args(data, out, 1), env=base_env(FOUILLE_KILL_AT="record:1"), harness=True)
    assert first.returncode == KILLED
    sample_mode = [a for a in _scan_args(data, out, 1) if a != "--full"]
    refused = run_fouille(*sample_mode, "--resume")
    assert refused.returncode == 2
    assert "--resume" in refused.stderr and "Traceback" not in refused.stderr
