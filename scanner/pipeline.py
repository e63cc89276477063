"""Run a scan: list every source's containers, scan each as a partition, write the outputs.

A partition (one container of one source) is self-contained and picklable, so the same
function runs in this process, in a process pool, or on Spark executors.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from connectors.base import Container, ReadError, ReadOptions
from reports.atomic import write_json, write_text
from reports.conversations import conversations_summary
from reports.findings import FindingsWriter
from reports.inventory import build_inventory
from scanner import __version__
from scanner.config import ConfigError, ScanConfig, build_connector
from scanner.engine import ContainerResult, ContainerScanner, EngineOptions
from scanner.incremental import (
    carry_over,
    could_not_list,
    forget_changes,
    listed_containers,
    mark_scanned,
    resumable,
    save_changes,
)
from scanner.keys import Hasher, load_key
from scanner.out_folder import FolderLock, FolderRefused, check_report_folder, mark_report_folder
from scanner.partitioning import merge_pieces, split_partitions, worker_count
from scanner.retention_count import RetentionCounter
from scanner.retention_rules import reference_time, rule_for
from scanner.safe_names import name_digest, shown_name
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


# A forked pool worker must not reuse the parent's connectors: their connections and clients
# (a PostgreSQL socket, a boto3 client) belong to the parent; sharing one hung the scan.
os.register_at_fork(after_in_child=_connector_for.cache_clear)


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
        result = scanner.scan(connector.read(partition.container, options))
    except BaseException:
        writer.abort()
        raise
    writer.commit()
    return result.to_dict()


def list_partitions(config: ScanConfig, engine: EngineOptions, out_dir: Path, errors: list[dict],
                    unchanged: set[str] | None = None):
    """Every container of every source as a partition; ``unchanged`` collects the ids of
    those unchanged since the last scan in ``out_dir`` (see ``scanner.incremental``)."""
    for spec in config.sources:
        try:
            connector = _connector(spec, config.base_dir)
            for item, same in listed_containers(connector, out_dir):
                if isinstance(item, ReadError):
                    errors.append({"source": spec["name"], "location": item.location, "error": item.error})
                    continue
                partition = Partition(spec, config.base_dir, item, str(out_dir), engine, config.batch_rows)
                if same and unchanged is not None:
                    unchanged.add(partition.id)
                yield partition
        except Exception as exc:  # a source we cannot even list: report it, scan the others
            log.debug("listing failed for source %s", spec["name"], exc_info=False)
            errors.append({"source": spec["name"], "location": spec["name"],
                           "error": f"cannot list source: {_safe_message(exc)}"})


def _safe_message(exc: BaseException) -> str:
    """Exception text for reports: the type, plus the OS reason for I/O errors.

    An arbitrary exception's message may quote the value being parsed
    (``invalid literal for int(): '0612...'``), so it is never copied into a report.
    """
    if isinstance(exc, OSError) and exc.strerror:
        return f"{type(exc).__name__}: {exc.strerror}"
    return type(exc).__name__


def _die_with_parent() -> None:
    """Pool initializer: a worker is killed when the scan process dies (``kill -9`` included),
    so no orphan keeps writing into the report folder while a ``--resume`` runs."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux); elsewhere a no-op
    except (OSError, AttributeError):
        pass


def _config_fingerprint(config: ScanConfig, key: bytes) -> str:
    """What decides a scan's results; a resume with other settings would mix two scans.

    Keyed hash, because a source spec may hold a DSN with a password.
    """
    import hmac
    import json

    settings = [config.mode, config.sample_rows, config.ner_sample, config.batch_rows, config.sources,
                config.max_cell_chars]
    message = json.dumps(settings, sort_keys=True, default=str).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def _prepare_out_dir(out_dir: Path, resume: bool, since_last: bool = False) -> ScanState:
    """Clear a previous report (unless resuming), drop half-written files, open the state.

    ``--since-last`` keeps the findings and recorded results (unchanged containers are
    carried over) and the change-tracking files; the derived outputs are rebuilt.
    """
    if not resume and out_dir.exists():
        stale = ["inventory.json", "report.html", "index.sqlite", "registre.csv", "registre.md"]
        if not since_last:
            stale += ["findings", "state.sqlite"]
            forget_changes(out_dir)
        for name in stale:
            target = out_dir / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    out_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(out_dir, 0o700)
    for folder in (out_dir, out_dir / "findings"):
        for leftover in folder.glob(".*.tmp") if folder.is_dir() else ():
            leftover.unlink()  # a temporary file is never a result: its scan died mid-write
    return ScanState(out_dir / "state.sqlite")


