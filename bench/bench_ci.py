"""Benchmark ``fouille ci``: a generated repository of 10,000 small files, checked once.

Run: ``FOUILLE_KEY=bench python bench/bench_ci.py [--files N] [--git]``. Prints files/s.
The repository holds synthetic data only (Faker fr_FR, fixed seed; reserved e-mail
domains; ARCEP fiction numbers), as a clean repository would: every value is detected,
then judged synthetic, which is the work the gate does on each commit.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from faker import Faker

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fouille.scanner.cigate.__main__ import main

FICTION_BLOCKS = ("01 99 00", "02 61 91", "03 53 01", "04 65 71", "05 36 49")


def fiction_phone(rng: random.Random) -> str:
    return f"{rng.choice(FICTION_BLOCKS)} {rng.randrange(100):02d} {rng.randrange(100):02d}"


def write_file(root: Path, index: int, fake: Faker, rng: random.Random) -> None:
    folder = root / f"pkg{index // 200:03d}"
    folder.mkdir(exist_ok=True)
    name, email = fake.name(), f"{fake.user_name()}@example.com"
    kind = index % 5
    if kind == 0:
        rows = [
            f"{i},{fake.first_name()},{fake.last_name()},{fake.user_name()}@crm.test,"
            f"{fiction_phone(rng)},{fake.city()}"
            for i in range(8)
        ]
        text = "id,prenom,nom,email,telephone,ville\n" + "\n".join(rows) + "\n"
        suffix = ".csv"
    elif kind == 1:
        text = "".join(
            f'{{"id": {i}, "name": "{fake.name()}", "email": "{fake.user_name()}'
            f'@example.org", "phone": "{fiction_phone(rng)}"}}\n'
            for i in range(6)
        )
        suffix = ".jsonl"
    elif kind == 2:
        text = (
            f'"""Module {index}."""\n\nOWNER = "{name}"\nCONTACT = "{email}"\n'
            f'PHONE = "{fiction_phone(rng)}"\n\n\ndef f(x):\n    return x * {index}\n'
        )
        suffix = ".py"
    elif kind == 3:
        text = (
            f"# Notes {index}\n\n{fake.paragraph(nb_sentences=4)}\n\n"
            f"Contact: {email}, {fiction_phone(rng)}.\n"
        )
        suffix = ".md"
    else:
        text = (
            f"const owner = {{ name: '{name}', email: '{email}' }};\n"
            f"// phone {fiction_phone(rng)}\nexport default owner;\n"
        )
        suffix = ".js"
    (folder / f"f{index:05d}{suffix}").write_text(text, encoding="utf-8")


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the gate's process pool)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--git", action="store_true", help="make it a git work tree first")
    parser.add_argument("--jobs", type=int, default=None, help="passed to fouille ci --jobs")
    args = parser.parse_args()
    os.environ.setdefault("FOUILLE_KEY", "bench-key")
    fake, rng = Faker("fr_FR"), random.Random(7)
    Faker.seed(7)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for i in range(args.files):
            write_file(root, i, fake, rng)
        if args.git:
            subprocess.run(["git", "init", "-q", str(root)], check=True)
        size = sum(
            p.stat().st_size for p in root.rglob("*") if p.is_file() and ".git" not in p.parts
        )
        out = io.StringIO()
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        with contextlib.redirect_stdout(out):
            jobs = ["--jobs", str(args.jobs)] if args.jobs else []
            code = main(["--root", str(root), *jobs, str(root)])
        elapsed = time.perf_counter() - started
        cpu = _cpu_seconds() - cpu_started
    print(
        f"files: {args.files} ({size / 1e6:.1f} MB), git: {args.git}, jobs: {args.jobs or 1}, "
        f"exit code: {code}"
    )
    print(out.getvalue().strip().splitlines()[-1])
    print(
        f"elapsed: {elapsed:.2f} s wall, {cpu:.2f} s CPU; "
        f"{args.files / elapsed:,.0f} files/s (wall), {args.files / cpu:,.0f} files/s (CPU)"
    )


if __name__ == "__main__":
    main_bench()
