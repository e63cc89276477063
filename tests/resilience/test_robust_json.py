"""JSON: a file's size and nesting never cut records (issue 18, item 10).

A compact array over 16 MB on one line used to be cut at 16 MB; one element nested too
deeply dropped every element after it; a deep single object ended in RecursionError.
"""

from __future__ import annotations

import io
import json

from fouille.connectors.base import Batch, ReadError, ReadOptions
from fouille.connectors.chatlogs import ChatlogsConnector
from fouille.connectors.files import read_stream

DEEP = 10_000


def _read(name: str, data: bytes) -> tuple[list[int], list[ReadError]]:
    keys, errors = [], []
    for item in read_stream(name, lambda: io.BytesIO(data), ReadOptions(batch_rows=50_000)):
        if isinstance(item, Batch):
            keys += item.keys.column(0).to_pylist()
        else:
            errors.append(item)
    return keys, errors


def test_compact_array_over_16_mb_is_read_whole():
    records = 400_000
    pad = "x" * 40
    data = json.dumps([{"id": i, "email": f"u{i}@example.com", "pad": pad} for i in range(records)],
                      separators=(",", ":")).encode()
    assert len(data) > 16 * 2**20 and b"\n" not in data
    keys, errors = _read("big.json", data)
    assert errors == []
    assert keys == list(range(records))


def test_too_deep_element_is_skipped_alone_and_named():
    deep = "[" * DEEP + "]" * DEEP
    nested_70 = '{"a":' * 70 + "1" + "}" * 70
    data = f'[{{"email": "a@example.com"}}, {deep}, {nested_70}, {{"email": "b@example.com"}}]'
    keys, errors = _read("deep.json", data.encode())
    assert keys == [0, 3]
    assert [e.location for e in errors] == ["deep.json:index 1", "deep.json:index 2"]
    assert all("skipped" in e.error for e in errors)


def test_deep_single_object_is_an_error_not_a_crash():
    for data in ('{"a":' * DEEP + '"x"' + "}" * DEEP, "\n" + '{"a":' * DEEP + "1" + "}" * DEEP):
        keys, errors = _read("deep_object.json", data.encode())
        assert keys == []
        assert [e.location for e in errors] == ["deep_object.json"]
        assert "nested" in errors[0].error


def test_chatlogs_share_the_streamer(tmp_path):
    conversation = {"id": "c-1", "messages": [{"role": "user", "text": "bonjour"}]}
    deep = '{"id": "c-2", "messages": ' + "[" * DEEP + "]" * DEEP + "}"
    path = tmp_path / "chat.json"
    path.write_text(f"[{json.dumps(conversation)}, {deep}, {json.dumps(conversation)}]",
                    encoding="utf-8")
    connector = ChatlogsConnector("chat", [str(path)])
    items = [i for c in connector.containers() for i in connector.read(c, ReadOptions())]
    errors = [i for i in items if isinstance(i, ReadError)]
    indexes = [k for i in items if isinstance(i, Batch) for k in i.keys.column(0).to_pylist()]
    assert [e.location for e in errors] == [f"{path}:index 1"]
    assert indexes == [0, 2]


def test_control_characters_between_elements_end_the_stream():
    """U+001C..U+001F are blanks to Python's regex \\s, not to JSON: the scanner looped forever
    on ``[\\x1f`` (one 'invalid element' after another without moving)."""
    import itertools

    from fouille.connectors.files.json_stream import TextChunks, json_array_values

    for data in (b"[\x1f", b"[1,\x1c2]", b'[{"a": 1}\x1e, 3]'):
        items = list(itertools.islice(json_array_values("f.json", TextChunks(io.BytesIO(data))), 50))
        assert len(items) < 10, data
        assert isinstance(items[-1], ReadError) or items[-1][1] in (2, 3)
