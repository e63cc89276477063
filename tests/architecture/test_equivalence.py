"""One detection path (issue 19): every way to run fouille finds the same things in the same text.

The whole accuracy corpus (every corpus of ``eval.corpora``, 60 texts each, seed 7) plus 60
art. 9 CRM notes is written as a one-column CSV (``notes``: free text, read as record text)
and as JSONL with ``"kind": "record"`` (the same reading for ``fouille detect``). The
reference is the detection function itself, in this process; each command, run as a user runs
it, must give exactly its spans, entities and keyed hashes (fixed ``FOUILLE_KEY``):

- ``fouille detect``: spans, labels and scores (its output holds no hash);
- ``fouille scan`` sample mode: the file has fewer rows than ``sample_rows`` and
  ``ner_sample``, so sample mode reads and parses every row;
- ``fouille scan --full`` and ``--engine spark`` (``local[2]``);
- ``fouille ci``: it judges a file line by line, so its reference is the detection function
  on each line; it reports no art. 9 category and drops synthetic values (its
  ``synthetic_rule``), so it is compared on the entities it reports, synthetic ones left out.

Structured cells (the gold values of the corpora, in columns with and without a hint) are
compared the same way between sample mode (per cell), ``--full`` (columnar) and the reference.
"""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fouille.detectors.detection import detect_many, detect_values
from fouille.scanner.cigate.synthetic import synthetic_rule
from fouille.scanner.core.column_hints import FREE_TEXT, hint_for
from fouille.scanner.core.findings import read_findings
from fouille.scanner.core.keys import Hasher

from eval.corpora import CORPORA, corpus_module
from eval.sensitive import crm_notes

REPO = Path(__file__).resolve().parents[2]
KEY = "equivalence-test-key"
PER_CORPUS = 60
SEED = 7
STRUCTURED = ("valeur", "telephone", "email", "iban")  # no hint, then three hinted columns

pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support:FutureWarning")


def corpus_texts() -> list[str]:
    texts = [ex.text for name in CORPORA for ex in corpus_module(name).generate(PER_CORPUS, SEED)]
    notes = crm_notes.generate(seed=SEED, per_template=1)
    random.Random(SEED).shuffle(notes)
    return texts + [row["text"] for row in notes[:PER_CORPUS]]


def structured_values() -> dict[str, list[str]]:
    """Per column, the gold values of the corpora (bare, and padded as exports pad them)."""
    spans = [
        (span.label, ex.text[span.start:span.end])
        for name in CORPORA for ex in corpus_module(name).generate(PER_CORPUS, SEED)
        for span in ex.spans
    ]
    wanted = {"telephone": "PHONE_NUMBER", "email": "EMAIL_ADDRESS", "iban": "IBAN_CODE"}
    columns = {"valeur": [value for _, value in spans][:600]}
    for column, label in wanted.items():
        values = [value for entity, value in spans if entity == label]
        columns[column] = values + [f" {v} " for v in values[:20]] + [f"tél {v}" for v in values[:20]]
    return columns


