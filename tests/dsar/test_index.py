"""The subject index: hash -> locations, masked keys kept masked, no raw value, key mismatch caught."""

from __future__ import annotations

import sqlite3

from fouille.scanner.core.findings import FindingsWriter
from fouille.scanner.dsar.index import SubjectIndex, build_index
from fouille.scanner.core.keys import Hasher
from fouille.scanner.core.model import Finding, Location

HASHER = Hasher(b"test-key-not-secret")
EMAIL = "jeanne.martin@example.com"


def _finding(entity: str, location: Location, normalized: str) -> Finding:
    return Finding(
        entity,
        location,
        0,
        5,
        1.0,
        "test",
        ("checksum",),
        "j***@e******.com",
        HASHER.hash(entity, normalized),
    )


def _report(tmp_path):
    writer = FindingsWriter(tmp_path / "findings" / "part-1.parquet")
    writer.write(
        [
            _finding(
                "EMAIL_ADDRESS", Location("crm", "public.customers", (("id", 1),), "email"), EMAIL
            ),
            _finding(
                "EMAIL_ADDRESS",
                Location("crm", "public.newsletter", (("email", EMAIL),), "email", True),
                EMAIL,
            ),
            _finding("PERSON", Location("crm", "public.customers", (("id", 1),), "nom"), "martin"),
            _finding(
                "PHONE_NUMBER", Location("exports", "a.csv", (("line", 2),), "tel"), "+33199001234"
            ),
        ]
    )
    writer.commit()
    return tmp_path


def test_lookup_by_hash_with_masked_sensitive_keys(tmp_path):
    build_index(_report(tmp_path), HASHER)
    with SubjectIndex.in_report(tmp_path) as index:
        entries = index.lookup(HASHER.hash("EMAIL_ADDRESS", EMAIL))
        assert [(e.container, e.record_key, e.key_masked) for e in entries] == [
            ("public.customers", {"id": 1}, False),
            ("public.newsletter", {"email": "***"}, True),
        ]
        assert index.record_count(HASHER.hash("EMAIL_ADDRESS", EMAIL), 10) == 2
        assert index.lookup(HASHER.hash("PERSON", "martin")) == []  # names are not indexed
        assert index.key_matches(HASHER) is True
        assert index.key_matches(Hasher(b"another-key")) is False


def test_index_holds_no_raw_value(tmp_path):
    path = build_index(_report(tmp_path), HASHER)
    blob = path.read_bytes().lower()
    for raw in (EMAIL, "+33199001234", "199001234", "martin"):
        assert raw.encode() not in blob
    rows = sqlite3.connect(path).execute("SELECT * FROM locations").fetchall()
    assert all(EMAIL not in str(row) for row in rows)
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_rebuild_replaces_the_index(tmp_path):
    build_index(_report(tmp_path), HASHER)
    for part in (tmp_path / "findings").glob("*.parquet"):
        part.unlink()
    build_index(tmp_path, HASHER)
    with SubjectIndex.in_report(tmp_path) as index:
        assert index.lookup(HASHER.hash("EMAIL_ADDRESS", EMAIL)) == []
