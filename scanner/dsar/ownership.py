"""A record's ``Identity`` read from its values and, for PostgreSQL, the schema's foreign keys.

Customer keys: in PostgreSQL, a *person table* is a table other tables point at by foreign
key and which holds a name or e-mail column (``customers``, not ``orders``); a row of it
carries its own primary key, and a row of any table carries the keys its foreign keys point
at in person tables. In files, a column named like a customer number (``customer_id``,
``id_client``, ``numero_client``...) carries one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from fouille.connectors.pg_catalog import ForeignKey, TableInfo
from fouille.scanner.core.column_hints import hint_for, tokens
from fouille.scanner.dsar.identifiers import Identifier, record_texts
from fouille.scanner.dsar.identity import Identity, name_tokens
from fouille.scanner.dsar.records import Record

FILE_KEY_SPACE = "customer number"
_KEY_WORDS = frozenset({"id", "num", "numero", "number", "no", "n", "code", "key", "ref"})
_OWNER_WORDS = frozenset({"client", "customer", "adherent", "member", "abonne", "subscriber"})


def is_customer_key_column(name: str) -> bool:
    """``customer_id`` / ``id_client`` / ``numero_client``: an owner word and a key word only."""
    words = tokens(name.rsplit(".", 1)[-1])
    return len(words) == 2 and bool(set(words) & _OWNER_WORDS) and bool(set(words) & _KEY_WORDS)


def _key(values: Iterable[object]) -> str:
    return json.dumps([str(v) for v in values], ensure_ascii=False)


class PersonTables:
    """Which tables of one PostgreSQL source hold people, and their foreign keys."""

    def __init__(self, tables: dict[str, TableInfo], foreign_keys: list[ForeignKey]):
        referenced = {fk.ref_table for fk in foreign_keys}
        self.tables = tables
        self.person = {
            name
            for name in referenced
            if name in tables
            and tables[name].primary_key
            and any(hint_for(c.name) in ("PERSON", "EMAIL_ADDRESS") for c in tables[name].columns)
        }
        self.outgoing: dict[str, list[ForeignKey]] = {}
        for fk in foreign_keys:
            if fk.ref_table in self.person:
                self.outgoing.setdefault(fk.table, []).append(fk)

    def keys_of(self, table: str, values: dict) -> set[tuple[str, str]]:
        keys = set()
        info = self.tables.get(table)
        if table in self.person and info is not None:
            pk = [values.get(c) for c in info.primary_key]
            if all(v is not None for v in pk):
                keys.add((f"{table}({','.join(info.primary_key)})", _key(pk)))
        for fk in self.outgoing.get(table, ()):
            pointed = [values.get(c) for c in fk.columns]
            if all(v is not None for v in pointed):
                keys.add((f"{fk.ref_table}({','.join(fk.ref_columns)})", _key(pointed)))
        return keys


def identity_of(
    record: Record, found: list[tuple[Identifier, str]], person_tables: PersonTables | None
) -> Identity:
    """The record's identity, from the identifiers already found in it (``identifiers_in``)."""
    emails = {i.normalized for i, _ in found if i.entity == "EMAIL_ADDRESS"}
    own = {
        i.normalized
        for i, name in found
        if i.entity == "EMAIL_ADDRESS" and hint_for(name) == "EMAIL_ADDRESS"
    }
    texts = record_texts(record.values)
    name_words = " ".join(text for name, text in texts.items() if hint_for(name) == "PERSON")
    name = name_tokens(name_words)
    if person_tables is not None:
        keys = person_tables.keys_of(record.ref.container, record.values)
    else:
        keys = {
            (FILE_KEY_SPACE, _key([text.strip()]))
            for name, text in texts.items()
            if is_customer_key_column(name) and text.strip()
        }
    return Identity(
        frozenset(emails), frozenset(own), frozenset([name] if name else []), frozenset(keys)
    )
