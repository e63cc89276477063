"""The ``fouille`` command: scan, detect, ci, dsar, diff.

Exit codes (every subcommand): 0 ok / clean, 1 findings that fail a check, 2 usage or
configuration error, 3 finished but some inputs could not be read (listed), 4 unexpected
error (one line on stderr, the details in a log file).
"""

from __future__ import annotations

import argparse
import logging
import sys
from importlib import import_module

import fouille.detectors.detection  # noqa: F401 - hands core.safe_names its name matcher first
from fouille.scanner import __version__
from fouille.scanner.cli import scan as scan_command
from fouille.scanner.cli.crash import report_crash
from fouille.scanner.core.config import ConfigError
from fouille.scanner.core.console import install_log_redaction
from fouille.scanner.core.exit_codes import EXIT_INTERRUPTED, EXIT_USAGE
from fouille.scanner.core.safe_names import shown_message

# Subcommands implemented in their own modules: each exposes add_arguments(parser) and run(args).
PLUGGED_COMMANDS = {
    "detect": ("fouille.scanner.cli.detect", "detect PII spans in {\"id\",\"text\"} JSONL (accuracy evaluation)"),
    "ci": ("fouille.scanner.cigate.command", "fail when repository files contain real-looking PII"),
    "diff": ("fouille.reports.diff", "personal data that appeared or disappeared between two reports"),
    "dsar": ("fouille.scanner.dsar.command", "every record of one person, across every store (art. 15/20)"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fouille", description="Find personal data in your stores.")
    parser.add_argument("--version", action="version", version=f"fouille {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-vv: debug)")
    parser.add_argument("-q", "--quiet", action="store_true", help="errors only; scan: no progress, no summary")
    commands = parser.add_subparsers(dest="command", required=True)

    scan = commands.add_parser("scan", help="inventory of personal data in the configured sources")
    scan_command.add_arguments(scan)  # the one built-in command, laid out as the plugged ones
    _add_verbosity_flags(scan)
    scan.set_defaults(handler=scan_command.run)

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
        return int(args.handler(args))
    except ConfigError as exc:
        print(f"fouille: {shown_message(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("fouille: interrupted (resume with --resume)", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - no traceback reaches a user: one line, a log, exit 4
        return report_crash(exc)


if __name__ == "__main__":
    sys.exit(main())
