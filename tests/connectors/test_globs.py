"""One glob translation (``fouille.scanner.core.globs``) for S3 key filters and the CI gate."""

from __future__ import annotations

import pytest

from fouille.scanner.core.globs import glob_body, glob_regex


@pytest.mark.parametrize(
    "pattern, key, matches",
    [
        ("*.csv", "a.csv", True),
        ("*.csv", "dir/a.csv", False),  # * stays in one segment
        ("**/*.csv", "a.csv", True),  # **/ may match no folder
        ("**/*.csv", "x/y/a.csv", True),
        ("exports/**", "exports/x/y.json", True),
        ("a?.json", "ab.json", True),
        ("a?.json", "a/.json", False),
        ("a+b.csv", "a+b.csv", True),  # everything else literal
        ("a+b.csv", "aab.csv", False),
        ("*.csv", "a.csv\n", False),  # the whole key
    ],
)
def test_glob_semantics(pattern, key, matches):
    assert bool(glob_regex(pattern).match(key)) is matches


def test_body_is_unanchored_regex_text():
    assert glob_body("**/a*.?") == r"(?:.*/)?a[^/]*\.[^/]"
