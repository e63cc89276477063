"""``fouille detect``: {"id","text"} lines in, {"id","spans":[...]} lines out.

Runs the scan's detection path on each text (``fouille.detectors.detection.detect_many``).
Offsets are Python ``str`` indices (code points). This output holds offsets and labels,
never the text.
"""

from __future__ import annotations

import json
import sys

from fouille.detectors.detection import detect_many
from fouille.scanner.core.column_hints import FREE_TEXT
from fouille.scanner.core.safe_names import printable

CHUNK = 512


def add_arguments(parser) -> None:
    parser.add_argument("--input", required=True, help="JSONL file of {\"id\", \"text\"} (- for stdin)")
    parser.add_argument("--output", required=True, help="JSONL file to write (- for stdout)")
    parser.add_argument("--no-nlp", action="store_true", help="skip the spaCy-based detectors")
    parser.add_argument("--record-text", action="store_true",
                        help="read every text as a record's notes (as a scan reads a notes column)")


def _hint(record: dict, args) -> str | None:
    """``FREE_TEXT`` for record text: ``--record-text``, or ``"kind": "record"`` on the line.

    Record text is the notes of a record about a person (a notes/comment column, a ticket,
    a user's chat turn): the art. 9 detector then reads subjectless agent notes as about
    that person, as the scan does for a notes column.
    """
    if getattr(args, "record_text", False) or record.get("kind") == "record":
        return FREE_TEXT
    return None


def _spans(matches) -> list[dict]:
    return [
        {"start": m.start, "end": m.end, "label": m.entity, "score": m.score} for m in matches
    ]


def run(args) -> int:
    """Exit 0, 3 when some lines were not {"id","text"} objects, 2 when a file cannot be opened."""
    try:
        # both are closed by the `with` below
        source = sys.stdin.buffer if args.input == "-" else open(args.input, "rb")  # noqa: SIM115
    except OSError as exc:
        return _usage_error(f"cannot read --input {printable(args.input)}: {exc.strerror}")
    try:
        sink = (sys.stdout if args.output == "-"
                else open(args.output, "w", encoding="utf-8"))  # noqa: SIM115
    except OSError as exc:
        source.close()
        return _usage_error(f"cannot write --output {printable(args.output)}: {exc.strerror}")
    errors = 0
    with source, sink:
        pending: list[tuple[object, str, str | None]] = []
        for line_no, raw in enumerate(source, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
                pending.append((record["id"], str(record.get("text") or ""), _hint(record, args)))
            except (ValueError, KeyError, TypeError):  # UnicodeDecodeError is a ValueError
                errors += 1
                print(f"fouille detect: {printable(args.input)}:line {line_no}: "
                      'not a {"id","text"} object in UTF-8 JSON', file=sys.stderr)
                continue
            if len(pending) >= CHUNK:
                _flush(pending, sink, not args.no_nlp)
        _flush(pending, sink, not args.no_nlp)
    return 3 if errors else 0


def _usage_error(message: str) -> int:
    print(f"fouille detect: {message}", file=sys.stderr)
    return 2


def _flush(pending: list, sink, use_nlp: bool) -> None:
    if not pending:
        return
    results = detect_many([text for _, text, _ in pending], use_nlp=use_nlp,
                          hints=[hint for _, _, hint in pending])
    for (record_id, _, _), matches in zip(pending, results):
        sink.write(json.dumps({"id": record_id, "spans": _spans(matches)}, ensure_ascii=False) + "\n")
    pending.clear()
