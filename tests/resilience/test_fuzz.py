"""Property tests: every registered detector and every file reader takes any input without
an exception, returns well-formed results, and stays bounded in time (no regex blow-up)."""

from __future__ import annotations

import gzip
import io
import time

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fouille.connectors.base import Batch, ReadError, ReadOptions
from fouille.connectors.files import SUPPORTED_SUFFIXES, read_stream
from fouille.detectors.registry import doc_detectors, text_detectors
from fouille.scanner.core.model import ENTITY_TYPES

# Pieces that walk detectors into their hard paths: digits and separators (identifiers,
# cards, phones), '@' and dots (emails), prefixes, context words, accents, long runs.
TEXT_PIECES = [
    "0", "1", "2", "7", "9", "00", "33", "+33", "0033", " ", ".", "-", "/", ":", "@", "_",
    "FR", "fr", "IBAN", "n°", "tél", "sécu", "SIRET", "rue", "75001", "Paris", "né le",
    "a", "é", "Z", "x" * 30, "1" * 25, "\n", "\t", "\u00a0", "\u202f", "\ufffd", "🙂", "١٢٣",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(TEXT_PIECES), max_size=200).map("".join),
)
hints = st.sampled_from([None, *ENTITY_TYPES, "FREE_TEXT"])
REGEX_BOUND_S = 2.0  # a linear regex scans 20,000 characters in milliseconds; blow-up takes minutes


def _check_matches(text: str, matches: list) -> None:
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)
        assert 0.0 <= m.score <= 1.0
        assert m.entity and m.detector


@pytest.mark.parametrize("detector", text_detectors(), ids=lambda d: d.name)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, hint=hints)
def test_text_detector_never_raises(detector, text, hint):
    _check_matches(text, detector.find(text, hint))


@pytest.mark.parametrize("detector", text_detectors(), ids=lambda d: d.name)
@settings(max_examples=10, deadline=None)
@given(pieces=st.lists(st.sampled_from(TEXT_PIECES), min_size=1, max_size=4))
def test_text_detector_is_linear_on_long_input(detector, pieces):
    text = ("".join(pieces) * 20_000)[:20_000]
    started = time.perf_counter()
    detector.find(text, None)
    if detector.prefilter:  # the prefilter must be valid RE2 and fast too
        pc.match_substring_regex(pa.array([text]), detector.prefilter,
                                 ignore_case=detector.prefilter_ignore_case)
    assert time.perf_counter() - started < REGEX_BOUND_S


@pytest.mark.parametrize("detector", doc_detectors(), ids=lambda d: d.name)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_doc_detector_never_raises(detector, text):
    _check_matches(text, detector.find(text))


BYTE_PIECES = [
    b"{", b"}", b"[", b"]", b'"', b"\\", b":", b",", b";", b"\t", b"|", b"\n", b"\r\n", b"\r",
    b"a", b"1", b"e", b"null", b"true", b"NaN", b"\xef\xbb\xbf", b"\xff\xfe", b"\xc3", b"\xa9",
    b"\x00", b"PAR1", b"\x1f\x8b\x08", b"x@example.com", b"01 99 00 12 34", b"[" * 50,
]
contents = st.one_of(
    st.binary(max_size=2000),
    st.lists(st.sampled_from(BYTE_PIECES), max_size=300).map(b"".join),
)
SUFFIXES = sorted(SUPPORTED_SUFFIXES)


def _read_all(name: str, data: bytes, batch_rows: int) -> list:
    return list(read_stream(name, lambda: io.BytesIO(data), ReadOptions(batch_rows=batch_rows)))


@pytest.mark.parametrize("suffix", SUFFIXES)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=contents, compress=st.booleans(), batch_rows=st.sampled_from([1, 3, 1000]))
def test_reader_never_raises(suffix, data, compress, batch_rows):
    if suffix.endswith(".gz") and compress:
        data = gzip.compress(data)  # a valid stream around junk, as well as junk itself
    started = time.perf_counter()
    items = _read_all(f"fuzz{suffix}", data, batch_rows)
    assert time.perf_counter() - started < REGEX_BOUND_S * 5
    for item in items:
        assert isinstance(item, (Batch, ReadError))
        if isinstance(item, ReadError):
            assert item.location.startswith(f"fuzz{suffix}")
            continue
        assert 0 < item.num_rows <= batch_rows
        assert item.keys.num_rows == item.num_rows
        assert all(column.type == pa.string() for column in item.data.columns)
