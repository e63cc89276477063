"""The CSV fast path (pyarrow blocks) gives exactly what the line-by-line reader gives.

Tiny blocks force many cuts, so every kind of trouble lands on a block edge somewhere:
quoted fields with newlines, doubled quotes, ragged rows, blank lines, bad bytes, CRLF,
a last line without newline, cp1252.
"""

from __future__ import annotations

import gzip
import io
import random

import pytest
from faker import Faker

from fouille.connectors.base import Batch, ReadOptions
from fouille.connectors.files import csv_blocks, csv_reader


def _read(data: bytes, fast: bool, monkeypatch, batch_rows: int = 7, block: int = 256, **extra):
    monkeypatch.setattr(csv_blocks, "BLOCK_BYTES", block)
    if not fast:
        monkeypatch.setattr(csv_reader, "fast_batches", lambda *a, **k: iter(()))
    rows, errors = [], []
    for item in csv_reader.read_csv("f.csv", io.BufferedReader(io.BytesIO(data)),
                                    ReadOptions(batch_rows=batch_rows, extra=extra)):
        if isinstance(item, Batch):
            names = item.data.schema.names
            for key, values in zip(item.keys.column(0).to_pylist(), zip(*item.data.to_pydict().values())):
                # ``_extra`` exists in a batch only when one of its rows is ragged
                cells = tuple((n, v) for n, v in zip(names, values) if not (n == "_extra" and v is None))
                rows.append((key, cells))
        else:
            errors.append((item.location, item.error))
    return rows, errors


def _contacts(seed: int, count: int, trouble: bool) -> str:
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    lines = ["id;nom;email;notes"]
    for i in range(count):
        note = fake.sentence()
        roll = rng.random() if trouble else 1.0
        if roll < 0.05:
            note = f'"{note}\n{fake.sentence()}"'  # multi-line quoted field
        elif roll < 0.10:
            note = f'"il a dit ""{fake.word()}"" ; puis {fake.word()}"'
        elif roll < 0.13:
            note = f"{note};en trop"  # ragged row
        elif roll < 0.15:
            lines.append("")  # blank line
        lines.append(f"{i};{fake.last_name()};{fake.user_name()}@example.com;{note}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("trouble", [False, True])
def test_fast_path_equals_line_reader(seed, trouble, monkeypatch):
    data = _contacts(seed, 300, trouble).encode("utf-8")
    fast = _read(data, True, monkeypatch)
    slow = _read(data, False, monkeypatch)
    assert fast == slow
    assert len(fast[0]) >= 280


def _counting_reader(real, seen: list):
    def reader(lines, **kwargs):
        for row in real(lines, **kwargs):
            seen.append(row)
            yield row
    return reader


def test_clean_file_goes_through_pyarrow(monkeypatch):
    data = _contacts(2, 500, False).encode()
    seen: list = []
    monkeypatch.setattr(csv_reader.csv, "reader", _counting_reader(csv_reader.csv.reader, seen))
    rows, errors = _read(data, True, monkeypatch, block=4096)
    assert len(rows) == 500 and not errors
    assert len(seen) == 1  # the header only: every record came from pyarrow


@pytest.mark.parametrize("variant", ["crlf", "no_final_newline", "cp1252", "bad_bytes", "nul", "bom"])
def test_fast_path_edge_cases_equal_line_reader(variant, monkeypatch):
    text = _contacts(3, 200, True)
    if variant == "crlf":
        data = text.replace("\n", "\r\n").encode()
    elif variant == "no_final_newline":
        data = text.rstrip("\n").encode()
    elif variant == "cp1252":
        data = text.replace("e", "é").encode("cp1252")
    elif variant == "bad_bytes":
        raw = bytearray(text.encode())
        raw[len(raw) // 2] = 0xFF
        data = bytes(raw)
    elif variant == "nul":
        data = text[:1000].encode() + b"\x00" + text[1000:].encode()
    else:
        data = b"\xef\xbb\xbf" + text.encode()
    fast = _read(data, True, monkeypatch)
    slow = _read(data, False, monkeypatch)
    assert fast == slow


def test_truncated_gzip_keeps_rows_before_the_cut(monkeypatch):
    text = _contacts(4, 2000, False)
    packed = gzip.compress(text.encode())
    cut = packed[: len(packed) * 2 // 3]

    def read(fast: bool):
        monkeypatch.setattr(csv_blocks, "BLOCK_BYTES", 8192)
        if not fast:
            monkeypatch.setattr(csv_reader, "fast_batches", lambda *a, **k: iter(()))
        out = list(csv_reader.read_csv("f.csv.gz", gzip.GzipFile(fileobj=io.BytesIO(cut)), ReadOptions()))
        monkeypatch.undo()
        return out

    fast, slow = read(True), read(False)
    fast_rows = sum(b.num_rows for b in fast if isinstance(b, Batch))
    slow_rows = sum(b.num_rows for b in slow if isinstance(b, Batch))
    assert fast_rows > 1000
    assert abs(fast_rows - slow_rows) <= 5  # both stop within the last decompressed chunk
    errors = [e for e in fast if not isinstance(e, Batch)]
    assert len(errors) == 1 and "truncated" in errors[0].error
    assert errors[0].location == f"f.csv.gz:line {fast_rows + 2}"