def _write_outputs(out_dir: Path, inventory: dict, full: bool) -> None:
    """inventory.json, report.html, the registre and (full mode) the DSAR index.

    A write that fails (disk full) becomes a listed error.
    """
    outputs = [("inventory.json", write_json), ("report.html", _write_html),
               ("registre.md", _write_registre)]
    if full:
        outputs.append(("index.sqlite", _write_index))
    for name, write in outputs:
        try:
            write(out_dir / name, inventory)
        except OSError as exc:
            log.error("cannot write %s: %s", out_dir / name, exc.strerror or type(exc).__name__)
            inventory["errors"].append({"source": "-", "location": str(out_dir / name),
                                        "error": f"cannot write output: {_safe_message(exc)}"})


# Runs partitions and yields (partition, result dict or the exception that stopped it),
# in any order: the local process pool here, Spark in ``scanner.spark``.
Executor = Callable[[list[Partition], bytes, ScanConfig, Callable | None],
                    Iterator[tuple[Partition, dict | BaseException]]]


def execute_local(pending: list[Partition], key: bytes, config: ScanConfig,
                  progress_factory: Callable[[Partition], Callable[[int], None]] | None = None,
                  ) -> Iterator[tuple[Partition, dict | BaseException]]:
    """In this process, or on a process pool of ``config.workers`` (models load once per worker)."""
    if config.workers > 1 and len(pending) > 1:
        with ProcessPoolExecutor(max_workers=config.workers, initializer=_die_with_parent) as pool:
            futures = {pool.submit(scan_partition, p, key): p for p in pending}
            for future in as_completed(futures):
                try:
                    yield futures[future], future.result()
                except Exception as exc:
                    yield futures[future], exc
        return
    for partition in pending:
        progress = progress_factory(partition) if progress_factory else None
        try:
            yield partition, scan_partition(partition, key, progress)
        except Exception as exc:
            yield partition, exc


def run_scan(config: ScanConfig, *args, **kwargs) -> ScanOutcome:
    """Scan every source of ``config`` into ``config.out``; return the inventory and exit code.

    The folder must be new, empty or a report folder (``scanner.out_folder``), and is locked
    for the scan's duration. Arguments: those of ``_run_scan``.
    """
    out_dir = Path(config.out)
    try:
        check_report_folder(out_dir)
        mark_report_folder(out_dir)
        lock = FolderLock(out_dir)
    except FolderRefused as exc:
        raise ConfigError(str(exc)) from None
    except OSError as exc:
        raise ConfigError(f"cannot write the report folder {out_dir}: {_safe_message(exc)}") from exc
    try:
        return _run_scan(config, *args, **kwargs)
    finally:
        lock.close()


