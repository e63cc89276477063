"""Walking files: never leave the folders given, say what was skipped, never hang
(issue 18, items 2 and 14)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from fouille.connectors.base import Batch, ReadError, ReadOptions
from fouille.connectors.files import FilesConnector
from fouille.connectors.files.walking import OUTSIDE_FILE, OUTSIDE_FOLDER

ROW = "id;email\n1;inside@example.com\n"


@pytest.fixture
def tree(tmp_path) -> Path:
    """data/ with a file, a link to a file outside, a link to a folder outside, two loops."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.csv").write_text("id;email\n1;outside@example.com\n", encoding="utf-8")
    data = tmp_path / "data"
    (data / "sub").mkdir(parents=True)
    (data / "sub" / "a.csv").write_text(ROW, encoding="utf-8")
    os.symlink(outside / "secret.csv", data / "shadow.csv")
    os.symlink(outside, data / "elsewhere")
    os.symlink(data, data / "sub" / "loop1")  # two loops: ** used to follow them
    os.symlink(data / "sub", data / "sub" / "loop2")
    return data


def _listing(connector) -> tuple[list[str], list[ReadError]]:
    items = list(connector.containers())
    return ([i.name for i in items if not isinstance(i, ReadError)],
            [i for i in items if isinstance(i, ReadError)])


def _in_thread(function, seconds: float = 60):
    """Run ``function``; fail (instead of hanging the suite) if it does not return."""
    result: list = []
    worker = threading.Thread(target=lambda: result.append(function()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "blocked"
    return result[0]


@pytest.mark.parametrize("paths", [["data"], ["data/**/*.csv"], ["data/*.csv", "data/sub/*.csv"]])
def test_links_outside_the_roots_are_skipped_and_named(tree, paths):
    connector = FilesConnector("files", paths, base_dir=tree.parent)
    names, errors = _in_thread(lambda: _listing(connector))
    assert "shadow.csv" not in names and not any("secret" in n for n in names)
    assert any(n.endswith("a.csv") for n in names)
    assert ("shadow.csv", OUTSIDE_FILE) in {(e.location, e.error) for e in errors}
    if paths != ["data/*.csv", "data/sub/*.csv"]:
        assert ("elsewhere", OUTSIDE_FOLDER) in {(e.location, e.error) for e in errors}


def test_follow_symlinks_reads_outside_and_ends_loops(tree):
    connector = FilesConnector.from_config(
        {"name": "files", "paths": ["data/**/*.csv"], "follow_symlinks": True}, tree.parent)
    names, errors = _in_thread(lambda: _listing(connector))
    # The outside file, reached by two links, is read once; loops are walked once.
    assert len([n for n in names if n in ("shadow.csv", "elsewhere/secret.csv")]) == 1
    assert names.count("sub/a.csv") == 1 and not any("loop" in n for n in names)
    assert errors == []


def test_file_replaced_by_a_fifo_after_listing_does_not_block(tmp_path):
    (tmp_path / "a.csv").write_text(ROW, encoding="utf-8")
    connector = FilesConnector("files", [str(tmp_path)])
    [container] = list(connector.containers())
    (tmp_path / "a.csv").unlink()
    os.mkfifo(tmp_path / "a.csv")
    items = _in_thread(lambda: list(connector.read(container, ReadOptions())))
    assert not any(isinstance(i, Batch) for i in items)
    assert [i.location for i in items] == ["a.csv"]
    assert "not a regular file" in items[0].error


def test_ci_gate_does_not_block_on_a_fifo_put_after_listing(tmp_path):
    from fouille.scanner.cigate.gate import GateOptions, check_file
    from fouille.scanner.core.keys import Hasher

    (tmp_path / "notes.txt").write_text("rien\n", encoding="utf-8")
    (tmp_path / "notes.txt").unlink()
    os.mkfifo(tmp_path / "notes.txt")
    result = _in_thread(lambda: check_file(tmp_path, "notes.txt", Hasher(b"k"), GateOptions()))
    assert result.skipped.startswith("unreadable: not a regular file")
