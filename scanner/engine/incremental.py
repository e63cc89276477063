"""``--since-last``: re-scan only what changed since the previous scan in the same report folder.

Connectors that can tell whether a container changed (those with ``enable_since_last``: S3,
by ETag and size) keep a small state file in the report folder on *every* scan, so any
finished scan is the base of the next ``--since-last``. A container is carried over only
when it is unchanged *and* the previous scan recorded an error-free result for it in
``state.sqlite``; anything else is read again. Containers that vanished lose their results
and findings, so the report equals a full re-scan.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from fouille.connectors.base import Container, ReadError
from fouille.connectors.s3_state import STATE_FILE_PREFIX
from fouille.scanner.engine.container import ContainerResult

STATE_GLOB = f"{STATE_FILE_PREFIX}*.json"


def forget_changes(out_dir: Path) -> None:
    """Drop the change-tracking files: the next ``--since-last`` reads everything."""
    for path in out_dir.glob(STATE_GLOB):
        path.unlink()


def listed_containers(connector, out_dir: Path) -> Iterator[tuple[Container | ReadError, bool]]:
    """The connector's containers, each with True when unchanged since the last scan in ``out_dir``.

    The tracking state is opened afresh on every call: connectors are cached per process,
    and a state left from an earlier scan would hide containers from this one.
    """
    enable = getattr(connector, "enable_since_last", None)
    if enable is None:
        for item in connector.containers():
            yield item, False
        return
    enable(out_dir)
    yield from ((item, False) for item in connector.containers())
    # Listed after the others: the connector knows them only once its listing is done.
    for obj in connector.unchanged:
        yield Container(name=obj.key, ref=obj, size=obj.size, version=obj.version), True


def mark_scanned(connector, container: Container, result: dict) -> None:
    """Remember a container read without error (its result is recorded): next time it may be skipped."""
    if not result.get("errors") and hasattr(connector, "mark_scanned"):
        connector.mark_scanned(container)


def save_changes(connectors: Iterable) -> None:
    """Write each tracking connector's state (after the scan's results are recorded)."""
    for connector in connectors:
        if hasattr(connector, "save_state"):
            connector.save_state()


def drop_all_but(kept_findings: set[str], findings_dir: Path) -> None:
    """Delete every findings file but the carried-over ones (changed or vanished containers)."""
    if not findings_dir.is_dir():
        return
    for path in findings_dir.glob("*.parquet"):
        if path.name not in kept_findings:
            path.unlink()


def carry_over(state, partitions: list, unchanged: set[str], out_dir: Path) -> dict[str, dict]:
    """The recorded results of the unchanged partitions, by partition id.

    Every other record and findings file is dropped before the scan: a changed container
    is read again (and a failure to read it must not leave its old findings behind), a
    vanished one is gone from the report.
    """
    recorded = state.done(ContainerResult.from_dict)
    carried = {p.id: recorded[p.id] for p in partitions
               if p.id in unchanged and p.id in recorded and not recorded[p.id].get("errors")}
    state.forget(set(recorded) - set(carried))
    drop_all_but({p.findings_path.name for p in partitions if p.id in carried}, out_dir / "findings")
    return carried


def could_not_list(errors: list[dict]) -> set[str]:
    """Sources whose listing failed (unreachable, unlistable): what they held is unknown."""
    return {e["source"] for e in errors
            if e["location"] == e["source"] or e["error"].startswith("cannot list")}


def resumable(state, partitions: list, unlisted_sources: set[str], findings_dir: Path,
              findings_name, check) -> dict[str, dict]:
    """The recorded results a ``--resume`` keeps, by partition id; every other record and
    findings file is dropped before the scan.

    Kept: an error-free result whose input is still listed at the version it was scanned
    at (size and mtime, ETag, row estimate: ``Container.version``). An input that changed
    is scanned again; one that vanished is gone from the report. A source that could not
    be listed this time keeps its results (its error is reported): nothing is known of it.
    """
    recorded = state.done(check)
    versions = state.versions()
    current = {p.id: p.container.version for p in partitions}
    kept = {}
    for pid, result in recorded.items():
        if result.get("errors"):
            continue  # a re-run completes what a transient fault made the first one miss
        if pid in current:
            same = current[pid] == versions.get(pid)
        else:
            same = result["source"] in unlisted_sources
        if same:
            kept[pid] = result
    state.forget(set(versions) - set(kept))
    drop_all_but({findings_name(pid) for pid in kept}, findings_dir)
    return kept
