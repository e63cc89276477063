"""The erasure and rectification plan (GDPR art. 16, 17): what would go, for the DPO to review.

Per record of the answer: where it is, its key, the fields holding personal data (what a
rectification or a blanking would touch) and what erasing it means. For PostgreSQL, the
``DELETE`` statements keyed by primary key, identifiers quoted and values as SQL literals by
psycopg, children before parents. fouille never runs them: ``erasure_plan.sql`` is written
for a person to read, then run, in one transaction.
"""

from __future__ import annotations

import json
from pathlib import Path

from fouille.detectors.detection import fast_matches
from fouille.scanner.core.atomic import write_text
from fouille.scanner.core.column_hints import hint_for
from fouille.scanner.dsar.identifiers import record_texts
from fouille.scanner.dsar.records import Found
from fouille.scanner.dsar.result import DsarResult
from fouille.scanner.dsar.stores import Stores
from psycopg import sql

SQL_HEADER = """-- fouille erasure plan: generated for review, NEVER executed by fouille.
-- Read every statement before running it. It deletes the rows of one person, found by
-- `fouille dsar`, by primary key, children before parents, in one transaction.
-- Rows of other people that point at these rows (see needs_review in manifest.json) make a
-- DELETE fail, or are deleted with them under ON DELETE CASCADE: check before you COMMIT.
-- Legal retention duties (invoices, accounting) may forbid erasing some rows (art. 17(3)).
"""
FILE_ACTIONS = {
    "files": "delete this record from the file (or blank the fields listed)",
    "s3": "delete this record from the object (or blank the fields listed)",
    "chatlogs": "delete this conversation line (or blank the fields listed)",
}


def personal_fields(found: Found) -> list[str]:
    """Fields where the detectors find personal data (names included): what to blank."""
    fields = []
    for name, text in record_texts(found.record.values).items():
        if fast_matches(text, hint_for(name)):
            fields.append(name)
    return fields


def _delete(stores: Stores, found: Found) -> str | None:
    """``DELETE ... WHERE pk = literal``, or None for a table without a primary key."""
    ref = found.record.ref
    connector = stores.connector(ref.source)
    info = connector.tables()[ref.container]
    if not info.primary_key:
        return None
    where = sql.SQL(" AND ").join(
        sql.SQL("{} = {}").format(sql.Identifier(column), sql.Literal(found.record.values[column]))
        for column in info.primary_key
    )
    statement = sql.SQL("DELETE FROM {} WHERE {};").format(
        sql.Identifier(info.schema, info.table), where
    )
    return statement.as_string(connector.connection())


def _table_order(stores: Stores, source: str, tables: set[str]) -> list[str]:
    """Tables of the plan, each before the tables it references (children first)."""
    fks = [
        fk
        for fk in stores.connector(source).foreign_keys()
        if fk.table in tables and fk.ref_table in tables and fk.table != fk.ref_table
    ]
    left, ordered = set(tables), []
    while left:
        ready = sorted(
            t for t in left if not any(fk.ref_table == t and fk.table in left for fk in fks)
        )
        ready = ready or sorted(left)  # a cycle: the DPO resolves it
        ordered += ready
        left -= set(ready)
    return ordered


def erasure_plan(result: DsarResult, stores: Stores) -> dict:
    """The plan as data: ``entries`` (every record) and ``sql`` (per PostgreSQL source)."""
    entries, statements = [], {}
    by_source: dict[str, dict[str, list[Found]]] = {}
    for found in result.records():
        ref = found.record.ref
        kind = stores.kind(ref.source)
        entry = {
            "source": ref.source,
            "container": ref.container,
            "record_key": ref.key_dict(),
            "fields": personal_fields(found),
        }
        if kind == "postgres":
            by_source.setdefault(ref.source, {}).setdefault(ref.container, []).append(found)
            entry["action"] = "delete this row (see erasure_plan.sql)"
        else:
            entry["action"] = FILE_ACTIONS.get(kind, FILE_ACTIONS["files"])
        entries.append(entry)
    for source, tables in by_source.items():
        lines = []
        for table in _table_order(stores, source, set(tables)):
            for found in tables[table]:
                statement = _delete(stores, found)
                lines.append(
                    statement
                    or f"-- {table}: no primary key, find the row "
                    f"{found.record.ref.key} by its values"
                )
        statements[source] = lines
    return {"entries": entries, "sql": statements}


def write_plan(out: Path, plan: dict) -> None:
    """``erasure_plan.json`` and, when PostgreSQL rows are in it, ``erasure_plan.sql``."""
    write_text(
        out / "erasure_plan.json",
        json.dumps(plan["entries"], ensure_ascii=False, indent=2, default=str) + "\n",
    )
    if not plan["sql"]:
        return
    parts = [SQL_HEADER]
    for source, lines in plan["sql"].items():
        parts.append(f"\n-- source: {source}\nBEGIN;\n" + "\n".join(lines) + "\nCOMMIT;\n")
    write_text(out / "erasure_plan.sql", "".join(parts))
