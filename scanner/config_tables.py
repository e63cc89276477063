"""Per-source config entries given as one table or a list of tables (``retention``, ``dsar``).

One place for what both check the same way: the shape, unknown keys, and the optional
``container`` name or glob that says which containers an entry applies to.
"""

from __future__ import annotations

from collections.abc import Iterator


def config_tables(value: object, label: str, keys: set[str] | frozenset[str], shape: str,
                  table_shape: str = "") -> Iterator[tuple[str, dict]]:
    """``(where, entry)`` for each table of ``value``; ValueError naming the entry if malformed.

    ``label`` names an entry in messages (``retention rule`` -> ``retention rule #2``),
    ``shape`` is the message when ``value`` is neither a table nor a list of them.
    """
    entries = [value] if isinstance(value, dict) else value
    if not isinstance(entries, list) or not entries:
        raise ValueError(shape)
    for position, entry in enumerate(entries, 1):
        where = f"{label} #{position}"
        if not isinstance(entry, dict):
            raise ValueError(f"{where} must be a table{table_shape}")  # noqa: TRY004 - a config mistake
        unknown = sorted(set(entry) - set(keys))
        if unknown:
            raise ValueError(f"{where}: unknown key(s) {', '.join(unknown)} "
                             f"(expected {', '.join(sorted(keys - {'table'}))})")
        yield where, entry


def check_container(container: object, where: str) -> None:
    """An entry's ``container`` is absent, or a non-empty name or glob."""
    if container is not None and (not isinstance(container, str) or not container.strip()):
        raise ValueError(f"{where}: 'container' must be a name or a glob")
