"""The gate's root comes from the PATHs given, not from the folder it is run from."""

import json
import shutil
import subprocess

import pytest

from fouille.scanner.cigate.__main__ import main
from tests.cigate.test_cigate_command import FIXTURE, real_email

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def git_repo(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE, root)
    subprocess.run(["git", "-C", str(root), "init", "-q"], check=True)
    (root / "data" / "notes.txt").write_text(f"accepted: {real_email()}\n", encoding="utf-8")
    return root


def test_run_from_another_folder_reads_the_repository_baseline(git_repo, tmp_path, monkeypatch):
    monkeypatch.chdir(git_repo)
    assert main(["--update-baseline", "."]) == 0
    assert (git_repo / ".fouille-baseline.json").exists()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main([str(git_repo)]) == 0  # the old behaviour ignored the baseline: exit 1
    assert main([str(git_repo / "data")]) == 0  # a sub-folder finds the same top level


def test_sarif_paths_are_relative_to_the_repository(git_repo, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # the repository is tmp_path/repo: old paths were repo/data/...
    assert main(["--format", "sarif", str(git_repo)]) == 1
    sarif = json.loads(capsys.readouterr().out)
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for result in sarif["runs"][0]["results"]
        for loc in result["locations"]
    }
    assert "data/notes.txt" in uris
    assert not any(uri.startswith("repo/") for uri in uris)


def test_root_option_still_overrides(git_repo, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["--root", str(tmp_path), "--format", "json", str(git_repo / "data")]) == 1
    paths = {f["path"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert "repo/data/notes.txt" in paths


def test_paths_in_two_repositories_are_a_usage_error(git_repo, tmp_path, capsys):
    other = tmp_path / "other"
    other.mkdir()
    subprocess.run(["git", "-C", str(other), "init", "-q"], check=True)
    assert main([str(git_repo), str(other)]) == 2
    assert "different repositories" in capsys.readouterr().err