def fouille(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fouille.scanner.cli", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=900, check=False)


def write_csv(path: Path, columns: dict[str, list[str]]) -> list[int]:
    """The CSV, and the first line of each row (a row's record key is its first line)."""
    names = list(columns)
    length = max(len(v) for v in columns.values())
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(names)
        for i in range(length):
            writer.writerow([columns[n][i] if i < len(columns[n]) else "" for n in names])
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        firsts, previous = [], reader.line_num
        for _ in reader:
            firsts.append(previous + 1)
            previous = reader.line_num
    return firsts


def scanned(out: Path, first_lines: list[int]) -> set[tuple]:
    """(field, row, start, end, entity, hash) of a report folder's findings."""
    row_of = {line: row for row, line in enumerate(first_lines)}
    return {
        (f["field"], row_of[json.loads(f["record_key"])["line"]], f["start"], f["end"], f["entity"],
         f["value_hash"])
        for f in read_findings(out).to_pylist()
    }


@pytest.fixture(scope="module")
def env() -> dict:
    return dict(os.environ, FOUILLE_KEY=KEY, PYSPARK_PYTHON=sys.executable)


@pytest.fixture(scope="module")
def hasher() -> Hasher:
    return Hasher(KEY.encode())


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return corpus_texts()


@pytest.fixture(scope="module")
def notes_csv(tmp_path_factory, texts) -> tuple[Path, list[int]]:
    folder = tmp_path_factory.mktemp("notes")
    path = folder / "texts.csv"
    return path, write_csv(path, {"notes": texts})


@pytest.fixture(scope="module")
def reference(texts, hasher) -> set[tuple]:
    """What the detection function finds in each text read as record notes."""
    per_text = detect_many(texts, hint=FREE_TEXT)
    found = {
        ("notes", row, m.start, m.end, m.entity, hasher.hash(m.entity, m.normalized))
        for row, matches in enumerate(per_text) for m in matches
    }
    assert len(found) > 500  # every corpus gives findings
    return found


def test_the_corpus_covers_every_corpus_and_art9_notes(texts, reference):
    assert len(texts) == PER_CORPUS * (len(CORPORA) + 1)
    entities = {entity for *_, entity, _ in reference}
    assert {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE", "FR_NIR"} <= entities
    assert any(entity.startswith("SENSITIVE_") for entity in entities)


def test_detect_command_gives_the_detection_functions_spans(tmp_path, texts, env):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": t, "kind": "record"}) + "\n"
                              for i, t in enumerate(texts)), encoding="utf-8")
    done = fouille("detect", "--input", str(source), "--output", str(tmp_path / "out.jsonl"), env=env)
    assert done.returncode == 0, done.stderr
    got = {
        (line["id"], s["start"], s["end"], s["label"], s["score"])
        for line in map(json.loads, (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines())
        for s in line["spans"]
    }
    expected = {
        (row, m.start, m.end, m.entity, m.score)
        for row, matches in enumerate(detect_many(texts, hint=FREE_TEXT)) for m in matches
    }
    assert got == expected


@pytest.mark.parametrize("mode", ["sample", "full"])
def test_scan_finds_what_the_detection_function_finds(tmp_path, notes_csv, reference, env, mode):
    path, first_lines = notes_csv
    assert len(first_lines) < 1000  # under sample_rows and ner_sample: sample mode reads every row
    done = fouille("scan", "--quiet", str(path), "--out", str(tmp_path / "out"),
                   *(["--full"] if mode == "full" else []), env=env)
    assert done.returncode == 0, done.stderr
    assert scanned(tmp_path / "out", first_lines) == reference


def _spark_available() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        reason = "pyspark"
    else:
        if shutil.which("java") or os.environ.get("JAVA_HOME"):
            return
        reason = "Java 17+"
    if os.environ.get("CI"):  # CI must prove the Spark engine agrees: missing is a failure
        pytest.fail(f"the Spark equivalence test needs {reason}")
    pytest.skip(f"needs {reason}")


@pytest.mark.parametrize("mode", ["sample", "full"])
def test_spark_engine_finds_what_the_detection_function_finds(tmp_path, notes_csv, reference, env,
                                                              mode):
    _spark_available()
    path, first_lines = notes_csv
    done = fouille("scan", "--quiet", "--engine", "spark", "--workers", "2", str(path),
                   "--out", str(tmp_path / "out"), *(["--full"] if mode == "full" else []), env=env)
    assert done.returncode == 0, done.stderr
    assert scanned(tmp_path / "out", first_lines) == reference


@pytest.mark.parametrize("nlp", ["off", "all"])
def test_ci_finds_what_the_detection_function_finds_line_by_line(tmp_path, texts, hasher, env, nlp):
    folder = tmp_path / "repo"
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"t{i:04d}.txt").write_text(text + "\n", encoding="utf-8")
    report = tmp_path / "ci.json"
    done = fouille("ci", "--format", "json", "--nlp", nlp, "--root", str(folder), "--output",
                   str(report), str(folder), env=env)
    assert done.returncode == 1, done.stderr  # real identifiers fail the check
    findings = json.loads(report.read_text(encoding="utf-8"))["findings"]
    got = {(f["path"], f["line"], f["column"] - 1, f["end_column"] - 1, f["entity"], f["value_hash"])
           for f in findings}
    reported = {f["entity"] for f in findings}
    assert "PHONE_NUMBER" in reported and ("PERSON" in reported) == (nlp == "all")
    assert not any(entity.startswith("SENSITIVE_") for entity in reported)
    lines = [(f"t{i:04d}.txt", n, line) for i, text in enumerate(texts)
             for n, line in enumerate(text.split("\n"), start=1)]
    expected = {
        (path, n, m.start, m.end, m.entity, hasher.hash(m.entity, m.normalized))
        for (path, n, line), matches in zip(lines, detect_many([ln for *_, ln in lines],
                                                               use_nlp=nlp == "all"))
        for m in matches
        if m.entity in reported and not synthetic_rule(m.entity, line[m.start:m.end], m.normalized)
    }
    assert got == expected


def test_structured_cells_agree_per_cell_columnar_and_reference(tmp_path, hasher, env):
    columns = structured_values()
    path = tmp_path / "cells.csv"
    first_lines = write_csv(path, columns)
    assert len(first_lines) < 1000
    found = {}
    for mode in ("sample", "full"):
        done = fouille("scan", "--quiet", str(path), "--out", str(tmp_path / mode),
                       *(["--full"] if mode == "full" else []), env=env)
        assert done.returncode == 0, done.stderr
        found[mode] = scanned(tmp_path / mode, first_lines)
    expected = {
        (name, row, m.start, m.end, m.entity, hasher.hash(m.entity, m.normalized))
        for name, values in columns.items()
        for row, matches in enumerate(detect_values(values, hint_for(name))) for m in matches
    }
    assert {name for name, *_ in expected} == set(STRUCTURED)
    assert found["sample"] == found["full"] == expected
