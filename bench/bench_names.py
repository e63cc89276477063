"""Benchmark the names guard (``fouille.scanner.core.safe_names``): the cost of showing a field name.

Run: ``FOUILLE_KEY=bench python bench/bench_names.py [--names N]``. Prints microseconds per
distinct name for three kinds of JSON paths, then for a name already seen (cached):
plain words (``client.nom_a``: no digit, no "@", the detectors are skipped), words with
digits (``adresse_ligne2``), and keys that are e-mail addresses (``users["a@example.com"].ville``,
the shape of a NoSQL export keyed by e-mail).
"""

from __future__ import annotations

import argparse
import string
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fouille.scanner.core.safe_names import shown_field


def _per_name_us(names: list[str]) -> float:
    started = time.perf_counter()
    for name in names:
        shown_field(name)
    return (time.perf_counter() - started) / len(names) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=5_000)
    n = parser.parse_args().names
    letters = string.ascii_lowercase
    kinds = {
        "plain words": [f"client.nom_{letters[i % 26]}{letters[i // 26 % 26]}{letters[i // 676 % 26]}"
                        for i in range(n)],
        "words with digits": [f"client.adresse_ligne{i}" for i in range(n)],
        "e-mail keys": [f'users["user{i}.nom@example.com"].ville' for i in range(n)],
    }
    shown_field("warm.up1")  # detector set-up is not part of the cost per name
    for kind, names in kinds.items():
        print(f"{kind:18} {_per_name_us(names):8.1f} us/name (first time)")
    print(f"{'cached':18} {_per_name_us(kinds['e-mail keys']):8.2f} us/name (seen before)")


if __name__ == "__main__":
    main()
