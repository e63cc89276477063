"""``dsar --live`` with a store that cannot be reached: the answer says it is incomplete, exit 3.

An S3 store whose endpoint refuses connections (nothing listens on port 1) beside a
readable folder: the folder's records are returned, the S3 store is listed under
``errors``, ``manifest.json`` says ``complete: false``, the page says so, exit code 3.
"""

from __future__ import annotations

import json

from fouille.scanner.cli.main import main

SUBJECT = "zoe.roux@example.com"


def test_an_unreachable_s3_store_makes_a_live_answer_incomplete(tmp_path, monkeypatch, capsys):
    # Fake credentials, so botocore never looks for others (no metadata service call).
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-3")
    data = tmp_path / "data"
    data.mkdir()
    (data / "contacts.csv").write_text(f"email,ville\n{SUBJECT},Sète\n", encoding="utf-8")
    config = tmp_path / "fouille.toml"
    config.write_text(
        f'[[sources]]\nname = "files"\ntype = "files"\npaths = [{json.dumps(str(data))}]\n\n'
        '[[sources]]\nname = "archive"\ntype = "s3"\nbucket = "archive"\n'
        'endpoint_url = "http://127.0.0.1:1"\nmax_attempts = 1\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code = main(["dsar", "--config", str(config), "--live", "--email", SUBJECT, "--out", str(out)])
    assert code == 3
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is False
    assert [e["source"] for e in manifest["errors"]] == ["archive"]
    assert [r["container"] for r in manifest["records"]] == ["contacts.csv"]
    page = (out / "summary.html").read_text(encoding="utf-8")
    assert 'id="incomplete"' in page and "incomplète" in page
    printed = capsys.readouterr()
    assert "INCOMPLETE" in printed.err and "1 error(s)" in printed.out
    assert SUBJECT not in printed.out + printed.err
