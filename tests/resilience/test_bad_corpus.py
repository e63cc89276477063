"""The bad-input corpus: no crash, each input reported (or scanned), memory bounded."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from make_bad_inputs import CORPUS, make_corpus
from resilience_helpers import base_env, give_to, other_user, run_fouille

PEAK_RSS_MB = 1500  # generous: the scan peaks near 600 MB (spaCy is ~300 MB of it)


def shown(name: str) -> str:
    """How a file name appears in reports (bytes that are not UTF-8 escaped)."""
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")


@pytest.fixture(scope="module")
def corpus_scan():
    root = Path(tempfile.mkdtemp(prefix="fouille-corpus-"))
    root.chmod(0o755)
    corpus = root / "corpus"
    out = root / "report"
    out.mkdir()
    make_corpus(corpus, huge_line_mb=100)
    user = other_user()
    give_to(out, user)  # the corpus stays root's: its mode-000 file is unreadable to the scan
    try:
        result = run_fouille("scan", str(corpus), "--out", str(out), "--quiet",
                             env=base_env(HOME=str(root)), as_user=user, timeout=240)
        inventory = json.loads((out / "inventory.json").read_text(encoding="utf-8"))
        html = (out / "report.html").read_text(encoding="utf-8")
        yield result, inventory, html
    finally:
        for folder, dirs, _ in os.walk(root):
            for name in dirs:
                os.chmod(os.path.join(folder, name), 0o755)
        shutil.rmtree(root, ignore_errors=True)


def test_no_crash_and_memory_bounded(corpus_scan):
    result, _, _ = corpus_scan
    assert "Traceback" not in result.stderr
    assert result.returncode == 3, result.stderr[-2000:]
    assert result.max_rss_mb < PEAK_RSS_MB, f"peak RSS {result.max_rss_mb:.0f} MB"
    print(f"corpus scan peak RSS: {result.max_rss_mb:.0f} MB")


def test_corpus_is_large_enough():
    assert len(CORPUS) >= 30


@pytest.mark.parametrize("item", CORPUS, ids=[shown(i.name) for i in CORPUS])
def test_each_input_is_reported_or_scanned(corpus_scan, item):
    _, inventory, _ = corpus_scan
    name = shown(item.name)
    errors = [e for e in inventory["errors"] if e["location"] == name or e["location"].startswith(name + ":")]
    scanned = [c for c in inventory["containers"] if c["container"] == name]
    if item.expect == "error":
        assert errors, f"{name}: expected an error entry"
    elif item.expect == "scanned":
        assert scanned and not errors, f"{name}: scanned={bool(scanned)} errors={errors}"
    elif item.expect == "either":
        assert scanned or errors
    for error in errors:  # errors name a place and never quote the content
        assert "@example.com" not in error["error"]


def test_rows_around_bad_lines_are_still_scanned(corpus_scan):
    _, inventory, _ = corpus_scan
    emails = {f["container"]: f["entities"].get("EMAIL_ADDRESS", {}).get("count", 0)
              for f in inventory["fields"] if f["field"] == "email"}
    assert emails["huge_line.csv"] == 3  # before, on and after the 100 MB line
    assert emails["huge_line.csv.gz"] == 3
    assert emails["ragged.csv"] == 3
    assert emails["mixed_encodings.csv"] == 32
    assert emails["folder.csv/inner.csv"] == 1


def test_report_escapes_scanned_strings(corpus_scan):
    _, _, html = corpus_scan
    assert "<script>alert" not in html
    assert "<img src=x" not in html
