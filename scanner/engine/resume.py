"""What a re-run keeps from the last scan in the same folder: ``--resume`` and ``--since-last``."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from fouille.scanner.core.config import ConfigError, ScanConfig
from fouille.scanner.engine.container import ContainerResult
from fouille.scanner.engine.errors import safe_message
from fouille.scanner.engine.incremental import carry_over, could_not_list, resumable
from fouille.scanner.engine.partition import Partition, findings_name
from fouille.scanner.engine.report_folder import prepare_out_dir
from fouille.scanner.engine.state import ScanState

log = logging.getLogger("fouille")


def config_fingerprint(config: ScanConfig, key: bytes) -> str:
    """What decides a scan's results; a resume with other settings would mix two scans.

    Keyed hash, because a source spec may hold a DSN with a password.
    """
    settings = [config.mode, config.sample_rows, config.ner_sample, config.batch_rows, config.sources,
                config.max_cell_chars]
    message = json.dumps(settings, sort_keys=True, default=str).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def open_state(config: ScanConfig, key: bytes, resume: bool, since_last: bool) -> tuple[ScanState, str]:
    """The prepared folder's state and the scan's start time (the first run's, on resume)."""
    out_dir = Path(config.out)
    try:
        state = prepare_out_dir(out_dir, resume, since_last)
        fingerprint = config_fingerprint(config, key)
        previous = state.get_meta("config") if resume or since_last else None
        if previous and previous != fingerprint:
            state.close()
            if resume:
                raise ConfigError(f"--resume: {out_dir} holds a scan with other settings or sources; "
                                  "run without --resume to start again")
            log.warning("--since-last: the last scan in %s had other settings or sources; "
                        "reading everything", out_dir)
            state = prepare_out_dir(out_dir, resume=False)
        state.set_meta("config", fingerprint)
        started = state.get_meta("started") if resume else None
        if not started:
            started = datetime.now(UTC).isoformat(timespec="seconds")
            state.set_meta("started", started)
    except (OSError, sqlite3.Error) as exc:
        raise ConfigError(f"cannot write the report folder {out_dir}: {safe_message(exc)}") from exc
    return state, started


def kept_results(state: ScanState, partitions: list[Partition], errors: list[dict], unchanged: set[str],
                 out_dir: Path, resume: bool, since_last: bool) -> dict[str, dict]:
    """The recorded results this run keeps, by partition id (none on a fresh scan)."""
    if resume:
        # A partition that met read errors (a file deleted or unreadable, a dropped connection)
        # is scanned again on resume: a re-run completes what the first one missed.
        return resumable(state, partitions, could_not_list(errors), out_dir / "findings",
                         findings_name, ContainerResult.from_dict)
    if since_last:
        return carry_over(state, partitions, unchanged, out_dir)
    return {}
