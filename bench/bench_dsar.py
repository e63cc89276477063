"""Benchmark the DSAR index: build it from 1 M identifier findings, then time subject lookups.

Run: ``FOUILLE_KEY=bench python bench/bench_dsar.py [--rows 1000000] [--lookups 2000]``.
Findings are synthetic (keyed hashes of generated values; no raw value is ever written), in
the Parquet layout ``fouille scan --full`` writes. A lookup is what ``fouille dsar`` does per
identifier before reading any store: open the index, count the records holding the hash
(shared-identifier cap), list its locations. Prints build time and lookup latencies.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fouille.scanner.core.findings import SCHEMA
from fouille.scanner.dsar.index import SubjectIndex, build_index
from fouille.scanner.core.keys import Hasher, load_key

CONTAINERS = ("public.customers", "public.support_tickets", "exports/crm.csv", "logs/chat.jsonl")
CHUNK = 200_000


def write_findings(report: Path, rows: int, hasher: Hasher) -> list[str]:
    """``rows`` identifier findings over ``rows // 2`` distinct values; returns some hashes."""
    rng = random.Random(7)
    (report / "findings").mkdir(parents=True)
    sample: list[str] = []
    for part, start in enumerate(range(0, rows, CHUNK)):
        n = min(CHUNK, rows - start)
        values = [rng.randrange(rows // 2) for _ in range(n)]
        hashes = [hasher.hash("EMAIL_ADDRESS", f"person{v}@example.com") for v in values]
        sample += hashes[:: max(1, n // 500)]
        containers = [CONTAINERS[i % len(CONTAINERS)] for i in range(n)]
        keys = [
            f'{{"id":{start + i}}}' if c.startswith("public") else f'{{"line":{start + i}}}'
            for i, c in enumerate(containers)
        ]
        table = pa.table(
            {
                "entity": ["EMAIL_ADDRESS"] * n,
                "source": ["bench"] * n,
                "container": containers,
                "record_key": keys,
                "field": ["email"] * n,
                "start": [0] * n,
                "end": [10] * n,
                "score": [1.0] * n,
                "detector": ["email"] * n,
                "evidence": [["checksum"]] * n,
                "preview": ["p***@e******.com"] * n,
                "value_hash": hashes,
            },
            schema=SCHEMA,
        )
        pq.write_table(table, report / "findings" / f"part-{part}.parquet")
    return sample


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=2000)
    args = parser.parse_args()
    hasher = Hasher(load_key())
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp)
        clock = time.perf_counter()
        sample = write_findings(report, args.rows, hasher)
        print(f"findings written: {args.rows:,} rows in {time.perf_counter() - clock:.1f} s")
        clock = time.perf_counter()
        path = build_index(report, hasher)
        build = time.perf_counter() - clock
        size = path.stat().st_size / 1e6
        with SubjectIndex(path) as index:
            indexed = int(index.meta()["rows"])
        print(f"index built: {indexed:,} indexed rows in {build:.1f} s ({size:.0f} MB)")

        rng = random.Random(11)
        missing = [
            hasher.hash("EMAIL_ADDRESS", f"nobody{i}@example.org") for i in range(args.lookups // 2)
        ]
        targets = [rng.choice(sample) for _ in range(args.lookups - len(missing))] + missing
        timings = []
        clock_all = time.perf_counter()
        for value_hash in targets:
            clock = time.perf_counter()
            with SubjectIndex(path) as index:  # cold open each time, as one `fouille dsar` run does
                index.record_count(value_hash, 21)
                index.lookup(value_hash)
            timings.append(time.perf_counter() - clock)
        total = time.perf_counter() - clock_all
        timings.sort()
        p50 = statistics.median(timings) * 1000
        p99 = timings[int(len(timings) * 0.99) - 1] * 1000
        print(
            f"lookups: {len(targets):,} (half absent) in {total:.2f} s; "
            f"per lookup p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {timings[-1] * 1000:.2f} ms"
        )


if __name__ == "__main__":
    main()
