"""Every table and key of ``fouille.toml``, declared once (pydantic v2).

``fouille scan``, ``fouille dsar``, ``fouille ci`` and the Spark engine read the file through
``ConfigFile``; a source reaches connectors as the plain dict ``spec_of`` makes (picklable:
workers rebuild their connectors from it), holding only the keys the user wrote.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fouille.scanner.core.config_dsar import Controller, Disclosures
from fouille.scanner.core.config_tables import (
    ROOT_TABLES,
    TABLE,
    Count,
    Duration,
    NonEmpty,
    Size,
    Strings,
    Table,
    expected,
    refuse_unknown_keys,
)
from fouille.scanner.core.retention_rules import RetentionRules
from pydantic import Field, StrictBool, ValidationInfo, field_validator, model_validator
from pydantic.dataclasses import dataclass

ENVIRONMENT = "environment"  # validation context: check that dsn_env names a set variable
S3_CREDENTIAL_KEYS = ("aws_access_key_id", "aws_secret_access_key", "aws_session_token")


@dataclass(config=TABLE)
class ScanSettings:
    """``[scan]``."""

    mode: Literal["sample", "full"] = "sample"
    out: NonEmpty = "fouille-report"
    sample_rows: Count = 1000
    ner_sample: Size = 1000
    batch_rows: Count = 10_000
    workers: Size = 0  # 0: one per core when the scan is large (fouille.scanner.engine.partitioning)
    max_cell_chars: Count = 20_000  # characters of a cell examined (docs/reliability.md)
    max_expansion_ratio: Count = 100  # a compressed Parquet file spooled: expansion cap
    max_spool_mb: Count = 4096  # ... and size cap

    @model_validator(mode="before")
    @classmethod
    def _known_keys(cls, data: object) -> object:
        return refuse_unknown_keys(cls.__pydantic_fields__, data)


class SourceTable(Table):
    """What every ``[[sources]]`` entry may hold."""

    name: NonEmpty
    retention: RetentionRules | None = None
    dsar: Disclosures | None = None  # what a DSAR answer tells about this source (art. 15)


class PathsTable(SourceTable):
    paths: Strings | None = None
    path: NonEmpty | None = None  # one path, the older spelling

    @model_validator(mode="after")
    def _some_path(self) -> PathsTable:
        if not (self.paths or self.path):
            raise ValueError("'paths' is required (files, folders or globs)")
        return self


class ClientOptions(Table):
    """How to reach an S3 store (``fouille.connectors.s3.S3ClientOptions``); no credentials."""

    endpoint_url: NonEmpty | None = None
    region: NonEmpty | None = None
    profile: NonEmpty | None = None
    retry_mode: Literal["standard", "adaptive", "legacy"] | None = None
    max_attempts: Count | None = None
    addressing_style: Literal["auto", "path", "virtual"] | None = None
    credentials: Literal["default", "instance"] | None = None

    @classmethod
    def check_keys(cls, data: object) -> object:
        if isinstance(data, dict) and set(data) & set(S3_CREDENTIAL_KEYS):
            raise ValueError("S3 credentials do not belong in fouille.toml: use a profile, the "
                             "environment (AWS_ACCESS_KEY_ID...) or an instance role")
        return super().check_keys(data)


class FilesSource(PathsTable):
    type: Literal["files"]
    encoding: NonEmpty | None = None
    delimiter: NonEmpty | None = None
    follow_symlinks: StrictBool | None = None


class PostgresSource(SourceTable):
    type: Literal["postgres"]
    dsn: NonEmpty | None = None
    dsn_env: NonEmpty | None = None  # the variable holding the DSN: no secret in the file
    schemas: Strings | None = None
    include: Strings | None = None
    exclude: Strings | None = None
    views: StrictBool | None = None
    sample_rows: Count | None = None
    batch_rows: Count | None = None
    statement_timeout: Duration | None = None
    stream: Literal["cursor", "copy"] | None = None

    @field_validator("dsn_env")
    @classmethod
    def _variable_set(cls, variable: str, info: ValidationInfo) -> str:
        environ = (info.context or {}).get(ENVIRONMENT)
        if environ is not None and info.data.get("dsn") is None and not environ.get(variable):
            state = "is empty" if variable in environ else "is not set"
            raise ValueError(f"environment variable {variable} {state}")
        return variable

    @model_validator(mode="after")
    def _some_dsn(self) -> PostgresSource:
        if self.dsn is None and self.dsn_env is None:
            raise ValueError("'dsn' or 'dsn_env' is required")
        return self


class S3Source(ClientOptions, SourceTable):
    type: Literal["s3"]
    bucket: NonEmpty
    prefix: str | None = None
    prefixes: Strings | None = None
    include: Strings | None = None
    exclude: Strings | None = None
    page_size: Count | None = None


class ChatlogsSource(ClientOptions, PathsTable):
    type: Literal["chatlogs"]
    conversation_id: NonEmpty | None = None
    messages: NonEmpty | None = None
    text: NonEmpty | None = None
    role: NonEmpty | None = None
    timestamp: NonEmpty | None = None
    user_fields: Strings | None = None
    user_roles: Strings | None = None
    art9_bot_messages: StrictBool | None = None


Source = Annotated[FilesSource | PostgresSource | S3Source | ChatlogsSource,
                   Field(discriminator="type")]


class CiTable(Table):
    """``[ci]``: what ``fouille ci`` skips and where its baseline is."""

    exclude: Strings = Field(default_factory=list)
    baseline: NonEmpty | None = None


class ConfigFile(Table):
    """The whole file."""

    scan: ScanSettings = Field(default_factory=ScanSettings)
    sources: list[Source] = Field(default_factory=list)
    dsar: Controller = Field(default_factory=Controller)
    ci: CiTable = Field(default_factory=CiTable)

    @field_validator("sources", mode="before")
    @classmethod
    def _array_of_tables(cls, value: object) -> object:
        if isinstance(value, dict):  # [sources] written for [[sources]]
            raise expected("[[sources]] tables (double brackets), one per source")
        return value

    @classmethod
    def check_keys(cls, data: object) -> object:
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(ROOT_TABLES))
            if unknown:
                shown = ", ".join(_table_name(key, data[key]) for key in unknown)
                raise ValueError(f"unknown {shown} (allowed tables: {', '.join(ROOT_TABLES.values())})")
        return data


def _table_name(key: str, value: object) -> str:
    """``table [[detectors]]``, ``table [output]``, or ``key "outt"`` (written before any table)."""
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return f"table [[{key}]]"
    return f"table [{key}]" if isinstance(value, dict) else f'key "{key}"'


def spec_of(source: FilesSource | PostgresSource | S3Source | ChatlogsSource) -> dict:
    """The source spec handed to connectors: the keys as written, retention rules normalised."""
    spec = source.model_dump(exclude_unset=True)
    if source.retention is not None:
        spec["retention"] = [rule.rule() for rule in source.retention]
    return spec
