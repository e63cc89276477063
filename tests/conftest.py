"""Shared test setup: a fixed installation key, so no test writes a key file in the home folder."""

import os

import pytest

import fouille.detectors.detection  # noqa: F401 - names are judged before core shows one (safe_names)

os.environ.setdefault("FOUILLE_KEY", "test-key-not-secret")


@pytest.fixture(autouse=True)
def _isolated_key(monkeypatch, tmp_path_factory):
    monkeypatch.setenv("FOUILLE_KEY", "test-key-not-secret")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg")))

# CI runs a fixed set of hypothesis examples (reproducible); locally they vary and find new cases.
try:
    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
    if os.environ.get("CI"):
        settings.load_profile("ci")
except ImportError:  # hypothesis is a dev dependency
    pass
