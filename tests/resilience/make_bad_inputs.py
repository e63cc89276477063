"""Generate the bad-input corpus: 40-odd malformed files a scanner meets in real stores.

Usage: ``python tests/resilience/make_bad_inputs.py OUT_DIR [--huge-line-mb 100]``

Every input is listed in ``CORPUS`` with what the scanner must do with it: ``error`` (an
error entry whose location starts with the input's name), ``scanned`` (read without an
error), ``either`` (read, an error is allowed), or ``ignored`` (not a data file: skipped
silently). Big inputs are streamed to disk (or written gzip-compressed), never built whole
in memory. Values are synthetic (example.com emails, ARCEP fiction phone numbers).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

GOOD_ROW = "1;alice.martin@example.com;01 99 00 12 34\n"
HEADER = "id;email;telephone\n"
MB = 1024 * 1024


@dataclass(frozen=True)
class BadInput:
    """One corpus entry: a path (relative to the corpus folder), how to make it, what must happen."""

    name: str
    make: Callable[[Path, argparse.Namespace], None]
    expect: str  # error | scanned | either | ignored
    what: str


def _text(content: str, encoding: str = "utf-8"):
    return lambda path, _: path.write_bytes(content.encode(encoding))


def _bytes(content: bytes):
    return lambda path, _: path.write_bytes(content)


def _ragged(path: Path, _) -> None:
    path.write_text(HEADER + GOOD_ROW + "2;bob@example.com\n3;carl@example.com;01 99 00 12 35;extra;more\n")


def _mixed_encodings(path: Path, _) -> None:
    lines = [HEADER.encode()] + [f"{i};user{i}@example.com;café\n".encode() for i in range(30)]
    lines.insert(10, "99;cp1252@example.com;Chloé Müller\n".encode("cp1252"))
    lines.insert(20, "98;latin@example.com;señor\n".encode("latin-1"))
    path.write_bytes(b"".join(lines))


def _nul_late(path: Path, _) -> None:
    # NUL bytes after the sniffing window: the file is text, the NULs are dropped.
    filler = "".join(f"{i};u{i}@example.com;01 99 00 00 {i % 100:02d}\n" for i in range(2000))
    path.write_bytes(HEADER.encode() + filler.encode() + b"500;nul\x00@example.com;\x00\x00\n")


def _bom_middle(path: Path, _) -> None:
    path.write_bytes(b"\xef\xbb\xbf" + HEADER.encode() + GOOD_ROW.encode() + b"\xef\xbb\xbf2;bom@example.com;x\n")


def _wide(columns: int):
    def make(path: Path, _) -> None:
        with path.open("w") as out:
            out.write(";".join(f"c{i}" for i in range(columns)) + "\n")
            for row in range(3):
                out.write(";".join("wide@example.com" if i == 7 else str(row) for i in range(columns)) + "\n")

    return make


def _stream_line(out, size: int, chunk: bytes) -> None:
    written = 0
    while written < size:
        piece = chunk[: size - written]
        out.write(piece)
        written += len(piece)


def _huge_line(path: Path, opts) -> None:
    chunk = b"mot " * (MB // 4)  # words: the cell looks like free text, the hard case
    with path.open("wb") as out:
        out.write(HEADER.encode() + GOOD_ROW.encode() + b"2;huge@example.com;")
        _stream_line(out, opts.huge_line_mb * MB, chunk)
        out.write(b"\n3;after.huge@example.com;01 99 00 12 36\n")


def _huge_line_gz(path: Path, opts) -> None:
    head = (HEADER + GOOD_ROW + "2;huge@example.com;").encode()
    _repeated_gzip(path, head, b"x" * MB, opts.huge_line_mb, b"\n3;after.huge@example.com;01 99 00 12 36\n")


def _unclosed_quote(path: Path, _) -> None:
    path.write_text(HEADER + GOOD_ROW + '2;"never closed@example.com;x\n' + GOOD_ROW * 50)


def _deep_json(path: Path, _) -> None:
    path.write_text("[" + "[" * 10_000 + "]" * 10_000 + ', {"email": "after.deep@example.com"}]')


def _deep_object(path: Path, _) -> None:
    path.write_text('{"a":' * 10_000 + '"deep@example.com"' + "}" * 10_000)


def _deep_jsonl(path: Path, _) -> None:
    path.write_text('{"a":' * 10_000 + "1" + "}" * 10_000 + '\n{"email": "ok@example.com"}\n')


def _bad_utf8_json(path: Path, _) -> None:
    path.write_bytes(b'[{"email": "good@example.com"}, {"note": "caf\xe9 \xff\xfe", "email": "b\xc3(@example.com"}]')


def _bad_utf8_jsonl(path: Path, _) -> None:
    lines = [json.dumps({"email": f"u{i}@example.com"}).encode() for i in range(20)]
    lines.insert(5, b'{"note": "\xff\xfe\xfd bad bytes"}')
    path.write_bytes(b"\n".join(lines) + b"\n")


def _many_keys_json(path: Path, _) -> None:
    with path.open("w") as out:
        out.write('[{"email": "keys@example.com"')
        for i in range(100_000):
            out.write(f', "k{i}": "v"')
        out.write("}]")


def _repeated_gzip(path: Path, head: bytes, block: bytes, times: int, tail: bytes = b"") -> None:
    """A multi-member gzip file: ``block`` compressed once and repeated (instant to write)."""
    member = gzip.compress(block, compresslevel=9)
    with path.open("wb") as out:
        out.write(gzip.compress(head))
        for _ in range(times):
            out.write(member)
        out.write(gzip.compress(tail))


def _gzip_bomb_zeros(path: Path, _) -> None:
    _repeated_gzip(path, b"", bytes(MB), 1024)  # 1 GiB of NUL bytes in about 1 MB


def _gzip_bomb_rows(path: Path, _) -> None:
    # 1 GiB of valid, identical CSV rows: no reader may hold them all.
    row = b"1;bomb@example.com;01 99 00 12 34\n"
    _repeated_gzip(path, HEADER.encode(), row * (MB // len(row)), 1024)


def _gzip_bomb_line(path: Path, _) -> None:
    _repeated_gzip(path, HEADER.encode(), b"a" * MB, 1024)  # 1 GiB on one line


def _truncated_gz(path: Path, _) -> None:
    data = gzip.compress((HEADER + GOOD_ROW * 2000).encode())
    path.write_bytes(data[: len(data) // 2])


def _parquet_bytes(rows: int = 50) -> bytes:
    table = pa.table({"email": [f"p{i}@example.com" for i in range(rows)], "n": list(range(rows))})
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def _truncated_parquet(path: Path, _) -> None:
    data = _parquet_bytes()
    path.write_bytes(data[: len(data) // 2])


def _fake_parquet(path: Path, _) -> None:
    path.write_bytes(b"PAR1" + os.urandom(2000) + b"PAR1")


def _deep_parquet(path: Path, _) -> None:
    value: object = "deep.parquet@example.com"
    for _ in range(100):
        value = {"n": value}
    pq.write_table(pa.table({"doc": [value]}), path)


def _symlink(target: str):
    return lambda path, _: os.symlink(target, path)


def _fifo(path: Path, _) -> None:
    os.mkfifo(path)


def _unreadable(path: Path, _) -> None:
    path.write_text(HEADER + GOOD_ROW)
    os.chmod(path, 0)


def _unreadable_dir(path: Path, _) -> None:
    path.mkdir()
    (path / "hidden.csv").write_text(HEADER + GOOD_ROW)
    os.chmod(path, 0)


def _dir_named_like_file(path: Path, _) -> None:
    path.mkdir()
    (path / "inner.csv").write_text(HEADER + GOOD_ROW)


def _non_utf8_name(path: Path, _) -> None:
    # The name holds the byte 0xE9 (cp1252 é), kept by Python as a surrogate escape.
    assert os.fsencode(path.name) == b"caf\xe9.csv"
    path.write_text(HEADER + GOOD_ROW)


def _html_injection(path: Path, _) -> None:
    path.write_text('id;<script>alert("x")</script>;email\n1;<img src=x onerror=alert(1)>;xss@example.com\n')


def _utf16(path: Path, _) -> None:
    path.write_bytes((HEADER + GOOD_ROW).encode("utf-16"))


CORPUS: list[BadInput] = [
    BadInput("ragged.csv", _ragged, "error", "rows with too few and too many fields"),
    BadInput("mixed_encodings.csv", _mixed_encodings, "error", "UTF-8 file with cp1252 and latin-1 lines"),
    BadInput("cp1252.csv", _text(HEADER + "1;chloé@example.com;Hélène\n", "cp1252"), "scanned",
             "whole file in cp1252 (Excel)"),
    BadInput("utf16.csv", _utf16, "either", "UTF-16 with BOM"),
    BadInput("nul_head.csv", _bytes(b"id;email\x00\x00\x00;x\n" * 10), "error", "NUL bytes in the first block"),
    BadInput("nul_late.csv", _nul_late, "scanned", "NUL bytes after the sniffed first block"),
    BadInput("bom_middle.csv", _bom_middle, "either", "a UTF-8 BOM at the start and in the middle"),
    BadInput("wide_100k.csv", _wide(100_000), "either", "100,000 columns"),
    BadInput("huge_line.csv", _huge_line, "error", "one line of 100 MB (words)"),
    BadInput("huge_line.csv.gz", _huge_line_gz, "error", "one line of 100 MB, gzip-compressed"),
    BadInput("unclosed_quote.csv", _unclosed_quote, "either", "a quote never closed"),
    BadInput("empty.csv", _bytes(b""), "error", "empty file"),
    BadInput("header_only.csv", _text(HEADER), "scanned", "a header and no rows"),
    BadInput("blank_lines.csv", _text("\n\n\n\r\n"), "error", "only blank lines"),
    BadInput("cr_only.csv", _text((HEADER + GOOD_ROW * 3).replace("\n", "\r")), "either", "old Mac CR line ends"),
    BadInput("dup_headers.csv", _text("email;email;;\na@example.com;b@example.com;c;d\n"), "scanned",
             "duplicate and empty column names"),
    BadInput("png_named.csv", _bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40), "error", "binary file named .csv"),
    BadInput("html_injection.csv", _html_injection, "scanned", "HTML/JS in a header and cells (report escaping)"),
    BadInput("control_chars.csv", _text(HEADER + "1;esc\x1b[31m@example.com;\x07\x08\n"), "scanned",
             "terminal escape sequences in cells"),
    BadInput("deep_10000.json", _deep_json, "error", "JSON array nested 10,000 levels"),
    BadInput("deep_object.json", _deep_object, "error", "one JSON object nested 10,000 levels"),
    BadInput("deep_10000.jsonl", _deep_jsonl, "error", "a JSONL line nested 10,000 levels"),
    BadInput("bad_utf8.json", _bad_utf8_json, "error", "invalid UTF-8 inside JSON strings"),
    BadInput("bad_utf8.jsonl", _bad_utf8_jsonl, "error", "invalid UTF-8 inside a JSONL line"),
    BadInput("truncated.json", _text('[{"email": "a@example.com"}, {"email": "b@exa'), "error",
             "JSON array cut short"),
    BadInput("garbage.json", _text("this is not json {{{"), "error", "not JSON at all"),
    BadInput("scalars.json", _text('[1, "x@example.com", null, true, 1e999, NaN]'), "scanned",
             "an array of scalars, NaN and 1e999"),
    BadInput("many_keys.json", _many_keys_json, "either", "one object with 100,000 keys"),
    BadInput("invalid_lines.jsonl", _text('{"email": "a@example.com"}\n{broken\n\n[1,2]\n"str"\n'), "error",
             "invalid and non-object JSONL lines"),
    BadInput("bomb_zeros.csv.gz", _gzip_bomb_zeros, "error", "gzip bomb: 1 GiB of NUL bytes"),
    BadInput("bomb_rows.csv.gz", _gzip_bomb_rows, "either", "gzip bomb: 1 GiB of valid CSV rows"),
    BadInput("bomb_line.csv.gz", _gzip_bomb_line, "error", "gzip bomb: 1 GiB on one line"),
    BadInput("truncated.csv.gz", _truncated_gz, "error", "gzip stream cut in half"),
    BadInput("not_gzip.csv.gz", _text(HEADER + GOOD_ROW), "error", "plain text named .gz"),
    BadInput("truncated.parquet", _truncated_parquet, "error", "Parquet file cut in half"),
    BadInput("fake.parquet", _fake_parquet, "error", "random bytes between Parquet magic numbers"),
    BadInput("empty.parquet", _bytes(b""), "error", "empty Parquet file"),
    BadInput("deep.parquet", _deep_parquet, "error", "a struct column nested 100 levels"),
    BadInput("loop_self.csv", _symlink("loop_self.csv"), "error", "a symlink to itself"),
    BadInput("loop_dir", _symlink("."), "ignored", "a symlink to its own folder (loop)"),
    BadInput("dangling.csv", _symlink("does-not-exist.csv"), "error", "a symlink to nothing"),
    BadInput("devzero.csv", _symlink("/dev/zero"), "error", "a symlink to /dev/zero"),
    BadInput("fifo.csv", _fifo, "error", "a FIFO named .csv (opening it would block)"),
    BadInput("unreadable.csv", _unreadable, "error", "a file with mode 000 (scan as another user)"),
    BadInput("unreadable_dir", _unreadable_dir, "error", "a folder with mode 000"),
    BadInput("folder.csv", _dir_named_like_file, "ignored", "a folder named like a CSV file (walked)"),
    BadInput("caf\udce9.csv", _non_utf8_name, "scanned", "a file name that is not valid UTF-8"),
]


def make_corpus(folder: Path, huge_line_mb: int = 100) -> list[BadInput]:
    """Write every corpus input into ``folder`` (created); returns the corpus entries."""
    folder.mkdir(parents=True, exist_ok=True)
    opts = argparse.Namespace(huge_line_mb=huge_line_mb)
    for item in CORPUS:
        item.make(folder / item.name, opts)
    return CORPUS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--huge-line-mb", type=int, default=100)
    args = parser.parse_args(argv)
    for item in make_corpus(args.out, args.huge_line_mb):
        print(f"{item.expect:8} {item.name!r}: {item.what}")
    print(f"{len(CORPUS)} inputs in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
