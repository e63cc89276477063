"""A large CSV cut into byte ranges: the pieces hold every record once, keyed as in one pass.

Then a whole scan on two processes over pieces equals a one-process scan of the file.
"""

from __future__ import annotations

import io
import random

import pyarrow.compute as pc
import pytest
from faker import Faker

from fouille.connectors.base import Batch, ReadOptions
from fouille.connectors.files import connector as files_connector
from fouille.connectors.files.csv_reader import read_csv
from fouille.scanner.core.findings import read_findings
from fouille.scanner.core.config import ScanConfig
from fouille.scanner.cli.scan import run_scan


def _csv(seed: int, rows: int) -> bytes:
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    lines = ["id;nom;email;notes"]
    for i in range(rows):
        note = fake.sentence()
        roll = rng.random()
        if roll < 0.1:
            note = f'"{note}\n{fake.sentence()}\n"'  # newlines inside quotes: a cut must not land there
        elif roll < 0.2:
            note = '"a ""quoted"" word; and a delimiter"'
        lines.append(f"{i};{fake.last_name()};{fake.user_name()}@example.com;{note}")
    return ("\r\n" if seed % 2 else "\n").join(lines).encode("utf-8") + b"\n"


def _rows(data: bytes, piece=None) -> list[tuple]:
    extra = {"piece": piece} if piece else {}
    out = []
    for item in read_csv("f.csv", io.BufferedReader(io.BytesIO(data)), ReadOptions(batch_rows=50, extra=extra)):
        assert isinstance(item, Batch), item
        for key, *values in zip(item.keys.column(0).to_pylist(), *item.data.to_pydict().values()):
            out.append((key, *values))
    return out


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("pieces", [2, 3, 7, 40])
def test_pieces_cover_every_record_once_with_the_same_keys(seed, pieces):
    data = _csv(seed, 400)
    whole = _rows(data)
    parts = [_rows(data, (i, pieces, len(data))) for i in range(pieces)]
    assert [row for part in parts for row in part] == whole
    assert sum(1 for part in parts if part) >= min(pieces, 2)  # really cut, not one piece holding all


def test_scan_on_two_processes_over_pieces_equals_one_process(tmp_path, monkeypatch):
    fake = Faker("fr_FR")
    fake.seed_instance(11)
    path = tmp_path / "contacts.csv"
    lines = ["id;nom;email;telephone;notes"]
    for i in range(3000):
        note = f"Rappeler {fake.first_name()} au 06 39 98 {i % 100:02d} {i % 97:02d}." if i % 3 == 0 else ""
        lines.append(f"{i};{fake.last_name()};{fake.user_name()}{i}@example.com;01 99 00 {i % 100:02d} {i % 89:02d};{note}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(files_connector, "MIN_PIECE_BYTES", 1)

    def scan(workers: int, out: str):
        config = ScanConfig(mode="full", out=str(tmp_path / out), workers=workers,
                            sources=[{"type": "files", "name": "f", "paths": [str(path)]}])
        return run_scan(config)

    one, two = scan(1, "one"), scan(2, "two")
    findings_one, findings_two = read_findings(one.out_dir), read_findings(two.out_dir)
    assert len(list((two.out_dir / "findings").glob("*.parquet"))) == 2  # two pieces were scanned
    order = [("record_key", "ascending"), ("field", "ascending"), ("start", "ascending"), ("entity", "ascending")]
    a = findings_one.take(pc.sort_indices(findings_one, sort_keys=order))
    b = findings_two.take(pc.sort_indices(findings_two, sort_keys=order))
    assert a.num_rows > 3000 and a.equals(b)
    assert one.inventory["containers"] == two.inventory["containers"]
    fields = lambda inv: {f["field"]: {k: v for k, v in f.items()} for f in inv["fields"]}
    assert fields(one.inventory) == fields(two.inventory)
