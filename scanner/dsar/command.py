"""``fouille dsar``: every record of one person, across every store (GDPR art. 15 and 20).

Identifiers typed by the agent appear only in the output folder, never on stdout, stderr
or in logs (those name an identifier by its kind and a hash prefix).
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from fouille.detectors.phone import DEFAULT_REGION
from fouille.scanner.core.config import ConfigError, load_config_with_sources
from fouille.scanner.core.exit_codes import EXIT_OK, EXIT_PARTIAL
from fouille.scanner.core.keys import Hasher, load_key
from fouille.scanner.dsar.deadline import deadlines, parse_day
from fouille.scanner.dsar.disclosure import disclosure_for
from fouille.scanner.dsar.erasure import erasure_plan, write_plan
from fouille.scanner.dsar.export import OutputError, Request, check_folder, write_export
from fouille.scanner.dsar.identifiers import (
    InvalidIdentifier,
    make_identifier,
    outside_numbering_plan,
    phone_region_ok,
)
from fouille.scanner.dsar.index import SubjectIndex
from fouille.scanner.dsar.lookup import SubjectLookup
from fouille.scanner.dsar.result import LookupOptions
from fouille.scanner.dsar.stores import Stores

OPTIONS = (
    ("email", "EMAIL_ADDRESS"),
    ("phone", "PHONE_NUMBER"),
    ("nir", "FR_NIR"),
    ("iban", "IBAN_CODE"),
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="paths, postgresql://... or s3://bucket/prefix (added to the config's sources)",
    )
    for option, _ in OPTIONS:
        parser.add_argument(
            f"--{option}",
            action="append",
            default=[],
            metavar=option.upper(),
            help=f"the person's {option} (repeatable; several identifiers combine)",
        )
    parser.add_argument("--config", help="fouille.toml (the same sources as `fouille scan`)")
    _add_lookup_arguments(parser)
    _add_answer_arguments(parser)


def _add_lookup_arguments(parser: argparse.ArgumentParser) -> None:
    """Where and how far to look."""
    parser.add_argument(
        "--index",
        metavar="REPORT_DIR",
        help="report folder of a `fouille scan --full` (default: the config's scan output)",
    )
    parser.add_argument("--live", action="store_true", help="no index: search the sources directly")
    parser.add_argument(
        "--depth",
        type=int,
        default=1,
        help="hops through identifiers found in the person's records (default 1)",
    )
    parser.add_argument(
        "--max-shared",
        type=int,
        default=20,
        help="an identifier held by more records than this is reported, not followed (default 20)",
    )
    parser.add_argument(
        "--include-shared",
        action="store_true",
        help="also return records reached only through an identifier several people share "
        "and carrying no one's e-mail, name or customer key (risky: see docs/dsar.md)",
    )
    parser.add_argument(
        "--region", default=DEFAULT_REGION, help="region of phone numbers without +CC (default FR)"
    )


def _add_answer_arguments(parser: argparse.ArgumentParser) -> None:
    """What the answer says and where it goes."""
    parser.add_argument(
        "--lang",
        choices=("fr", "en"),
        default=os.environ.get("FOUILLE_LANG") or "fr",
        help="language of summary.html (default fr)",
    )
    parser.add_argument(
        "--received",
        metavar="YYYY-MM-DD",
        help="when the request was received (default today): the answer is due one month later",
    )
    parser.add_argument(
        "--plan-erasure",
        action="store_true",
        help="also write erasure_plan.json and erasure_plan.sql (for the DPO; never executed)",
    )
    parser.add_argument(
        "--out", required=True, help="new folder for the person's export (mode 0700)"
    )


def _identifiers(args, hasher: Hasher) -> list:
    if not phone_region_ok(args.region):
        raise ConfigError(f"unknown phone region {args.region!r}")
    idents = []
    for option, entity in OPTIONS:
        for position, raw in enumerate(getattr(args, option), 1):
            try:
                ident = make_identifier(hasher, entity, raw, args.region)
            except InvalidIdentifier as exc:
                raise ConfigError(f"{exc} (--{option} #{position})") from None
            if outside_numbering_plan(ident):
                print(
                    f"fouille: warning: --{option} #{position} is outside the numbering plan "
                    "(unallocated or mistyped): searched anyway",
                    file=sys.stderr,
                )
            idents.append(ident)
    if not idents:
        raise ConfigError("give at least one of --email, --phone, --nir, --iban")
    return list({i.value_hash: i for i in idents}.values())


def _request_date(text: str | None) -> date:
    if text is None:
        return datetime.now(UTC).date()
    try:
        return parse_day(text)
    except ValueError as exc:
        raise ConfigError(f"--received: {exc}") from None


def _open_index(args, config, hasher: Hasher) -> SubjectIndex | None:
    if args.live:
        return None
    report = Path(args.index or config.out)
    try:
        index = SubjectIndex.in_report(report)
    except FileNotFoundError as exc:
        raise ConfigError(f"{exc}; or use --live") from None
    if index.key_matches(hasher) is False:
        index.close()
        raise ConfigError("the index was built with another installation key (FOUILLE_KEY)")
    if index.meta().get("mode") not in ("full", "unknown"):
        print(
            "fouille: warning: the index comes from a sample scan: records may be missed "
            "(run `fouille scan --full`)",
            file=sys.stderr,
        )
    return index


def _warn_unset_items(sources: list[dict], manifest: dict) -> None:
    """The DPO is told which stores answer without their art. 15 texts configured."""
    specs = {spec["name"]: spec for spec in sources}
    unset = sorted(
        {
            r["source"]
            for r in manifest["records"]
            if not disclosure_for(specs.get(r["source"], {}), r["container"])
        }
    )
    if unset:
        print(
            f"fouille: warning: no [sources.dsar] (purposes, legal basis, recipients...) for "
            f"{len(unset)} source(s): summary.html says 'to be completed' there "
            "(see docs/dsar.md)",
            file=sys.stderr,
        )


def _report(args, manifest: dict, result) -> None:
    containers = {(r["source"], r["container"]) for r in manifest["records"]}
    review = len(manifest["needs_review"])
    if not manifest["records"]:
        print(f"fouille dsar: no record found; an empty answer was written to {args.out}")
    else:
        print(
            f"fouille dsar: {len(manifest['records'])} record(s) from {len(containers)} "
            f"container(s) written to {args.out}"
        )
    print(
        f"fouille dsar: {review} record(s) need review (see needs_review in manifest.json), "
        f"{len(result.shared)} shared identifier(s) not followed, "
        f"{len(result.stale)} stale index entr(y/ies), {len(result.errors)} error(s)"
    )
    if manifest["summary_pdf"] != "summary.pdf":  # why it is missing or incomplete
        print(f"fouille: note: {manifest['summary_pdf']}", file=sys.stderr)
    if result.errors:
        print(
            "fouille dsar: the answer is INCOMPLETE: some stores could not be read", file=sys.stderr
        )
    for error in result.errors:
        print(
            f"fouille: error: {error['source']}: {error['location']}: {error['error']}",
            file=sys.stderr,
        )


def run(args) -> int:
    config = load_config_with_sources(args.config, args.sources)
    if args.depth < 0 or args.max_shared < 1:
        raise ConfigError("--depth must be >= 0 and --max-shared >= 1")
    received = _request_date(args.received)
    try:
        check_folder(Path(args.out))  # before any lookup: fail fast
    except OutputError as exc:
        raise ConfigError(str(exc)) from None
    hasher = Hasher(load_key())
    identifiers = _identifiers(args, hasher)
    index = _open_index(args, config, hasher)
    stores = Stores(config)
    try:
        options = LookupOptions(
            depth=args.depth,
            max_shared=args.max_shared,
            live=args.live,
            include_shared=args.include_shared,
        )
        result = SubjectLookup(stores, hasher, options, index).run(identifiers)
        plan = erasure_plan(result, stores) if args.plan_erasure else None
    finally:
        stores.close()
        if index is not None:
            index.close()
    subject = {"identifiers": [{"type": i.label, "value": i.normalized} for i in identifiers]}
    request = Request(subject, config.sources, deadlines(received), args.lang, config.dsar)
    try:
        manifest = write_export(Path(args.out), result, request)
        if plan is not None:
            write_plan(Path(args.out), plan)
    except OutputError as exc:
        raise ConfigError(str(exc)) from None
    _warn_unset_items(config.sources, manifest)
    _report(args, manifest, result)
    return EXIT_PARTIAL if result.errors else EXIT_OK
