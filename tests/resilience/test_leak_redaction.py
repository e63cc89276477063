"""Every log line and error goes through one redaction step (issue 18, item 3): AWS key ids,
secret keys and session tokens, DSN passwords (URL and key=value forms, a raw ``@`` inside),
signed URLs and Authorization headers never reach stdout, stderr or the report, at any level."""

from __future__ import annotations

import json
import logging
import sys
import uuid
from pathlib import Path

import pytest
from resilience_helpers import base_env, run_fouille

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "connectors"))
from s3_fixtures import moto_endpoint, s3_client  # noqa: F401

from fouille.scanner.core.secrets import redact_text

KEY_ID = "AKIAZQ7CANARY0KEY001"
SECRET_KEY = "zQ7canarySecretKey/0123456789abcdefABCDEF"
SESSION_TOKEN = "IQoJzq7CanarySessionToken//////////wEaCXVzLWVhc3QtMSJHMEUCIQDzq7canary0Token"
URL_PASSWORD = "Zq7p@ss@word"
KV_PASSWORD = "Zq7kvSecret"
# Every planted secret, and the pieces a half-redaction would leave.
SECRETS = (KEY_ID, SECRET_KEY, SESSION_TOKEN, URL_PASSWORD, KV_PASSWORD, "ss@word", "Zq7p",
           "zq7canary", "CanarySession", "ZQ7CANARY")


@pytest.mark.parametrize("text", [
    f"postgresql://reader:{URL_PASSWORD}@db.example.com:5432/crm?sslmode=require",
    f"host=127.0.0.1 port=1 user=reader password={KV_PASSWORD} dbname=crm",
    f"host=db password='{KV_PASSWORD} x' dbname=crm",
    (f"https://b.s3.amazonaws.com/k.csv?X-Amz-Credential={KEY_ID}%2F20240101%2Fus-east-1"
     f"&X-Amz-Security-Token={SESSION_TOKEN}&X-Amz-Signature=0123abcd"),
    (f"{{'Authorization': b'AWS4-HMAC-SHA256 Credential={KEY_ID}/20240101/us-east-1/s3/aws4_request,"
     f" SignedHeaders=host, Signature=0123abcd', 'X-Amz-Security-Token': b'{SESSION_TOKEN}'}}"),
    f"Authorization: Bearer {SESSION_TOKEN}",
    f"aws_secret_access_key = {SECRET_KEY}",
    f"found key {KEY_ID} and {SECRET_KEY} in the environment",
])
def test_redact_text_hides_every_secret(text):
    shown = redact_text(text)
    assert not [s for s in SECRETS if s in shown], shown


@pytest.mark.parametrize("text", [
    "cannot stat /tmp/pytest-of-root/pytest-12/test_x0/data/Customers2024/file.csv",
    "connection to server at \"127.0.0.1\", port 1 failed: Connection refused",
    "value_hash 3f2a9c0d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0",
])
def test_redact_text_keeps_what_is_no_secret(text):
    assert redact_text(text) == text


def test_the_log_filter_redacts_messages_and_tracebacks():
    from fouille.scanner.core.console import RedactingFilter

    record = logging.LogRecord("botocore.endpoint", logging.DEBUG, __file__, 1,
                               "Sending http request: %s", ({"X-Amz-Security-Token": SESSION_TOKEN},), None)
    try:
        raise ValueError(f"bad dsn postgresql://u:{URL_PASSWORD}@db/crm")
    except ValueError:
        record.exc_info = sys.exc_info()
    assert RedactingFilter().filter(record)
    shown = logging.Formatter().format(record)
    assert "Sending http request" in shown and "ValueError" in shown
    assert not [s for s in SECRETS if s in shown], shown


def _config(tmp_path: Path, endpoint: str, bucket: str) -> Path:
    config = tmp_path / "fouille.toml"
    config.write_text(
        f'[scan]\nout = "{tmp_path / "report"}"\n\n'
        f'[[sources]]\nname = "bucket"\ntype = "s3"\nbucket = "{bucket}"\nendpoint_url = "{endpoint}"\n'
        f'addressing_style = "path"\n\n'
        f'[[sources]]\nname = "crm"\ntype = "postgres"\n'
        f'dsn = "postgresql://reader:{URL_PASSWORD}@127.0.0.1:1/crm"\n\n'
        f'[[sources]]\nname = "crm_kv"\ntype = "postgres"\n'
        f'dsn = "host=127.0.0.1 port=1 user=reader password={KV_PASSWORD} dbname=crm"\n',
        encoding="utf-8")
    return config


@pytest.mark.parametrize("level", ["--quiet", "default", "-v", "-vv"])
def test_no_secret_at_any_log_level(tmp_path, moto_endpoint, level):  # noqa: F811
    bucket = f"fouille-redact-{uuid.uuid4().hex[:12]}"
    client = s3_client(moto_endpoint)
    client.create_bucket(Bucket=bucket)
    client.put_object(Bucket=bucket, Key="crm/clients.csv", Body=b"id;email\n1;ana@example.com\n")
    config = _config(tmp_path, moto_endpoint, bucket)
    env = base_env(AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET_KEY,
                   AWS_SESSION_TOKEN=SESSION_TOKEN)
    verbosity = [level] if level.startswith("-v") else []
    quiet = ["--quiet"] if level == "--quiet" else []
    scan = run_fouille(*verbosity, "scan", "--config", str(config), *quiet, env=env)
    positional = run_fouille(*verbosity, "scan", f"host=127.0.0.1 password={KV_PASSWORD}",
                             "--out", str(tmp_path / "r2"), env=env)
    assert scan.returncode == 3, scan.stderr[-3000:]  # the databases cannot be reached
    inventory = json.loads((tmp_path / "report" / "inventory.json").read_text(encoding="utf-8"))
    assert any(c["container"] == "crm/clients.csv" for c in inventory["containers"])  # S3 read
    assert {e["source"] for e in inventory["errors"]} >= {"crm", "crm_kv"}
    texts = {"stdout": scan.stdout, "stderr": scan.stderr, "positional stderr": positional.stderr,
             "positional stdout": positional.stdout}
    for path in (tmp_path / "report").rglob("*"):
        if path.is_file():
            texts[str(path)] = path.read_bytes().decode("utf-8", "replace")
    leaks = [f"{s} in {where}" for s in SECRETS for where, text in texts.items() if s in text]
    assert not leaks, "\n".join(leaks)
