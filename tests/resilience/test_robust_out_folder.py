"""``--out`` never deletes the user's files, and one report folder serves one scan at a time
(issue 18, items 8 and 15)."""

from __future__ import annotations

import fcntl
import os
import stat
from pathlib import Path

from resilience_helpers import run_fouille


def _data(folder: Path) -> Path:
    folder.mkdir()
    (folder / "contacts.csv").write_text("id,email\n1,anne@example.com\n", encoding="utf-8")
    return folder


def test_folder_with_user_files_is_refused_untouched(tmp_path):
    data = _data(tmp_path / "data")
    out = tmp_path / "documents"
    (out / "findings").mkdir(parents=True)
    (out / "findings" / "notes.docx").write_bytes(b"the user's own notes")
    (out / "inventory.json").write_text("{}", encoding="utf-8")
    out.chmod(0o755)
    result = run_fouille("scan", str(data), "--out", str(out), "--quiet")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert str(out) in result.stderr and "not empty" in result.stderr
    assert (out / "findings" / "notes.docx").read_bytes() == b"the user's own notes"
    assert (out / "inventory.json").read_text(encoding="utf-8") == "{}"
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
    # A new folder, an empty one and a report folder a scan made are used (and reused).
    empty = tmp_path / "empty"
    empty.mkdir()
    for folder in (tmp_path / "new" / "report", empty, empty):
        done = run_fouille("scan", str(data), "--out", str(folder), "--quiet")
        assert done.returncode == 0, done.stderr
        assert (folder / "inventory.json").is_file()


def test_second_scan_into_a_busy_folder_names_the_first(tmp_path):
    data = _data(tmp_path / "data")
    out = tmp_path / "report"
    assert run_fouille("scan", str(data), "--out", str(out), "--quiet").returncode == 0
    before = (out / "inventory.json").read_bytes()
    # This test process plays the first scan: it holds the folder's lock, as a scan does.
    fd = os.open(out / ".fouille.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        second = run_fouille("scan", str(data), "--out", str(out), "--quiet")
    finally:
        os.close(fd)
    assert second.returncode == 2, second.stderr
    assert f"PID {os.getpid()}" in second.stderr
    assert "Traceback" not in second.stderr
    assert (out / "inventory.json").read_bytes() == before  # the first scan's files untouched
    assert run_fouille("scan", str(data), "--out", str(out), "--quiet").returncode == 0
