"""First-hour CLI papercuts (issue 23): flags after the subcommand, one-line usage errors."""

from scan_cli import run_fouille

from fouille.scanner.cli.main import build_parser


def test_verbosity_flags_are_accepted_after_the_subcommand():
    parser = build_parser()
    assert parser.parse_args(["scan", "-v", "data"]).verbose == 1
    assert parser.parse_args(["-v", "scan"]).verbose == 1
    assert parser.parse_args(["ci", "-vv"]).verbose == 2
    assert parser.parse_args(["scan", "-q"]).quiet is True
    assert parser.parse_args(["-q", "detect", "--input", "a", "--output", "b"]).quiet is True
    assert parser.parse_args(["scan"]).quiet is False


def test_scan_lang_en_writes_the_report_in_english(tmp_path):
    data = tmp_path / "clients.csv"
    data.write_text("email\nanne@example.com\n", encoding="utf-8")
    out = tmp_path / "report"
    result = run_fouille("scan", "-v", "-q", "--lang", "en", "--out", str(out), str(data),
                         env_extra={"FOUILLE_LANG": "fr"})
    assert result.returncode == 0, result.stderr
    assert '<html lang="en">' in (out / "report.html").read_text(encoding="utf-8")


def test_detect_missing_input_is_one_line_exit_2(tmp_path):
    result = run_fouille("detect", "--input", str(tmp_path / "missing.jsonl"), "--output", "-")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "cannot read --input" in result.stderr and "missing.jsonl" in result.stderr


def test_detect_unwritable_output_is_exit_2(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "rien"}\n', encoding="utf-8")
    result = run_fouille("detect", "--input", str(source), "--output", str(tmp_path / "no" / "o"))
    assert result.returncode == 2 and "cannot write --output" in result.stderr


def test_detect_undecodable_line_is_reported_not_fatal(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"id": 1, "text": "rien"}\n\xff\xfe not utf-8\n')
    result = run_fouille("detect", "--input", str(source), "--output", "-", "--no-nlp")
    assert result.returncode == 3, result.stderr
    assert "line 2" in result.stderr and "Traceback" not in result.stderr
    assert '"id": 1' in result.stdout
