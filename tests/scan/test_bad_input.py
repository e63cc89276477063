"""Each kind of bad input becomes an error naming the file and line; the rest is scanned (issue 2)."""

import gzip
import json

import pytest
from scan_cli import run_fouille

GOOD = "id;email\n1;good.one@example.com\n"


def scan(tmp_path, files: dict[str, bytes], *extra: str):
    data = tmp_path / "data"
    data.mkdir()
    for name, content in files.items():
        (data / name).write_bytes(content)
    (data / "other.csv").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "report"
    result = run_fouille("scan", str(data), "--out", str(out), "--quiet", *extra)
    inventory = json.loads((out / "inventory.json").read_text())
    return result, inventory


def emails_found(inventory, container):
    return sum(
        f["entities"].get("EMAIL_ADDRESS", {}).get("count", 0)
        for f in inventory["fields"] if f["container"] == container
    )


def assert_other_file_scanned(inventory):
    assert emails_found(inventory, "other.csv") == 1


def test_wrong_number_of_fields(tmp_path):
    content = "id;email;ville\n1;a.one@example.com;Lyon\n2;b.two@example.com\n3;c.three@example.com;Nantes;extra\n"
    result, inventory = scan(tmp_path, {"ragged.csv": content.encode()})
    assert result.returncode == 3
    locations = {e["location"] for e in inventory["errors"]}
    assert {"ragged.csv:line 3", "ragged.csv:line 4"} <= locations
    assert emails_found(inventory, "ragged.csv") == 3  # the short and long rows are still scanned
    assert "ragged.csv:line 3" in result.stderr
    assert_other_file_scanned(inventory)


def test_undecodable_bytes(tmp_path):
    lines = [b"id;email;notes", b"1;a.one@example.com;ok"] + [b"%d;x%d@example.com;caf\xc3\xa9" % (i, i) for i in range(2, 40)]
    lines.insert(25, b"99;bad.bytes@example.com;\xff\xfe\xc3(")
    result, inventory = scan(tmp_path, {"mixed.csv": b"\n".join(lines) + b"\n"})
    assert result.returncode == 3
    errors = [e for e in inventory["errors"] if e["location"].startswith("mixed.csv")]
    assert errors and errors[0]["location"] == "mixed.csv:line 26"
    assert "\\xff" not in json.dumps(errors)
    assert emails_found(inventory, "mixed.csv") == 40
    assert_other_file_scanned(inventory)


def test_empty_file(tmp_path):
    result, inventory = scan(tmp_path, {"empty.csv": b""})
    assert result.returncode == 3
    assert {"source": "data", "location": "empty.csv", "error": "empty file"} in inventory["errors"]
    assert_other_file_scanned(inventory)


def test_truncated_gzip(tmp_path):
    body = "id;email\n" + "".join(f"{i};user{i}@example.com\n" for i in range(1, 20001))
    packed = gzip.compress(body.encode())
    # --full: sample mode may stop reading before the cut, as it should.
    result, inventory = scan(tmp_path, {"cut.csv.gz": packed[: len(packed) * 2 // 3]}, "--full")
    assert result.returncode == 3
    error = next(e for e in inventory["errors"] if e["location"].startswith("cut.csv.gz"))
    assert "truncated" in error["error"]
    assert error["location"].startswith("cut.csv.gz:line ")
    assert emails_found(inventory, "cut.csv.gz") > 1000  # what was readable was scanned
    assert_other_file_scanned(inventory)


def test_binary_file_named_csv(tmp_path):
    result, inventory = scan(tmp_path, {"photo.csv": bytes(range(256)) * 64})
    assert result.returncode == 3
    error = next(e for e in inventory["errors"] if e["location"] == "photo.csv")
    assert "binary" in error["error"]
    assert_other_file_scanned(inventory)


@pytest.mark.parametrize("size_mb", [50])
def test_fifty_megabyte_line(tmp_path, size_mb):
    big = b"x" * (size_mb * 1024 * 1024)
    content = b"id;email;notes\n1;a.one@example.com;ok\n2;b.two@example.com;" + big + b"\n3;c.three@example.com;ok\n"
    result, inventory = scan(tmp_path, {"huge.csv": content})
    assert result.returncode in (0, 3)
    assert emails_found(inventory, "huge.csv") == 3
    assert_other_file_scanned(inventory)
    assert big[:1000].decode() not in result.stderr
