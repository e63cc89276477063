"""S3 and S3-compatible buckets (AWS, OVHcloud, Scaleway, MinIO), read by the shared file readers.

Credentials come only from the standard AWS chain (profile, environment, instance role) and
never appear in output. Listing is paginated; throttling and 5xx answers are retried by
botocore's retry modes. Objects are never held whole in memory: CSV/JSON/JSONL and ``.gz``
are read from a streaming body (resumed with a ``Range`` request if the connection drops),
Parquet through a seekable file object that issues one ranged ``GetObject`` per read.
An object we cannot read (403, deleted during the scan, corrupt) becomes a ``ReadError``
naming ``s3://bucket/key``; the scan goes on.

Incremental re-scans (``--since-last``): :class:`SinceLastState` keeps ``key -> (ETag, size)``
in the output folder; unchanged objects are not listed as containers again.
"""

from __future__ import annotations

import io
import json
import os
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from urllib3.exceptions import HTTPError as Urllib3Error

from connectors.base import COMMON_SOURCE_KEYS, Batch, Connector, Container, ReadError, ReadOptions
from connectors.files.dispatch import read_stream, reader_for
from connectors.secrets import redact_text

STREAM_BUFFER_BYTES = 1024 * 1024
RANGE_BUFFER_BYTES = 256 * 1024
STREAM_RESUMES = 5  # reopen a dropped streaming body at most this many times per object
STATE_FILE_PREFIX = "s3-since-last-"

# Keys a [[sources]] table of type "s3" may hold (plus S3ClientOptions' fields); anything
# else is a typo worth stopping on.
SOURCE_KEYS = COMMON_SOURCE_KEYS | frozenset({"bucket", "prefix", "prefixes", "include", "exclude", "page_size"})
CREDENTIAL_KEYS = frozenset({"aws_access_key_id", "aws_secret_access_key", "aws_session_token"})
CREDENTIAL_SOURCES = ("default", "instance")  # the ``credentials`` key of an s3 source
IMDS_PROVIDER = "iam-role"  # botocore's instance metadata credential provider


@dataclass(frozen=True)
class S3Object:
    """One listed object: what is needed to read it and to tell whether it changed."""

    bucket: str
    key: str
    etag: str = ""
    size: int = 0

    @property
    def url(self) -> str:
        return f"s3://{self.bucket}/{self.key}"

    @property
    def version(self) -> str:
        """What tells an edited object (``Container.version``): its ETag and size."""
        return f"{self.etag}:{self.size}"


def parse_s3_url(url: str) -> tuple[str, str]:
    """``s3://bucket/some/prefix`` -> ``("bucket", "some/prefix")``."""
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc:
        raise ValueError(f"not an s3:// URL: {url!r}")
    return parts.netloc, parts.path.lstrip("/")


