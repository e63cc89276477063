"""S3 read benchmark: throughput and peak memory of the S3 connector over a moto server.

Usage:
    python bench/bench_s3.py [--mb 200]
        Starts a ThreadedMotoServer on 127.0.0.1, uploads a generated CSV of about N MB
        (multipart, never whole in memory), a gzip copy and a Parquet file, and reads each
        in a child process, printing rows, MB/s, peak RSS growth and GET requests.
    python bench/bench_s3.py --read --endpoint URL --bucket B --key K
        Reads one object through S3Connector in this process and prints one JSON line
        (used by the child processes above and by tests/connectors/test_s3.py).

The memory figure is the peak RSS during the read (VmHWM, reset just before it) minus RSS
just before it, in the reading process only (moto's own copy of the object lives in the parent).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import time

PART_BYTES = 25 * 1024 * 1024
ROW_TEMPLATE = "{n};client-{n}@example.com;01 99 00 {a:02d} {b:02d};{notes}\n"
NOTES = "Rappel demandé par le client au sujet de sa commande, livraison prévue en fin de semaine " * 4


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def _reset_peak_rss() -> None:
    """Reset VmHWM (Linux >= 4.0) so the peak measured is the read's own."""
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")


def read_one(endpoint: str, bucket: str, key: str) -> dict:
    """Read one object through the connector; rows, seconds and memory growth."""
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from fouille.connectors.base import Batch, Container, ReadOptions, ReadError
    from fouille.connectors.s3 import S3Connector

    connector = S3Connector("bench", bucket, endpoint_url=endpoint, addressing_style="path")
    obj = next(c for c in connector.containers() if isinstance(c, Container) and c.name == key)
    _reset_peak_rss()
    before_kb = _status_kb("VmRSS")
    start = time.perf_counter()
    rows, errors = 0, []
    for item in connector.read(obj, ReadOptions()):
        if isinstance(item, Batch):
            rows += item.num_rows
        elif isinstance(item, ReadError):
            errors.append(f"{item.location}: {item.error}")
    seconds = time.perf_counter() - start
    peak_kb = _status_kb("VmHWM")
    return {
        "key": key, "bytes": obj.size, "rows": rows, "errors": errors[:5],
        "seconds": round(seconds, 2), "mb_per_s": round(obj.size / 1e6 / max(seconds, 1e-9), 1),
        "rss_growth_mb": round(max(0, peak_kb - before_kb) / 1024, 1),
    }


def csv_parts(total_bytes: int):
    """Yield ~PART_BYTES chunks of a semicolon CSV (header first) until total_bytes."""
    header = "id;email;telephone;notes\n".encode()
    n, sent, buf = 0, 0, io.BytesIO()
    buf.write(header)
    while sent < total_bytes:
        while buf.tell() < PART_BYTES and sent + buf.tell() < total_bytes:
            n += 1
            buf.write(ROW_TEMPLATE.format(n=n, a=n % 100, b=(n // 100) % 100, notes=NOTES).encode())
        data = buf.getvalue()
        sent += len(data)
        buf = io.BytesIO()
        yield data, n


def upload_csv(client, bucket: str, key: str, total_bytes: int) -> int:
    """Multipart upload of a generated CSV; returns its data row count."""
    upload = client.create_multipart_upload(Bucket=bucket, Key=key)
    parts, rows = [], 0
    for number, (data, rows) in enumerate(csv_parts(total_bytes), start=1):
        answer = client.upload_part(Bucket=bucket, Key=key, UploadId=upload["UploadId"],
                                    PartNumber=number, Body=data)
        parts.append({"PartNumber": number, "ETag": answer["ETag"]})
    client.complete_multipart_upload(Bucket=bucket, Key=key, UploadId=upload["UploadId"],
                                     MultipartUpload={"Parts": parts})
    return rows


def child_read(endpoint: str, bucket: str, key: str) -> dict:
    """Run ``read_one`` in a fresh process so its memory is measured alone."""
    out = subprocess.run(
        [sys.executable, os.path.abspath(__file__), "--read", "--endpoint", endpoint,
         "--bucket", bucket, "--key", key],
        capture_output=True, text=True, timeout=600, check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--read", action="store_true")
    parser.add_argument("--endpoint")
    parser.add_argument("--bucket")
    parser.add_argument("--key")
    parser.add_argument("--mb", type=int, default=200)
    args = parser.parse_args()
    if args.read:
        print(json.dumps(read_one(args.endpoint, args.bucket, args.key)))
        return 0

    import boto3
    import pyarrow as pa
    import pyarrow.parquet as pq
    from botocore.config import Config
    from moto.server import ThreadedMotoServer

    os.environ.setdefault("AWS_ACCESS_KEY_ID", "bench")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "bench")
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, config=Config(s3={"addressing_style": "path"}))
    client.create_bucket(Bucket="bench")
    try:
        t0 = time.perf_counter()
        rows = upload_csv(client, "bench", "big.csv", args.mb * 1024 * 1024)
        print(f"uploaded big.csv: {args.mb} MB, {rows} rows in {time.perf_counter() - t0:.1f} s")
        gz = io.BytesIO()
        with gzip.GzipFile(fileobj=gz, mode="wb", compresslevel=1) as zipped:
            for data, _ in csv_parts(min(args.mb, 50) * 1024 * 1024):
                zipped.write(data)
        client.put_object(Bucket="bench", Key="medium.csv.gz", Body=gz.getvalue())
        table = pa.table({"id": list(range(500_000)),
                          "email": [f"client-{i}@example.com" for i in range(500_000)]})
        sink = io.BytesIO()
        pq.write_table(table, sink, row_group_size=50_000)
        client.put_object(Bucket="bench", Key="table.parquet", Body=sink.getvalue())
        for key in ("big.csv", "medium.csv.gz", "table.parquet"):
            print(json.dumps(child_read(endpoint, "bench", key)))
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
