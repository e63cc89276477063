"""Run the real ``fouille`` command in a subprocess and compare report folders."""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import sys
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
HARNESS = HERE / "harness.py"
NETGUARD = HERE / "netguard"
UNPRIVILEGED = "nobody"


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    max_rss_mb: float


def base_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FOUILLE_KILL", "FOUILLE_BEFORE"))}
    env.update({"NO_COLOR": "1", "FOUILLE_KEY": "test-key-not-secret", "PYTHONPATH": str(REPO)})
    env.update(extra)
    return env


def run_fouille(
    *args: str,
    env: dict[str, str] | None = None,
    harness: bool = False,
    as_user: str | None = None,
    preexec=None,
    timeout: float = 300,
) -> Run:
    """Run ``fouille ARGS`` (through the crash harness if asked) and measure its peak memory.

    Peak memory is the child's own ``VmHWM`` (polled from /proc until it exits): ``ru_maxrss``
    of a forked child starts at the parent's size, and pytest grows past a gigabyte.
    """
    entry = [str(HARNESS)] if harness else ["-m", "fouille.scanner.cli"]
    command = [sys.executable, *entry, *args]
    if as_user:
        command = ["setpriv", f"--reuid={as_user}", f"--regid={pwd.getpwnam(as_user).pw_gid}",
                   "--clear-groups", *command]
    with open(os.devnull, "rb") as stdin:
        process = subprocess.Popen(
            command, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO,
            env=env or base_env(), preexec_fn=preexec,
        )
    output: dict[str, bytes] = {}
    readers = [threading.Thread(target=lambda n=n, s=s: output.__setitem__(n, s.read()))
               for n, s in (("stdout", process.stdout), ("stderr", process.stderr))]
    for reader in readers:
        reader.start()
    peak_kb = [0]
    done = threading.Event()

    def watch_memory() -> None:
        status_file = Path(f"/proc/{process.pid}/status")
        while not done.is_set():
            try:
                for line in status_file.read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peak_kb[0] = max(peak_kb[0], int(line.split()[1]))
            except (OSError, ValueError):
                pass
            done.wait(0.05)

    watcher = threading.Thread(target=watch_memory, daemon=True)
    watcher.start()
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    try:
        _, status, _usage = os.wait4(process.pid, 0)
    finally:
        timer.cancel()
        done.set()
        watcher.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    process.stdout.close()
    process.stderr.close()
    return Run(process.returncode, output["stdout"].decode("utf-8", "replace"),
               output["stderr"].decode("utf-8", "replace"), peak_kb[0] / 1024)


def other_user() -> str | None:
    """Root reads a mode-000 file: run the scan as an unprivileged user then."""
    if os.geteuid() != 0:
        return None
    assert shutil.which("setpriv"), "setpriv (util-linux) is needed to drop root in this test"
    return UNPRIVILEGED


def give_to(path: Path, user: str | None) -> None:
    if user is None:
        return
    entry = pwd.getpwnam(user)
    for folder, dirs, files in os.walk(path):
        for name in [folder, *(os.path.join(folder, n) for n in dirs + files)]:
            os.chown(name, entry.pw_uid, entry.pw_gid)


def findings_multiset(out_dir: Path) -> Counter:
    """Every finding row of every Parquet file, as a multiset (order and file split ignored)."""
    rows: Counter = Counter()
    for path in sorted((out_dir / "findings").glob("*.parquet")):
        for row in pq.read_table(path).to_pylist():
            rows[tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(row.items()))] += 1
    return rows


def comparable_inventory(out_dir: Path) -> dict:
    """inventory.json without the run's own metadata (times, durations, resumed flag)."""
    inventory = json.loads((out_dir / "inventory.json").read_text(encoding="utf-8"))
    return {
        "fields": sorted(inventory["fields"], key=lambda f: (f["source"], f["container"], f["field"])),
        "containers": sorted(inventory["containers"], key=lambda c: (c["source"], c["container"])),
        "errors": sorted(json.dumps(e, sort_keys=True) for e in inventory["errors"]),
    }


def leftover_temporary_files(out_dir: Path) -> list[Path]:
    return [p for p in out_dir.rglob("*") if p.name.endswith(".tmp")]