def glob_regex(pattern: str) -> re.Pattern[str]:
    """Compile a key glob: ``*`` and ``?`` stay inside one path segment, ``**`` crosses them."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


class KeyFilter:
    """Include/exclude globs over object keys. No include globs means every key is included."""

    def __init__(self, include: list[str] | tuple[str, ...] = (), exclude: list[str] | tuple[str, ...] = ()):
        self._include = [glob_regex(p) for p in include]
        self._exclude = [glob_regex(p) for p in exclude]

    def __call__(self, key: str) -> bool:
        if key.endswith("/"):  # "folder" placeholder objects
            return False
        if self._include and not any(p.match(key) for p in self._include):
            return False
        return not any(p.match(key) for p in self._exclude)


def describe_error(exc: Exception) -> str:
    """A short message for a botocore error: the S3 error code, never a credential."""
    if isinstance(exc, ClientError):
        error = exc.response.get("Error", {})
        code = str(error.get("Code", "")) or str(
            exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", "error")
        )
        if code in ("NoSuchKey", "404"):
            return f"{code}: object deleted during the scan"
        if code in ("PreconditionFailed", "412"):
            return f"{code}: object changed during the scan (ETag differs)"
        message = str(error.get("Message", "")).strip()
        return f"{code}: {message}" if message else code
    return redact_text(f"{type(exc).__name__}: {exc}")


# --- reading one object -------------------------------------------------------------------


class _S3Body(io.RawIOBase):
    """Common state of the two object readers: client, object and position."""

    def __init__(self, client: Any, obj: S3Object):
        super().__init__()
        self._client = client
        self._obj = obj
        self._pos = 0

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def _get(self, first: int, last: int | None = None) -> Any:
        """GetObject from byte ``first`` (to ``last`` inclusive), pinned to the listed ETag."""
        params: dict[str, Any] = {"Bucket": self._obj.bucket, "Key": self._obj.key}
        if first or last is not None:
            params["Range"] = f"bytes={first}-{'' if last is None else last}"
        if self._obj.etag:
            params["IfMatch"] = self._obj.etag
        return self._client.get_object(**params)["Body"]


class S3StreamReader(_S3Body):
    """A forward-only stream over an object; a dropped connection resumes with a ``Range``."""

    def __init__(self, client: Any, obj: S3Object):
        super().__init__(client, obj)
        self._body = self._get(0)  # open now: a 403 or a missing key surfaces at open time
        self._resumes = 0

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        while True:
            try:
                if self._body is None:
                    self._body = self._get(self._pos)
                data = self._body.read(len(view))
                break
            except (BotoCoreError, Urllib3Error, ConnectionError) as exc:
                self._drop_body()
                self._resumes += 1
                if self._resumes > STREAM_RESUMES:
                    raise OSError(f"stream of {self._obj.url} broke: {describe_error(exc)}") from exc
        n = len(data)
        view[:n] = data
        self._pos += n
        return n

    def _drop_body(self) -> None:
        if self._body is not None:
            try:
                self._body.close()
            except Exception:  # noqa: BLE001 - the connection is being thrown away anyway
                pass
            self._body = None

    def close(self) -> None:
        self._drop_body()
        super().close()


class S3RangeReader(_S3Body):
    """A seekable file object over an object: every read is one ranged ``GetObject``.

    What Parquet needs (footer first, then column chunks) without downloading the object.
    """

    def __init__(self, client: Any, obj: S3Object):
        super().__init__(client, obj)
        self.requests = 0

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._obj.size}[whence]
        if base + offset < 0:
            raise OSError("negative seek position")
        self._pos = base + offset
        return self._pos

    def size(self) -> int:
        return self._obj.size

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        want = min(len(view), self._obj.size - self._pos)
        if want <= 0:
            return 0
        self.requests += 1
        data = self._get(self._pos, self._pos + want - 1).read()
        n = len(data)
        view[:n] = data
        self._pos += n
        return n


def open_object(client: Any, obj: S3Object) -> BinaryIO:
    """A buffered binary file object: seekable ranged reads for Parquet, a stream otherwise."""
    if obj.key.lower().endswith(".parquet"):
        return io.BufferedReader(S3RangeReader(client, obj), RANGE_BUFFER_BYTES)
    return io.BufferedReader(S3StreamReader(client, obj), STREAM_BUFFER_BYTES)


# --- incremental re-scans -----------------------------------------------------------------


class SinceLastState:
    """``key -> (ETag, size)`` of the objects fully scanned last time, kept in the output folder.

    An object is recorded only once the pipeline says it was scanned without error
    (:meth:`mark_scanned`), and the file is written by :meth:`save` after the outputs are:
    a crash in between means a re-read, never a missed object.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self._previous = self._load()
        self._current: dict[str, tuple[str, int]] = {}

    def _load(self) -> dict[str, tuple[str, int]]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return {k: (str(v[0]), int(v[1])) for k, v in raw.get("objects", {}).items()}
        except (OSError, ValueError, TypeError, AttributeError, IndexError):
            return {}

    def unchanged(self, obj: S3Object) -> bool:
        """True (and kept for next time) when the object is as it was at the last scan."""
        if self._previous.get(_stored_key(obj.key)) == (obj.etag, obj.size):
            self._current[_stored_key(obj.key)] = (obj.etag, obj.size)
            return True
        return False

    def mark_scanned(self, obj: S3Object) -> None:
        self._current[_stored_key(obj.key)] = (obj.etag, obj.size)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(
            json.dumps({"objects": {k: list(v) for k, v in sorted(self._current.items())}}),
            encoding="utf-8",
        )
        os.replace(tmp, self.path)


