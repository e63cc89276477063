"""The scan's work list: every container of every source as a partition."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from fouille.connectors.base import ReadError
from fouille.scanner.core.config import ScanConfig
from fouille.scanner.engine.container import EngineOptions
from fouille.scanner.engine.errors import safe_message
from fouille.scanner.engine.incremental import listed_containers
from fouille.scanner.engine.partition import Partition, connector

log = logging.getLogger("fouille")


def list_partitions(config: ScanConfig, engine: EngineOptions, out_dir: Path, errors: list[dict],
                    unchanged: set[str] | None = None) -> Iterator[Partition]:
    """Every container of every source as a partition; ``unchanged`` collects the ids of
    those unchanged since the last scan in ``out_dir`` (see ``fouille.scanner.engine.incremental``)."""
    for spec in config.sources:
        try:
            source = connector(spec, config.base_dir)
            for item, same in listed_containers(source, out_dir):
                if isinstance(item, ReadError):
                    errors.append({"source": spec["name"], "location": item.location, "error": item.error})
                    continue
                partition = Partition(spec, config.base_dir, item, str(out_dir), engine, config.batch_rows)
                if same and unchanged is not None:
                    unchanged.add(partition.id)
                yield partition
        except Exception as exc:  # noqa: BLE001 - a source we cannot even list: listed, the others scanned
            log.debug("listing failed for source %s", spec["name"], exc_info=False)
            errors.append({"source": spec["name"], "location": spec["name"],
                           "error": f"cannot list source: {safe_message(exc)}"})
