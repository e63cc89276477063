"""Retention rules from ``fouille.toml``: checked once at load, matched to containers by name.

A source's ``retention`` is one rule or a list of rules::

    retention = { field = "created_at", keep = "prospects" }        # every container
    retention = [
      { container = "public.tickets", field = "created_at", keep = "3y" },
      { container = "leads_*.csv", field = "last_contact", keep = "prospects" },
    ]

``container`` (alias ``table``) is a glob matched against the container's name, its file
name, or (PostgreSQL) the table name without its schema. The first matching rule wins.
``keep`` is a period (``3y``, ``30d``, ``1y6m``) or a preset name: nothing is assumed.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from fnmatch import fnmatchcase

from reports.retention import PRESETS, parse_timestamp, resolve_keep
from scanner.config_tables import check_container, config_tables

RULE_KEYS = {"container", "table", "field", "keep"}
NOW_ENV = "FOUILLE_NOW"  # pins "now" for retention (tests, re-running an old report's checks)


def normalize_rules(value: object) -> list[dict]:
    """The configured ``retention`` as ``[{container, field, keep}]``; ValueError if malformed."""
    out = []
    for where, rule in config_tables(value, "retention rule", RULE_KEYS,
                                     "retention must be a table { field, keep } or a list of them",
                                     " { field = ..., keep = ... }"):
        if "container" in rule and "table" in rule:
            raise ValueError(f"{where}: give 'container' or 'table', not both")
        container = rule.get("container", rule.get("table"))
        field, keep = rule.get("field"), rule.get("keep")
        if not isinstance(field, str) or not field.strip():
            raise ValueError(f"{where}: 'field' (the timestamp column, e.g. created_at) is required")
        if not isinstance(keep, str) or not keep.strip():
            raise ValueError(f"{where}: 'keep' is required (a period such as 3y, or a preset)")
        try:
            resolve_keep(keep)
        except ValueError:
            raise ValueError(
                f"{where}: keep = {keep!r} is neither a period (3y, 30d, 1y6m) nor a preset "
                f"({', '.join(PRESETS)})"
            ) from None
        check_container(container, where)
        out.append({"container": container, "field": field.strip(), "keep": keep.strip()})
    return out


def _names(spec: dict, container: str) -> set[str]:
    names = {container, container.rsplit("/", 1)[-1]}
    if spec.get("type") == "postgres" and "." in container:
        names.add(container.split(".", 1)[1])  # schema.table -> table
    return names


def rule_for(spec: dict, container: str) -> dict | None:
    """The first rule of ``spec`` that applies to ``container``, or None."""
    for rule in spec.get("retention") or ():
        pattern = rule.get("container")
        if pattern is None or any(fnmatchcase(n, pattern) for n in _names(spec, container)):
            return rule
    return None


def reference_time(started: str | None = None) -> datetime:
    """"Now" for expiry: ``FOUILLE_NOW`` if set, else the scan's start, else the clock.

    The scan's start (kept across ``--resume``) makes every container judged at one moment.
    """
    for text in (os.environ.get(NOW_ENV), started):
        if text:
            moment = parse_timestamp(text)
            if moment is None:
                raise ValueError(f"{NOW_ENV}/start time is not an ISO 8601 timestamp")
            return moment
    return datetime.now(UTC)
