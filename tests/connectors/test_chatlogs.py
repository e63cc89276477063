"""Chatbot conversation exports: one row per message, user vs bot text, local and s3:// paths."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from s3_fixtures import bucket, moto_endpoint, s3_client  # noqa: F401

from fouille.connectors.base import Batch, ReadError, ReadOptions
from fouille.connectors.chatlogs import (
    ART9_METADATA_KEY,
    BOT_TEXT_FIELD,
    ChatlogLayout,
    ChatlogsConnector,
)
from fouille.connectors.s3 import S3ClientOptions

CONVERSATIONS = [
    {"conversation_id": "c-1", "ts": "2024-03-01T10:00:00Z",
     "user": {"email": "anne.martin@example.com", "id": 42},
     "messages": [
         {"role": "user", "text": "Bonjour, je suis diabétique", "ts": "2024-03-01T10:00:01Z"},
         {"role": "assistant", "text": "Nous ne collectons pas de données de santé."},
         {"role": "user", "text": "Rappelez-moi au 01 99 00 12 34"},
     ]},
    {"conversation_id": "c-2", "user": {"email": "bob@example.org"},
     "messages": [{"role": "bot", "text": "Bienvenue"}, {"role": "Customer", "text": "merci"}]},
]


def rows_of(connector: ChatlogsConnector, batch_rows: int = 1000):
    rows, errors, schemas = [], [], []
    for container in connector.containers():
        assert not isinstance(container, ReadError), container
        for item in connector.read(container, ReadOptions(batch_rows=batch_rows)):
            if isinstance(item, ReadError):
                errors.append(item)
                continue
            assert isinstance(item, Batch)
            schemas.append(item.data.schema)
            data, keys = item.data.to_pylist(), item.keys.to_pylist()
            rows += [{**k, **{f: v for f, v in d.items() if v is not None}} for d, k in zip(data, keys)]
    return rows, errors, schemas


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_default_shape_one_row_per_message(tmp_path):
    write_jsonl(tmp_path / "chat.jsonl", CONVERSATIONS)

    rows, errors, schemas = rows_of(ChatlogsConnector("chatbot", [str(tmp_path / "*.jsonl")]), batch_rows=2)

    assert errors == []
    assert len(rows) == 5
    first = rows[0]
    assert first == {"line": 1, "conversation": "c-1", "message": 0, "text": "Bonjour, je suis diabétique",
                     "role": "user", "ts": "2024-03-01T10:00:01Z",
                     "user.email": "anne.martin@example.com", "user.id": "42"}
    bot = rows[1]
    assert bot["message"] == 1 and "text" not in bot
    assert bot[BOT_TEXT_FIELD].startswith("Nous ne collectons")
    assert bot["ts"] == "2024-03-01T10:00:00Z"  # falls back to the conversation's timestamp
    assert [(r["line"], r["conversation"], r["message"]) for r in rows[3:]] == [(2, "c-2", 0), (2, "c-2", 1)]
    assert rows[4]["text"] == "merci"  # roles compare case-insensitively
    for schema in schemas:
        if BOT_TEXT_FIELD in schema.names:
            assert schema.field(BOT_TEXT_FIELD).metadata == {ART9_METADATA_KEY: b"skip"}
        assert schema.field("text").metadata is None if "text" in schema.names else True


def test_bot_messages_can_be_checked_for_art9(tmp_path):
    write_jsonl(tmp_path / "chat.jsonl", CONVERSATIONS)
    conn = ChatlogsConnector("chatbot", [str(tmp_path / "chat.jsonl")], ChatlogLayout(art9_bot_messages=True))

    rows, _, schemas = rows_of(conn)

    assert all("text" in r and BOT_TEXT_FIELD not in r for r in rows)
    assert all(BOT_TEXT_FIELD not in s.names for s in schemas)


def test_one_message_per_line_with_configured_paths(tmp_path):
    lines = [
        {"session": {"id": "s-9"}, "author": "visitor", "content": "mon mail: c@example.com",
         "time": 1, "contact": {"mail": "c@example.com"}},
        {"session": {"id": "s-8"}, "author": "agent", "content": "Bonjour", "time": 2},
        {"session": {"id": "s-9"}, "author": "agent", "content": "Noté", "time": 3},
        {"session": {"id": "s-9"}, "author": "visitor", "content": "merci", "time": 4},
    ]
    write_jsonl(tmp_path / "log.ndjson", lines)
    conn = ChatlogsConnector.from_config({
        "name": "bot", "type": "chatlogs", "paths": [str(tmp_path / "log.ndjson")],
        "conversation_id": "session.id", "text": "content", "role": "author", "timestamp": "time",
        "user_fields": ["contact"], "user_roles": ["visitor"],
    })

    rows, errors, _ = rows_of(conn)

    assert errors == []
    assert [(r["line"], r["conversation"], r["message"]) for r in rows] == [
        (1, "s-9", 0), (2, "s-8", 0), (3, "s-9", 1), (4, "s-9", 2)]
    assert rows[0]["text"] == "mon mail: c@example.com" and rows[0]["contact.mail"] == "c@example.com"
    assert rows[2][BOT_TEXT_FIELD] == "Noté" and rows[2]["ts"] == "3"


def test_json_array_and_single_object_exports(tmp_path):
    (tmp_path / "all.json").write_text(json.dumps(CONVERSATIONS, indent=2, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps(CONVERSATIONS[1], indent=2), encoding="utf-8")

    rows, errors, _ = rows_of(ChatlogsConnector("chatbot", [str(tmp_path / "all.json"), str(tmp_path / "one.json")]))

    assert errors == []
    assert [(r["index"], r["conversation"], r["message"]) for r in rows] == [
        (0, "c-1", 0), (0, "c-1", 1), (0, "c-1", 2), (1, "c-2", 0), (1, "c-2", 1), (0, "c-2", 0), (0, "c-2", 1)]


def test_json_array_decoded_across_small_reads(tmp_path, monkeypatch):
    monkeypatch.setattr("fouille.connectors.files.json_stream.READ_BYTES", 7)  # every value spans reads
    (tmp_path / "all.json").write_text(json.dumps(CONVERSATIONS * 3, ensure_ascii=False), encoding="utf-8")

    rows, errors, _ = rows_of(ChatlogsConnector("chatbot", [str(tmp_path / "all.json")]))

    assert errors == []
    assert [r["index"] for r in rows] == [0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 5, 5]
    assert rows[-1]["text"] == "merci"


def test_bad_records_are_errors_and_reading_goes_on(tmp_path):
    path = tmp_path / "chat.jsonl"
    path.write_text(
        json.dumps(CONVERSATIONS[0]) + "\n{not json\n" + json.dumps({"foo": 1}) + "\n"
        + json.dumps(CONVERSATIONS[1]) + "\n", encoding="utf-8")
    (tmp_path / "cut.json").write_text(json.dumps(CONVERSATIONS)[:-40], encoding="utf-8")
    (tmp_path / "bad.json.gz").write_bytes(b"\x1f\x8b\x08\x00 not gzip at all")

    rows, errors, _ = rows_of(ChatlogsConnector("chatbot", [str(tmp_path / "*.json*")]))

    where = sorted(e.location for e in errors)
    assert f"{path}:line 2" in where and f"{path}:line 3" in where
    assert f"{tmp_path / 'cut.json'}:index 1" in where  # the first conversation was read
    assert any(w.startswith(str(tmp_path / "bad.json.gz")) for w in where)
    assert len([r for r in rows if r.get("line")]) == 5
    assert all("anne" not in e.error for e in errors)  # errors never carry values


def test_gzip_export(tmp_path):
    data = "".join(json.dumps(c) + "\n" for c in CONVERSATIONS).encode()
    (tmp_path / "chat.jsonl.gz").write_bytes(gzip.compress(data))

    rows, errors, _ = rows_of(ChatlogsConnector("chatbot", [str(tmp_path / "chat.jsonl.gz")]))

    assert errors == [] and len(rows) == 5


def test_config_rejects_unknown_keys():
    with pytest.raises(ValueError, match="txt"):
        ChatlogsConnector.from_config({"name": "b", "paths": ["x.jsonl"], "txt": "content"})


def test_reads_s3_paths(moto_endpoint, bucket, tmp_path):
    client = s3_client(moto_endpoint)
    data = "".join(json.dumps(c) + "\n" for c in CONVERSATIONS).encode()
    client.put_object(Bucket=bucket, Key="logs/2024/chat.jsonl", Body=data)
    client.put_object(Bucket=bucket, Key="logs/2024/chat2.jsonl.gz", Body=gzip.compress(data))
    client.put_object(Bucket=bucket, Key="logs/readme.md", Body=b"# not a log")
    write_jsonl(tmp_path / "chat.jsonl", CONVERSATIONS)

    conn = ChatlogsConnector("chatbot", [f"s3://{bucket}/logs/"],
                             s3_options=S3ClientOptions(moto_endpoint, "us-east-1", addressing_style="path"))
    names = [c.name for c in conn.containers()]
    rows, errors, _ = rows_of(conn)
    local_rows, _, _ = rows_of(ChatlogsConnector("chatbot", [str(tmp_path / "chat.jsonl")]))

    assert names == [f"s3://{bucket}/logs/2024/chat.jsonl", f"s3://{bucket}/logs/2024/chat2.jsonl.gz"]
    assert errors == []
    assert rows == local_rows + local_rows


def test_relative_paths_start_from_base_dir(tmp_path):
    (tmp_path / "logs").mkdir()
    write_jsonl(tmp_path / "logs" / "chat.jsonl", CONVERSATIONS)
    conn = ChatlogsConnector.from_config({"name": "b", "paths": ["logs/*.jsonl"]}, base_dir=tmp_path)

    assert [c.name for c in conn.containers()] == ["logs/chat.jsonl"]
    assert len(rows_of(conn)[0]) == 5