def _stored_key(key: str) -> str:
    """A key as the state file holds it: a key holding personal data (``users/a@b.fr.json``)
    only as its keyed hash (names are data too: ``scanner.safe_names``)."""
    from scanner.safe_names import name_digest, shown_name

    return key if shown_name(key) == key else f"hmac:{name_digest(key)}"


# --- the connector ------------------------------------------------------------------------


@dataclass(frozen=True)
class S3ClientOptions:
    """How to reach the store. No credential field: those come from the AWS chain only.

    Attributes:
        endpoint_url: For S3-compatible stores (OVHcloud, Scaleway, MinIO).
        region: Region name.
        profile: A named profile from the AWS config files.
        retry_mode: botocore retry mode, ``standard`` or ``adaptive`` (client-side rate limiting).
        max_attempts: Attempts per request, first one included (throttling and 5xx are retried).
        addressing_style: ``path`` or ``virtual``; botocore decides when unset.
        credentials: ``default`` (environment, profile and config files, container role) or
            ``instance``: also the instance metadata service (169.254.169.254), which the scan
            never calls otherwise (it talks only to the sources it was given).
    """

    endpoint_url: str | None = None
    region: str | None = None
    profile: str | None = None
    retry_mode: str = "standard"
    max_attempts: int = 8
    addressing_style: str | None = None
    credentials: str = "default"

    def client(self) -> Any:
        if self.retry_mode not in ("standard", "adaptive", "legacy"):
            raise ValueError(f"retry_mode must be standard or adaptive, not {self.retry_mode!r}")
        if self.credentials not in CREDENTIAL_SOURCES:
            raise ValueError(f"credentials must be default or instance, not {self.credentials!r}")
        session = boto3.session.Session(profile_name=self.profile, region_name=self.region)
        if self.credentials != "instance":
            session._session.get_component("credential_provider").remove(IMDS_PROVIDER)
        config = Config(
            retries={"mode": self.retry_mode, "max_attempts": int(self.max_attempts)},
            connect_timeout=10,
            read_timeout=60,
            s3={"addressing_style": self.addressing_style} if self.addressing_style else None,
            user_agent_extra="fouille",
        )
        return session.client("s3", endpoint_url=self.endpoint_url, config=config)


CLIENT_OPTION_KEYS = frozenset(S3ClientOptions.__dataclass_fields__)


