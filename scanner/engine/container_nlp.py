"""Which free-text cells the NLP detectors read: the NER sample, plus each detector's prefilter.

The engine decides the rows (sample, caps); the detection path gives the matches
(``fouille.detectors.detection``).
"""

from __future__ import annotations

from functools import partial

import pyarrow as pa
from fouille.detectors.detection import candidate_rows, doc_hint, doc_matches_of_rows
from fouille.detectors.nlp import analyse
from fouille.detectors.registry import doc_detectors
from fouille.scanner.core.model import is_sensitive
from fouille.scanner.engine.container_result import EngineOptions
from fouille.scanner.engine.stats import FieldStats


def _is_art9(detector) -> bool:
    return all(is_sensitive(entity) for entity in detector.entities)


def _ner_rows(stats: FieldStats, cells: list, options: EngineOptions) -> set[int]:
    non_empty = [i for i, v in enumerate(cells) if v and v.strip()]
    if options.full:
        return set(non_empty)
    room = max(0, options.ner_sample - stats.ner_cells)
    return set(non_empty[:room])


def add_nlp_matches(stats: FieldStats, column: pa.Array, cells: list, found: dict, art9: bool,
                    options: EngineOptions) -> None:
    """Add to ``found`` (row -> matches) the NLP detectors' matches in a free-text column."""
    ner_rows = _ner_rows(stats, cells, options)
    # Each NLP detector reads the NER sample plus the cells its own prefilter selects.
    detectors = [
        (d, ner_rows | set(candidate_rows(column, d.prefilter, True)) if d.prefilter else ner_rows)
        for d in doc_detectors()
        if art9 or not _is_art9(d)
    ]
    rows = sorted(set().union(*(wanted for _, wanted in detectors)))
    if not rows:
        return
    stats.ner_cells += len(ner_rows)
    # Cells outside the NER sample go through the light pipeline (see fouille.detectors.nlp).
    for subset, entities in ((sorted(ner_rows), True), ([r for r in rows if r not in ner_rows], False)):
        texts = [cells[r][: options.ner_max_chars] for r in subset]
        matches_in = partial(doc_matches_of_rows, subset, detectors, hint=doc_hint(stats.hint))
        for row, matches in zip(subset, analyse(texts, matches_in, entities, options.nlp_batch)):
            found[row].extend(matches)
