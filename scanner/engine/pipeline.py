"""Run the engine over every source: list the partitions, keep what a re-run may keep, scan
the rest (locally or on Spark), record each result as it comes.

The outputs (inventory.json, report.html, the registre, the DSAR index) are written by the
layer above (``fouille.scanner.cli.scan``) from the ``EngineRun`` returned here.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from fouille.scanner import __version__
from fouille.scanner.core.config import ConfigError, ScanConfig
from fouille.scanner.core.keys import load_key
from fouille.scanner.core.retention_rules import reference_time
from fouille.scanner.core.safe_names import shown_name
from fouille.scanner.engine.container import ContainerResult, EngineOptions
from fouille.scanner.engine.errors import safe_message
from fouille.scanner.engine.incremental import mark_scanned, save_changes
from fouille.scanner.engine.listing import list_partitions
from fouille.scanner.engine.local import Executor, ProgressFactory, execute_local
from fouille.scanner.engine.partition import Partition, connector
from fouille.scanner.engine.partitioning import merge_pieces, split_partitions, worker_count
from fouille.scanner.engine.resume import kept_results, open_state
from fouille.scanner.engine.state import ScanState

log = logging.getLogger("fouille")


@dataclass
class EngineRun:
    """What the engine found: per-container results, the errors met, the scan's metadata."""

    out_dir: Path
    results: list[ContainerResult]
    errors: list[dict]
    meta: dict


def engine_options(config: ScanConfig) -> EngineOptions:
    return EngineOptions(
        mode=config.mode, sample_rows=config.sample_rows, ner_sample=config.ner_sample,
        max_cell_chars=config.max_cell_chars, max_expansion_ratio=config.max_expansion_ratio,
        max_spool_mb=config.max_spool_mb,
    )


class _Recorder:
    """Records each partition's outcome as it arrives (results in state.sqlite, failures listed)."""

    def __init__(self, state: ScanState, errors: list[dict], kept: dict[str, dict],
                 on_partition_done: Callable[[Partition, dict], None] | None):
        self.state = state
        self.errors = errors
        self.by_partition = {pid: ContainerResult.from_dict(r) for pid, r in kept.items()}
        self.on_partition_done = on_partition_done

    def finish(self, partition: Partition, result: dict) -> None:
        try:
            self.state.record(partition.id, result, partition.container.version)
        except sqlite3.Error as exc:  # a full disk: the findings are written, not the record
            log.error("cannot record a partition in state.sqlite: %s", exc)  # listed below
            self.errors.append({"source": partition.spec["name"], "location": shown_name(partition.container.name),
                                "error": f"cannot record the result (disk full?): {safe_message(exc)}; "
                                         "--resume scans it again"})
            return
        mark_scanned(connector(partition.spec, partition.base_dir), partition.container, result)
        self.by_partition[partition.id] = ContainerResult.from_dict(result)
        if self.on_partition_done:
            self.on_partition_done(partition, result)

    def fail(self, partition: Partition, exc: BaseException) -> None:
        log.debug("partition failed: %s", shown_name(partition.container.name))
        self.errors.append({"source": partition.spec["name"], "location": shown_name(partition.container.name),
                            "error": f"scan failed: {safe_message(exc)}"})

    def results(self, partitions: list[Partition]) -> list[ContainerResult]:
        """Pieces merge in listing (file) order whatever order they finished in: the same
        examples as one pass. Results of partitions no longer listed (resume) come last."""
        rank = {p.id: i for i, p in enumerate(partitions)}
        ordered = sorted(self.by_partition, key=lambda pid: rank.get(pid, len(rank)))
        return merge_pieces([self.by_partition[pid] for pid in ordered])


def scan_sources(
    config: ScanConfig,
    resume: bool = False,
    progress_factory: ProgressFactory | None = None,
    on_partition_done: Callable[[Partition, dict], None] | None = None,
    executor: Executor | None = None,
    since_last: bool = False,
) -> EngineRun:
    """Scan every source of ``config`` into ``config.out`` (findings files and state.sqlite).

    ``since_last``: carry over the results of containers unchanged since the previous scan
    in the same folder (``fouille.scanner.engine.incremental``), read the rest.
    """
    out_dir = Path(config.out)
    key = load_key()
    state, started = open_state(config, key, resume, since_last)
    clock = time.monotonic()
    try:
        errors: list[dict] = []
        unchanged: set[str] = set()
        partitions = list(list_partitions(config, engine_options(config), out_dir, errors, unchanged))
        workers = worker_count(config.workers, partitions)
        partitions = split_partitions(partitions, workers, connector)
        done = kept_results(state, partitions, errors, unchanged, out_dir, resume, since_last)
        try:
            now = reference_time(started).isoformat()
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
        recorder = _Recorder(state, errors, done, on_partition_done)
        pending = [replace(p, now=now) for p in partitions if p.id not in done]
        run = executor or execute_local
        for partition, outcome in run(pending, key, replace(config, workers=workers), progress_factory):
            if isinstance(outcome, BaseException):
                recorder.fail(partition, outcome)
            else:
                recorder.finish(partition, outcome)
    finally:
        state.close()
    meta = _scan_meta(config, started, time.monotonic() - clock, resume and bool(done))
    if since_last:
        meta["unchanged"] = len(done)
    return EngineRun(out_dir, recorder.results(partitions), errors, meta)


def _scan_meta(config: ScanConfig, started: str, duration: float, resumed: bool) -> dict:
    return {
        "mode": config.mode,
        "started": started,
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "version": __version__,
        "duration_s": round(duration, 3),
        "sources": [s["name"] for s in config.sources],
        "sample_rows": config.sample_rows,
        "ner_sample": config.ner_sample,
        "resumed": resumed,
    }


def save_since_last_state(config: ScanConfig) -> None:
    """Record what each source held, for the next ``--since-last`` (after the outputs:
    a crash in between only means more reading next time)."""
    try:
        save_changes(connector(spec, config.base_dir) for spec in config.sources)
    except Exception as exc:  # noqa: BLE001 - a source that could not even be built, a full disk
        log.warning("cannot save the --since-last state: %s", safe_message(exc))
