"""The ``files`` source: local paths, directories (recursive) and globs.

Container names are paths relative to the source root: the directory given, the
fixed part of a glob, or a file's own folder. The walk never leaves those roots unless
``follow_symlinks = true`` (``fouille.connectors.files.walking``); FIFOs, sockets and devices are
reported, never read, even when one replaces a file after listing.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fouille.connectors.base import Batch, Connector, Container, ReadError, ReadOptions, file_version
from fouille.connectors.files.csv_reader import read_csv
from fouille.connectors.files.dispatch import read_stream, reader_for
from fouille.connectors.files.walking import (
    GLOB_CHARS,
    OUTSIDE_FILE,
    glob_paths,
    glob_root,
    inside,
    open_regular,
    walk,
)

MIN_PIECE_BYTES = 32 * 1024 * 1024  # below this a piece's model loading costs more than it saves


@dataclass(frozen=True)
class _Piece:
    """Piece ``index`` of ``pieces`` of the file at ``path``."""

    path: str
    index: int
    pieces: int
    file_size: int


def _printable(path: str) -> str:
    """A file name for reports: bytes that are not UTF-8 shown as ``\\xe9`` (JSON cannot hold them)."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


class FilesConnector(Connector):
    """Reads local files.

    Args:
        name: Source name.
        paths: Files, directories or glob patterns (``exports/**/*.csv``).
        base_dir: Directory relative paths are resolved against (the config file's folder).
        encoding: Force an encoding instead of sniffing it.
        delimiter: Force a CSV delimiter instead of sniffing it.
    """

    def __init__(
        self,
        name: str,
        paths: list[str],
        base_dir: str | Path = ".",
        encoding: str | None = None,
        delimiter: str | None = None,
        follow_symlinks: bool = False,
    ):
        super().__init__(name)
        self.paths = list(paths)
        self.base_dir = Path(base_dir)
        self.overrides = {k: v for k, v in (("encoding", encoding), ("delimiter", delimiter)) if v}
        self.follow_symlinks = follow_symlinks

    @classmethod
    def from_config(cls, config: dict, base_dir: str | Path = ".") -> FilesConnector:
        paths = config.get("paths") or [config["path"]]
        return cls(config["name"], paths, base_dir, config.get("encoding"), config.get("delimiter"),
                   config.get("follow_symlinks") is True)

    def describe(self) -> str:
        return f"files({self.name}: {len(self.paths)} path(s))"

    def containers(self) -> Iterator[Container | ReadError]:
        seen: set[str] = set()
        for raw in self.paths:
            pattern = raw if os.path.isabs(raw) else str(self.base_dir / raw)
            if GLOB_CHARS & set(raw):
                root = glob_root(pattern)
                errors: list[ReadError] = []
                candidates = sorted(glob_paths(pattern, self.follow_symlinks, self._on_error(root, errors)))
                yield from errors
                if not candidates:
                    yield ReadError(raw, "no file matches this pattern")
                yield from self._files(candidates, root, seen, explicit=False)
            elif os.path.isdir(pattern):
                yield from self._walk(Path(pattern), seen)
            elif os.path.lexists(pattern):
                yield from self._files([pattern], Path(pattern).parent, seen, explicit=True)
            else:
                yield ReadError(raw, "no such file or directory")

    @staticmethod
    def _on_error(root: Path, errors: list[ReadError]):
        def on_error(path: str, message: str) -> None:
            errors.append(ReadError(_printable(os.path.relpath(path, root)), message))

        return on_error

    def _walk(self, root: Path, seen: set[str]) -> Iterator[Container | ReadError]:
        errors: list[ReadError] = []
        for path in walk(root, self.follow_symlinks, self._on_error(root, errors)):
            yield from errors
            errors.clear()
            if reader_for(path)[0] is not None:
                yield from self._files([path], root, seen, explicit=False)
        yield from errors  # os.walk reports an unlistable last folder after its final step

    def _files(self, paths, root: Path, seen: set[str], explicit: bool) -> Iterator[Container | ReadError]:
        for path in paths:
            real = os.path.realpath(path)
            if real in seen:
                continue
            seen.add(real)
            name = _printable(os.path.relpath(path, root) if root != Path(".") else path)
            if not (explicit or self.follow_symlinks or inside(path, str(root))):
                yield ReadError(name, OUTSIDE_FILE)  # never leave the folders given
                continue
            try:
                info = os.stat(path)
            except OSError as exc:
                yield ReadError(name, f"cannot stat: {exc.strerror}")
                continue
            if stat.S_ISDIR(info.st_mode):
                if explicit:
                    yield ReadError(name, "is a directory, not a file")
                continue
            if not stat.S_ISREG(info.st_mode):
                yield ReadError(name, "not a regular file (FIFO, socket or device): skipped")
                continue
            if reader_for(path)[0] is None:
                if explicit:
                    yield ReadError(name, "unsupported file type")
                continue
            yield Container(name=name, ref=path, size=info.st_size, version=file_version(info))

    def split(self, container: Container, pieces: int) -> list[Container]:
        """A large plain CSV file as byte ranges cut at record starts (see ``csv_blocks``)."""
        path = str(container.ref)
        reader, compressed = reader_for(path)
        pieces = min(pieces, container.size // MIN_PIECE_BYTES)
        if reader is not read_csv or compressed or pieces < 2:
            return [container]
        return [Container(container.name, _Piece(path, i, pieces, container.size),
                          container.size // pieces, f"{i + 1}/{pieces}", container.version)
                for i in range(pieces)]

    def read(self, container: Container, options: ReadOptions) -> Iterator[Batch | ReadError]:
        extra = dict(self.overrides)
        path = str(container.ref)
        if isinstance(container.ref, _Piece):
            path = container.ref.path
            extra["piece"] = (container.ref.index, container.ref.pieces, container.ref.file_size)
        if extra:
            options = ReadOptions(
                options.batch_rows, options.sample_rows, options.resume_after, {**extra, **options.extra},
            )
        yield from read_stream(container.name, lambda: open_regular(path), options)
