"""The ``fouille`` command: scan, detect, ci, dsar, diff.

Exit codes (every subcommand): 0 ok / clean, 1 findings that fail a check, 2 usage or
configuration error, 3 finished but some inputs could not be read (listed), 4 unexpected
error (one line on stderr, the details in a log file).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from importlib import import_module

from scanner import __version__
from scanner.config import ConfigError, load_config_with_sources
from scanner.console import install_log_redaction
from scanner.pipeline import EXIT_USAGE
from scanner.safe_names import printable, shown_message

# Subcommands implemented in their own modules: each exposes add_arguments(parser) and run(args).
PLUGGED_COMMANDS = {
    "detect": ("scanner.detect_cmd", "detect PII spans in {\"id\",\"text\"} JSONL (accuracy evaluation)"),
    "ci": ("scanner.cigate.command", "fail when repository files contain real-looking PII"),
    "diff": ("reports.diff", "personal data that appeared or disappeared between two reports"),
    "dsar": ("scanner.dsar.command", "every record of one person, across every store (art. 15/20)"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fouille", description="Find personal data in your stores.")
    parser.add_argument("--version", action="version", version=f"fouille {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-vv: debug)")
    parser.add_argument("-q", "--quiet", action="store_true", help="errors only; scan: no progress, no summary")
    commands = parser.add_subparsers(dest="command", required=True)

    scan = commands.add_parser("scan", help="inventory of personal data in the configured sources")
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
    _add_verbosity_flags(scan)
    scan.add_argument("--format", choices=("text", "json"), default="text", help="summary on stdout")

    for name, (module, help_text) in PLUGGED_COMMANDS.items():
        try:
            plugged = import_module(module)
        except ImportError:
            continue  # a command whose optional module is absent is simply not offered
        sub = commands.add_parser(name, help=help_text)
        plugged.add_arguments(sub)
        _add_verbosity_flags(sub)
        sub.set_defaults(handler=plugged.run)
    return parser


def _add_verbosity_flags(sub: argparse.ArgumentParser) -> None:
    """-v / -q after the subcommand too (``fouille scan -v``); SUPPRESS keeps the global ones."""
    sub.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS,
                     help="more logging (-vv: debug)")
    sub.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                     help="errors only; scan: no progress, no summary")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    level = logging.ERROR if args.quiet else logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="fouille: %(levelname)s: %(message)s", stream=sys.stderr)
    install_log_redaction(level)
    try:
        if args.command == "scan":
            return run_scan_command(args)
        return int(args.handler(args))
    except ConfigError as exc:
        print(f"fouille: {shown_message(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("fouille: interrupted (resume with --resume)", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - no traceback reaches a user: one line, a log, exit 4
        from scanner.crash import report_crash

        return report_crash(exc)


def run_scan_command(args) -> int:
    from rich.markup import escape

    from scanner.console import make_console, make_progress
    from scanner.pipeline import run_scan
    from scanner.safe_names import shown_name
    from scanner.summary import print_summary

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
        os.environ["FOUILLE_LANG"] = args.lang  # the pipeline renders the report in FOUILLE_LANG
    executor = None
    if args.engine == "spark":
        from scanner.spark import execute_spark as executor  # optional extra: fouille[spark]

    console = make_console()
    quiet = args.quiet or args.format == "json"
    progress = make_progress(console)
    progress.disable = progress.disable or quiet

    def progress_factory(partition):
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

    with progress:
        outcome = run_scan(config, resume=args.resume, progress_factory=progress_factory, executor=executor,
                           since_last=args.since_last)
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


def _starting_status() -> str:
    """What a container's line says before its first rows: the model load takes seconds."""
    from scanner.nlp import load_nlp

    return "loading the French model…" if load_nlp.cache_info().currsize == 0 else ""


if __name__ == "__main__":
    sys.exit(main())
