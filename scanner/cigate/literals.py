"""String literals of source files, with their positions.

In code only string literals can hold a fixture's data; identifiers, keywords and
comments would only add noise (a comment carries ``fouille: ignore``, not data).
Python is read with ``tokenize`` (exact); the C-like and script languages with one
regex that knows their comment and string syntax, good enough for fixtures.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Iterator

# (offset in the file text, literal text including its quotes)
Literal = tuple[int, str]

_DOUBLE = r'"(?:[^"\\\n]|\\.)*"'
_SINGLE = r"'(?:[^'\\\n]|\\.)*'"
_BACKTICK = r"`(?:[^`\\]|\\.)*`"
_TRIPLE = r'"""[\s\S]*?"""'
_LINE_SLASH = r"//[^\n]*"
_BLOCK = r"/\*[\s\S]*?\*/"
_LINE_HASH = r"#[^\n]*"


def _grammar(comments: list[str], strings: list[str]) -> re.Pattern[str]:
    # Comments come first so that a quote inside a comment does not open a string.
    parts = [f"(?:{c})" for c in comments] + [f"(?P<s{i}>{s})" for i, s in enumerate(strings)]
    return re.compile("|".join(parts))


_C_LIKE = _grammar([_LINE_SLASH, _BLOCK], [_BACKTICK, _DOUBLE, _SINGLE])
_JAVA_LIKE = _grammar([_LINE_SLASH, _BLOCK], [_TRIPLE, _DOUBLE, _SINGLE])  # text blocks
_HASH = _grammar([_LINE_HASH], [_DOUBLE, _SINGLE, _BACKTICK])
_PHP = _grammar([_LINE_SLASH, _BLOCK, _LINE_HASH], [_DOUBLE, _SINGLE])
_PYTHON_FALLBACK = _grammar([_LINE_HASH], [_TRIPLE, r"'''[\s\S]*?'''", _DOUBLE, _SINGLE])

GRAMMARS: dict[str, re.Pattern[str]] = {
    **dict.fromkeys(
        (
            ".js",
            ".jsx",
            ".mjs",
            ".cjs",
            ".ts",
            ".tsx",
            ".go",
            ".rs",
            ".swift",
            ".c",
            ".h",
            ".cc",
            ".cpp",
            ".hpp",
            ".cs",
            ".dart",
        ),
        _C_LIKE,
    ),
    **dict.fromkeys((".java", ".kt", ".kts", ".scala", ".groovy"), _JAVA_LIKE),
    **dict.fromkeys((".rb", ".sh", ".bash", ".zsh", ".pl", ".r", ".ex", ".exs"), _HASH),
    ".php": _PHP,
}
SOURCE_EXTENSIONS = frozenset(GRAMMARS) | {".py", ".pyi"}


def regex_literals(text: str, suffix: str) -> Iterator[Literal]:
    """String literals of a C-like, Java-like, PHP or hash-comment language."""
    grammar = GRAMMARS[suffix]
    for m in grammar.finditer(text):
        if m.lastgroup is not None:
            yield m.start(), m.group()


def python_literals(text: str) -> Iterator[Literal]:
    """String literals of Python source via ``tokenize``; the regex reader if it fails."""
    line_starts = [0]
    for line in text.split("\n"):
        line_starts.append(line_starts[-1] + len(line) + 1)
    found: list[Literal] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.STRING:
                row, col = token.start
                found.append((line_starts[row - 1] + col, token.string))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        # An unfinished file: its quotes are still quotes.
        found = [(m.start(), m.group()) for m in _PYTHON_FALLBACK.finditer(text) if m.lastgroup]
    yield from found


def source_literals(text: str, suffix: str) -> Iterator[Literal]:
    """String literals of a source file, by its extension."""
    if suffix in (".py", ".pyi"):
        return python_literals(text)
    return regex_literals(text, suffix)
