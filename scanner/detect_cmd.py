"""``fouille detect``: {"id","text"} lines in, {"id","spans":[...]} lines out.

Uses exactly the detectors the scan runs on free text (``detectors.text.detect_texts``).
Offsets are Python ``str`` indices (code points). This output holds offsets and labels,
never the text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from detectors.text import detect_texts

CHUNK = 512


def add_arguments(parser) -> None:
    parser.add_argument("--input", required=True, help="JSONL file of {\"id\", \"text\"} (- for stdin)")
    parser.add_argument("--output", required=True, help="JSONL file to write (- for stdout)")
    parser.add_argument("--no-nlp", action="store_true", help="skip the spaCy-based detectors")


def _spans(matches) -> list[dict]:
    return [
        {"start": m.start, "end": m.end, "label": m.entity, "score": m.score} for m in matches
    ]


def run(args) -> int:
    source = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")
    sink = sys.stdout if args.output == "-" else open(Path(args.output), "w", encoding="utf-8")
    errors = 0
    with source, sink:
        pending: list[tuple[object, str]] = []
        for line_no, line in enumerate(source, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                pending.append((record["id"], str(record.get("text") or "")))
            except (ValueError, KeyError, TypeError):
                errors += 1
                print(f"fouille detect: {args.input}:line {line_no}: not a {{\"id\",\"text\"}} object", file=sys.stderr)
                continue
            if len(pending) >= CHUNK:
                _flush(pending, sink, not args.no_nlp)
        _flush(pending, sink, not args.no_nlp)
    return 3 if errors else 0


def _flush(pending: list, sink, use_nlp: bool) -> None:
    if not pending:
        return
    results = detect_texts([text for _, text in pending], use_nlp=use_nlp)
    for (record_id, _), matches in zip(pending, results):
        sink.write(json.dumps({"id": record_id, "spans": _spans(matches)}, ensure_ascii=False) + "\n")
    pending.clear()
