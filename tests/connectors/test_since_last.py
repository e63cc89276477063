"""``fouille scan --since-last`` on S3: unchanged objects are not read again, and the report
equals a fresh full scan (changed objects re-read, deleted ones gone).

GetObject requests are counted at a forwarding proxy in front of the moto server.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from s3_fixtures import Fault, bucket, fault_proxy, moto_endpoint, s3_client  # noqa: F401

from fouille.scanner.cli.main import main
from fouille.scanner.core.config import ScanConfig
from fouille.scanner.cli.scan import run_scan


def parquet_body() -> bytes:
    sink = io.BytesIO()
    pq.write_table(pa.table({"id": [1, 2, 3], "email": [f"p{i}@example.com" for i in range(3)]}), sink)
    return sink.getvalue()


OBJECTS = {
    "crm/contacts.csv": b"id;email;tel\n1;anne.martin@example.com;01 99 00 12 34\n2;bob@example.org;06 39 98 00 01\n",
    "crm/notes.csv": b"id;note\n1;client joint au 01 99 00 45 67\n",
    "logs/events.jsonl": b'{"user": {"email": "c@example.test"}}\n{"user": {"email": "d@example.test"}}\n',
    "tables/users.parquet": parquet_body(),
}


def spec(endpoint: str, bucket: str) -> dict:
    return {"name": "lake", "type": "s3", "bucket": bucket, "endpoint_url": endpoint,
            "region": "us-east-1", "addressing_style": "path"}


def scan(endpoint: str, bucket: str, out: Path, **kwargs):
    return run_scan(ScanConfig(out=str(out), sources=[spec(endpoint, bucket)]), **kwargs)


def objects_read(proxy, bucket: str) -> Counter:
    """GetObject requests per key (a listing is ``GET /bucket?list-type=2``, not counted)."""
    prefix = f"/{bucket}/"
    return Counter(path[len(prefix):].split("?")[0] for method, path, _ in proxy.log.requests
                   if method == "GET" and path.startswith(prefix))


def findings(out: Path) -> Counter:
    rows: Counter = Counter()
    for path in (out / "findings").glob("*.parquet"):
        for row in pq.read_table(path).to_pylist():
            rows[json.dumps(row, sort_keys=True)] += 1
    return rows


def comparable(inventory: dict) -> dict:
    """The inventory without the run's own metadata (times, duration, carried-over count)."""
    return {k: v for k, v in inventory.items() if k != "scan"}


def scanned_bucket(moto_endpoint: str, bucket: str, proxy, tmp_path: Path):
    """OBJECTS uploaded and scanned once into ``tmp_path/report``: (client, endpoint, out)."""
    client = s3_client(moto_endpoint)
    for key, body in OBJECTS.items():
        client.put_object(Bucket=bucket, Key=key, Body=body)
    out = tmp_path / "report"
    assert scan(proxy.endpoint, bucket, out).exit_code == 0
    return client, proxy.endpoint, out


def test_since_last_reads_only_what_changed_and_equals_a_full_scan(moto_endpoint, bucket, fault_proxy, tmp_path):
    client = s3_client(moto_endpoint)
    for key, body in OBJECTS.items():
        client.put_object(Bucket=bucket, Key=key, Body=body)
    out = tmp_path / "report"
    endpoint = fault_proxy.endpoint

    first = scan(endpoint, bucket, out)
    assert first.exit_code == 0, first.inventory["errors"]
    assert set(objects_read(fault_proxy, bucket)) == set(OBJECTS)
    files_before = {p.name: p.read_bytes() for p in (out / "findings").glob("*.parquet")}
    assert len(files_before) == len(OBJECTS)

    # Nothing changed: nothing is read, the report is the same.
    fault_proxy.log.requests.clear()
    again = scan(endpoint, bucket, out, since_last=True)
    assert objects_read(fault_proxy, bucket) == Counter()
    assert again.exit_code == 0
    assert again.inventory["scan"]["unchanged"] == len(OBJECTS)
    assert again.inventory["scan"]["resumed"] is False
    assert comparable(again.inventory) == comparable(first.inventory)
    assert {p.name: p.read_bytes() for p in (out / "findings").glob("*.parquet")} == files_before
    saved = json.loads((out / "inventory.json").read_text(encoding="utf-8"))
    assert comparable(saved) == comparable(first.inventory)

    # One object changed, one deleted, one added: only the changed and the new one are read.
    client.put_object(Bucket=bucket, Key="crm/notes.csv",
                      Body=OBJECTS["crm/notes.csv"] + b"2;nouveau mail: e.petit@example.com\n")
    client.delete_object(Bucket=bucket, Key="logs/events.jsonl")
    client.put_object(Bucket=bucket, Key="crm/new.csv", Body=b"id;email\n1;f@example.test\n")
    fault_proxy.log.requests.clear()
    third = scan(endpoint, bucket, out, since_last=True)
    assert objects_read(fault_proxy, bucket) == Counter({"crm/notes.csv": 1, "crm/new.csv": 1})
    assert third.inventory["scan"]["unchanged"] == 2
    assert not any(f.startswith('{"container": "logs/events.jsonl"') for f in findings(out))

    fresh = scan(endpoint, bucket, tmp_path / "fresh")
    assert comparable(third.inventory) == comparable(fresh.inventory)
    assert findings(out) == findings(tmp_path / "fresh")
    assert "logs/events.jsonl" not in {c["container"] for c in third.inventory["containers"]}
    rows = {c["container"]: c["rows"] for c in third.inventory["containers"]}
    assert rows["crm/notes.csv"] == 2  # the changed object's new content
    state = json.loads(next(out.glob("s3-since-last-*.json")).read_text())
    assert sorted(state["objects"]) == sorted(["crm/contacts.csv", "crm/notes.csv", "crm/new.csv",
                                               "tables/users.parquet"])


