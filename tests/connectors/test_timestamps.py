"""One date grammar (``fouille.scanner.core.timestamps``): the per-value parse and the Arrow
parse agree on every form the per-value parse reads."""

from __future__ import annotations

from datetime import UTC, datetime

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fouille.scanner.core.timestamps import epoch_seconds, parse_timestamp


@pytest.mark.parametrize(
    "text",
    ["2023-06-15", "2023-06-15T12:30:00Z", "2023-06-15 14:30:00+02", "2023-06-15T08:00:00-05:30",
     "2023-06-15T12:30", "1686832200", "1686832200000", "2024-02-30", "20230615", "yesterday",
     "31/12/2020", "2023-06-15T12:30:00 UTC"],
)
def test_python_and_arrow_agree(text):
    moment = parse_timestamp(text)
    arrow = epoch_seconds(pa.array([text], pa.string())).to_pylist()[0]
    if moment is not None:
        assert arrow == int(moment.timestamp())
    else:
        assert arrow is None or "/" in text  # the French form is read in data columns only


@given(st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1)),
       st.sampled_from(["%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"]))
def test_written_forms_read_back_alike(moment, form):
    text = moment.strftime(form)
    parsed = parse_timestamp(text)
    assert parsed is not None and parsed.tzinfo is not None
    assert epoch_seconds(pa.array([text])).to_pylist() == [int(parsed.timestamp())]


def test_offsets_and_fractions_kept_one_value_at_a_time():
    moment = parse_timestamp("2026-12-02T02:25:14.123456+02:00")
    assert moment.utcoffset().total_seconds() == 7200 and moment.microsecond == 123456
    assert moment.astimezone(UTC) == datetime(2026, 12, 2, 0, 25, 14, 123456, tzinfo=UTC)
