"""Benchmark the PostgreSQL connector: named cursor vs COPY, throughput and memory.

Creates a throw-away database with N synthetic rows (default 200,000), streams the
table in full mode with each streaming method, and prints rows/s and the peak RSS
growth while streaming. Run from the repository root:

    /tmp/venv/bin/python bench/bench_postgres.py [--rows 200000] [--batch-rows 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
from psycopg import sql

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fouille.connectors.base import Batch, ReadOptions
from fouille.connectors.postgres import PostgresConnector
from tests.connectors.pg_fixtures import ADMIN_DSN, dsn_for, people_table_sql


def current_rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def stream_once(dsn: str, stream: str, batch_rows: int) -> tuple[int, float, int]:
    """Rows read, seconds, peak RSS growth in bytes for one full read of bench.people."""
    pg = PostgresConnector({"name": "bench", "dsn": dsn, "schemas": ["bench"], "stream": stream})
    container = next(pg.containers())
    baseline, peak, rows = current_rss(), 0, 0
    started = time.perf_counter()
    for batch in pg.read(container, ReadOptions(batch_rows=batch_rows)):
        assert isinstance(batch, Batch), batch
        rows += batch.num_rows
        peak = max(peak, current_rss() - baseline)
    elapsed = time.perf_counter() - started
    pg.close()
    return rows, elapsed, peak


def worker(dsn: str, stream: str, batch_rows: int, repeat: int) -> None:
    """One streaming method in its own process, so RSS figures do not leak between methods."""
    runs = [stream_once(dsn, stream, batch_rows) for _ in range(repeat)]
    rows, best, _ = min(runs, key=lambda r: r[1])
    first_peak, later_peak = runs[0][2], max((r[2] for r in runs[1:]), default=0)
    print(
        f"{stream:>6}: {rows / best:>10,.0f} rows/s  ({best:.2f} s)  peak RSS growth "
        f"{first_peak / 2**20:.1f} MiB first run, {later_peak / 2**20:.1f} MiB later runs",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--batch-rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--worker", nargs=2, metavar=("DSN", "STREAM"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], args.worker[1], args.batch_rows, args.repeat)
        return 0
    name = f"fouille_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        dsn = dsn_for(name)
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(people_table_sql("bench", args.rows))
        print(f"{args.rows} rows, batch_rows={args.batch_rows}, best of {args.repeat}", flush=True)
        for stream in ("cursor", "copy"):
            subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--worker",
                    dsn,
                    stream,
                    "--batch-rows",
                    str(args.batch_rows),
                    "--repeat",
                    str(args.repeat),
                ],
                check=True,
            )
    finally:
        with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
