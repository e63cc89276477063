"""``fouille ci [PATH ...]``: fail when repository files hold real-looking personal data.

Exit codes: 0 clean, 1 findings fail the check, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from fouille.scanner.cigate import baseline as baseline_file
from fouille.scanner.cigate.diff import DiffError, changed_lines
from fouille.scanner.cigate.fix import apply_fixes
from fouille.scanner.cigate.gate import FileResult, GateOptions, check_file
from fouille.scanner.cigate.report import GateReport, to_json, to_text
from fouille.scanner.cigate.sarif import to_sarif
from fouille.scanner.cigate.walk import WalkError, git_root, list_files
from fouille.scanner.core.config import ConfigError, load_ci_settings
from fouille.scanner.core.config_model import CiTable
from fouille.scanner.core.exit_codes import EXIT_FINDINGS, EXIT_USAGE
from fouille.scanner.core.exit_codes import EXIT_OK as EXIT_CLEAN
from fouille.scanner.core.keys import Hasher, load_key

PARALLEL_FROM = 500  # fewer files are checked in-process: a pool costs more than it saves
FORMATTERS = {"text": to_text, "json": to_json, "sarif": to_sarif}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: .)")
    _add_baseline_arguments(parser)
    _add_check_arguments(parser)
    _add_scope_arguments(parser)


def _add_baseline_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--baseline",
        type=Path,
        default=None,
        help=f"accepted findings (default: ROOT/{baseline_file.DEFAULT_BASELINE})",
    )
    parser.add_argument(
        "--update-baseline",
        action="store_true",
        help="accept every current finding into the baseline and exit 0",
    )
    parser.add_argument("--format", choices=sorted(FORMATTERS), default="text")
    parser.add_argument("--output", type=Path, default=None, help="write the report here")
    parser.add_argument(
        "--fix",
        action="store_true",
        help="rewrite failing e-mails, phones, IBANs, cards and IPs in place "
        "with synthetic values of the same layout",
    )


def _add_check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--diff", metavar="REF", default=None, help="check only lines changed since this git ref"
    )
    parser.add_argument(
        "--strict", action="store_true", help="low-severity findings (names, cities...) fail too"
    )
    parser.add_argument(
        "--nlp",
        choices=("auto", "all", "off"),
        default=None,
        help="NER for names and places: in the records of failing identifiers (auto, the "
        "default), everywhere (all, the default with --strict) or never",
    )
    parser.add_argument(
        "--fast",
        "--no-nlp",
        action="store_true",
        help="identifiers, e-mails and phones only: never loads spaCy or its model "
        "(the fouille-ci-fast pre-commit hook); same as --nlp off",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="processes for trees of 500+ files (default: 1; see "
        "docs/benchmarks_ci.md before raising it)",
    )


def _add_scope_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip paths matching this glob (repeatable)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        help="fouille.toml whose [ci] table sets exclude and baseline",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=None,
        help="repository root (default: the git work tree holding the PATHs, else the PATHs)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except (WalkError, DiffError, baseline_file.BaselineError, ConfigError) as exc:
        print(f"fouille ci: {exc}", file=sys.stderr)
        return EXIT_USAGE


@dataclass(frozen=True)
class Scope:
    """What a run checks: the repository root, the paths, the baseline file, the excludes."""

    root: Path
    paths: list[Path]
    baseline: Path
    excludes: list[str]


def _run(args: argparse.Namespace) -> int:
    scope = _scope(args)
    hasher = Hasher(load_key())
    accepted = _load_baseline(scope.baseline, hasher, tolerant=args.update_baseline)
    changed = changed_lines(scope.root, args.diff) if args.diff else None
    report, scanned = _gate(scope, changed, hasher, _options(args), max(1, args.jobs))
    if args.update_baseline:
        current = {
            baseline_file.Accepted(f.path, f.finding.entity, f.finding.value_hash)
            for f in report.findings
        }
        entries = baseline_file.updated(accepted, current, scanned)
        baseline_file.save(scope.baseline, entries, hasher)
        print(f"fouille ci: {len(entries)} finding(s) accepted in {scope.baseline}", file=sys.stderr)
        return EXIT_CLEAN
    kept = []
    for f in report.findings:
        if baseline_file.Accepted(f.path, f.finding.entity, f.finding.value_hash) in accepted:
            report.baselined += 1
        else:
            kept.append(f)
    report.findings = kept
    if args.fix and report.failing:
        left = apply_fixes(scope.root, report.failing)
        print(
            f"fouille ci: replaced {len(report.failing) - len(left)} value(s) with synthetic ones",
            file=sys.stderr,
        )
        report.findings = [f for f in kept if not f.fails or f in left]
    _write(FORMATTERS[args.format](report), args.output)
    return EXIT_FINDINGS if report.failing else EXIT_CLEAN


def _scope(args: argparse.Namespace) -> Scope:
    paths = [p if p.is_absolute() else Path.cwd() / p for p in (args.paths or [Path.cwd()])]
    root = (args.root or _root_of(paths)).resolve()
    if not root.is_dir():
        raise ConfigError(f"root is not a folder: {root}")
    settings = _ci_config(args.config, root)
    for path in paths:
        if path.resolve() != root and root not in path.resolve().parents:
            raise WalkError(f"{path} is outside the repository root {root}")
    baseline_path = args.baseline or Path(settings.baseline or baseline_file.DEFAULT_BASELINE)
    baseline_path = baseline_path if baseline_path.is_absolute() else root / baseline_path
    excludes = [*settings.exclude, *args.exclude]
    if root in baseline_path.resolve().parents:
        excludes.append(baseline_path.resolve().relative_to(root).as_posix())
    return Scope(root, paths, baseline_path, excludes)


def _options(args: argparse.Namespace) -> GateOptions:
    if args.fast and args.nlp not in (None, "off"):
        raise ConfigError(f"--fast never runs NER: it cannot be used with --nlp {args.nlp}")
    nlp = "off" if args.fast else args.nlp or ("all" if args.strict else "auto")
    return GateOptions(strict=args.strict, nlp=nlp)


def _gate(scope: Scope, changed: dict | None, hasher: Hasher, options: GateOptions,
          jobs: int) -> tuple[GateReport, set[str]]:
    """Every file's findings (only on changed lines with ``--diff``), and the files checked."""
    report = GateReport()
    files = [rel for rel in list_files(scope.root, scope.paths, scope.excludes)
             if changed is None or rel in changed]
    for rel, result in _check_all(scope.root, files, hasher, options, jobs):
        if result.skipped:
            report.skipped.append((rel, result.skipped))
            continue
        report.files_scanned += 1
        report.ignored_inline += result.ignored_inline
        report.synthetic.update(result.synthetic)
        lines = changed.get(rel) if changed is not None else None
        report.findings.extend(f for f in result.findings if lines is None or f.line in lines)
    return report, set(files)


