"""Run partitions on this machine: in this process, or on a process pool.

Every executor (this one, Spark in ``fouille.scanner.engine.spark``) yields
``(partition, result dict or the exception that stopped it)``, in any order.
"""

from __future__ import annotations

import ctypes
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed

from fouille.scanner.core.config import ScanConfig
from fouille.scanner.engine.partition import Partition, scan_partition

ProgressFactory = Callable[[Partition], Callable[[int], None]]
Executor = Callable[[list[Partition], bytes, ScanConfig, ProgressFactory | None],
                    Iterator[tuple[Partition, dict | BaseException]]]


def _die_with_parent() -> None:
    """Pool initializer: a worker is killed when the scan process dies (``kill -9`` included),
    so no orphan keeps writing into the report folder while a ``--resume`` runs."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux); elsewhere a no-op
    except (OSError, AttributeError):
        pass


def execute_local(pending: list[Partition], key: bytes, config: ScanConfig,
                  progress_factory: ProgressFactory | None = None,
                  ) -> Iterator[tuple[Partition, dict | BaseException]]:
    """In this process, or on a process pool of ``config.workers`` (models load once per worker)."""
    if config.workers > 1 and len(pending) > 1:
        with ProcessPoolExecutor(max_workers=config.workers, initializer=_die_with_parent) as pool:
            futures = {pool.submit(scan_partition, p, key): p for p in pending}
            for future in as_completed(futures):
                try:
                    yield futures[future], future.result()
                except Exception as exc:  # noqa: BLE001 - listed by the caller, the others go on
                    yield futures[future], exc
        return
    for partition in pending:
        progress = progress_factory(partition) if progress_factory else None
        try:
            yield partition, scan_partition(partition, key, progress)
        except Exception as exc:  # noqa: BLE001 - listed by the caller, the others go on
            yield partition, exc
