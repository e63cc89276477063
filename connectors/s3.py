"""S3 and S3-compatible buckets (AWS, OVHcloud, Scaleway, MinIO), read by the shared file readers.

Credentials come only from the standard AWS chain (profile, environment, instance role) and
never appear in output. Listing is paginated; throttling and 5xx answers are retried by
botocore's retry modes. Objects are read by ``s3_objects`` (never held whole); an object we
cannot read (403, deleted during the scan, corrupt) becomes a ``ReadError`` naming
``s3://bucket/key``; the scan goes on. ``--since-last`` state: ``s3_state``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from fouille.connectors.base import Batch, Connector, Container, ReadError, ReadOptions, checked_source
from fouille.connectors.files.dispatch import reader_for
from fouille.connectors.s3_objects import S3Object, describe_error, open_object, parse_s3_url, read_object
from fouille.connectors.s3_state import STATE_FILE_PREFIX, SinceLastState
from fouille.scanner.core.globs import glob_regex

# Keys a [[sources]] table of type "s3" may hold (plus S3ClientOptions' fields); anything
# else is a typo worth stopping on.
CREDENTIAL_SOURCES = ("default", "instance")  # the ``credentials`` key of an s3 source
IMDS_PROVIDER = "iam-role"  # botocore's instance metadata credential provider


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
        """Build from a ``[[sources]]`` table, checked by the one configuration model (ValueError)."""
        config = checked_source("s3", config)
        prefixes = config.get("prefixes") or [config.get("prefix", "")]
        globs = {k: config[k] for k in ("include", "exclude") if k in config}
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


def _safe_endpoint(url: str) -> str:
    """The endpoint without any ``user:password@`` part."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}"
