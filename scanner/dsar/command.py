"""``fouille dsar``: every record of one person, across every store (GDPR art. 15 and 20).

Identifiers typed by the agent appear only in the output folder, never on stdout, stderr
or in logs (those name an identifier by its kind and a hash prefix).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from detectors.phone import DEFAULT_REGION
from scanner.config import ConfigError, load_config_with_sources
from scanner.dsar.export import OutputError, check_folder, write_export
from scanner.dsar.identifiers import InvalidIdentifier, make_identifier, phone_region_ok
from scanner.dsar.index import SubjectIndex
from scanner.dsar.lookup import LookupOptions, SubjectLookup
from scanner.dsar.stores import Stores
from scanner.keys import Hasher, load_key
from scanner.retention_rules import rule_for

EXIT_OK, EXIT_USAGE, EXIT_PARTIAL = 0, 2, 3
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
        "--region", default=DEFAULT_REGION, help="region of phone numbers without +CC (default FR)"
    )
    parser.add_argument(
        "--lang",
        choices=("fr", "en"),
        default=os.environ.get("FOUILLE_LANG") or "fr",
        help="language of summary.html (default fr)",
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
                idents.append(make_identifier(hasher, entity, raw, args.region))
            except InvalidIdentifier as exc:
                raise ConfigError(f"{exc} (--{option} #{position})") from None
    if not idents:
        raise ConfigError("give at least one of --email, --phone, --nir, --iban")
    return list({i.value_hash: i for i in idents}.values())


def retention_by_container(
    sources: list[dict], containers: set[tuple[str, str]]
) -> dict[tuple[str, str], str]:
    """(source, container) -> configured ``keep``, for the containers that have a rule."""
    specs = {spec["name"]: spec for spec in sources}
    out = {}
    for source, container in containers:
        rule = rule_for(specs.get(source, {}), container)
        if rule:
            out[(source, container)] = rule["keep"]
    return out


def run(args) -> int:
    config = load_config_with_sources(args.config, args.sources)
    if args.depth < 0 or args.max_shared < 1:
        raise ConfigError("--depth must be >= 0 and --max-shared >= 1")
    try:
        check_folder(Path(args.out))  # before any lookup: fail fast
    except OutputError as exc:
        raise ConfigError(str(exc)) from None
    hasher = Hasher(load_key())
    identifiers = _identifiers(args, hasher)
    index = None
    if not args.live:
        report = Path(args.index or config.out)
        try:
            index = SubjectIndex.in_report(report)
        except FileNotFoundError as exc:
            raise ConfigError(f"{exc}; or use --live") from None
        if index.key_matches(hasher) is False:
            raise ConfigError("the index was built with another installation key (FOUILLE_KEY)")
        if index.meta().get("mode") not in ("full", "unknown"):
            print(
                "fouille: warning: the index comes from a sample scan: records may be missed "
                "(run `fouille scan --full`)",
                file=sys.stderr,
            )
    stores = Stores(config)
    try:
        options = LookupOptions(depth=args.depth, max_shared=args.max_shared, live=args.live)
        result = SubjectLookup(stores, hasher, options, index).run(identifiers)
    finally:
        stores.close()
        if index is not None:
            index.close()
    subject = {"identifiers": [{"type": i.label, "value": i.normalized} for i in identifiers]}
    try:
        manifest = write_export(
            Path(args.out), result, subject,
            retention_by_container(config.sources, {
                (f.record.ref.source, f.record.ref.container) for f in result.records()
            }),
            args.lang,
        )
    except OutputError as exc:
        raise ConfigError(str(exc)) from None
    containers = {(r["source"], r["container"]) for r in manifest["records"]}
    print(
        f"fouille dsar: {len(manifest['records'])} record(s) from {len(containers)} container(s) "
        f"written to {args.out}; {len(result.stale)} stale index entr(y/ies), "
        f"{len(result.shared)} shared identifier(s) not followed, {len(result.errors)} error(s)"
    )
    for error in result.errors:
        print(
            f"fouille: error: {error['source']}: {error['location']}: {error['error']}",
            file=sys.stderr,
        )
    return EXIT_PARTIAL if result.errors else EXIT_OK
