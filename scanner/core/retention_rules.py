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
from typing import Annotated

from fouille.scanner.core.config_errors import describe
from fouille.scanner.core.config_tables import Glob, Table, one_or_many
from fouille.scanner.core.retention import PRESETS, parse_timestamp, resolve_keep
from pydantic import StrictStr, TypeAdapter, ValidationError, model_validator

NOW_ENV = "FOUILLE_NOW"  # pins "now" for retention (tests, re-running an old report's checks)


class RetentionRule(Table):
    """One ``retention`` rule; ``table`` is another name for ``container``."""

    container: Glob | None = None
    table: Glob | None = None
    field: StrictStr | None = None
    keep: StrictStr | None = None

    @model_validator(mode="after")
    def _complete(self) -> RetentionRule:
        if self.container is not None and self.table is not None:
            raise ValueError("give 'container' or 'table', not both")
        if not self.field or not self.field.strip():
            raise ValueError("'field' (the timestamp column, e.g. created_at) is required")
        if not self.keep or not self.keep.strip():
            raise ValueError("'keep' is required (a period such as 3y, or a preset)")
        try:
            resolve_keep(self.keep)
        except ValueError:
            raise ValueError(
                f"keep = {self.keep!r} is neither a period (3y, 30d, 1y6m) nor a preset "
                f"({', '.join(PRESETS)})"
            ) from None
        return self

    def rule(self) -> dict:
        """The form ``rule_for`` and the retention counter read: ``{container, field, keep}``."""
        container = self.container if self.container is not None else self.table
        return {"container": container, "field": self.field.strip(), "keep": self.keep.strip()}


RetentionRules = Annotated[
    list[RetentionRule], one_or_many("a table { field, keep } or a list of them")
]
_RULES = TypeAdapter(RetentionRules)


def normalize_rules(value: object) -> list[dict]:
    """The configured ``retention`` as ``[{container, field, keep}]``; ValueError if malformed."""
    try:
        rules = _RULES.validate_python(value)
    except ValidationError as exc:
        raise ValueError(describe(exc, {}, prefix=("retention",))) from None
    return [rule.rule() for rule in rules]


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
