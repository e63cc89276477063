"""The names of one container as the scan shows them, and the personal data found in them.

``ContainerScanner`` takes every name from here: the container's shown name, and each batch
with its fields renamed to their shown form (``fouille.scanner.core.safe_names``). Fields whose raw names
differ but show the same (``users["a@example.com"].ville`` and ``users["b@example.com"].ville``
both show ``users.*.ville``) become one field, their values joined row by row, as the values
of a list are. Names that hold personal data are counted per entity in the ``(names)`` field
of the container, with masked examples, as the values of a column are.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
from fouille.scanner.core.safe_names import NAMES_FIELD, NameHit, shown_container, shown_field
from fouille.scanner.engine.stats import FieldStats

MAX_NAMES_REMEMBERED = 200_000  # distinct raw names counted once; past this, no longer counted


class ContainerNames:
    """Shown names of one container; counts the names that hold personal data."""

    def __init__(self, source: str, raw_container: str):
        shown = shown_container(raw_container)
        self.container = shown.shown
        self.stats = FieldStats(source, self.container, NAMES_FIELD, free_text=False)
        self._seen: set[int] = set()
        self._count(raw_container, shown.hits)

    def _count(self, raw: str, hits: tuple[NameHit, ...]) -> None:
        key = hash(raw)
        if key in self._seen or len(self._seen) >= MAX_NAMES_REMEMBERED:
            return
        self._seen.add(key)
        self.stats.rows_scanned += 1
        if not hits:
            return
        self.stats.non_empty += 1
        for entity in {hit.entity for hit in hits}:
            self.stats.entity(entity).count += 1
        for hit in hits:
            entity = self.stats.entity(hit.entity)
            entity.findings += 1
            entity.max_score = 1.0
            entity.add_example(hit.preview)
            entity.detectors.add("names")
            entity.evidence.add("name")

    def shown_batch(self, data: pa.RecordBatch) -> pa.RecordBatch:
        """``data`` with shown field names; fields showing the same name joined into one."""
        names = data.schema.names
        groups: dict[str, list[int]] = {}
        for index, raw in enumerate(names):
            shown = shown_field(raw)
            if shown.hits:
                self._count(raw, shown.hits)
            groups.setdefault(shown.shown, []).append(index)
        if all(len(g) == 1 and names[g[0]] == shown for shown, g in groups.items()):
            return data
        fields, columns = [], []
        for shown, indices in groups.items():
            first = data.schema.field(indices[0])
            if len(indices) == 1:
                fields.append(first.with_name(shown))
                columns.append(data.column(indices[0]))
            else:
                fields.append(pa.field(shown, pa.string(), metadata=first.metadata))
                columns.append(_joined([data.column(i) for i in indices]))
        return pa.RecordBatch.from_arrays(columns, schema=pa.schema(fields))

    def publish(self, fields: dict[str, FieldStats]) -> None:
        """Add the ``(names)`` field to a container's fields when a name held personal data."""
        if self.stats.entities:
            fields[NAMES_FIELD] = self.stats


def _joined(columns: list[pa.Array], chunk: int = 500) -> pa.Array:
    """Row by row, the values of ``columns`` joined by newlines (nulls skipped)."""
    parts = []
    for start in range(0, len(columns), chunk):
        group = [c if c.type == pa.string() else pc.cast(c, pa.string()) for c in columns[start:start + chunk]]
        # "replace", not "skip": pyarrow 26 drops the rows where every value is null with "skip".
        joined = pc.binary_join_element_wise(*group, "\n", null_handling="replace", null_replacement="")
        parts.append(pc.utf8_trim(joined, "\n"))
    return parts[0] if len(parts) == 1 else _joined(parts, chunk)
