"""Retention counting: timestamps read with Arrow, expired records holding personal data counted
exactly, rules validated and matched to containers."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pyarrow as pa
import pytest

from fouille.connectors.base import Batch
from fouille.scanner.core.config import ConfigError, load_config
from fouille.scanner.engine.container import ContainerResult, ContainerScanner, EngineOptions
from fouille.scanner.core.keys import Hasher
from fouille.scanner.engine.retention_count import RetentionCounter, epoch_seconds, merge_counts, summarize
from fouille.scanner.core.retention_rules import normalize_rules, reference_time, rule_for
from fouille.scanner.engine.stats import FieldStats

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)  # 3y cutoff: 2023-06-15 12:00 UTC
RULE = {"container": None, "field": "created_at", "keep": "3y"}


def _utc(*parts) -> int:
    return int(datetime(*parts, tzinfo=UTC).timestamp())


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2023-06-15", _utc(2023, 6, 15)),
        ("2023-06-15T12:30:00Z", _utc(2023, 6, 15, 12, 30)),
        ("2023-06-15 14:30:00.123456+02", _utc(2023, 6, 15, 12, 30)),  # PostgreSQL timestamptz
        ("2023-06-15T08:00:00-05:30", _utc(2023, 6, 15, 13, 30)),
        ("2023-06-15T12:30", _utc(2023, 6, 15, 12, 30)),
        ("15/06/2023", _utc(2023, 6, 15)),
        ("5/6/2023 9h05", _utc(2023, 6, 5, 9, 5)),
        ("15/06/2023 12:30:15", _utc(2023, 6, 15, 12, 30, 15)),
        (" 2023-06-15 ", _utc(2023, 6, 15)),
        ("1686832200", _utc(2023, 6, 15, 12, 30)),  # epoch seconds
        ("1686832200.9", _utc(2023, 6, 15, 12, 30)),
        ("1686832200000", _utc(2023, 6, 15, 12, 30)),  # epoch milliseconds
        ("1960-01-01", _utc(1960, 1, 1)),
        ("2023-02-30", None),  # not a real day
        ("31/02/2023", None),
        ("06/15/2023", None),  # month 15: dd/mm is read, never mm/dd
        ("yesterday", None),
        ("20230615", None),  # 8 digits: neither a date we read nor plausible epoch seconds
        ("infinity", None),
        ("", None),
        (None, None),
    ],
)
def test_epoch_seconds_reads_iso_french_and_epoch(text, expected):
    assert epoch_seconds(pa.array([text], pa.string())).to_pylist() == [expected]


def test_epoch_seconds_takes_typed_columns():
    stamps = pa.array([datetime(2023, 6, 15, 12, 30), None], pa.timestamp("us"))
    assert epoch_seconds(stamps).to_pylist() == [_utc(2023, 6, 15, 12, 30), None]
    assert epoch_seconds(pa.array([1686832200, None])).to_pylist() == [1686832200, None]


def _batch(rows: list[dict], keys: list[str] = ()) -> Batch:
    names = [n for n in rows[0] if n not in keys]
    data = pa.RecordBatch.from_pydict({n: pa.array([r[n] for r in rows], pa.string()) for n in names})
    key_data = {n: pa.array([r[n] for r in rows]) for n in keys} or {"line": pa.array(range(len(rows)))}
    return Batch(data, pa.RecordBatch.from_pydict(key_data))


def _fields(pii: set[str], names: set[str]) -> dict[str, FieldStats]:
    out = {}
    for name in names:
        stats = FieldStats("s", "c", name)
        if name in pii:
            stats.entity("EMAIL_ADDRESS").count = 1
        out[name] = stats
    return out


ROWS = [
    # expired, with an e-mail (personal data)
    {"email": "a@example.com", "note": "x", "created_at": "2020-01-01"},
    {"email": "b@example.com", "note": "", "created_at": "01/02/2021"},
    {"email": "c@example.com", "note": None, "created_at": "2023-06-15T11:59:59Z"},
    # expired, no personal data (e-mail empty)
    {"email": "", "note": "x", "created_at": "2019-05-05"},
    {"email": None, "note": "x", "created_at": "1577836800"},
    # kept
    {"email": "d@example.com", "note": "x", "created_at": "2023-06-15T12:30:01Z"},
    {"email": "e@example.com", "note": "x", "created_at": "2026-01-01"},
    {"email": None, "note": "x", "created_at": "2025-01-01"},
    # undated (empty) and unreadable
    {"email": "f@example.com", "note": "x", "created_at": None},
    {"email": "g@example.com", "note": "x", "created_at": "  "},
    {"email": None, "note": "x", "created_at": ""},
    {"email": "h@example.com", "note": "x", "created_at": "bientôt"},
    {"email": "", "note": "x", "created_at": "2023-13-01"},
]


def _summary(counter: RetentionCounter, fields: dict) -> dict:
    return summarize(counter.counts(), fields, "_extra_fields")


def test_counter_counts_expired_records_holding_personal_data():
    counter = RetentionCounter(RULE, NOW)
    counter.add(_batch(ROWS[:6]))
    counter.add(_batch(ROWS[6:]))
    summary = _summary(counter, _fields({"email"}, {"email", "note", "created_at"}))
    assert summary == {
        "field": "created_at",
        "keep": "3y",
        "as_of": "2026-06-15T12:00:00+00:00",
        "cutoff": "2023-06-15T12:00:00+00:00",
        "field_found": True,
        "records": 13,
        "records_with_pii": 8,
        "expired_records": 3,  # 11:59:59 on the cutoff day is past the period (12:00)
        "expired_without_pii": 2,
        "undated_records": 2,
        "unreadable_records": 1,
    }


def test_which_fields_hold_personal_data_is_decided_at_the_end():
    counter = RetentionCounter(RULE, NOW)
    counter.add(_batch(ROWS))
    fields = {"email", "note", "created_at"}
    nothing = _summary(counter, _fields(set(), fields))
    assert nothing["records_with_pii"] == 0 and nothing["expired_records"] == 0
    notes = _summary(counter, _fields({"note"}, fields))
    # Expired with a non-empty note: 2020-01-01, 2019-05-05, 1577836800 (2020-01-01).
    assert notes["expired_records"] == 3
    both = _summary(counter, _fields({"note", "email"}, fields))
    assert both["expired_records"] == 5 and both["expired_without_pii"] == 0


def test_timestamp_in_the_record_key_and_fields_past_the_limit():
    rows = [{"id": "2020-01-01", "a": "x", "b": ""}, {"id": "2026-01-01", "a": "", "b": "y"}]
    counter = RetentionCounter({"container": None, "field": "id", "keep": "1y"}, NOW)
    counter.add(_batch(rows, keys=["id"]))
    # "a" and "b" were scanned together as the overflow field, which held personal data.
    summary = _summary(counter, _fields({"_extra_fields"}, {"_extra_fields"}))
    assert summary["field_found"] and summary["expired_records"] == 1
    assert summary["records_with_pii"] == 2


def test_a_missing_timestamp_field_is_reported_not_assumed():
    counter = RetentionCounter({"container": None, "field": "updated_on", "keep": "3y"}, NOW)
    counter.add(_batch(ROWS))
    summary = _summary(counter, _fields({"email"}, {"email", "note"}))
    assert summary["field_found"] is False
    assert summary["expired_records"] == 0 and summary["undated_records"] == 8


def test_many_fields_use_several_pattern_words():
    rows = [{f"f{i}": ("v" if i == 130 else "") for i in range(140)} | {"created_at": "2020-01-01"}]
    counter = RetentionCounter(RULE, NOW)
    counter.add(_batch(rows * 3))
    names = {f"f{i}" for i in range(140)}
    assert _summary(counter, _fields({"f130"}, names))["expired_records"] == 3
    assert _summary(counter, _fields({"f129"}, names))["expired_records"] == 0


def _scanner(counter, mode="sample", sample_rows=10) -> ContainerScanner:
    options = EngineOptions(mode=mode, sample_rows=sample_rows, use_nlp=False)
    return ContainerScanner("s", "c", Hasher(b"k" * 32), options, lambda f: None, retention=counter)


def test_engine_feeds_every_batch_to_the_counter_after_the_sample():
    rows = [{"email": f"p{i}@example.com", "created_at": "2020-01-01" if i % 3 else "2026-01-01"}
            for i in range(100)]
    batches = [_batch(rows[i:i + 10]) for i in range(0, 100, 10)]
    read = []

    def stream():
        for batch in batches:
            read.append(batch)
            yield batch

    counter = RetentionCounter(RULE, NOW)
    result = _scanner(counter).scan(stream())
    assert len(read) == 10  # the whole container, although the sample was done after one batch
    assert result.rows == 10  # the detectors saw only the sample
    assert result.fields["email"].classification() == "EMAIL_ADDRESS"
    counted = summarize(result.retention, result.fields, "_extra_fields")
    assert counted["records"] == 100
    assert counted["expired_records"] == sum(1 for i in range(100) if i % 3)
    # Without a rule the engine still stops at the sample.
    read.clear()
    assert _scanner(None).scan(stream()).retention is None and len(read) == 1


def test_container_result_keeps_the_counts_through_the_resume_state():
    counter = RetentionCounter(RULE, NOW)
    result = _scanner(counter).scan([_batch(ROWS)])
    again = ContainerResult.from_dict(result.to_dict())
    assert again.retention == result.retention
    assert summarize(again.retention, again.fields, "_extra_fields")["records"] == 13
    assert json.loads(json.dumps(result.retention)) == result.retention  # the state is JSON
    assert ContainerResult.from_dict({**result.to_dict(), "retention": None}).retention is None
    legacy = result.to_dict()
    del legacy["retention"]  # a state written before retention existed
    assert ContainerResult.from_dict(legacy).retention is None


def test_pieces_merge_into_the_count_of_one_pass():
    """Key-range pieces: counts added, fields re-aligned by name, personal data judged once."""
    whole = RetentionCounter(RULE, NOW)
    whole.add(_batch(ROWS))
    first, second = RetentionCounter(RULE, NOW), RetentionCounter(RULE, NOW)
    first.add(_batch(ROWS[:7]))
    # The second piece meets its fields in another order: its bits differ.
    second.add(_batch([{k: r[k] for k in ("note", "created_at", "email")} for r in ROWS[7:]]))
    merged = merge_counts(first.counts(), second.counts())
    fields = _fields({"email"}, {"email", "note", "created_at"})
    assert summarize(merged, fields, "_extra_fields") == summarize(whole.counts(), fields, "_extra_fields")
    assert merge_counts(None, merged) is merged and merge_counts(merged, None) is merged


# -- rules ------------------------------------------------------------------------------------


def test_rules_accept_one_table_or_a_list():
    assert normalize_rules({"field": "created_at", "keep": "prospects"}) == [
        {"container": None, "field": "created_at", "keep": "prospects"}
    ]
    assert normalize_rules([{"table": "tickets", "field": "d", "keep": "1y6m"}]) == [
        {"container": "tickets", "field": "d", "keep": "1y6m"}
    ]


@pytest.mark.parametrize(
    "value, message",
    [
        ({"field": "created_at", "keep": "prospect"}, "neither a period .* nor a preset .*prospects"),
        ({"field": "created_at", "keep": "3 years"}, "neither a period"),
        ({"field": "created_at"}, "'keep' is required"),
        ({"keep": "3y"}, "'field' .* is required"),
        ({"field": "d", "keep": "3y", "feild": "x"}, "unknown key.*feild"),
        ({"field": "d", "keep": "3y", "table": "a", "container": "b"}, "not both"),
        ([], "a table"),
        ("3y", "a table"),
        ([{"field": "d", "keep": "3y"}, 4], "rule #2"),
    ],
)
def test_bad_rules_are_clear_errors(value, message):
    with pytest.raises(ValueError, match=message):
        normalize_rules(value)


def test_config_rejects_a_bad_period(tmp_path):
    config = tmp_path / "fouille.toml"
    config.write_text(
        '[[sources]]\nname = "crm"\ntype = "files"\npaths = ["x.csv"]\n'
        'retention = { field = "created_at", keep = "3ans" }\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"source 'crm': retention rule #1: keep = '3ans'"):
        load_config(str(config))


def test_rules_match_containers_by_glob_file_name_or_table():
    pg = {"type": "postgres", "retention": normalize_rules([
        {"table": "support_tickets", "field": "created_at", "keep": "3y"},
        {"container": "crm.*", "field": "updated_at", "keep": "1y"},
    ])}
    assert rule_for(pg, "public.support_tickets")["keep"] == "3y"
    assert rule_for(pg, "crm.support_tickets")["keep"] == "3y"  # first match wins
    assert rule_for(pg, "crm.orders")["field"] == "updated_at"
    assert rule_for(pg, "public.orders") is None
    files = {"type": "files", "retention": normalize_rules(
        {"container": "leads_*.csv", "field": "last_contact", "keep": "prospects"})}
    assert rule_for(files, "exports/2024/leads_march.csv")["keep"] == "prospects"
    assert rule_for(files, "exports/customers.csv") is None
    every = {"type": "files", "retention": normalize_rules({"field": "d", "keep": "30d"})}
    assert rule_for(every, "anything.jsonl")["keep"] == "30d"
    assert rule_for({"type": "files"}, "a.csv") is None


def test_reference_time(monkeypatch):
    monkeypatch.delenv("FOUILLE_NOW", raising=False)
    assert reference_time("2026-06-15T12:00:00+00:00") == NOW
    monkeypatch.setenv("FOUILLE_NOW", "2030-01-01T00:00:00Z")
    assert reference_time("2026-06-15T12:00:00+00:00") == datetime(2030, 1, 1, tzinfo=UTC)
    monkeypatch.setenv("FOUILLE_NOW", "demain")
    with pytest.raises(ValueError, match="FOUILLE_NOW"):
        reference_time(None)
