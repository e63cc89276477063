"""``fouille diff OLD_REPORT NEW_REPORT``: personal data that appeared or disappeared.

Compares two scans' ``inventory.json`` at the grain (source, container, field,
entity type). A key present in only one scan appeared or disappeared; a key in
both whose count moved is listed as changed. Examples are never compared or
printed: the diff says where, what kind and how many.

Exit codes: 0 nothing new, 1 personal data appeared (an entity type, art. 9 categories
included, in a field where the old report had none: a pipeline can gate on it), 2 a report
could not be read. Data that disappeared or changed volume alone exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from fouille.reports.registre import count_of, entity_rows
from fouille.scanner.core.i18n import default_lang, entity_label, format_int, translator
from fouille.scanner.core.safe_names import printable

Key = tuple[str, str, str, str]


@dataclass(frozen=True)
class Change:
    """One (source, container, field, entity) whose count differs between scans."""

    source: str
    container: str
    field: str
    entity: str
    old_count: int
    new_count: int


@dataclass(frozen=True)
class InventoryDiff:
    appeared: tuple[Change, ...]
    disappeared: tuple[Change, ...]
    changed: tuple[Change, ...]

    def is_empty(self) -> bool:
        return not (self.appeared or self.disappeared or self.changed)

    def to_dict(self) -> dict:
        return {
            name: [asdict(c) for c in getattr(self, name)]
            for name in ("appeared", "disappeared", "changed")
        }


def load_inventory(report: str | Path) -> dict:
    """Read ``inventory.json`` from a report folder (or the file itself)."""
    path = Path(report)
    if path.is_dir():
        path = path / "inventory.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not an inventory (expected a JSON object)")  # noqa: TRY004
    return data


def entity_counts(inventory: dict) -> dict[Key, int]:
    """Counts per (source, container, field, entity); zero counts are left out."""
    counts: dict[Key, int] = {}
    for record, entity, stats in entity_rows(inventory):
        key = (
            str(record.get("source", "")),
            str(record.get("container", "")),
            str(record.get("field", "")),
            entity,
        )
        counts[key] = counts.get(key, 0) + count_of(stats)
    return {k: n for k, n in counts.items() if n}


def diff_inventories(old: dict, new: dict) -> InventoryDiff:
    """What personal data appeared, disappeared or changed volume from ``old`` to ``new``."""
    before, after = entity_counts(old), entity_counts(new)

    def changes(keys) -> tuple[Change, ...]:
        return tuple(Change(*key, before.get(key, 0), after.get(key, 0)) for key in sorted(keys))

    return InventoryDiff(
        appeared=changes(after.keys() - before.keys()),
        disappeared=changes(before.keys() - after.keys()),
        changed=changes(k for k in before.keys() & after.keys() if before[k] != after[k]),
    )


def format_text(result: InventoryDiff, lang: str) -> str:
    """A readable listing, one line per change."""
    t = translator(lang)
    if result.is_empty():
        return t("diff.none") + "\n"
    lines = []
    for title, sign, items in (
        (t("diff.appeared"), "+", result.appeared),
        (t("diff.disappeared"), "-", result.disappeared),
        (t("diff.changed"), "~", result.changed),
    ):
        if not items:
            continue
        lines.append(f"{title} ({len(items)})")
        for c in items:
            counts = (
                f"{format_int(c.old_count, lang)} -> {format_int(c.new_count, lang)}"
                if sign == "~"
                else format_int(c.new_count or c.old_count, lang)
            )
            lines.append(
                f"  {sign} {printable(c.source)}:{printable(c.container)}:{printable(c.field)}  "
                f"{entity_label(c.entity, lang)} [{c.entity}]  {counts}"
            )
    return "\n".join(lines) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``fouille diff``."""
    parser.add_argument(
        "old_report", metavar="OLD_REPORT", help="earlier report folder (or its inventory.json)"
    )
    parser.add_argument(
        "new_report", metavar="NEW_REPORT", help="later report folder (or its inventory.json)"
    )
    parser.add_argument("--format", choices=["text", "json"], default="text", dest="diff_format")
    parser.add_argument(
        "--lang",
        choices=["fr", "en"],
        default=None,
        help="language of the text output (default: from the locale)",
    )


def run(args: argparse.Namespace) -> int:
    """Print the diff; 1 when personal data appeared, 0 otherwise, 2 when a report is unreadable."""
    try:
        old, new = load_inventory(args.old_report), load_inventory(args.new_report)
    except (OSError, ValueError) as exc:  # JSONDecodeError is a ValueError
        print(f"fouille diff: cannot read report: {exc}", file=sys.stderr)
        return 2
    result = diff_inventories(old, new)
    if args.diff_format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(format_text(result, args.lang or default_lang()))
    return 1 if result.appeared else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fouille diff", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