def test_an_object_that_failed_is_read_again_and_keeps_no_old_findings(moto_endpoint, bucket, fault_proxy, tmp_path):
    client, endpoint, out = scanned_bucket(moto_endpoint, bucket, fault_proxy, tmp_path)

    client.put_object(Bucket=bucket, Key="crm/contacts.csv", Body=OBJECTS["crm/contacts.csv"] + b"3;g@example.test;\n")
    fault_proxy.add_fault(Fault("crm/contacts.csv", 403, "AccessDenied", times=1, methods=("GET",)))
    failed = scan(endpoint, bucket, out, since_last=True)
    assert failed.exit_code == 3
    assert [e["location"] for e in failed.inventory["errors"]] == [f"s3://{bucket}/crm/contacts.csv"]
    assert not any('"container": "crm/contacts.csv"' in f for f in findings(out))  # no stale findings

    fault_proxy.log.requests.clear()
    healed = scan(endpoint, bucket, out, since_last=True)
    assert objects_read(fault_proxy, bucket) == Counter({"crm/contacts.csv": 1})
    assert healed.exit_code == 0
    fresh = scan(endpoint, bucket, tmp_path / "fresh")
    assert comparable(healed.inventory) == comparable(fresh.inventory)
    assert findings(out) == findings(tmp_path / "fresh")


def test_other_settings_mean_a_full_scan(moto_endpoint, bucket, fault_proxy, tmp_path):
    client = s3_client(moto_endpoint)
    client.put_object(Bucket=bucket, Key="crm/contacts.csv", Body=OBJECTS["crm/contacts.csv"])
    out = tmp_path / "report"
    assert scan(fault_proxy.endpoint, bucket, out).exit_code == 0

    fault_proxy.log.requests.clear()
    config = ScanConfig(out=str(out), sources=[spec(fault_proxy.endpoint, bucket)], mode="full")
    outcome = run_scan(config, since_last=True)
    assert objects_read(fault_proxy, bucket) == Counter({"crm/contacts.csv": 1})
    assert outcome.inventory["scan"]["unchanged"] == 0


def test_cli_flag_and_summary(moto_endpoint, bucket, fault_proxy, tmp_path, capsys):
    client = s3_client(moto_endpoint)
    for key, body in OBJECTS.items():
        client.put_object(Bucket=bucket, Key=key, Body=body)
    config = tmp_path / "fouille.toml"
    config.write_text(
        f'[scan]\nout = "report"\n\n[[sources]]\nname = "lake"\ntype = "s3"\nbucket = "{bucket}"\n'
        f'endpoint_url = "{fault_proxy.endpoint}"\nregion = "us-east-1"\naddressing_style = "path"\n',
        encoding="utf-8")

    assert main(["scan", "--config", str(config), "--quiet"]) == 0
    fault_proxy.log.requests.clear()
    assert main(["scan", "--config", str(config), "--since-last"]) == 0
    assert objects_read(fault_proxy, bucket) == Counter()
    assert f"({len(OBJECTS)} unchanged since the last scan" in capsys.readouterr().out
    assert main(["scan", "--config", str(config), "--since-last", "--resume"]) == 2


def test_a_killed_since_last_scan_resumes(moto_endpoint, bucket, fault_proxy, tmp_path):
    client, endpoint, out = scanned_bucket(moto_endpoint, bucket, fault_proxy, tmp_path)
    client.put_object(Bucket=bucket, Key="crm/contacts.csv", Body=OBJECTS["crm/contacts.csv"] + b"9;h@example.test;\n")
    client.put_object(Bucket=bucket, Key="crm/notes.csv", Body=OBJECTS["crm/notes.csv"] + b"9;h@example.test\n")

    def killed(partition, result):
        raise KeyboardInterrupt  # after the first changed object is recorded

    try:
        scan(endpoint, bucket, out, since_last=True, on_partition_done=killed)
    except KeyboardInterrupt:
        pass
    fault_proxy.log.requests.clear()
    resumed = scan(endpoint, bucket, out, resume=True)
    assert sum(objects_read(fault_proxy, bucket).values()) == 1  # only the changed object not yet done
    fresh = scan(endpoint, bucket, tmp_path / "fresh")
    assert comparable(resumed.inventory) == comparable(fresh.inventory)
    assert findings(out) == findings(tmp_path / "fresh")
