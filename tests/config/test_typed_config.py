"""fouille.toml checked against one typed model: as a new user would get it wrong.

Each mistake stops ``fouille scan``, ``fouille dsar`` and ``fouille ci`` with exit 2 and one line
naming the file, the table, the key and what was expected.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from fouille.scanner.cli.main import main
from fouille.scanner.core.config import ConfigError, ScanConfig, load_config, validate_source

FILES = '[[sources]]\nname = "a"\ntype = "files"\npaths = ["data"]\n'
FILES_AT = '[[sources]] #1 (type "files"), source \'a\''

MISTAKES = {
    "unknown [scan] key": (
        '[scan]\noutt = "elsewhere"\n' + FILES,
        ('[scan]: unknown key "outt" (allowed: batch_rows, max_cell_chars, max_expansion_ratio, '
         "max_spool_mb, mode, ner_sample, out, sample_rows, workers)"),
    ),
    "unknown table": (
        FILES + '[[detectors]]\nname = "iban"\n',
        "unknown table [[detectors]] (allowed tables: [scan], [[sources]], [dsar], [ci])",
    ),
    "unknown files key": (
        '[[sources]]\nname = "a"\ntype = "files"\npathz = ["data"]\n',
        (f'{FILES_AT}: unknown key "pathz" (allowed: delimiter, dsar, encoding, follow_symlinks, '
         "name, path, paths, retention, type)"),
    ),
    "unknown postgres key": (
        '[[sources]]\nname = "crm"\ntype = "postgres"\ndsn = "postgresql://h/db"\nschema = "x"\n',
        '[[sources]] #1 (type "postgres"), source \'crm\': unknown key "schema" (allowed: batch_rows,',
    ),
    "unknown s3 key": (
        FILES + '[[sources]]\nname = "lake"\ntype = "s3"\nbucket = "b"\nprefixe = "crm/"\n',
        '[[sources]] #2 (type "s3"), source \'lake\': unknown key "prefixe" (allowed: addressing_style,',
    ),
    "unknown chatlogs key": (
        '[[sources]]\nname = "bot"\ntype = "chatlogs"\npaths = ["logs"]\nmessage = "msgs"\n',
        ('[[sources]] #1 (type "chatlogs"), source \'bot\': unknown key "message" (allowed: '
         "addressing_style, art9_bot_messages,"),
    ),
    "unknown retention key": (
        FILES + 'retention = { feild = "created_at", keep = "3y" }\n',
        f'{FILES_AT}: retention rule #1: unknown key "feild" (allowed: container, field, keep, table)',
    ),
    "unknown [dsar] key": (
        FILES + '[dsar]\nphone = "01"\n',
        '[dsar]: unknown key "phone" (allowed: contact, controller, dpo)',
    ),
    "unknown source dsar key": (
        FILES + '[sources.dsar]\ncolour = "blue"\n',
        f'{FILES_AT}: dsar #1: unknown key "colour" (allowed: automated_decisions, container,',
    ),
    "workers as a word": (
        '[scan]\nworkers = "two"\n' + FILES,
        '[scan] workers: expected an integer, got "two"',
    ),
    "sample_rows as a boolean": (
        "[scan]\nsample_rows = true\n" + FILES,
        "[scan] sample_rows: expected an integer, got true",
    ),
    "paths as a number": (
        '[[sources]]\nname = "a"\ntype = "files"\npaths = 3\n',
        f"{FILES_AT}: paths: expected a list of strings, or one string, got 3",
    ),
    "mode misspelt": (
        '[scan]\nmode = "ful"\n' + FILES,
        "[scan] mode: expected 'sample' or 'full', got \"ful\"",
    ),
    "type missing": (
        '[[sources]]\nname = "a"\npaths = ["data"]\n',
        "[[sources]] #1, source 'a': 'type' is required (one of files, postgres, s3, chatlogs)",
    ),
    "dsn_env unset": (
        '[[sources]]\nname = "crm"\ntype = "postgres"\ndsn_env = "FOUILLE_TEST_UNSET_DSN"\n',
        ('[[sources]] #1 (type "postgres"), source \'crm\': dsn_env: environment variable '
         "FOUILLE_TEST_UNSET_DSN is not set"),
    ),
}


def _config(tmp_path: Path, text: str) -> Path:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "clients.csv").write_text("id;email\n1;zoe@example.com\n", encoding="utf-8")
    config = tmp_path / "fouille.toml"
    config.write_text(text, encoding="utf-8")
    return config


@pytest.mark.parametrize("name", MISTAKES)
def test_scan_stops_with_exit_2_naming_file_table_key_and_type(name, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("FOUILLE_TEST_UNSET_DSN", raising=False)
    text, message = MISTAKES[name]
    config = _config(tmp_path, text)
    assert main(["scan", "--config", str(config), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert f"fouille: {config}: {message}" in err, err
    assert "Traceback" not in err and not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["unknown [scan] key", "workers as a word", "dsn_env unset"])
def test_dsar_stops_with_exit_2_on_the_same_mistakes(name, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("FOUILLE_TEST_UNSET_DSN", raising=False)
    text, message = MISTAKES[name]
    config = _config(tmp_path, text)
    code = main(["dsar", "--config", str(config), "--live", "--email", "zoe@example.com",
                 "--out", str(tmp_path / "answer")])
    assert code == 2
    assert f"{config}: {message}" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["unknown table", "unknown [scan] key", "paths as a number"])
def test_ci_reads_the_same_model(name, tmp_path, capsys):
    text, message = MISTAKES[name]
    config = _config(tmp_path, text + '[ci]\nexclude = ["vendor"]\n')
    assert main(["ci", str(tmp_path / "data"), "--root", str(tmp_path), "--config", str(config)]) == 2
    assert f"{config}: {message}" in capsys.readouterr().err


def test_ci_rejects_a_wrong_ci_key_and_accepts_one_glob(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("FOUILLE_TEST_UNSET_DSN", raising=False)
    config = _config(tmp_path, "[ci]\nexclude = 3\n")
    assert main(["ci", str(tmp_path / "data"), "--root", str(tmp_path), "--config", str(config)]) == 2
    assert f"{config}: [ci] exclude: expected a list of strings, or one string, got 3" in (
        capsys.readouterr().err)
    # One glob is a list of one; an unset dsn_env does not concern ci (it reads no source).
    config.write_text('[ci]\nexclude = "data/*.csv"\n' + MISTAKES["dsn_env unset"][0], encoding="utf-8")
    assert main(["ci", str(tmp_path / "data"), "--root", str(tmp_path), "--config", str(config)]) == 0


def test_one_path_given_as_a_string_is_a_list_of_one(tmp_path):
    """``paths = "a.csv"`` scans that file: never its letters, never the current folder."""
    config = _config(tmp_path, '[[sources]]\nname = "a"\ntype = "files"\npaths = "data/clients.csv"\n')
    (tmp_path / "data" / "other.csv").write_text("id;email\n1;ana@example.com\n", encoding="utf-8")
    assert load_config(str(config)).sources == [
        {"name": "a", "type": "files", "paths": ["data/clients.csv"]}
    ]
    out = tmp_path / "out"
    assert main(["scan", "--config", str(config), "--out", str(out), "--quiet"]) == 0
    inventory = json.loads((out / "inventory.json").read_text(encoding="utf-8"))
    assert [c["container"] for c in inventory["containers"]] == ["clients.csv"]


def test_the_real_command_line_exits_2(tmp_path):
    config = _config(tmp_path, MISTAKES["workers as a word"][0])
    result = subprocess.run([sys.executable, "-m", "fouille.scanner.cli", "scan", "--config",
                             str(config), "--quiet"], check=False, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 2
    assert result.stderr.strip() == f'fouille: {config}: [scan] workers: expected an integer, got "two"'


def test_source_specs_are_plain_dicts_holding_what_was_written():
    spec = validate_source({"name": "crm", "type": "postgres", "dsn_env": "CRM_DSN",
                            "schemas": "public", "retention": {"table": "t", "field": "d", "keep": "3y"}})
    assert spec == {"name": "crm", "type": "postgres", "dsn_env": "CRM_DSN", "schemas": ["public"],
                    "retention": [{"container": "t", "field": "d", "keep": "3y"}]}
    assert type(spec) is dict and pickle.loads(pickle.dumps(spec)) == spec


def test_s3_credentials_are_refused_without_echoing_them():
    with pytest.raises(ConfigError, match="S3 credentials do not belong in fouille.toml") as caught:
        validate_source({"name": "b", "type": "s3", "bucket": "x", "aws_secret_access_key": "s3cr3t"})
    assert "s3cr3t" not in str(caught.value)


def test_a_dsn_of_the_wrong_type_is_not_quoted():
    with pytest.raises(ConfigError, match="dsn_env: expected a non-empty string, got a string"):
        validate_source({"name": "crm", "type": "postgres", "dsn_env": ""})


def test_scan_settings_defaults_are_declared_once(tmp_path):
    config = _config(tmp_path, FILES)
    loaded = load_config(str(config))
    assert (loaded.sample_rows, loaded.workers, loaded.mode) == (1000, 0, "sample")
    assert ScanConfig().batch_rows == loaded.batch_rows == 10_000
    assert loaded.out == str(tmp_path / "fouille-report")


def test_two_sources_may_not_share_a_name(tmp_path):
    (tmp_path / "a.csv").write_text("x\n1\n", encoding="utf-8")
    config = tmp_path / "fouille.toml"
    config.write_text(
        '[[sources]]\nname = "crm"\ntype = "files"\npaths = ["a.csv"]\n\n'
        '[[sources]]\nname = "crm"\ntype = "files"\npaths = ["a.csv"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r'\[\[sources\]\] #2: name .crm. is already the name of \[\[sources\]\] #1'):
        load_config(str(config))
