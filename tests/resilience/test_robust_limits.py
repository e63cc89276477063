"""Bounded work per cell, per batch and per compressed file (issue 18, items 12 and 13)."""

from __future__ import annotations

import gzip
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
from resilience_helpers import run_fouille

from fouille.connectors.base import MAX_BATCH_BYTES, Batch, ReadError, ReadOptions
from fouille.connectors.files import FilesConnector, read_stream
from fouille.connectors.files.parquet_reader import read_parquet
from fouille.connectors.s3 import S3Object, read_object

MB = 2**20
CELL = 100_000
CAP = 20_000


def test_cell_text_beyond_the_cap_is_counted_not_examined(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    rows = 5
    cell = "x" * CELL  # not prose: the regex detectors only, so the test stays quick
    (data / "notes.csv").write_text(
        "id;notes\n" + "".join(f"{i};{cell}\n" for i in range(rows)), encoding="utf-8")
    done = run_fouille("scan", str(data), "--out", str(tmp_path / "out"), "--full", "--format", "json")
    assert done.returncode == 0, done.stderr
    [notes] = [f for f in json.loads(done.stdout)["inventory"]["fields"] if f["field"] == "notes"]
    assert notes["cells_capped"] == rows
    assert notes["chars_not_examined"] == rows * (CELL - CAP)


def test_dictionary_encoded_parquet_batches_are_bounded_by_bytes():
    rows, huge = 1_500, "x" * CELL  # 150 MB once decoded, a few KB on disk
    buffer = io.BytesIO()
    pq.write_table(pa.table({"id": list(range(rows)), "text": [huge] * rows}), buffer,
                   use_dictionary=True)
    assert buffer.tell() < MB
    buffer.seek(0)
    batches = [b for b in read_parquet("d.parquet", buffer, ReadOptions(batch_rows=10_000))
               if isinstance(b, Batch)]
    assert sum(b.num_rows for b in batches) == rows
    assert max(b.data.nbytes for b in batches) <= MAX_BATCH_BYTES + CELL * 2


def _gzip_bomb(size_mb: int) -> bytes:
    member = gzip.compress(bytes(MB))
    return member * size_mb  # concatenated members: one stream, size_mb MB of zeros


def test_compressed_parquet_bomb_is_refused_and_the_scan_goes_on(tmp_path):
    (tmp_path / "bomb.parquet.gz").write_bytes(_gzip_bomb(64))
    (tmp_path / "ok.csv").write_text("id;email\n1;ok@example.com\n", encoding="utf-8")
    connector = FilesConnector("files", [str(tmp_path)])
    items = {c.name: list(connector.read(c, ReadOptions())) for c in connector.containers()}
    [error] = items["bomb.parquet.gz"]
    assert isinstance(error, ReadError) and "decompression bomb" in error.error
    assert any(isinstance(i, Batch) for i in items["ok.csv"])
    # S3 objects take the same path.
    obj = S3Object("bucket", "exports/bomb.parquet.gz", '"etag"', 64 * 1024)
    s3_items = list(read_object(obj, lambda: io.BytesIO(_gzip_bomb(64)), ReadOptions()))
    assert [(i.location, "decompression bomb" in i.error) for i in s3_items] == [(obj.url, True)]


def test_jsonl_batches_are_bounded_by_bytes():
    line = json.dumps({"text": "x" * MB}).encode() + b"\n"
    data = line * 100  # 100 MB in 100 rows: under batch_rows, over the byte bound
    batches = [b for b in read_stream("big.jsonl", lambda: io.BytesIO(data), ReadOptions())
               if isinstance(b, Batch)]
    assert sum(b.num_rows for b in batches) == 100
    assert max(b.data.nbytes for b in batches) <= MAX_BATCH_BYTES + 2 * MB
