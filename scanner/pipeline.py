"""Run a scan: list every source's containers, scan each as a partition, write the outputs.

A partition (one container of one source) is self-contained and picklable, so the same
function runs in this process, in a process pool, or on Spark executors.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

from connectors.base import Container, ReadError, ReadOptions
from reports.atomic import write_json, write_text
from reports.findings import FindingsWriter
from reports.inventory import build_inventory
from scanner import __version__
from scanner.config import ScanConfig, build_connector
from scanner.engine import ContainerResult, ContainerScanner, EngineOptions
from scanner.keys import Hasher, load_key
from scanner.state import ScanState

log = logging.getLogger("fouille")

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3


@dataclass(frozen=True)
class Partition:
    """One unit of work: a container of a source, with everything needed to scan it anywhere."""

    spec: dict
    base_dir: str
    container: Container
    out_dir: str
    engine: EngineOptions
    batch_rows: int

    @property
    def id(self) -> str:
        return f"{self.spec['name']}\x1f{self.container.name}"

    @property
    def findings_path(self) -> Path:
        digest = hashlib.sha256(self.id.encode("utf-8")).hexdigest()[:24]
        return Path(self.out_dir) / "findings" / f"part-{digest}.parquet"


@dataclass
class ScanOutcome:
    out_dir: Path
    inventory: dict
    exit_code: int
    results: list[ContainerResult] = field(default_factory=list)


@cache
def _connector_for(spec_key: str, spec_items: tuple, base_dir: str):
    # One connector per source and process: workers reuse connections between partitions.
    return build_connector(dict(spec_items), base_dir)


def _connector(spec: dict, base_dir: str):
    return _connector_for(spec["name"], tuple(sorted((k, _freeze(v)) for k, v in spec.items())), base_dir)


def _freeze(value):
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    return value


def scan_partition(partition: Partition, key: bytes, progress: Callable[[int], None] | None = None) -> dict:
    """Scan one partition, publish its findings file, and return its counters (as a dict)."""
    connector = _connector(partition.spec, partition.base_dir)
    writer = FindingsWriter(partition.findings_path)
    scanner = ContainerScanner(
        partition.spec["name"], partition.container.name, Hasher(key), partition.engine,
        writer.write, progress,
    )
    options = ReadOptions(
        batch_rows=partition.batch_rows,
        sample_rows=None if partition.engine.full else partition.engine.sample_rows,
    )
    try:
        result = scanner.scan(connector.read(partition.container, options))
    except BaseException:
        writer.abort()
        raise
    writer.commit()
    return result.to_dict()


def list_partitions(config: ScanConfig, engine: EngineOptions, out_dir: Path, errors: list[dict]):
    for spec in config.sources:
        try:
            connector = _connector(spec, config.base_dir)
            for item in connector.containers():
                if isinstance(item, ReadError):
                    errors.append({"source": spec["name"], "location": item.location, "error": item.error})
                    continue
                yield Partition(spec, config.base_dir, item, str(out_dir), engine, config.batch_rows)
        except Exception as exc:  # a source we cannot even list: report it, scan the others
            log.debug("listing failed for source %s", spec["name"], exc_info=False)
            errors.append({"source": spec["name"], "location": spec["name"],
                           "error": f"cannot list source: {_safe_message(exc)}"})


def _safe_message(exc: BaseException) -> str:
    """Exception text for reports: type and message, with anything URL-like redacted."""
    from connectors.secrets import redact_text

    return redact_text(f"{type(exc).__name__}: {exc}")[:300]


def run_scan(
    config: ScanConfig,
    resume: bool = False,
    progress_factory: Callable[[Partition], Callable[[int], None]] | None = None,
    on_partition_done: Callable[[Partition, dict], None] | None = None,
) -> ScanOutcome:
    """Scan every source of ``config`` into ``config.out``; return the inventory and exit code."""
    out_dir = Path(config.out)
    engine = EngineOptions(
        mode=config.mode, sample_rows=config.sample_rows, ner_sample=config.ner_sample,
    )
    if not resume and out_dir.exists():
        for stale in ("findings", "state.sqlite", "inventory.json", "report.html"):
            target = out_dir / stale
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    out_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(out_dir, 0o700)
    for leftover in (out_dir / "findings").glob(".*.tmp") if (out_dir / "findings").exists() else ():
        leftover.unlink()
    state = ScanState(out_dir / "state.sqlite")
    started = state.get_meta("started") if resume else None
    if not started:
        started = datetime.now(timezone.utc).isoformat(timespec="seconds")
        state.set_meta("started", started)
    clock = time.monotonic()
    key = load_key()
    done = state.done() if resume else {}
    errors: list[dict] = []
    results: list[ContainerResult] = [ContainerResult.from_dict(r) for r in done.values()]
    pending = [p for p in list_partitions(config, engine, out_dir, errors) if p.id not in done]

    def finish(partition: Partition, result: dict) -> None:
        state.record(partition.id, result)
        results.append(ContainerResult.from_dict(result))
        if on_partition_done:
            on_partition_done(partition, result)

    def fail(partition: Partition, exc: BaseException) -> None:
        log.debug("partition failed: %s", partition.container.name)
        errors.append({"source": partition.spec["name"], "location": partition.container.name,
                       "error": f"scan failed: {_safe_message(exc)}"})

    if config.workers > 1 and len(pending) > 1:
        with ProcessPoolExecutor(max_workers=config.workers) as pool:
            futures = {pool.submit(scan_partition, p, key): p for p in pending}
            for future in as_completed(futures):
                partition = futures[future]
                try:
                    finish(partition, future.result())
                except Exception as exc:
                    fail(partition, exc)
    else:
        for partition in pending:
            progress = progress_factory(partition) if progress_factory else None
            try:
                finish(partition, scan_partition(partition, key, progress))
            except Exception as exc:
                fail(partition, exc)

    finished = datetime.now(timezone.utc).isoformat(timespec="seconds")
    meta = {
        "mode": config.mode,
        "started": started,
        "finished": finished,
        "version": __version__,
        "duration_s": round(time.monotonic() - clock, 3),
        "sources": [s["name"] for s in config.sources],
        "sample_rows": config.sample_rows,
        "ner_sample": config.ner_sample,
        "resumed": bool(done),
    }
    inventory = build_inventory(results, errors, meta)
    write_json(out_dir / "inventory.json", inventory)
    _write_html(out_dir, inventory)
    state.close()
    exit_code = EXIT_PARTIAL if inventory["errors"] else EXIT_OK
    return ScanOutcome(out_dir, inventory, exit_code, results)


def _write_html(out_dir: Path, inventory: dict) -> None:
    from reports.html import render_report

    write_text(out_dir / "report.html", render_report(inventory, lang=os.environ.get("FOUILLE_LANG") or None))
