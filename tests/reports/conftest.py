"""Fixtures for the report tests: the sample inventory and a headless Chromium."""

from __future__ import annotations

import copy
import json
import os

import pytest
from report_browser import SAMPLE_INVENTORY, chromium_available, launch

_SAMPLE = json.loads(SAMPLE_INVENTORY.read_text(encoding="utf-8"))


@pytest.fixture
def inventory() -> dict:
    """A realistic synthetic inventory (masked examples only), fresh for each test."""
    return copy.deepcopy(_SAMPLE)


def _unavailable(reason: str):
    # In CI a missing browser is a failure: the browser tests are the point.
    if os.environ.get("CI"):
        pytest.fail(f"Chromium needed in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not chromium_available():
        _unavailable("chromium not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            browser = launch(playwright)
        except Exception as exc:  # noqa: BLE001 - any launch failure means no browser
            _unavailable(f"chromium would not start: {exc}")
        yield browser
        browser.close()
