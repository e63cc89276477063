"""``python -m fouille.scanner.cigate``: the gate without the ``fouille`` launcher (pre-commit, bench)."""

import argparse
import sys

from fouille.scanner.cigate.command import add_arguments, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fouille ci", description=__doc__)
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
