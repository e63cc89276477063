"""Which files the gate reads: .gitignore, excludes, binaries, .git."""

import shutil
import subprocess

import pytest

from fouille.scanner.cigate.walk import WalkError, is_excluded, list_files


def make_tree(root):
    (root / "keep").mkdir()
    (root / "keep" / "a.txt").write_text("hello\n")
    (root / "keep" / "b.csv").write_text("x\n")
    (root / "build").mkdir()
    (root / "build" / "out.txt").write_text("ignored\n")
    (root / "keep" / "debug.log").write_text("ignored\n")
    (root / "keep" / "important.log").write_text("kept by negation\n")
    (root / "keep" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "keep" / "blob.dat").write_bytes(b"abc\0def")
    (root / "vendor").mkdir()
    (root / "vendor" / "lib.js").write_text("x\n")
    (root / ".gitignore").write_text("build/\n*.log\n!important.log\n")


EXPECTED = [".gitignore", "keep/a.txt", "keep/b.csv", "keep/important.log"]


def test_plain_folder_honours_gitignore_excludes_and_binaries(tmp_path):
    make_tree(tmp_path)
    (tmp_path / ".git").mkdir()  # a stray .git folder is never read, git or not
    (tmp_path / ".git" / "config").write_text("x\n")
    assert sorted(list_files(tmp_path, [tmp_path], ["vendor"])) == EXPECTED


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_work_tree_uses_git_ignore_rules(tmp_path):
    make_tree(tmp_path)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert sorted(list_files(tmp_path, [tmp_path], ["vendor/"])) == EXPECTED
    assert list(list_files(tmp_path, [tmp_path / "keep" / "a.txt"])) == ["keep/a.txt"]


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(WalkError):
        list(list_files(tmp_path, [tmp_path / "nope"]))


def test_exclude_globs_match_files_and_folders():
    assert is_excluded("tests/fixtures/x.csv", ["tests/fixtures"])
    assert is_excluded("a/b/c.min.js", ["*.min.js"])
    assert is_excluded("a/node_modules/x/y.js", ["node_modules"])
    assert not is_excluded("a/b/c.js", ["*.min.js", "vendor"])
