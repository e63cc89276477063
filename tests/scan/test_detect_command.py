"""``fouille detect`` keeps ids and offsets exact on accented and emoji text (issue 2)."""

import json

from scan_cli import run_fouille

TEXTS = [
    {"id": "a-1", "text": "Hélène 😀😀 écrit à hélène.b@example.com 🎉 puis appelle le 01 99 00 12 34."},
    {"id": 42, "text": "👩‍👩‍👧 Ça coûte 12 €, IBAN FR7630006000011234567890189 — merci 🙏"},
    {"id": "vide", "text": ""},
]


def test_offsets_are_python_str_indices(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(t, ensure_ascii=False) for t in TEXTS) + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = run_fouille("detect", "--input", str(source), "--output", str(target))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a-1", 42, "vide"]
    by_id = {r["id"]: r for r in rows}
    spans = {(s["label"], TEXTS[0]["text"][s["start"]:s["end"]]) for s in by_id["a-1"]["spans"]}
    assert ("EMAIL_ADDRESS", "hélène.b@example.com") in spans or ("EMAIL_ADDRESS", "b@example.com") not in spans
    assert ("PHONE_NUMBER", "01 99 00 12 34") in spans
    iban = [s for s in by_id[42]["spans"] if s["label"] == "IBAN_CODE"]
    assert [TEXTS[1]["text"][s["start"]:s["end"]] for s in iban] == ["FR7630006000011234567890189"]
    assert by_id["vide"]["spans"] == []
    for row in rows:
        for span in row["spans"]:
            assert set(span) == {"start", "end", "label", "score"}
            assert 0 <= span["score"] <= 1


def test_malformed_lines_are_reported_not_fatal(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "rien"}\nnot json\n{"id": 2, "text": "01 99 00 12 34"}\n')
    target = tmp_path / "out.jsonl"
    result = run_fouille("detect", "--input", str(source), "--output", str(target), "--no-nlp")
    assert result.returncode == 3
    assert "line 2" in result.stderr
    assert [json.loads(x)["id"] for x in target.read_text().splitlines()] == [1, 2]