def _root_of(paths: list[Path]) -> Path:
    """The git top level of the paths (as ``git -C PATH`` finds it), else the paths themselves.

    Taken from the paths, not the current folder, so that ``fouille ci /path/to/repo`` run
    elsewhere reads that repository's baseline and writes SARIF paths relative to it.
    """
    roots, seen = set(), set()
    for path in paths:
        if not path.exists():
            raise WalkError(f"no such file or directory: {path}")
        folder = path if path.is_dir() else path.parent
        if folder not in seen:  # pre-commit passes many files: one git call per folder
            seen.add(folder)
            roots.add(git_root(folder) or folder.resolve())
    if len(roots) == 1:
        return roots.pop()
    top = Path(os.path.commonpath([str(r) for r in roots]))
    if any(git_root(r) == r for r in roots):  # two repositories: which baseline would apply?
        raise ConfigError(
            "the paths are in different repositories ("
            + ", ".join(sorted(str(r) for r in roots))
            + "): run fouille ci once per repository, or pass --root"
        )
    return top


def _check_all(
    root: Path, files: list[str], hasher: Hasher, options: GateOptions, jobs: int
) -> Iterator[tuple[str, FileResult]]:
    """Each file's result, in order; on a process pool when the tree is large."""
    check = partial(_check_one, root, hasher, options)
    if jobs <= 1 or len(files) < PARALLEL_FROM:
        yield from map(check, files)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(check, files, chunksize=64)


def _check_one(
    root: Path, hasher: Hasher, options: GateOptions, rel: str
) -> tuple[str, FileResult]:
    return rel, check_file(root, rel, hasher, options)


def _ci_config(path: Path | None, root: Path) -> CiTable:
    """The ``[ci]`` table of fouille.toml (explicit path, else ROOT/fouille.toml if any)."""
    candidate = path or root / "fouille.toml"
    if not candidate.exists():
        if path is not None:
            raise ConfigError(f"no such configuration file: {path}")
        return CiTable()
    return load_ci_settings(candidate)


def _load_baseline(path: Path, hasher: Hasher, tolerant: bool) -> set:
    try:
        return baseline_file.load(path, hasher)
    except baseline_file.BaselineError:
        if not tolerant:
            raise
        print(f"fouille ci: {path} is unreadable under this key; writing it anew", file=sys.stderr)
        return set()


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
