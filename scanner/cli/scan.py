"""``fouille scan``: run the engine, write the outputs, print the summary.

Exit codes: 0 done, 3 done but some inputs could not be read (each one listed), 2 usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fouille.detectors.nlp import load_nlp
from fouille.reports.console_summary import print_summary
from fouille.scanner.cli.scan_outputs import scan_inventory, write_outputs
from fouille.scanner.core.config import ScanConfig, load_config_with_sources
from fouille.scanner.core.console import make_console, make_progress
from fouille.scanner.core.exit_codes import EXIT_OK, EXIT_PARTIAL
from fouille.scanner.core.safe_names import printable, shown_name
from fouille.scanner.engine.container import ContainerResult
from fouille.scanner.engine.local import Executor, ProgressFactory
from fouille.scanner.engine.partition import Partition
from fouille.scanner.engine.pipeline import save_since_last_state, scan_sources
from fouille.scanner.engine.report_folder import locked_report_folder
from fouille.scanner.engine.spark import execute_spark  # pyspark itself is imported only when used
from rich.markup import escape
from rich.progress import Progress


@dataclass
class ScanOutcome:
    """A finished scan: its folder, its inventory (as written), its exit code and results."""

    out_dir: Path
    inventory: dict
    exit_code: int
    results: list[ContainerResult] = field(default_factory=list)


def run_scan(
    config: ScanConfig,
    resume: bool = False,
    progress_factory: ProgressFactory | None = None,
    on_partition_done: Callable[[Partition, dict], None] | None = None,
    executor: Executor | None = None,
    since_last: bool = False,
) -> ScanOutcome:
    """Scan every source of ``config`` into ``config.out``; return the inventory and exit code.

    The folder stays locked until the outputs are written (``locked_report_folder``); the
    arguments are those of ``fouille.scanner.engine.pipeline.scan_sources``.
    """
    out_dir = Path(config.out)
    with locked_report_folder(out_dir):
        run = scan_sources(config, resume, progress_factory, on_partition_done, executor, since_last)
        inventory = scan_inventory(run, config)
        write_outputs(out_dir, inventory, full=config.mode == "full")
        save_since_last_state(config)
    exit_code = EXIT_PARTIAL if inventory["errors"] else EXIT_OK
    return ScanOutcome(out_dir, inventory, exit_code, run.results)


def add_arguments(scan: argparse.ArgumentParser) -> None:
    scan.add_argument("sources", nargs="*", metavar="SOURCE",
                      help="paths, postgresql://... or s3://bucket/prefix (added to the config's sources)")
    scan.add_argument("--config", help="fouille.toml")
    scan.add_argument("--out", help="report folder (default ./fouille-report)")
    scan.add_argument("--full", action="store_true", help="scan every value (needed for the DSAR index)")
    scan.add_argument("--sample-rows", type=int, help="values profiled per structured field (sample mode)")
    scan.add_argument("--workers", type=int,
                      help="processes (default: one per core for scans over 64 MB, else 1)")
    scan.add_argument("--engine", choices=("local", "spark"), default="local")
    again = scan.add_mutually_exclusive_group()
    again.add_argument("--resume", action="store_true", help="continue a killed scan in the same --out")
    again.add_argument("--since-last", action="store_true",
                       help="re-read only S3 objects changed since the last scan in the same --out")
    scan.add_argument("--lang", choices=("fr", "en"), help="language of the report (default: the locale)")
    scan.add_argument("--format", choices=("text", "json"), default="text", help="summary on stdout")


def run(args) -> int:
    config = _config(args)
    console = make_console()
    quiet = args.quiet or args.format == "json"
    progress = make_progress(console)
    progress.disable = progress.disable or quiet
    executor = execute_spark if args.engine == "spark" else None
    with progress:
        outcome = run_scan(config, resume=args.resume, progress_factory=_progress_factory(progress),
                           executor=executor, since_last=args.since_last)
    for error in outcome.inventory["errors"]:
        print(f"fouille: error: {printable(error['source'])}: {printable(error['location'])}: "
              f"{printable(error['error'])}", file=sys.stderr)
    if args.format == "json":
        json.dump({"out": str(outcome.out_dir), "exit_code": outcome.exit_code,
                   "inventory": outcome.inventory}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    elif not args.quiet:
        print_summary(outcome, make_console(sys.stdout))
    return outcome.exit_code


def _config(args) -> ScanConfig:
    """The configuration file and sources, with the command line's settings on top."""
    config = load_config_with_sources(args.config, args.sources)
    if args.out:
        config.out = args.out
    if args.full:
        config.mode = "full"
    if args.sample_rows:
        config.sample_rows = args.sample_rows
    if args.workers:
        config.workers = args.workers
    if args.lang:
        os.environ["FOUILLE_LANG"] = args.lang  # the outputs render the report in FOUILLE_LANG
    return config


def _progress_factory(progress: Progress) -> ProgressFactory:
    """One progress line per container: its rows and rate."""

    def factory(partition: Partition) -> Callable[[int], None]:
        container, source = shown_name(partition.container.name), printable(partition.spec["name"])
        task = progress.add_task(escape(container), total=None, rate=_starting_status(),
                                 source="" if source == container else escape(source) + ":")
        started = time.monotonic()

        def advance(rows: int) -> None:
            progress.advance(task, rows)
            done = progress.tasks[task].completed
            elapsed = max(time.monotonic() - started, 1e-6)
            progress.update(task, rate=f"{done / elapsed:,.0f} rows/s")

        return advance

    return factory


def _starting_status() -> str:
    """What a container's line says before its first rows: the model load takes seconds."""
    return "loading the French model…" if load_nlp.cache_info().currsize == 0 else ""
