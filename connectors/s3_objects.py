"""One S3 object: what was listed, and a file object over it that never holds it whole.

CSV/JSON/JSONL and ``.gz`` are read from a streaming body (resumed with a ``Range`` request
if the connection drops), Parquet through a seekable file object that issues one ranged
``GetObject`` per read. Every request is pinned to the listed ETag, so an object edited
during the scan fails instead of being read half old, half new.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from botocore.exceptions import BotoCoreError, ClientError
from urllib3.exceptions import HTTPError as Urllib3Error

from fouille.connectors.base import Batch, ReadError, ReadOptions
from fouille.connectors.files.dispatch import read_stream
from fouille.scanner.core.secrets import redact_text

STREAM_BUFFER_BYTES = 1024 * 1024
RANGE_BUFFER_BYTES = 256 * 1024
STREAM_RESUMES = 5  # reopen a dropped streaming body at most this many times per object


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


def read_object(obj: S3Object, opener: Callable[[], BinaryIO], options: ReadOptions) -> Iterator[Batch | ReadError]:
    """One object through the shared readers; an S3 failure ends it with a ``ReadError``."""
    try:
        yield from read_stream(obj.url, opener, options)
    except (ClientError, BotoCoreError, Urllib3Error, OSError) as exc:
        yield ReadError(obj.url, describe_error(exc))
    except zlib.error:  # a corrupt .gz can surface while the reader sniffs its first block
        yield ReadError(obj.url, "corrupt compressed stream")
