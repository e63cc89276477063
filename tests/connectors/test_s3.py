"""S3 connector against moto's server over real HTTP, with a fault-injecting proxy in front."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from s3_fixtures import Fault, bucket, fault_proxy, moto_endpoint, s3_client  # noqa: F401

from fouille.connectors.base import Batch, Container, ReadError, ReadOptions
from fouille.connectors.files import FilesConnector
from fouille.connectors.s3 import S3Connector, glob_regex, parse_s3_url

REPO = Path(__file__).resolve().parents[2]
BIG_OBJECT_MB = 200
MEMORY_BOUND_MB = 150  # generous: the object is 200 MB, the measured growth ~96 MB is constant

CSV = "id;email;notes\n1;anne.martin@example.com;rappel au 01 99 00 12 34\n2;bob@example.org;RAS\n"
JSONL = '{"user": {"email": "c@example.com"}, "msg": "bonjour"}\n{"user": {"email": "d@example.org"}}\n'


def connector(endpoint: str, bucket: str, **options) -> S3Connector:
    return S3Connector("bucket", bucket, endpoint_url=endpoint, addressing_style="path",
                       region="us-east-1", **options)


def collect(items) -> tuple[list[tuple[dict, dict]], list[ReadError]]:
    batches, errors = [], []
    for item in items:
        if isinstance(item, Batch):
            batches.append((item.data.to_pydict(), item.keys.to_pydict()))
        else:
            errors.append(item)
    return batches, errors


def read_all(conn: S3Connector) -> dict[str, tuple[list, list[ReadError]]]:
    out = {}
    for container in conn.containers():
        assert isinstance(container, Container), container
        out[container.name] = collect(conn.read(container, ReadOptions(batch_rows=2)))
    return out


def parquet_bytes() -> bytes:
    sink = io.BytesIO()
    table = pa.table({"id": list(range(30)), "email": [f"u{i}@example.com" for i in range(30)]})
    pq.write_table(table, sink, row_group_size=10)
    return sink.getvalue()


def sample_files(folder: Path) -> dict[str, bytes]:
    files = {
        "exports/contacts.csv": CSV.encode(),
        "exports/contacts.csv.gz": gzip.compress(CSV.encode()),
        "logs/events.jsonl.gz": gzip.compress(JSONL.encode()),
        "tables/users.parquet": parquet_bytes(),
    }
    for key, data in files.items():
        (folder / key).parent.mkdir(parents=True, exist_ok=True)
        (folder / key).write_bytes(data)
    return files


def test_parse_url_and_globs():
    assert parse_s3_url("s3://acme-exports/crm/2024/") == ("acme-exports", "crm/2024/")
    assert parse_s3_url("s3://acme-exports") == ("acme-exports", "")
    with pytest.raises(ValueError):
        parse_s3_url("https://acme-exports/crm")
    assert glob_regex("**/*.csv").match("a/b/c.csv")
    assert glob_regex("**/*.csv").match("c.csv")
    assert not glob_regex("*.csv").match("a/c.csv")
    assert glob_regex("crm/*.json?").match("crm/x.jsonl")


def test_config_rejects_credentials_and_typos():
    with pytest.raises(ValueError, match="credentials"):
        S3Connector.from_config({"name": "b", "bucket": "x", "aws_secret_access_key": "s3cr3t"})
    with pytest.raises(ValueError, match="prefixx"):
        S3Connector.from_config({"name": "b", "bucket": "x", "prefixx": "a/"})
    conn = S3Connector.from_config({"name": "b", "type": "s3", "bucket": "x", "prefix": "crm/",
                                    "include": "**/*.csv", "retry_mode": "adaptive",
                                    "endpoint_url": "https://user:pw@s3.gra.io.cloud.ovh.net"})
    assert conn.prefixes == ("crm/",)
    assert "pw" not in conn.describe() and "s3.gra.io.cloud.ovh.net" in conn.describe()


def test_listing_over_1000_keys_uses_several_pages(moto_endpoint, bucket, fault_proxy):
    client = s3_client(moto_endpoint)
    keys = [f"data/part-{i:05d}.csv" for i in range(1050)]
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda k: client.put_object(Bucket=bucket, Key=k, Body=b"a\n1\n"), keys))
    client.put_object(Bucket=bucket, Key="data/image.png", Body=b"\x89PNG")  # unsupported: skipped
    client.put_object(Bucket=bucket, Key="data/", Body=b"")  # folder placeholder: skipped

    conn = connector(fault_proxy.endpoint, bucket, prefixes=["data/"], page_size=400)
    names = [c.name for c in conn.containers()]

    assert sorted(names) == keys
    assert len(fault_proxy.log.matching("GET", "list-type=2")) == 3


def test_include_exclude_globs(moto_endpoint, bucket):
    client = s3_client(moto_endpoint)
    for key in ("crm/a.csv", "crm/old/b.csv", "crm/c.json", "hr/d.csv"):
        client.put_object(Bucket=bucket, Key=key, Body=b"x\n1\n")
    conn = connector(moto_endpoint, bucket, prefixes=["crm/"], include=["**/*.csv"], exclude=["crm/old/**"])
    assert [c.name for c in conn.containers()] == ["crm/a.csv"]


def test_objects_read_like_local_files(moto_endpoint, bucket, fault_proxy, tmp_path):
    files = sample_files(tmp_path)
    client = s3_client(moto_endpoint)
    for key, data in files.items():
        client.put_object(Bucket=bucket, Key=key, Body=data)

    remote = read_all(connector(fault_proxy.endpoint, bucket))
    local_conn = FilesConnector("local", [str(tmp_path)])
    local = {c.name: collect(local_conn.read(c, ReadOptions(batch_rows=2)))
             for c in local_conn.containers()}

    assert set(remote) == set(files) == set(local)
    for key in files:
        assert remote[key][1] == [] and local[key][1] == []
        assert remote[key][0] == local[key][0], key
    assert remote["exports/contacts.csv"][0][0][1] == {"line": [2, 3]}
    # Parquet went through ranged reads, never one whole-object GET.
    parquet_gets = fault_proxy.log.matching("GET", "users.parquet")
    assert parquet_gets and all(r[2].startswith("bytes=") for r in parquet_gets)


def test_403_object_is_an_error_and_the_scan_goes_on(moto_endpoint, bucket, fault_proxy):
    client = s3_client(moto_endpoint)
    client.put_object(Bucket=bucket, Key="a/secret.csv", Body=CSV.encode())
    client.put_object(Bucket=bucket, Key="a/open.csv", Body=CSV.encode())
    fault_proxy.add_fault(Fault("secret.csv", 403, "AccessDenied"))

    result = read_all(connector(fault_proxy.endpoint, bucket, max_attempts=3))

    batches, errors = result["a/secret.csv"]
    assert batches == []
    assert [e.location for e in errors] == [f"s3://{bucket}/a/secret.csv"]
    assert "AccessDenied" in errors[0].error
    assert "testing-secret" not in errors[0].error
    assert result["a/open.csv"][1] == [] and result["a/open.csv"][0]
    assert len(fault_proxy.log.matching("GET", "secret.csv")) == 1  # 403 is not retried


def test_503_is_retried_then_succeeds(moto_endpoint, bucket, fault_proxy):
    client = s3_client(moto_endpoint)
    client.put_object(Bucket=bucket, Key="busy.csv", Body=CSV.encode())
    fault_proxy.add_fault(Fault("busy.csv", 503, "SlowDown", times=2))

    batches, errors = read_all(connector(fault_proxy.endpoint, bucket))["busy.csv"]

    assert errors == []
    assert sum(len(keys["line"]) for _, keys in batches) == 2
    assert len(fault_proxy.log.matching("GET", "busy.csv")) == 3


def test_dropped_stream_resumes_with_a_range(moto_endpoint, bucket, fault_proxy):
    body = "id;note\n" + "".join(f"{i};ligne numero {i}\n" for i in range(20_000))
    client = s3_client(moto_endpoint)
    client.put_object(Bucket=bucket, Key="long.csv", Body=body.encode())
    fault_proxy.add_fault(Fault("long.csv", 0, times=1, truncate_after=100_000))

    batches, errors = read_all(connector(fault_proxy.endpoint, bucket))["long.csv"]

    assert errors == []
    assert sum(len(keys["line"]) for _, keys in batches) == 20_000
    gets = fault_proxy.log.matching("GET", "long.csv")
    assert len(gets) == 2 and gets[1][2].startswith("bytes=")


def test_deleted_changed_and_corrupt_objects_are_errors(moto_endpoint, bucket):
    client = s3_client(moto_endpoint)
    for key in ("gone.csv", "changed.csv", "fine.csv"):
        client.put_object(Bucket=bucket, Key=key, Body=CSV.encode())
    client.put_object(Bucket=bucket, Key="broken.csv.gz", Body=b"\x1f\x8b\x08\x00garbage-not-gzip")
    client.put_object(Bucket=bucket, Key="broken.parquet", Body=b"PAR1 not really parquet")
    conn = connector(moto_endpoint, bucket)
    containers = {c.name: c for c in conn.containers()}
    client.delete_object(Bucket=bucket, Key="gone.csv")
    client.put_object(Bucket=bucket, Key="changed.csv", Body=b"id\n1\n")

    results = {name: collect(conn.read(c, ReadOptions())) for name, c in containers.items()}

    def error_of(key):
        errors = results[key][1]
        assert errors and errors[0].location.startswith(f"s3://{bucket}/{key}"), errors
        return errors[0].error

    assert "deleted" in error_of("gone.csv")
    assert "changed" in error_of("changed.csv")
    error_of("broken.csv.gz")
    error_of("broken.parquet")
    assert results["fine.csv"][1] == [] and results["fine.csv"][0]


def test_since_last_skips_unchanged_objects(moto_endpoint, bucket, tmp_path):
    client = s3_client(moto_endpoint)
    for key in ("a.csv", "b.csv", "c.csv"):
        client.put_object(Bucket=bucket, Key=key, Body=CSV.encode())

    def scan(fail: set[str] = frozenset()) -> list[str]:
        conn = connector(moto_endpoint, bucket)
        conn.enable_since_last(tmp_path)
        read = []
        for container in conn.containers():
            read.append(container.name)
            if container.name not in fail:  # the pipeline marks only error-free containers
                conn.mark_scanned(container)
        conn.save_state()
        return read

    assert scan(fail={"c.csv"}) == ["a.csv", "b.csv", "c.csv"]
    assert scan() == ["c.csv"]  # failed last time: read again
    client.put_object(Bucket=bucket, Key="b.csv", Body=CSV.encode() + b"3;e@example.com;x\n")
    client.put_object(Bucket=bucket, Key="d.csv", Body=CSV.encode())
    assert scan() == ["b.csv", "d.csv"]
    assert scan() == []
    state = json.loads(next(tmp_path.glob("s3-since-last-*.json")).read_text())
    assert sorted(state["objects"]) == ["a.csv", "b.csv", "c.csv", "d.csv"]


def test_200_mb_object_streams_with_bounded_memory(moto_endpoint, bucket):
    sys.path.insert(0, str(REPO / "bench"))
    import bench_s3

    rows = bench_s3.upload_csv(s3_client(moto_endpoint), bucket, "big.csv", BIG_OBJECT_MB * 1024 * 1024)
    out = subprocess.run(
        [sys.executable, str(REPO / "bench" / "bench_s3.py"), "--read", "--endpoint", moto_endpoint,
         "--bucket", bucket, "--key", "big.csv"],
        capture_output=True, text=True, timeout=300, check=True,
    )
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"200 MB object: {figures}")  # the figure recorded in docs/benchmarks_s3.md

    assert figures["errors"] == []
    assert figures["rows"] == rows
    assert figures["bytes"] >= BIG_OBJECT_MB * 1024 * 1024
    assert figures["rss_growth_mb"] < MEMORY_BOUND_MB


def test_scan_from_s3_matches_scan_from_local_disk(moto_endpoint, bucket, tmp_path, monkeypatch):
    from fouille.scanner.core.findings import read_findings
    from fouille.scanner.core.config import ScanConfig
    from fouille.scanner.cli.scan import run_scan

    monkeypatch.setenv("FOUILLE_KEY", "test-key-for-identical-hashes")
    data = tmp_path / "data"
    files = sample_files(data)
    client = s3_client(moto_endpoint)
    for key, body in files.items():
        client.put_object(Bucket=bucket, Key=key, Body=body)
    local_spec = {"name": "data", "type": "files", "paths": [str(data)]}
    s3_spec = {"name": "data", "type": "s3", "bucket": bucket, "endpoint_url": moto_endpoint,
               "region": "us-east-1", "addressing_style": "path"}

    outcomes = {}
    for label, spec in (("local", local_spec), ("s3", s3_spec)):
        config = ScanConfig(mode="full", out=str(tmp_path / f"out-{label}"), sources=[spec])
        outcome = run_scan(config)
        findings = read_findings(outcome.out_dir).to_pylist()
        outcomes[label] = (outcome.exit_code, outcome.inventory["fields"], outcome.inventory["errors"],
                           sorted(findings, key=lambda f: json.dumps(f, sort_keys=True, default=str)))

    assert outcomes["s3"][0] == outcomes["local"][0] == 0
    assert outcomes["s3"][2] == outcomes["local"][2] == []
    assert outcomes["s3"][1] == outcomes["local"][1]
    assert outcomes["s3"][3] == outcomes["local"][3]
    assert len(outcomes["s3"][3]) >= 8  # emails and phones in CSV, gz, JSONL and Parquet
