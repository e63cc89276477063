"""Chat-log disclosures grouped by conversation: the inventory's ``conversations`` list.

Read back from the findings Parquet files (the scan's counters are per field, not per
conversation). Counts only, art. 9 categories only: the report's art. 9 section shows which
conversations hold sensitive disclosures, never what was said. The conversation id is taken
from the finding's public record key, so a key flagged as personal data stays masked (``***``).
The list is bounded (the conversations with the most disclosures first); ``conversations_total``
says how many there were in all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from fouille.scanner.core.model import SENSITIVE_PREFIX
from fouille.scanner.core.record_keys import CONVERSATION_KEY, key_value_json

MAX_CONVERSATIONS = 500
READ_ROWS = 65_536
_COLUMNS = ["entity", "source", "container", "record_key"]
_CONVERSATION = ["source", "container", "conversation"]  # what identifies one conversation


def conversations_summary(out_dir: Path, sources: Iterable[str], limit: int = MAX_CONVERSATIONS) -> dict:
    """``{"conversations": [{source, container, conversation, categories}], "conversations_total": n}``.

    Only the chat-log ``sources``' findings count; messages without a conversation id are
    left out (their disclosures are still counted in the fields).
    """
    counts = _counts(Path(out_dir) / "findings", pa.array(sorted(set(sources)), pa.string()))
    if counts is None:
        return {"conversations": [], "conversations_total": 0}
    per_conversation = counts.group_by(_CONVERSATION).aggregate([("n", "sum")])
    top = per_conversation.sort_by(
        [("n_sum", "descending")] + [(k, "ascending") for k in _CONVERSATION]).slice(0, limit)
    rank = {tuple(row[k] for k in _CONVERSATION): i for i, row in enumerate(top.to_pylist())}
    categories: list[dict[str, int]] = [{} for _ in rank]
    for row in counts.join(top, _CONVERSATION, join_type="inner").to_pylist():
        categories[rank[tuple(row[k] for k in _CONVERSATION)]][row["entity"]] = row["n"]
    rows = [{"source": source, "container": container, "conversation": json.loads(id_json),
             "categories": dict(sorted(categories[i].items()))}
            for (source, container, id_json), i in rank.items()]
    return {"conversations": rows, "conversations_total": per_conversation.num_rows}


def _counts(findings_dir: Path, sources: pa.Array) -> pa.Table | None:
    """``source, container, conversation (id as JSON), entity, n``: art. 9 findings per conversation.

    Aggregated batch by batch with Arrow (a log of a million conversations stays fast).
    """
    parts = []
    for path in sorted(findings_dir.glob("*.parquet")) if findings_dir.is_dir() else ():
        for batch in pq.ParquetFile(path).iter_batches(READ_ROWS, columns=_COLUMNS):
            table = pa.Table.from_batches([batch])
            keep = pc.and_(pc.is_in(table["source"], value_set=sources),
                           pc.starts_with(table["entity"], SENSITIVE_PREFIX))
            table = table.filter(pc.fill_null(keep, False))
            if not table.num_rows:
                continue
            ids = key_value_json(table["record_key"], CONVERSATION_KEY)
            table = table.append_column("conversation", ids).drop_columns(["record_key"])
            table = table.filter(pc.fill_null(pc.not_equal(table["conversation"], "null"), False))
            parts.append(table.group_by([*_CONVERSATION, "entity"]).aggregate([([], "count_all")]))
    if not parts:
        return None
    merged = pa.concat_tables(parts).group_by([*_CONVERSATION, "entity"]).aggregate([("count_all", "sum")])
    return merged.select([*_CONVERSATION, "entity", "count_all_sum"]).rename_columns([*_CONVERSATION, "entity", "n"])
