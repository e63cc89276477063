"""Junk in, no exception out, in bounded time, for every registered detector.

The time bound is a guard against catastrophic regex backtracking (seconds, not a
benchmark): a signal alarm fails the test if one call hangs.
"""

import signal
from contextlib import contextmanager

import pytest

from fouille.detectors.registry import all_detectors

JUNK = {
    "none": None,
    "empty": "",
    "emoji": "😀📞☎️ 06 🎉 " * 200,
    "digits_1mb": "1" * (1 << 20),
    "spaced_digits": "12 " * 100_000,
    "rtl": "مرحبا بالعالم שלום עולם ٠٦١٢٣٤٥٦٧٨ ١٩٨٥/٠٣/١٢",
    "nul_bytes": "a\x00b\x00\x00 06\x0012 rue\x00 75002 Paris",
    "superscript": "¹²³⁴⁵⁶⁷⁸⁹⁰ FR⁷⁶",
    "letters_digits": "FR76" * 50_000,
    "dots": "1." * 200_000,
}
LIMIT_SECONDS = 20


@contextmanager
def time_limit(seconds):
    def fail(signum, frame):
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("name", list(JUNK))
@pytest.mark.parametrize("detector", all_detectors(), ids=lambda d: d.name)
def test_junk_is_harmless(detector, name):
    text = JUNK[name]
    for hint in (None, detector.entities[0]):
        with time_limit(LIMIT_SECONDS):
            found = detector.find(text, hint)
        assert isinstance(found, list)
        for m in found:
            assert 0 <= m.start < m.end <= len(text)