def _run_scan(
    config: ScanConfig,
    resume: bool = False,
    progress_factory: Callable[[Partition], Callable[[int], None]] | None = None,
    on_partition_done: Callable[[Partition, dict], None] | None = None,
    executor: Executor | None = None,
    since_last: bool = False,
) -> ScanOutcome:
    """``since_last``: carry over the results of containers unchanged since the previous scan
    in the same folder (``scanner.incremental``), read the rest."""
    out_dir = Path(config.out)
    engine = EngineOptions(
        mode=config.mode, sample_rows=config.sample_rows, ner_sample=config.ner_sample,
        max_cell_chars=config.max_cell_chars, max_expansion_ratio=config.max_expansion_ratio,
        max_spool_mb=config.max_spool_mb,
    )
    key = load_key()
    try:
        state = _prepare_out_dir(out_dir, resume, since_last)
        fingerprint = _config_fingerprint(config, key)
        previous = state.get_meta("config") if resume or since_last else None
        if previous and previous != fingerprint:
            state.close()
            if resume:
                raise ConfigError(f"--resume: {out_dir} holds a scan with other settings or sources; "
                                  "run without --resume to start again")
            log.warning("--since-last: the last scan in %s had other settings or sources; "
                        "reading everything", out_dir)
            state = _prepare_out_dir(out_dir, resume=False)
        state.set_meta("config", fingerprint)
        started = state.get_meta("started") if resume else None
        if not started:
            started = datetime.now(UTC).isoformat(timespec="seconds")
            state.set_meta("started", started)
    except (OSError, sqlite3.Error) as exc:
        raise ConfigError(f"cannot write the report folder {out_dir}: {_safe_message(exc)}") from exc
    clock = time.monotonic()
    errors: list[dict] = []
    unchanged: set[str] = set()
    partitions = list(list_partitions(config, engine, out_dir, errors, unchanged))
    workers = worker_count(config.workers, partitions)
    partitions = split_partitions(partitions, workers, _connector)
    if resume:
        # A partition that met read errors (a file deleted or unreadable, a dropped connection)
        # is scanned again on resume: a re-run completes what the first one missed.
        done = resumable(state, partitions, could_not_list(errors), out_dir / "findings",
                         findings_name, ContainerResult.from_dict)
    elif since_last:
        done = carry_over(state, partitions, unchanged, out_dir)
    else:
        done = {}
    by_partition = {pid: ContainerResult.from_dict(r) for pid, r in done.items()}
    try:
        now = reference_time(started).isoformat()
    except ValueError as exc:
        state.close()
        raise ConfigError(str(exc)) from None
    pending = [replace(p, now=now) for p in partitions if p.id not in done]

    def finish(partition: Partition, result: dict) -> None:
        try:
            state.record(partition.id, result, partition.container.version)
        except sqlite3.Error as exc:  # a full disk: the findings are written, not the record
            log.error("cannot record a partition in state.sqlite: %s", exc)  # listed below
            errors.append({"source": partition.spec["name"], "location": shown_name(partition.container.name),
                           "error": f"cannot record the result (disk full?): {_safe_message(exc)}; "
                                    "--resume scans it again"})
            return
        mark_scanned(_connector(partition.spec, partition.base_dir), partition.container, result)
        by_partition[partition.id] = ContainerResult.from_dict(result)
        if on_partition_done:
            on_partition_done(partition, result)

    def fail(partition: Partition, exc: BaseException) -> None:
        log.debug("partition failed: %s", shown_name(partition.container.name))
        errors.append({"source": partition.spec["name"], "location": shown_name(partition.container.name),
                       "error": f"scan failed: {_safe_message(exc)}"})

    run = executor or execute_local
    for partition, outcome in run(pending, key, replace(config, workers=workers), progress_factory):
        if isinstance(outcome, BaseException):
            fail(partition, outcome)
        else:
            finish(partition, outcome)

    finished = datetime.now(UTC).isoformat(timespec="seconds")
    meta = {
        "mode": config.mode,
        "started": started,
        "finished": finished,
        "version": __version__,
        "duration_s": round(time.monotonic() - clock, 3),
        "sources": [s["name"] for s in config.sources],
        "sample_rows": config.sample_rows,
        "ner_sample": config.ner_sample,
        "resumed": resume and bool(done),
    }
    if since_last:
        meta["unchanged"] = len(done)
    # Pieces merge in listing (file) order whatever order they finished in: the same
    # examples as one pass. Results of partitions no longer listed (resume) come last.
    rank = {p.id: i for i, p in enumerate(partitions)}
    ordered = sorted(by_partition, key=lambda pid: rank.get(pid, len(rank)))
    results = merge_pieces([by_partition[pid] for pid in ordered])
    inventory = build_inventory(results, errors, meta)
    chat_sources = [s["name"] for s in config.sources if s.get("type") == "chatlogs"]
    if chat_sources:
        inventory.update(conversations_summary(out_dir, chat_sources))
    _write_outputs(out_dir, inventory, full=config.mode == "full")
    state.close()
    _save_changes(config)
    exit_code = EXIT_PARTIAL if inventory["errors"] else EXIT_OK
    return ScanOutcome(out_dir, inventory, exit_code, results)


def _save_changes(config: ScanConfig) -> None:
    """Record what each source held, for the next ``--since-last`` (after the outputs:
    a crash in between only means more reading next time)."""
    try:
        save_changes(_connector(spec, config.base_dir) for spec in config.sources)
    except Exception as exc:  # noqa: BLE001 - a source that could not even be built, a full disk
        log.warning("cannot save the --since-last state: %s", _safe_message(exc))


def _report_lang() -> str:
    from reports.i18n import default_lang

    return os.environ.get("FOUILLE_LANG") or default_lang()


def _write_html(path: Path, inventory: dict) -> None:
    from reports.html import render_report

    write_text(path, render_report(inventory, lang=_report_lang()))


def _write_registre(path: Path, inventory: dict) -> None:
    from reports.registre import write_registre

    write_registre(inventory, path.parent, _report_lang())


def _write_index(path: Path, inventory: dict) -> None:
    # value_hash -> locations of every identifier finding, for `fouille dsar` (no raw value).
    from scanner.dsar.index import build_index

    build_index(path.parent)
