"""Control characters in names (issue 18, item 5): a file name holding a newline and
``::error file=...::`` cannot inject a GitHub workflow command into any text output, and an
ESC sequence in a name never reaches the terminal (scan summary, ``ci`` text, ``detect``)."""

from __future__ import annotations

import json

from resilience_helpers import run_fouille

INJECTED = "notes\n::error file=app.py,line=1::pwned\x1b[31m\x1b]0;title\x07.csv"
# A value the gate takes for real (not a documentation domain or a fiction range).
REAL_LOOKING = "zoe.martin@orange.fr"  # fouille: ignore (planted so that `ci` prints the file name)


def _injections(text: str) -> list[str]:
    """Lines that a runner would read as a workflow command, and raw control sequences."""
    bad = [line for line in text.splitlines() if line.lstrip().startswith("::")]
    bad += [repr(c) for c in ("\x1b", "\x07", "\x9b") if c in text]
    return bad


def test_printable_escapes_control_characters():
    from fouille.scanner.core.safe_names import printable

    assert printable(INJECTED) == (
        "notes\\n::error file=app.py,line=1::pwned\\x1b[31m\\x1b]0;title\\x07.csv")
    assert printable("clients.csv") == "clients.csv"
    assert printable("Zoé\u202eexe.csv") == "Zoé\\u202eexe.csv"  # a right-to-left override


def test_names_cannot_inject_into_text_outputs(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / INJECTED).write_text(f"id;email\n1;{REAL_LOOKING}\n", encoding="utf-8")
    (data / "clean.csv").write_text("id;email\n1;ana@example.com\n", encoding="utf-8")

    scan = run_fouille("scan", str(data), "--out", str(tmp_path / "report"))
    assert scan.returncode == 0, scan.stderr[-3000:]
    ci = run_fouille("ci", str(data), "--root", str(tmp_path))
    assert ci.returncode == 1, ci.stderr[-3000:]  # the real-looking address fails the gate
    assert "pwned" in ci.stdout  # the file is named, escaped
    requests = tmp_path / INJECTED.replace(".csv", ".jsonl")
    requests.write_text('{"id": 1, "text": "Bonjour"}\nnot json\n', encoding="utf-8")
    detect = run_fouille("detect", "--input", str(requests), "--output", str(tmp_path / "spans.jsonl"),
                         "--no-nlp")
    assert detect.returncode == 3 and "pwned" in detect.stderr

    outputs = {"scan stdout": scan.stdout, "scan stderr": scan.stderr, "ci stdout": ci.stdout,
               "ci stderr": ci.stderr, "detect stderr": detect.stderr}
    bad = {name: _injections(text) for name, text in outputs.items() if _injections(text)}
    assert not bad, bad
    inventory = json.loads((tmp_path / "report" / "inventory.json").read_text(encoding="utf-8"))
    names = [c["container"] for c in inventory["containers"]]
    assert not [n for n in names if not n.isprintable()], names