class S3Connector(Connector):
    """Objects under one bucket's prefixes; each object is a container named by its key.

    Args:
        name: Source name.
        bucket: Bucket name.
        prefixes: Key prefixes to list ("" for the whole bucket).
        include: Key globs to keep (``**/*.csv``); none means all. Keys the file readers do not
            support (no ``.csv``, ``.json``, ``.jsonl``, ``.parquet``... suffix) are skipped.
        exclude: Key globs to drop.
        page_size: Keys per ListObjectsV2 page (at most 1,000).
        options: Endpoint, region, profile, retries (:class:`S3ClientOptions`).
        **client_options: Or the same as keywords (``endpoint_url=...``).
    """

    def __init__(
        self,
        name: str,
        bucket: str,
        prefixes: list[str] | tuple[str, ...] = ("",),
        include: list[str] | tuple[str, ...] = (),
        exclude: list[str] | tuple[str, ...] = (),
        page_size: int = 1000,
        options: S3ClientOptions | None = None,
        **client_options: Any,
    ):
        super().__init__(name)
        self.bucket = bucket
        self.prefixes = tuple(prefixes) or ("",)
        self.options = options or S3ClientOptions(**client_options)
        self.page_size = max(1, min(int(page_size), 1000))
        self._filter = KeyFilter(include, exclude)
        self._client: Any = None
        self.since_last: SinceLastState | None = None
        self.unchanged: list[S3Object] = []

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> S3Connector:
        """Build from a ``[[sources]]`` table; raises ``ValueError`` on unknown keys."""
        given = set(config)
        if given & CREDENTIAL_KEYS:
            raise ValueError(
                "S3 credentials do not belong in fouille.toml: use a profile, the environment "
                "(AWS_ACCESS_KEY_ID...) or an instance role"
            )
        unknown = given - SOURCE_KEYS - CLIENT_OPTION_KEYS
        if unknown:
            raise ValueError(f"unknown keys for an s3 source: {', '.join(sorted(unknown))}")
        if not config.get("bucket") or not config.get("name"):
            raise ValueError("an s3 source needs a name and a bucket")
        prefixes = config.get("prefixes") or [config.get("prefix", "")]
        if isinstance(prefixes, str):
            prefixes = [prefixes]
        globs = {k: [config[k]] if isinstance(config[k], str) else config[k]
                 for k in ("include", "exclude") if k in config}
        options = S3ClientOptions(**{k: config[k] for k in CLIENT_OPTION_KEYS if k in config})
        return cls(config["name"], config["bucket"], prefixes=prefixes, options=options,
                   page_size=config.get("page_size", 1000), **globs)

    @classmethod
    def from_url(cls, name: str, url: str, **options: Any) -> S3Connector:
        """``s3://bucket/prefix`` as given on the command line."""
        bucket, prefix = parse_s3_url(url)
        return cls(name, bucket, prefixes=[prefix], **options)

    @property
    def client(self) -> Any:
        if self._client is None:
            self._client = self.options.client()
        return self._client

    def enable_since_last(self, out_dir: str | Path) -> SinceLastState:
        """Skip objects unchanged since the last scan written to ``out_dir``."""
        safe = re.sub(r"[^A-Za-z0-9_.-]", "_", self.name)
        self.since_last = SinceLastState(Path(out_dir) / f"{STATE_FILE_PREFIX}{safe}.json")
        return self.since_last

    def mark_scanned(self, container: Container) -> None:
        """Record a container read without error (call once its findings are written)."""
        if self.since_last is not None and isinstance(container.ref, S3Object):
            self.since_last.mark_scanned(container.ref)

    def save_state(self) -> None:
        """Write the since-last state (call after the scan's outputs are written)."""
        if self.since_last is not None:
            self.since_last.save()

    def list_objects(self) -> Iterator[S3Object | ReadError]:
        """Every object under the prefixes that passes the globs, page by page."""
        paginator = self.client.get_paginator("list_objects_v2")
        for prefix in self.prefixes:
            pages = paginator.paginate(
                Bucket=self.bucket, Prefix=prefix, PaginationConfig={"PageSize": self.page_size}
            )
            try:
                for page in pages:
                    for item in page.get("Contents", ()):
                        key = item["Key"]
                        if self._filter(key) and reader_for(key)[0] is not None:
                            yield S3Object(self.bucket, key, item.get("ETag", ""), int(item.get("Size", 0)))
            except (ClientError, BotoCoreError) as exc:
                yield ReadError(f"s3://{self.bucket}/{prefix}", f"cannot list: {describe_error(exc)}")

    def containers(self) -> Iterator[Container | ReadError]:
        self.unchanged = []
        for item in self.list_objects():
            if isinstance(item, ReadError):
                yield item
            elif self.since_last is not None and self.since_last.unchanged(item):
                self.unchanged.append(item)
            else:
                yield Container(name=item.key, ref=item, size=item.size, version=item.version)

    def opener(self, obj: S3Object) -> Callable[[], BinaryIO]:
        """A callable opening a fresh reader on the object each time it is called."""
        return lambda: open_object(self.client, obj)

    def read(self, container: Container, options: ReadOptions) -> Iterator[Batch | ReadError]:
        obj = container.ref if isinstance(container.ref, S3Object) else S3Object(self.bucket, container.name)
        yield from read_object(obj, self.opener(obj), options)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def describe(self) -> str:
        endpoint = self.options.endpoint_url
        where = f" at {_safe_endpoint(endpoint)}" if endpoint else ""
        return f"S3Connector({self.name}: s3://{self.bucket}/{','.join(self.prefixes)}{where})"


def read_object(obj: S3Object, opener: Callable[[], BinaryIO], options: ReadOptions) -> Iterator[Batch | ReadError]:
    """One object through the shared readers; an S3 failure ends it with a ``ReadError``."""
    try:
        yield from read_stream(obj.url, opener, options)
    except (ClientError, BotoCoreError, Urllib3Error, OSError) as exc:
        yield ReadError(obj.url, describe_error(exc))
    except zlib.error:  # a corrupt .gz can surface while the reader sniffs its first block
        yield ReadError(obj.url, "corrupt compressed stream")


def _safe_endpoint(url: str) -> str:
    """The endpoint without any ``user:password@`` part."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}"
