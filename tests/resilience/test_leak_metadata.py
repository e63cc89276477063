"""The scan talks only to the sources it was given (issue 18, item 6): with no AWS credentials
configured, botocore's default chain must not call the instance metadata service
(169.254.169.254) unless the S3 source asks for instance credentials."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from resilience_helpers import NETGUARD, REPO, base_env, run_fouille

METADATA_ADDRESS = "169.254.169.254"
ENDPOINT = "127.0.0.1:9"  # nothing listens: without credentials no request is even signed
AWS_SETTINGS = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
                "AWS_EC2_METADATA_DISABLED", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN")


def _no_credentials_env(log: Path) -> dict[str, str]:
    env = base_env(PYTHONPATH=f"{NETGUARD}:{REPO}", FOUILLE_NETGUARD_LOG=str(log),
                   FOUILLE_NETGUARD_ALLOW=ENDPOINT, AWS_CONFIG_FILE=os.devnull,
                   AWS_SHARED_CREDENTIALS_FILE=os.devnull, AWS_DEFAULT_REGION="us-east-1")
    return {k: v for k, v in env.items() if k not in AWS_SETTINGS}


def _scan(tmp_path: Path, credentials: str | None) -> tuple[int, str]:
    log = tmp_path / f"network-{credentials}.log"
    extra = f'credentials = "{credentials}"\n' if credentials else ""
    config = tmp_path / "fouille.toml"
    config.write_text(
        f'[scan]\nout = "{tmp_path / "report"}"\n\n[[sources]]\nname = "bucket"\ntype = "s3"\n'
        f'bucket = "fouille-no-metadata"\nendpoint_url = "http://{ENDPOINT}"\n{extra}',
        encoding="utf-8")
    scan = run_fouille("scan", "--config", str(config), "--quiet", env=_no_credentials_env(log))
    assert scan.returncode == 3, scan.stderr[-3000:]  # no credentials: the source is an error
    assert "Traceback" not in scan.stderr
    return scan.returncode, log.read_text() if log.exists() else ""


def test_no_metadata_call_without_credentials(tmp_path):
    _, attempts = _scan(tmp_path, None)
    assert METADATA_ADDRESS not in attempts, attempts
    assert attempts == "", f"network attempts:\n{attempts}"


def test_instance_credentials_are_asked_for_explicitly(tmp_path):
    """``credentials = "instance"`` turns the metadata service on (and the guard sees it)."""
    _, attempts = _scan(tmp_path, "instance")
    assert METADATA_ADDRESS in attempts


@pytest.mark.parametrize("credentials", ["default", "instance"])
def test_the_credentials_key_is_accepted(credentials):
    from fouille.connectors.s3 import S3Connector

    connector = S3Connector.from_config({"name": "b", "type": "s3", "bucket": "b",
                                         "credentials": credentials})
    assert connector.options.credentials == credentials
