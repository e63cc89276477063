"""One unit of work, a container of a source, and the function that scans it.

A partition is self-contained and picklable, so ``scan_partition`` runs in this process, in
a process pool, or on Spark executors.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fouille.connectors.base import Container, ReadOptions
from fouille.scanner.core.findings import FindingsWriter
from fouille.scanner.core.keys import Hasher
from fouille.scanner.core.retention_rules import reference_time, rule_for
from fouille.scanner.core.safe_names import name_digest
from fouille.scanner.engine.container import ContainerScanner, EngineOptions
from fouille.scanner.engine.retention_count import RetentionCounter
from fouille.scanner.engine.sources import build_connector


@dataclass(frozen=True)
class Partition:
    """One unit of work: a container of a source, with everything needed to scan it anywhere."""

    spec: dict
    base_dir: str
    container: Container
    out_dir: str
    engine: EngineOptions
    batch_rows: int
    now: str = ""  # the scan's reference time for retention (ISO 8601); "" = the clock

    @property
    def id(self) -> str:
        piece = f"\x1f{self.container.part}" if self.container.part else ""
        # Keyed: the resume state must not hold a raw name (a file named by an e-mail).
        return name_digest(f"{self.spec['name']}\x1f{self.container.name}{piece}")

    @property
    def findings_path(self) -> Path:
        return Path(self.out_dir) / "findings" / findings_name(self.id)


def findings_name(partition_id: str) -> str:
    """The name of a partition's findings file (no container name: names may be data)."""
    return f"part-{hashlib.sha256(partition_id.encode('utf-8')).hexdigest()[:24]}.parquet"


@cache
def _connector_for(spec_json: str, base_dir: str):
    # One connector per source and process: workers reuse connections between partitions.
    # The spec travels as canonical JSON: hashable for the cache, and read back as it was written.
    return build_connector(json.loads(spec_json), base_dir)


# A forked pool worker must not reuse the parent's connectors: their connections and clients
# (a PostgreSQL socket, a boto3 client) belong to the parent; sharing one hung the scan.
os.register_at_fork(after_in_child=_connector_for.cache_clear)


def connector(spec: dict, base_dir: str):
    """The source's connector, built once per process."""
    return _connector_for(json.dumps(spec, sort_keys=True, default=str), base_dir)


def scan_partition(partition: Partition, key: bytes, progress: Callable[[int], None] | None = None) -> dict:
    """Scan one partition, publish its findings file, and return its counters (as a dict)."""
    source = connector(partition.spec, partition.base_dir)
    writer = FindingsWriter(partition.findings_path)
    rule = rule_for(partition.spec, partition.container.name)
    counter = RetentionCounter(rule, reference_time(partition.now)) if rule else None
    scanner = ContainerScanner(
        partition.spec["name"], partition.container.name, Hasher(key), partition.engine,
        writer.write, progress, retention=counter,
    )
    options = ReadOptions(
        batch_rows=partition.batch_rows,
        # A retention count needs every record; the detectors still stop at the sample.
        sample_rows=None if partition.engine.full or rule else partition.engine.sample_rows,
        extra={"max_expansion_ratio": partition.engine.max_expansion_ratio,
               "max_spool_bytes": partition.engine.max_spool_mb * 2**20},
    )
    try:
        result = scanner.scan(source.read(partition.container, options))
    except BaseException:
        writer.abort()
        raise
    writer.commit()
    return result.to_dict()
