"""What a connector is: containers, read as streams of bounded Arrow batches.

A connector never materialises a whole table or file. What it cannot read becomes a
``ReadError`` in the stream (naming the place, never a value) and reading goes on.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from fouille.scanner.core.config import ConfigError, validate_source

DEFAULT_BATCH_ROWS = 10_000
# A batch also ends once its text reaches this many bytes: 10,000 rows of 1 MB cells would
# be 10 GB. Connectors building batches row by row flush on either bound.
MAX_BATCH_BYTES = 64 * 1024 * 1024
# Arrow field metadata a connector sets to keep a field out of the art. 9 check
# (chatbot answers: the bot's words disclose nothing about the user).
ART9_METADATA_KEY = b"fouille.art9"
ART9_SKIP = b"skip"


@dataclass(frozen=True)
class Container:
    """A table, file, S3 object or conversation export.

    Attributes:
        name: Stable name shown in reports (``public.customers``, ``exports/a.csv``, an S3 key).
        ref: Whatever the connector needs to open it again (path, key, table identity).
        size: Bytes or rows if known, for progress bars and partitioning; 0 if unknown.
        part: Which piece (``2/4``) when one container is scanned as several key ranges;
            pieces share the name, so the report shows one container.
        version: What tells this version of the container from an edited one (size and
            mtime, ETag, row estimate): ``--resume`` rescans a container whose version
            changed. ``""``: unknown.
    """

    name: str
    ref: object = None
    size: int = 0
    part: str = ""
    version: str = ""


def file_version(info: os.stat_result) -> str:
    """A local file's version: its size and modification time (nanoseconds)."""
    return f"{info.st_size}:{info.st_mtime_ns}"


@dataclass(frozen=True)
class Batch:
    """A bounded slice of a container.

    Attributes:
        data: One ``string`` column per field (column name or JSON path).
        keys: Record-key columns, row-aligned with ``data`` (``line``, ``row``, ``index``
            or the primary-key columns).
        key_is_sensitive: True when a key column itself holds personal data.
    """

    data: pa.RecordBatch
    keys: pa.RecordBatch
    key_is_sensitive: bool = False

    @property
    def num_rows(self) -> int:
        return self.data.num_rows


@dataclass(frozen=True)
class ReadError:
    """A place that could not be read: ``broken.csv:line 17``. Never holds a value."""

    location: str
    error: str


@dataclass(frozen=True)
class ReadOptions:
    """How to read.

    Attributes:
        batch_rows: Upper bound on rows per batch.
        sample_rows: In sample mode, the connector may return only about this many rows
            (a random sample where it can) for containers without free text. ``None``: all.
        resume_after: Record key after which to resume a container (full mode, ordered reads).
    """

    batch_rows: int = DEFAULT_BATCH_ROWS
    sample_rows: int | None = None
    resume_after: dict | None = None
    extra: dict = field(default_factory=dict)


class Connector(ABC):
    """A configured source: lists its containers and reads each one."""

    def __init__(self, name: str):
        self.name = name

    @abstractmethod
    def containers(self) -> Iterator[Container | ReadError]:
        """List the containers; what cannot be listed is yielded as ``ReadError``."""

    @abstractmethod
    def read(self, container: Container, options: ReadOptions) -> Iterator[Batch | ReadError]:
        """Stream a container in bounded batches, with read errors in order."""

    def split(self, container: Container, pieces: int) -> list[Container]:
        """``container`` as up to ``pieces`` key ranges scanned in parallel; by default whole."""
        return [container]

    def close(self) -> None:
        """Release connections. Safe to call twice."""

    def describe(self) -> str:
        """A one-line description for logs: must hold no credential."""
        return f"{type(self).__name__}({self.name})"


def checked_source(kind: str, config: dict[str, Any]) -> dict[str, Any]:
    """A ``[[sources]]`` table built in code, checked by the one configuration model.

    ``ValueError`` names the key; the scan has already checked its tables the same way.
    """
    try:
        return validate_source({"type": kind, **config})
    except ConfigError as exc:
        raise ValueError(str(exc)) from None

