"""Findings as Parquet, one file per partition, written to a temporary name and renamed when complete.

Columns hold masked previews and keyed hashes only. The record key is the public form
(masked when the key itself is personal data).
"""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from fouille.scanner.core.model import Finding

SCHEMA = pa.schema(
    [
        ("entity", pa.string()),
        ("source", pa.string()),
        ("container", pa.string()),
        ("record_key", pa.string()),
        ("field", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("score", pa.float32()),
        ("detector", pa.string()),
        ("evidence", pa.list_(pa.string())),
        ("preview", pa.string()),
        ("value_hash", pa.string()),
    ]
)


def findings_table(findings: list[Finding]) -> pa.Table:
    return pa.table(
        {
            "entity": [f.entity for f in findings],
            "source": [f.location.source for f in findings],
            "container": [f.location.container for f in findings],
            "record_key": [f.location.public_key() for f in findings],
            "field": [f.location.field for f in findings],
            "start": [f.start for f in findings],
            "end": [f.end for f in findings],
            "score": [f.score for f in findings],
            "detector": [f.detector for f in findings],
            "evidence": [list(f.evidence) for f in findings],
            "preview": [f.preview for f in findings],
            "value_hash": [f.value_hash for f in findings],
        },
        schema=SCHEMA,
    )


class FindingsWriter:
    """Streams findings of one partition into ``path`` (visible only once ``commit`` is called)."""

    def __init__(self, path: Path):
        self.path = path
        # Unique per process: two scans of one partition (a resume racing a dying worker)
        # must never write into the same temporary file.
        self.tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        path.parent.mkdir(parents=True, exist_ok=True)
        self._writer: pq.ParquetWriter | None = None

    def write(self, findings: list[Finding] | pa.Table) -> None:
        """A batch of findings: ``Finding`` objects, or a ``SCHEMA`` table (columnar path)."""
        self.write_table(findings if isinstance(findings, pa.Table) else findings_table(findings))

    def write_table(self, table: pa.Table) -> None:
        if not table.num_rows:
            return
        if self._writer is None:
            self._writer = pq.ParquetWriter(self.tmp, SCHEMA)
        self._writer.write_table(table)

    def commit(self) -> bool:
        """Close and publish the file; returns False when there was nothing to write."""
        if self._writer is None:
            return False
        self._writer.close()
        with open(self.tmp, "rb") as handle:
            os.fsync(handle.fileno())  # on disk before it is published and the state says done
        os.chmod(self.tmp, 0o600)
        os.replace(self.tmp, self.path)
        return True

    def abort(self) -> None:
        try:
            if self._writer is not None:
                self._writer.close()  # may fail again (disk full): the file is dropped anyway
        except OSError:
            pass
        finally:
            self.tmp.unlink(missing_ok=True)


def findings_files(out_dir: Path) -> list[Path]:
    """The published findings files of a report folder, in a stable order."""
    return sorted((Path(out_dir) / "findings").glob("*.parquet"))


def read_findings(out_dir: Path) -> pa.Table:
    """All findings of a report folder as one table (empty table if none)."""
    files = findings_files(out_dir)
    if not files:
        return SCHEMA.empty_table()
    return pa.concat_tables(pq.read_table(f, schema=SCHEMA) for f in files)
