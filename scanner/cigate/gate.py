"""Check one file: detect, drop what is synthetic or ignored, rate what is left.

Detection is the scan's own path (``fouille.detectors.detection``: ``fast_matches``, then
``doc_matches`` and ``resolve``). The NER model runs only for names and places: by default on the lines
of a record that holds a failing identifier (a name in the row of a real NIR is a
record of a person), on every piece with ``--strict`` (``nlp="all"``), never with
``nlp="off"``. A name fails only in such a record (``records.record_ids``): a ±N-line
window would also fail a synthetic row written next to a real one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from fouille.connectors.files.walking import open_regular
from fouille.detectors.base import Match
from fouille.detectors.detection import doc_matches, fast_detectors, fast_matches, resolve
from fouille.detectors.nlp import pipe
from fouille.detectors.registry import doc_detectors
from fouille.scanner.cigate.extract import Piece, pieces, split_lines
from fouille.scanner.cigate.records import record_ids
from fouille.scanner.cigate.severity import FAILING, fix_for, severity_of, why_real
from fouille.scanner.cigate.synthetic import synthetic_rule
from fouille.scanner.core.keys import Hasher
from fouille.scanner.core.model import Finding, Location, record_key

IGNORE_MARK = "fouille: ignore"
NAME_PLACE = frozenset({"PERSON", "LOCATION"})
SOURCE_NAME = "repo"


@dataclass(frozen=True)
class GateOptions:
    """How strict the check is.

    Attributes:
        strict: Low-severity findings (names, cities...) fail too.
        nlp: ``auto`` (NER in the records of failing identifiers), ``all`` or ``off``.
        max_bytes: Larger files are skipped and listed.
    """

    strict: bool = False
    nlp: str = "auto"
    max_bytes: int = 5 * 1024 * 1024


@dataclass(frozen=True)
class GateFinding:
    """A finding of the gate: the core ``Finding`` plus its verdict.

    The finding's container is the file path, its record key ``{"line": N}`` and its
    span the columns inside that line.
    """

    finding: Finding
    severity: str
    why: str
    fix: str
    fails: bool

    @property
    def path(self) -> str:
        return self.finding.location.container

    @property
    def line(self) -> int:
        return int(self.finding.location.key_dict()["line"])

    @property
    def column(self) -> int:
        """1-based column of the first character (Unicode code points)."""
        return self.finding.start + 1

    @property
    def end_column(self) -> int:
        """1-based column just after the last character, as SARIF counts."""
        return self.finding.end + 1


@dataclass
class FileResult:
    """What checking one file gave: findings and counters (no values)."""

    findings: list[GateFinding] = field(default_factory=list)
    ignored_inline: int = 0
    synthetic: Counter = field(default_factory=Counter)
    skipped: str | None = None  # why the file was not read


@cache
def _candidate_filter() -> re.Pattern[str] | None:
    """One regex that every line any text detector could match on also matches."""
    parts = []
    for detector in fast_detectors():  # unhinted lines: no hint-only detector
        part = _python_regex(detector.prefilter) if detector.prefilter else None
        if part is None:  # no prefilter, or one Python cannot read: every line is a candidate
            return None
        parts.append(f"(?i:{part})" if detector.prefilter_ignore_case else f"(?:{part})")
    return re.compile("|".join(parts)) if parts else None


def _python_regex(re2: str) -> str | None:
    """An RE2 prefilter as a Python pattern, or ``None``.

    RE2 accepts a flag group such as ``(?i)`` mid-pattern (it applies to the rest of
    the enclosing group); Python wants it scoped: ``A|(?i)B`` becomes ``A|(?i:B)``.
    """
    for candidate in (re2, re.sub(r"\(\?([imsU]+)\)(.*)$", r"(?\1:\2)", re2)):
        try:
            re.compile(candidate)
            return candidate
        except re.error:
            continue
    return None


@cache
def _name_place_detectors() -> tuple:
    return tuple(d for d in doc_detectors() if set(d.entities) <= NAME_PLACE)


def read_text(path: Path, with_encoding: bool = False):
    """The file's text (UTF-8, with or without BOM, else cp1252); its encoding too if asked.

    Opened without blocking and only if still a regular file (a FIFO put in its place
    after listing raises ``OSError``: reported as unreadable, never waited on)."""
    with open_regular(str(path)) as handle:
        data = handle.read()
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
    return (text, encoding) if with_encoding else text


def check_file(root: Path, rel_path: str, hasher: Hasher, options: GateOptions) -> FileResult:
    """All gate findings of one file."""
    result = FileResult()
    full = root / rel_path
    try:
        if full.stat().st_size > options.max_bytes:
            result.skipped = f"larger than {options.max_bytes} bytes"
            return result
        text = read_text(full)
    except OSError as exc:
        result.skipped = f"unreadable: {exc.strerror or type(exc).__name__}"
        return result
    lines = split_lines(text)
    ignored_lines = {n for n, line in enumerate(lines, 1) if IGNORE_MARK in line}
    file_pieces = [p for p in pieces(rel_path, text, lines) if p.line not in ignored_lines]
    per_line = _detect(file_pieces)

    judged = _judge(per_line, lines, result)
    record_of = record_ids(rel_path, lines)
    failing_records = {record_of[ln - 1] for ln, m in judged if severity_of(m.entity) in FAILING}
    if options.nlp != "off" and _name_place_detectors():
        ner_pieces = [
            p
            for p in file_pieces
            if options.nlp == "all" or record_of[p.line - 1] in failing_records
        ]
        if ner_pieces:
            for line, found in _detect_names(ner_pieces).items():
                per_line.setdefault(line, []).extend(found)
            judged = _judge(per_line, lines, FileResult())  # re-resolve overlaps with names
    result.ignored_inline = sum(1 for n in ignored_lines if n <= len(lines))
    for line, match in judged:
        severity = severity_of(match.entity)
        escalated = severity not in FAILING and record_of[line - 1] in failing_records
        why = why_real(match.entity, match.evidence)
        if escalated:
            why += "; in the same record as a real identifier"
        result.findings.append(
            GateFinding(
                finding=Finding.from_match(
                    match, Location(SOURCE_NAME, rel_path, record_key(line=line), ""), hasher
                ),
                severity=severity,
                why=why,
                fix=fix_for(match.entity),
                fails=severity in FAILING or escalated or options.strict,
            )
        )
    return result


def _detect(file_pieces: list[Piece]) -> dict[int, list[Match]]:
    """Text-detector matches, shifted from piece offsets to line columns.

    Whole lines go first; a hinted value (a CSV cell, a JSON value) is read again
    with its hint only if its line gave nothing of the hinted type inside it, since
    the hint can add a value (a bare name) but not change one already found.
    """
    prefilter = _candidate_filter()
    per_line: dict[int, list[Match]] = {}
    for piece in sorted(file_pieces, key=lambda p: p.hint is not None):
        if piece.hint is None and prefilter is not None and not prefilter.search(piece.text):
            continue
        if piece.hint is not None and any(
            m.entity == piece.hint and piece.col <= m.start and m.end <= piece.col + len(piece.text)
            for m in per_line.get(piece.line, ())
        ):
            continue
        for m in fast_matches(piece.text, piece.hint):
            per_line.setdefault(piece.line, []).append(_shift(m, piece.col))
    return per_line


def _detect_names(ner_pieces: list[Piece]) -> dict[int, list[Match]]:
    per_line: dict[int, list[Match]] = {}
    docs = pipe([p.text for p in ner_pieces])  # the model loads on first use only
    for piece, doc in zip(ner_pieces, docs):
        for m in doc_matches(doc, piece.hint, _name_place_detectors()):
            per_line.setdefault(piece.line, []).append(_shift(m, piece.col))
    return per_line


def _judge(per_line: dict[int, list[Match]], lines: list[str], result: FileResult):
    """Overlaps resolved per line, synthetic values dropped (counted by rule)."""
    kept: list[tuple[int, Match]] = []
    for line in sorted(per_line):
        for m in resolve(_dedupe(per_line[line])):
            rule = synthetic_rule(m.entity, lines[line - 1][m.start : m.end], m.normalized)
            if rule:
                result.synthetic[rule] += 1
            else:
                kept.append((line, m))
    return kept


def _dedupe(matches: list[Match]) -> list[Match]:
    # A value seen by a line piece and a hinted piece is one value.
    best: dict[tuple[int, int, str], Match] = {}
    for m in matches:
        key = (m.start, m.end, m.entity)
        if key not in best or m.score > best[key].score:
            best[key] = m
    return list(best.values())


def _shift(m: Match, offset: int) -> Match:
    return replace(m, start=m.start + offset, end=m.end + offset) if offset else m
