"""The ``fouille`` command line: ``main`` parses and dispatches, one module per subcommand."""

from fouille.scanner.cli.main import main

__all__ = ["main"]
