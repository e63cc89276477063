"""The streamed index build: the same index as the former load-everything build, in bounded memory.

``_reference_build`` is the former ``build_index`` (whole findings table in memory, one
``json.loads`` and one ``INSERT OR IGNORE`` per row), kept here as the specification.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fouille.scanner.core.findings import SCHEMA, read_findings
from fouille.scanner.core.record_keys import is_masked_key, masked_keys
from fouille.scanner.dsar.index import INDEX_NAME, build_index, key_check
from fouille.scanner.core.keys import Hasher
from fouille.scanner.core.model import IDENTIFIER_TYPES

HASHER = Hasher(b"test-key-not-secret")
# Record keys: the two forms ``Location.public_key`` writes, and other JSON spellings that
# the masked test must judge exactly like ``json.loads`` does.
KEYS = [
    '{"id":1}',
    '{"line":7}',
    '{"email":"***"}',
    '{"email":"***","tenant":"***"}',
    '{"email":"***","id":3}',
    '{"email":"****"}',
    '{ "email" : "***" }',
    '{"email":"\\u002a**"}',
    '{"\\u00e9":"***"}',
    '{"a\\"b":"***"}',
    '{"a\tb":"***"}',  # a raw control character: not JSON
    '{"email":"***"',
    '{"a":"***","a":1}',
    "{}",
    '"***"',
    '["***"]',
    "***",
]
FINDINGS_COLUMNS = ("entity", "source", "container", "record_key", "field", "value_hash")


def _reference_build(out_dir: Path, target: Path) -> None:
    findings = read_findings(out_dir)
    wanted = pa.array(sorted(IDENTIFIER_TYPES), type=pa.string())
    findings = findings.filter(pc.is_in(findings["entity"], value_set=wanted))
    conn = sqlite3.connect(target)
    conn.executescript(
        "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "CREATE TABLE locations (value_hash TEXT NOT NULL, entity TEXT NOT NULL,"
        " source TEXT NOT NULL, container TEXT NOT NULL, record_key TEXT NOT NULL,"
        " field TEXT NOT NULL, key_masked INTEGER NOT NULL,"
        " PRIMARY KEY (value_hash, source, container, record_key, field)) WITHOUT ROWID;"
    )
    columns = ("value_hash", "entity", "source", "container", "record_key", "field")
    data = [findings[name].to_pylist() for name in columns]
    conn.executemany(
        "INSERT OR IGNORE INTO locations VALUES (?, ?, ?, ?, ?, ?, ?)",
        ((*row, int(is_masked_key(row[4]))) for row in zip(*data)),
    )
    rows = conn.execute("SELECT count(*) FROM locations").fetchone()[0]
    meta = {"mode": "unknown", "rows": str(rows), "key_check": key_check(HASHER)}
    conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    conn.commit()
    conn.close()


def _write_part(out_dir: Path, name: str, rows: list[tuple], row_group: int = 1000) -> None:
    columns = dict(zip(FINDINGS_COLUMNS, zip(*rows), strict=True))
    n = len(rows)
    table = pa.table(
        {
            **columns,
            "start": [0] * n,
            "end": [5] * n,
            "score": [1.0] * n,
            "detector": ["test"] * n,
            "evidence": [["checksum"]] * n,
            "preview": ["j***"] * n,
        }
    ).select(SCHEMA.names)
    (out_dir / "findings").mkdir(parents=True, exist_ok=True)
    pq.write_table(table.cast(SCHEMA), out_dir / "findings" / name, row_group_size=row_group)


def _fixture(out_dir: Path) -> Path:
    """Two parts; identifiers and names; repeated hashes; duplicate primary keys across parts
    (the first one read wins, entity included); every kind of record key."""
    entities = ["EMAIL_ADDRESS", "PHONE_NUMBER", "PERSON", "FR_SIRET", "LOCATION", "IBAN_CODE"]
    first, second = [], []
    for i in range(3000):
        entity = entities[i % len(entities)]
        value_hash = f"{(i * 7919) % 1300:064x}"  # shared by several records, out of order
        container = ("public.customers", "exports/a.csv", "logs/chat.jsonl")[i % 3]
        first.append((entity, "crm", container, KEYS[i % len(KEYS)], f"f{i % 4}", value_hash))
    for entity, source, container, key, field, value_hash in first[::5]:
        swapped = "PHONE_NUMBER" if entity == "EMAIL_ADDRESS" else "EMAIL_ADDRESS"
        second.append((swapped, source, container, key, field, value_hash))  # same key: ignored
    second += [("FR_NIR", "hr", "staff.csv", '{"nir":"***"}', "nir", "f" * 64)] * 3
    _write_part(out_dir, "part-a.parquet", first)
    _write_part(out_dir, "part-b.parquet", second)
    return out_dir


def _dump(path: Path) -> tuple[list, dict]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT * FROM locations ORDER BY value_hash, source, container, record_key, field"
        ).fetchall()
        return rows, dict(conn.execute("SELECT name, value FROM meta"))
    finally:
        conn.close()


def _schema(path: Path) -> list:
    """Tables (WITHOUT ROWID included), columns, types, NOT NULL and primary-key positions."""
    conn = sqlite3.connect(path)
    try:
        tables = conn.execute(
            "SELECT name, ncol, wr FROM pragma_table_list WHERE schema = 'main' ORDER BY name"
        ).fetchall()
        return [(t, conn.execute(f"PRAGMA table_info({t[0]})").fetchall()) for t in tables]
    finally:
        conn.close()


@pytest.mark.parametrize("batch_rows", [7, 1000, 65_536])
def test_streamed_index_equals_the_former_build(tmp_path, batch_rows):
    report = _fixture(tmp_path / "report")
    _reference_build(report, tmp_path / "reference.sqlite")
    built = build_index(report, HASHER, batch_rows=batch_rows)
    rows, meta = _dump(built)
    assert (rows, meta) == _dump(tmp_path / "reference.sqlite")
    assert {row[6] for row in rows} == {0, 1} and len(rows) > 1000  # the fixture covers both
    assert _schema(built) == _schema(tmp_path / "reference.sqlite")
    assert os.stat(built).st_mode & 0o777 == 0o600
    assert sqlite3.connect(built).execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_masked_keys_judge_every_spelling_like_json():
    keys = pa.array([*KEYS, None], type=pa.string())
    assert masked_keys(keys) == [int(is_masked_key(k)) for k in KEYS] + [0]


def _spelled(parts: dict, separators: tuple, ensure_ascii: bool, escape_star: bool) -> str:
    text = json.dumps(parts, separators=separators, ensure_ascii=ensure_ascii)
    return text.replace("*", "\\u002a", 1) if escape_star else text


JSON_KEYS = st.builds(
    _spelled,
    st.dictionaries(st.text(max_size=4), st.sampled_from(["***", "****", "*", "", 1]), max_size=3),
    st.sampled_from([(",", ":"), (", ", ": "), (" ,", " :")]),
    st.booleans(),
    st.booleans(),
)


@given(st.lists(JSON_KEYS | st.text(alphabet='{}[]",:* \\u002aAé\t1', max_size=30), max_size=40))
def test_masked_keys_match_is_masked_key_on_any_text(keys):
    assert masked_keys(pa.array(keys, type=pa.string())) == [int(is_masked_key(k)) for k in keys]


def test_memory_follows_the_batch_not_the_findings(tmp_path):
    """200,000 findings (about 40 MB in Arrow): the build's Arrow peak stays near one row group."""
    rows = [
        ("EMAIL_ADDRESS", "crm", "public.customers", f'{{"id":{i}}}', "email", f"{i:064x}")
        for i in range(200_000)
    ]
    _write_part(tmp_path, "part-a.parquet", rows, row_group=10_000)
    whole = read_findings(tmp_path).nbytes
    pool = pa.proxy_memory_pool(pa.default_memory_pool())
    previous = pa.default_memory_pool()
    pa.set_memory_pool(pool)
    try:
        build_index(tmp_path, HASHER, batch_rows=2000)
    finally:
        pa.set_memory_pool(previous)
    assert pool.max_memory() < whole / 5, (pool.max_memory(), whole)
    with sqlite3.connect(tmp_path / INDEX_NAME) as conn:
        assert conn.execute("SELECT count(*) FROM locations").fetchone() == (200_000,)


def test_failed_build_keeps_the_published_index(tmp_path):
    report = _fixture(tmp_path)
    before = _dump(build_index(report, HASHER))
    (report / "findings" / "part-z.parquet").write_bytes(b"not parquet")
    with pytest.raises(pa.ArrowInvalid):
        build_index(report, HASHER)
    assert _dump(report / INDEX_NAME) == before
    assert not list(report.glob(".*.tmp"))  # the half-built file is removed


def test_index_of_a_scan_without_findings_is_empty(tmp_path):
    built = build_index(tmp_path, HASHER)
    rows, meta = _dump(built)
    assert rows == [] and meta["rows"] == "0" and meta["key_check"] == key_check(HASHER)
