"""Full-mode throughput on structured columns (issue 9): ``fouille scan --full`` on the contacts
file without its free-text ``notes`` column.

    python bench/bench_full.py --rows 100000 --rows 1000000 [--per-cell] [--repeat 2]

Derives ``bench/data/contacts_<rows>_structured.csv`` from bench/generate_contacts.py's file
(11 columns: id;nom;prenom;email;telephone;adresse;code_postal;ville;siret;iban;date_naissance),
then runs ``fouille scan FILE --full --quiet`` in a subprocess: wall time, CPU time and peak
RSS, split into the scan (read, detect, findings written) and the DSAR index build that ends
every full scan (timed around the pipeline's call). ``--per-cell`` also times the per-cell
path (``EngineOptions(columnar=False)``) for comparison. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_scan import ensure_data

HERE = Path(__file__).resolve().parent
STRUCTURED = ("id", "nom", "prenom", "email", "telephone", "adresse", "code_postal", "ville",
              "siret", "iban", "date_naissance")
# The scan in a child process. Prints its CPU seconds (workers included), peak RSS (KiB) and
# the wall and CPU seconds spent building the DSAR index (timed around the pipeline's own call).
_SCAN = """
import functools, resource, time
import fouille.scanner.cli.scan_outputs, fouille.scanner.engine.container, fouille.scanner.engine.pipeline
if {per_cell}:
    fouille.scanner.engine.pipeline.EngineOptions = functools.partial(fouille.scanner.engine.container.EngineOptions, columnar=False)
spent = []
build = fouille.scanner.cli.scan_outputs._write_index
def timed(*args):
    started, cpu = time.perf_counter(), time.process_time()
    build(*args)
    spent.append((time.perf_counter() - started, time.process_time() - cpu))
fouille.scanner.cli.scan_outputs._write_index = timed
from fouille.scanner.cli.main import main
code = main(["scan", {path!r}, "--full", "--out", {out!r}, "--quiet", "--workers", "{workers}"])
mine, workers = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
cpu = mine.ru_utime + mine.ru_stime + workers.ru_utime + workers.ru_stime
print(cpu, max(mine.ru_maxrss, workers.ru_maxrss), *(map(sum, zip(*spent)) if spent else (0, 0)))
"""


def structured_file(rows: int) -> Path:
    """The contacts file of ``rows`` rows without its notes column (made once, then reused)."""
    path = HERE / "data" / f"contacts_{rows}_structured.csv"
    if not path.exists():
        import pyarrow as pa
        import pyarrow.csv as pv

        source = ensure_data(rows)
        table = pv.read_csv(
            source, parse_options=pv.ParseOptions(delimiter=";"),
            convert_options=pv.ConvertOptions(
                include_columns=list(STRUCTURED), strings_can_be_null=False,
                column_types={name: pa.string() for name in STRUCTURED}),
        )
        tmp = path.with_suffix(".tmp")
        pv.write_csv(table, tmp, pv.WriteOptions(delimiter=";", quoting_style="none"))
        tmp.replace(path)
    return path


def _child(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=HERE.parent, env={**os.environ, "FOUILLE_KEY": "bench"})
    return result.stdout.strip().splitlines()[-1]


def run(path: Path, rows: int, per_cell: bool, workers: int) -> None:
    out = tempfile.mkdtemp(prefix="fouille-bench-full-")
    started = time.perf_counter()
    code = _SCAN.format(per_cell=per_cell, path=str(path), out=out, workers=workers)
    cpu, peak, index, index_cpu = map(float, _child(code).split())
    wall = time.perf_counter() - started
    scan, scan_cpu = wall - index, cpu - index_cpu
    label = ("per-cell" if per_cell else "columnar") + f", {workers or 'auto'} worker" + "s" * (workers != 1)
    print(f"{label:20s} {rows:>9,} rows: {wall:6.1f} s wall ({rows / wall:>7,.0f} rows/s), CPU {cpu:6.1f} s, "
          f"peak RSS {int(peak) // 1024} MB | scan {scan:6.1f} s ({rows / scan:>7,.0f} rows/s), "
          f"CPU {scan_cpu:.1f} s ({rows / scan_cpu:,.0f} rows per CPU second) "
          f"+ DSAR index build {index:.1f} s")
    shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, action="append", help="rows (repeatable); default 100000")
    parser.add_argument("--per-cell", action="store_true", help="also time the per-cell path")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (the machine is shared)")
    parser.add_argument("--workers", type=int, action="append",
                        help="fouille --workers (repeatable; 0: its default, one per core on a large "
                             "file); default: 1 then 0")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    for rows in args.rows or [100_000]:
        path = structured_file(rows)
        for _ in range(args.repeat):
            for workers in args.workers or [1, 0]:
                run(path, rows, per_cell=False, workers=workers)
                if args.per_cell:
                    run(path, rows, per_cell=True, workers=workers)


if __name__ == "__main__":
    main()
