"""Retention periods: parsing, presets, calendar arithmetic and the expiry decision."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from fouille.scanner.core.retention import (
    PRESETS,
    Period,
    cutoff,
    is_expired,
    parse_period,
    parse_timestamp,
    resolve_keep,
)

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("3y", Period(years=3)),
        ("30d", Period(days=30)),
        ("1y6m", Period(years=1, months=6)),
        ("18m", Period(years=1, months=6)),
        ("2w", Period(days=14)),
        ("1y2m3w4d", Period(years=1, months=2, days=25)),
        (" 10Y ", Period(years=10)),
    ],
)
def test_parse_period(text, expected):
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    "text", ["", "3", "y", "3x", "6m1y", "0d", "0y0m", "-3y", "3 years", "1.5y"]
)
def test_parse_period_rejects(text):
    with pytest.raises(ValueError, match="retention period"):
        parse_period(text)


def test_presets_are_the_documented_french_periods():
    expected = {
        "prospects": "3y",
        "connection_logs": "1y",
        "recorded_calls": "30d",
        "chats": "30d",
        "applications": "2y",
        "invoices": "10y",
    }
    assert {name: p.keep for name, p in PRESETS.items()} == expected
    for preset in PRESETS.values():
        assert preset.basis_fr and preset.basis_en and preset.reference
        parse_period(preset.keep)


def test_resolve_keep_accepts_a_preset_or_a_period():
    assert resolve_keep("prospects") == Period(years=3)
    assert resolve_keep("Invoices") == Period(years=10)
    assert resolve_keep("45d") == Period(days=45)
    with pytest.raises(ValueError):
        resolve_keep("prospect")  # a typo is an error, never a silent default


def test_cutoff_is_calendar_arithmetic():
    assert cutoff("3y", NOW) == datetime(2023, 11, 22, 12, 0, tzinfo=UTC)
    assert cutoff("1y6m", NOW) == datetime(2025, 5, 22, 12, 0, tzinfo=UTC)
    assert cutoff("30d", NOW) == NOW - timedelta(days=30)
    leap = datetime(2024, 2, 29, tzinfo=UTC)
    assert cutoff("1y", leap) == datetime(2023, 2, 28, tzinfo=UTC)
    assert cutoff("1m", datetime(2026, 3, 31, tzinfo=UTC)) == datetime(2026, 2, 28, tzinfo=UTC)
    naive = datetime(2026, 1, 15)
    assert cutoff("1y", naive) == datetime(2025, 1, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2023-11-21T12:00:00Z", True),  # a day past three years
        ("2023-11-23T12:00:00+00:00", False),  # a day short of three years
        ("2023-11-22 11:59:59", True),  # naive: read as UTC
        ("2023-11-22T13:30:00+02:00", True),  # 11:30 UTC
        (date(2020, 1, 1), True),
        (datetime(2026, 1, 1), False),
        (1_600_000_000, True),  # epoch seconds, 2020
        ("1800000000", False),  # epoch seconds as text, 2027
    ],
)
def test_is_expired(value, expected):
    assert is_expired(value, "3y", NOW) is expected


@pytest.mark.parametrize(
    "value", [None, "", "yesterday", "31/12/2020", True, float("inf"), object()]
)
def test_unreadable_timestamps_are_unknown_not_kept(value):
    assert parse_timestamp(value) is None
    assert is_expired(value, "3y", NOW) is None


def test_is_expired_with_a_preset():
    assert is_expired("2026-10-01", "chats", NOW) is True
    assert is_expired("2026-11-01", "chats", NOW) is False
