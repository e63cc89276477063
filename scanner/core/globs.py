"""Path globs as regular expressions: the one translation, for S3 key filters and the CI gate's
ignore rules. ``*`` and ``?`` stay inside one path segment, ``**/`` matches any folders (or
none), ``**`` anything; every other character is literal."""

from __future__ import annotations

import re

_TOKENS = (("**/", "(?:.*/)?"), ("**", ".*"), ("*", "[^/]*"), ("?", "[^/]"))


def glob_body(pattern: str) -> str:
    """The unanchored regex text of ``pattern``."""
    out, i = [], 0
    while i < len(pattern):
        for token, regex in _TOKENS:
            if pattern.startswith(token, i):
                out.append(regex)
                i += len(token)
                break
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


def glob_regex(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled to match a whole path (with ``match``)."""
    return re.compile(glob_body(pattern) + r"\Z")
