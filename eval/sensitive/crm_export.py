"""Record-level check through the scan: a CRM export whose notes column agents wrote.

Usage: python eval/sensitive/crm_export.py [--seed 1] [--rows 2000] [--split dev|heldout]
                                           [--keep DIR] [--errors]

Writes a CSV of customers (nom, prénom, e-mail on example.com, phone from the ARCEP
fiction ranges, ville, notes), 10 % of whose notes disclose an art. 9 / art. 10 fact
(``crm_notes.note_sampler``), the rest neutral (60 %) or hard negatives (30 %). Then runs
the real command, ``fouille scan --full <csv> --out <dir>``, reads the findings Parquet
and counts, per record: disclosing records with a ``SENSITIVE_*`` finding in ``notes``
(target >= 95 %) and other records with one (target <= 3 %).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from faker import Faker

sys.path.insert(0, str(Path(__file__).parent))
from crm_notes import note_sampler

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from eval.values import FICTION_PHONE_PREFIXES
from fouille.scanner.core.findings import read_findings

DISCLOSING_SHARE, NEUTRAL_SHARE = 0.10, 0.60  # the rest: hard negatives
COLUMNS = ["client_id", "nom", "prenom", "email", "telephone", "ville", "notes"]


def make_rows(seed: int, rows: int, split: str | None = None) -> list[dict]:
    """Customer rows; ``labels`` (not written to the CSV) holds the disclosed categories."""
    rng = random.Random(seed)
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    draw = note_sampler(seed, split)
    out = []
    for i in range(rows):
        roll = rng.random()
        kind = "disclosure" if roll < DISCLOSING_SHARE else (
            "neutral" if roll < DISCLOSING_SHARE + NEUTRAL_SHARE else "hard"
        )
        note, labels = draw(kind)
        first, last = fake.first_name(), fake.last_name()
        local = "".join(ch for ch in f"{first}.{last}".lower() if ch.isalnum() or ch == ".")
        out.append({
            "client_id": f"C{100000 + i}",
            "nom": last,
            "prenom": first,
            "email": f"{local}@example.com",
            "telephone": f"{rng.choice(FICTION_PHONE_PREFIXES)} {rng.randint(0, 99):02d} "
            f"{rng.randint(0, 99):02d}",
            "ville": fake.city(),
            "notes": note,
            "kind": kind,
            "labels": labels,
        })
    return out


def write_csv(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def scan(csv_path: Path, out_dir: Path) -> None:
    """The real command line, as a user runs it."""
    command = [sys.executable, "-m", "fouille.scanner.cli", "scan", "--full", "--quiet", str(csv_path),
               "--out", str(out_dir)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=3600,
                          check=False)
    if done.returncode not in (0, 1):  # 1: findings were made
        raise RuntimeError(f"fouille scan failed ({done.returncode}): {done.stderr[-2000:]}")


def flagged_lines(out_dir: Path) -> dict[int, set[str]]:
    """CSV line -> art. 9 categories found in the notes field."""
    table = read_findings(out_dir).to_pylist()
    found: dict[int, set[str]] = {}
    for row in table:
        if row["field"] == "notes" and row["entity"].startswith("SENSITIVE_"):
            line = json.loads(row["record_key"])["line"]
            found.setdefault(int(line), set()).add(row["entity"])
    return found


def measure(rows: list[dict], found: dict[int, set[str]]) -> dict:
    """Record-level rates; the CSV's line 1 is the header, so row ``i`` is line ``i + 2``."""
    disclosing = [i for i, r in enumerate(rows) if r["kind"] == "disclosure"]
    others = [i for i, r in enumerate(rows) if r["kind"] != "disclosure"]
    hit = [i for i in disclosing if found.get(i + 2)]
    right = [i for i in disclosing if set(rows[i]["labels"]) <= found.get(i + 2, set())]
    false = [i for i in others if found.get(i + 2)]
    return {
        "records": len(rows),
        "disclosing": len(disclosing),
        "disclosing_flagged": len(hit) / max(1, len(disclosing)),
        "disclosing_right_category": len(right) / max(1, len(disclosing)),
        "others": len(others),
        "others_flagged": len(false) / max(1, len(others)),
        "missed": [rows[i]["notes"] for i in disclosing if i not in set(hit)],
        "false_alarms": [rows[i]["notes"] for i in false],
    }


def run(seed: int, rows: int, split: str | None = None, keep: Path | None = None) -> dict:
    records = make_rows(seed, rows, split)
    with tempfile.TemporaryDirectory(prefix="fouille-crm-") as tmp:
        base = keep or Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        csv_path, out_dir = base / "crm_export.csv", base / "report"
        write_csv(records, csv_path)
        scan(csv_path, out_dir)
        return measure(records, flagged_lines(out_dir))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--split", choices=("dev", "heldout"), help="templates of one split only")
    parser.add_argument("--keep", type=Path, help="folder to keep the CSV and the report in")
    parser.add_argument("--errors", action="store_true", help="print missed and false notes")
    args = parser.parse_args()
    result = run(args.seed, args.rows, args.split, args.keep)
    print(f"records: {result['records']} (seed {args.seed}, split {args.split or 'all'})")
    print(f"disclosing records flagged: {result['disclosing_flagged']:.1%} of "
          f"{result['disclosing']} (right category: {result['disclosing_right_category']:.1%})")
    print(f"other records flagged:      {result['others_flagged']:.1%} of {result['others']}")
    if args.errors:  # synthetic notes: printing them is safe
        for note in result["missed"]:
            print(f"  missed: {note}")
        for note in result["false_alarms"]:
            print(f"  false:  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
