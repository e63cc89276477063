"""Every labelled corpus the accuracy run knows, by name.

Each corpus module has ``generate(n, seed) -> list[Example]`` (``eval.corpus.Example``),
``ENTITIES`` (the labels it holds gold for) and ``TARGETS`` (entity -> minimum F1).
``eval.run --corpus NAME`` scores one of them; ``--corpus all`` scores their union.
Adding a corpus: one module, one line here.
"""

from __future__ import annotations

import importlib
from types import ModuleType

CORPORA: dict[str, str] = {
    "base": "eval.corpus",  # mixed CRM notes, chats, invoices, logs (the first corpus)
    "phones_iban": "eval.corpus_phones_iban",  # phones and IBANs as people really type them
    "identifiers": "eval.corpus_identifiers",  # French and neighbouring national identifiers
    "records": "eval.corpus_records",  # names, places, birth dates in records and letters
}


def corpus_module(name: str) -> ModuleType:
    return importlib.import_module(CORPORA[name])


def names(selection: str) -> list[str]:
    return list(CORPORA) if selection == "all" else [selection]
