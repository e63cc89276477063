"""Record keys have one home (``fouille.scanner.core.record_keys``): every form agrees with it."""

from __future__ import annotations

import json

import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from fouille.connectors.base import Batch
from fouille.scanner.core.model import Location
from fouille.scanner.core.record_keys import (
    MASKED,
    is_masked_key,
    key_json,
    key_value_json,
    masked_key,
    parse_key,
    public_key,
    public_keys,
)

_NAMES = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters='"\\'), min_size=1,
                 max_size=8).filter(lambda s: not any(ord(c) < 32 for c in s))
_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12))


@given(st.lists(st.tuples(_NAMES, _VALUES), min_size=1, max_size=3, unique_by=lambda p: p[0]),
       st.booleans())
def test_location_forms_are_the_core_forms(pairs, sensitive):
    key = tuple(pairs)
    location = Location("s", "c", key, "f", sensitive)
    assert location.key_json() == key_json(dict(key))
    assert location.public_key() == public_key(key, sensitive)
    assert parse_key(public_key(key)) == dict(key)
    assert is_masked_key(public_key(key, True))


def test_masked_form_names_the_columns_only():
    assert masked_key(["email", "tenant"]) == '{"email":"***","tenant":"***"}'
    assert public_key((("email", "a@b.test"),), sensitive=True) == '{"email":"***"}'
    assert not is_masked_key('{"email":"a@b.test"}')
    assert MASKED == "***"


@given(st.lists(st.tuples(st.integers(0, 10**6), st.text(max_size=6), st.booleans()), min_size=1,
                max_size=5))
def test_batch_keys_are_the_row_keys(rows):
    ids, names, flags = (list(c) for c in zip(*rows))
    keys = pa.RecordBatch.from_pydict({"id": ids, "name": names, "flag": flags})
    batch = Batch(data=keys, keys=keys)
    expected = [public_key((("id", i), ("name", n), ("flag", f))) for i, n, f in rows]
    assert public_keys(batch).to_pylist() == expected
    masked = Batch(data=keys, keys=keys, key_is_sensitive=True)
    assert set(public_keys(masked).to_pylist()) == {masked_key(["id", "name", "flag"])}


def test_one_key_value_read_back_from_the_public_form():
    keys = pa.array([key_json({"line": 3, "conversation": "c\"1", "message": 0}),
                     key_json({"line": 4, "conversation": None}),
                     masked_key(["line", "conversation"]),
                     key_json({"line": 5})])
    values = key_value_json(keys, "conversation").to_pylist()
    assert values == [json.dumps('c"1'), "null", json.dumps(MASKED), None]
