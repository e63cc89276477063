"""Chatbot conversation exports (JSON, JSONL, ``.gz``; local paths or ``s3://``): one row per message.

Two layouts, told apart record by record:

* conversations: ``{"conversation_id", "ts", "user": {...}, "messages": [{"role", "text", "ts"}]}``
  (one per JSONL line, or a JSON array of them, or one JSON object);
* one message per line: ``{"conversation_id", "role", "text", "ts", "user": {...}}``.

Every path is configurable (dotted: ``meta.session.id``). Each message becomes one row with the
fields ``text`` (written by the user), ``bot_text`` (written by the bot), ``role``, ``ts`` and the
user identifiers flattened by path (``user.email``). Record keys: ``line`` (JSONL) or ``index``
(JSON array position), ``conversation`` (the conversation id) and ``message`` (0-based position
in the conversation, as in ``messages[i]``).

Art. 9: by default only user-written messages are checked for sensitive data. Bot messages go
to ``bot_text``, a field whose Arrow metadata says ``fouille.art9 = skip``: identifiers are
still detected there, special categories are not (a bot that says "je ne peux pas parler de
santé" discloses nothing). With ``art9_bot_messages = true`` bot messages go to ``text`` too.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any, BinaryIO

import pyarrow as pa
from botocore.exceptions import BotoCoreError, ClientError

from fouille.connectors.base import (
    ART9_METADATA_KEY,
    ART9_SKIP,
    Batch,
    Connector,
    Container,
    ReadError,
    ReadOptions,
    checked_source,
    file_version,
)
from fouille.connectors.files.batching import BatchBuilder
from fouille.connectors.files.flatten import TooDeep, flatten
from fouille.connectors.files.json_stream import TextChunks, array_values, jsonl_values
from fouille.connectors.files.textstream import (
    SNIFF_BYTES,
    DecodedLines,
    ending_error,
    looks_binary,
    sniff_encoding,
)
from fouille.connectors.files.walking import OUTSIDE_FILE, glob_paths, glob_root, inside, open_regular
from fouille.scanner.core.record_keys import CONVERSATION_KEY, INDEX_KEY, LINE_KEY, MESSAGE_KEY
from fouille.connectors.s3 import CLIENT_OPTION_KEYS, S3ClientOptions, S3Connector
from fouille.connectors.s3_objects import S3Object, describe_error

TEXT_FIELD = "text"
BOT_TEXT_FIELD = "bot_text"
ROLE_FIELD = "role"
TS_FIELD = "ts"
SUFFIXES = (".json", ".jsonl", ".ndjson")


@dataclass(frozen=True)
class ChatlogLayout:
    """Where things are in a conversation or message record (dotted paths).

    Attributes:
        conversation_id: Conversation id, in a conversation or in a per-line message.
        messages: The list of messages in a conversation.
        text: Message text, inside a message.
        role: Speaker role, inside a message.
        timestamp: Message timestamp; the conversation's is used when a message has none.
        user_fields: Paths of user identifiers, flattened into fields (``user`` -> ``user.email``).
        user_roles: Roles that mean "written by the person" (case-insensitive); any other role
            is the bot or an agent. A message without a role counts as user-written.
        art9_bot_messages: Check bot messages for special categories too.
    """

    conversation_id: str = "conversation_id"
    messages: str = "messages"
    text: str = "text"
    role: str = "role"
    timestamp: str = "ts"
    user_fields: tuple[str, ...] = ("user",)
    user_roles: tuple[str, ...] = ("user", "human", "customer", "client", "visitor", "utilisateur")
    art9_bot_messages: bool = False

    def is_user(self, role: object) -> bool:
        return role is None or str(role).strip().lower() in {r.lower() for r in self.user_roles}


def get_path(record: object, path: str) -> object:
    """``get_path({"user": {"email": e}}, "user.email") == e``; None when any step is missing."""
    value = record
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _scalar(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None if value is None else json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class MessageExtractor:
    """Turns parsed records (either layout) into per-message rows."""

    def __init__(self, layout: ChatlogLayout):
        self.layout = layout
        self._per_line_counts: dict[str, int] = {}  # message index within per-line conversations

    def _user_fields(self, record: object) -> dict[str, str]:
        out: dict[str, str] = {}
        for path in self.layout.user_fields:
            value = get_path(record, path)
            if value is not None:
                out.update({p: "\n".join(v) for p, v in flatten(value, path).items()})
        return out

    def _row(self, message: object, context: dict[str, str], fallback_ts: object) -> dict:
        layout = self.layout
        role = get_path(message, layout.role)
        text_field = TEXT_FIELD if layout.is_user(role) or layout.art9_bot_messages else BOT_TEXT_FIELD
        ts = get_path(message, layout.timestamp)
        row = dict(context)
        row[text_field] = _scalar(get_path(message, layout.text))
        row[ROLE_FIELD] = _scalar(role)
        row[TS_FIELD] = _scalar(ts if ts is not None else fallback_ts)
        return row

    def messages(self, record: object) -> Iterator[tuple[str | None, int, dict]]:
        """(conversation id, message index, row) for each message; ValueError if none found."""
        layout = self.layout
        conversation = _scalar(get_path(record, layout.conversation_id))
        messages = get_path(record, layout.messages)
        if isinstance(messages, list):
            context = self._user_fields(record)
            ts = get_path(record, layout.timestamp)
            for index, message in enumerate(messages):
                yield conversation, index, self._row(message, context, ts)
        elif get_path(record, layout.text) is not None:
            index = self._per_line_counts.get(conversation or "", 0)
            self._per_line_counts[conversation or ""] = index + 1
            yield conversation, index, self._row(record, self._user_fields(record), None)
        else:
            raise ValueError(f"no '{layout.messages}' list and no '{layout.text}' field")


class ChatlogsConnector(Connector):
    """Conversation exports from local paths/globs and ``s3://bucket/prefix`` URLs.

    Args:
        name: Source name.
        paths: Files, globs (``logs/**/*.jsonl``) or ``s3://`` prefixes.
        layout: Paths inside the records, roles and the art. 9 switch.
        s3_options: Endpoint, region, profile, retries for the ``s3://`` paths.
        base_dir: Folder relative local paths start from (the config file's); container names
            stay relative to it.
    """

    def __init__(self, name: str, paths: list[str], layout: ChatlogLayout = ChatlogLayout(),
                 s3_options: S3ClientOptions | None = None, base_dir: str | os.PathLike = "."):
        super().__init__(name)
        self.paths = list(paths)
        self.base_dir = str(base_dir)
        self.layout = layout
        globs = [f"**/*{suffix}{gz}" for suffix in SUFFIXES for gz in ("", ".gz")]
        self._s3 = {p: S3Connector.from_url(name, p, include=globs, options=s3_options)
                    for p in self.paths if p.startswith("s3://")}

    @classmethod
    def from_config(cls, config: dict[str, Any], base_dir: str | os.PathLike = ".") -> ChatlogsConnector:
        config = checked_source("chatlogs", config)
        paths = config.get("paths") or [config["path"]]
        layout_keys = ("conversation_id", "messages", "text", "role", "timestamp", "art9_bot_messages")
        layout = {k: config[k] for k in layout_keys if k in config}
        for key in ("user_fields", "user_roles"):
            if key in config:
                layout[key] = tuple(config[key])
        s3 = S3ClientOptions(**{k: config[k] for k in CLIENT_OPTION_KEYS if k in config})
        return cls(config["name"], paths, ChatlogLayout(**layout), s3, base_dir)

    def containers(self) -> Iterator[Container | ReadError]:
        for path in self.paths:
            if path.startswith("s3://"):
                yield from self._s3_containers(path)
                continue
            full = os.path.join(self.base_dir, path)  # an absolute path stays as it is
            matches, root, errors = [full], None, []
            if set("*?[") & set(path):  # loop-safe, and never leaving the pattern's folder
                matches = sorted(glob_paths(full, False, lambda p, m, out=errors: out.append((p, m))))
                root = glob_root(full)
            outside = [m for m in matches if root is not None and not inside(m, str(root))]
            errors += [(m, OUTSIDE_FILE) for m in outside]
            yield from (ReadError(_shown(p, path, self.base_dir), m) for p, m in errors)
            files = [m for m in matches if m not in outside and os.path.isfile(m) and _supported(m)]
            if not files:
                yield ReadError(path, "no conversation export (.json/.jsonl[.gz]) here")
            for file in files:
                name = _shown(file, path, self.base_dir)
                info = os.stat(file)
                yield Container(name=name, ref=file, size=info.st_size, version=file_version(info))

    def _s3_containers(self, url: str) -> Iterator[Container | ReadError]:
        for item in self._s3[url].list_objects():
            if isinstance(item, ReadError):
                yield item
            else:
                yield Container(name=item.url, ref=item, size=item.size, version=item.version)

    def _s3_for(self, obj: S3Object) -> S3Connector:
        return next(c for c in self._s3.values() if c.bucket == obj.bucket)

    def _open(self, container: Container, stack: ExitStack) -> BinaryIO:
        if isinstance(container.ref, S3Object):
            raw = stack.enter_context(self._s3_for(container.ref).opener(container.ref)())
        else:
            raw = stack.enter_context(open_regular(str(container.ref)))
        if container.name.lower().endswith(".gz"):
            unzipped = stack.enter_context(gzip.GzipFile(fileobj=raw, mode="rb"))
            return io.BufferedReader(unzipped)  # type: ignore[arg-type]
        return raw

    def read(self, container: Container, options: ReadOptions) -> Iterator[Batch | ReadError]:
        name = container.name
        try:
            with ExitStack() as stack:
                stream = self._open(container, stack)
                yield from self._read_stream(name, stream, options)
        except (ClientError, BotoCoreError) as exc:
            yield ReadError(name, describe_error(exc))
        except (OSError, EOFError, zlib.error) as exc:
            yield ReadError(name, f"read failed ({type(exc).__name__})")

    def _read_stream(self, name: str, stream: BinaryIO, options: ReadOptions) -> Iterator[Batch | ReadError]:
        per_line = name.lower().removesuffix(".gz").endswith((".jsonl", ".ndjson"))
        head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]  # type: ignore[attr-defined]
        if looks_binary(head):
            yield ReadError(name, "binary content, not a text file")
            return
        encoding = options.extra.get("encoding") or sniff_encoding(head)
        if per_line:
            lines = DecodedLines(stream, encoding)
            lines.problems.whole_lines = True  # one conversation per line: never half of one
            records = jsonl_values(name, lines)
        else:
            lines = None
            records = array_values(name, TextChunks(stream, encoding))
        position_key = LINE_KEY if per_line else INDEX_KEY
        rows = _message_rows(position_key, options.batch_rows)
        extractor = MessageExtractor(self.layout)
        for item in records:
            if isinstance(item, ReadError):
                yield item
                continue
            position, record = item
            where = f"{name}:{position_key} {position}"
            try:
                for conversation, message, row in extractor.messages(record):
                    batch = rows.add((position, conversation, message), row)
                    if batch is not None:
                        yield batch
            except (ValueError, TooDeep) as exc:
                yield ReadError(where, str(exc))
        batch = rows.flush()
        if batch is not None:
            yield batch
        if lines is not None:
            yield from ending_error(name, lines)

    def close(self) -> None:
        for conn in self._s3.values():
            conn.close()

    def describe(self) -> str:
        return f"chatlogs({self.name}: {len(self.paths)} path(s))"


def _shown(file: str, configured: str, base_dir) -> str:
    """A file's name as containers show it: relative to the config unless configured absolute."""
    return file if os.path.isabs(configured) else os.path.relpath(file, base_dir)


def _supported(name: str) -> bool:
    return name.lower().removesuffix(".gz").endswith(SUFFIXES)


def _message_rows(position_key: str, batch_rows: int) -> BatchBuilder:
    """Message rows keyed by file position, conversation and message; bot text kept out of art. 9."""
    keys = pa.schema([(position_key, pa.int64()), (CONVERSATION_KEY, pa.string()), (MESSAGE_KEY, pa.int64())])
    return BatchBuilder(keys, batch_rows, {BOT_TEXT_FIELD: {ART9_METADATA_KEY: ART9_SKIP}})
