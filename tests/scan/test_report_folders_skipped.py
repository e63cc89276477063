"""``fouille scan .`` does not rescan fouille's own report folders (issue 23)."""

import json

from scan_cli import run_fouille

from fouille.connectors.files.walking import walk


def _tree(tmp_path):
    (tmp_path / "clients.csv").write_text("email\nanne@example.com\n", encoding="utf-8")
    old = tmp_path / "fouille-report"  # an earlier report: its marker and a findings export
    old.mkdir()
    (old / ".fouille-report").write_text("marker\n", encoding="utf-8")
    (old / "findings.csv").write_text("email\nbob@example.com\n", encoding="utf-8")
    legacy = tmp_path / "old-report"  # written before the marker existed
    legacy.mkdir()
    for name in ("inventory.json", "state.sqlite"):
        (legacy / name).write_text("{}", encoding="utf-8")
    (legacy / "fields.csv").write_text("email\ncarl@example.com\n", encoding="utf-8")
    return tmp_path


def test_walk_prunes_report_folders(tmp_path):
    root = _tree(tmp_path)
    assert [p.rsplit("/", 1)[1] for p in walk(root, False, lambda *_: None)] == ["clients.csv"]


def test_scan_of_a_folder_skips_reports_and_says_so_once(tmp_path):
    root = _tree(tmp_path)
    out = root / "new-report"
    result = run_fouille("scan", "--out", str(out), ".", cwd=root)
    assert result.returncode == 0, result.stderr
    containers = [c["container"] for c in json.loads((out / "inventory.json").read_text())["containers"]]
    assert containers == ["./clients.csv"] or [c.lstrip("./") for c in containers] == ["clients.csv"]
    assert result.stderr.count("holding a fouille report") == 1
