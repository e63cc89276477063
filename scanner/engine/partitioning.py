"""How many processes a scan uses, and which containers it cuts into key ranges.

``workers = 0`` (the default) means: one process per core when the scan is large enough
to repay loading the models in each process, else one. A large container is cut into
key ranges (a big CSV into byte ranges cut at record starts) so that one file alone
keeps every core busy; the pieces' counters are merged back into one container.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace

from fouille.scanner.engine.container import ContainerResult

AUTO_PARALLEL_BYTES = 64 * 1024 * 1024  # below this, a second process's model load is not repaid


def worker_count(requested: int, partitions: list) -> int:
    if requested > 0:
        return requested
    if sum(p.container.size for p in partitions) < AUTO_PARALLEL_BYTES:
        return 1
    return max(1, os.cpu_count() or 1)


def split_partitions(partitions: list, workers: int, connector_for: Callable) -> list:
    """Each partition, or its pieces when its connector can cut it (``Connector.split``)."""
    if workers < 2:
        return partitions
    out = []
    for partition in partitions:
        connector = connector_for(partition.spec, partition.base_dir)
        pieces = connector.split(partition.container, workers)
        out.extend(replace(partition, container=piece) for piece in pieces)
    return out


def merge_pieces(results: list[ContainerResult]) -> list[ContainerResult]:
    """One result per (source, container), the pieces' counters added up."""
    merged: dict[tuple[str, str], ContainerResult] = {}
    for result in results:
        key = (result.source, result.container)
        if key in merged:
            merged[key].merge(result)
        else:
            merged[key] = ContainerResult.from_dict(result.to_dict())  # never alias a recorded result
    return list(merged.values())
