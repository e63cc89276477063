"""A moto S3 server on 127.0.0.1 and a small fault-injecting HTTP proxy in front of it.

Real boto3 calls go over HTTP (no in-process mocks). With ``CI`` set, a moto server that
cannot start fails the tests instead of skipping them.
"""

from __future__ import annotations

import http.client
import os
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import boto3
import pytest
from botocore.config import Config

REGION = "us-east-1"
PROXY_CHUNK = 256 * 1024
PROXY_TIMEOUT_S = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_listening(port: int, timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listening on 127.0.0.1:{port}")


def unavailable(reason: str) -> None:
    """Skip locally; fail in CI, where the service is required."""
    if os.environ.get("CI"):
        pytest.fail(f"moto server required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def moto_endpoint():
    """``http://127.0.0.1:PORT`` of a ThreadedMotoServer, with fake credentials in the env."""
    saved = {k: os.environ.get(k) for k in (
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_DEFAULT_REGION",
        "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_PROFILE")}
    os.environ.update({
        "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing-secret",
        "AWS_DEFAULT_REGION": REGION, "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    })
    os.environ.pop("AWS_SESSION_TOKEN", None)
    os.environ.pop("AWS_PROFILE", None)
    server = None
    try:
        from moto.server import ThreadedMotoServer

        port = free_port()
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
        server.start()
        _wait_listening(port)
    except Exception as exc:  # noqa: BLE001 - any start failure is "moto unavailable"
        unavailable(f"cannot start moto server: {type(exc).__name__}: {exc}")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def s3_client(endpoint: str):
    return boto3.client(
        "s3", endpoint_url=endpoint, region_name=REGION,
        config=Config(s3={"addressing_style": "path"}, retries={"mode": "standard", "max_attempts": 3}),
    )


@pytest.fixture
def bucket(moto_endpoint):
    """A fresh bucket name (moto state is shared by the whole session)."""
    name = f"fouille-{uuid.uuid4().hex[:12]}"
    s3_client(moto_endpoint).create_bucket(Bucket=name)
    return name


@dataclass
class Fault:
    """Answer ``status`` to requests whose path contains ``needle``, ``times`` times (None: always).

    ``status`` 0 forwards the request but cuts the body after ``truncate_after`` bytes.
    """

    needle: str
    status: int
    code: str = ""
    times: int | None = None
    methods: tuple[str, ...] = ("GET", "HEAD")
    truncate_after: int = 0


@dataclass
class ProxyLog:
    requests: list[tuple[str, str, str]] = field(default_factory=list)  # method, path, Range
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, method: str, path: str, range_header: str) -> None:
        with self.lock:
            self.requests.append((method, path, range_header))

    def matching(self, method: str, needle: str) -> list[tuple[str, str, str]]:
        with self.lock:
            return [r for r in self.requests if r[0] == method and needle in r[1]]


class FaultProxy:
    """A forwarding HTTP proxy on 127.0.0.1 that can answer chosen requests with errors."""

    def __init__(self, upstream: str):
        target = urlsplit(upstream)
        self.upstream = (target.hostname, target.port)
        self.faults: list[Fault] = []
        self.log = ProxyLog()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def add_fault(self, fault: Fault) -> None:
        self.faults.append(fault)

    def _take_fault(self, method: str, path: str) -> Fault | None:
        for fault in self.faults:
            if method in fault.methods and fault.needle in path and fault.times != 0:
                if fault.times is not None:
                    fault.times -= 1
                return fault
        return None

    def _handler(self):
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # one request per connection: no keep-alive bookkeeping

            def log_message(self, *args):  # quiet
                pass

            def _serve(self):
                proxy.log.add(self.command, self.path, self.headers.get("Range", ""))
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                fault = proxy._take_fault(self.command, self.path)
                if fault is not None and fault.status:
                    payload = (
                        f'<?xml version="1.0" encoding="UTF-8"?><Error><Code>{fault.code}</Code>'
                        f"<Message>injected {fault.code}</Message></Error>"
                    ).encode()
                    self.send_response(fault.status)
                    self.send_header("Content-Type", "application/xml")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    if self.command != "HEAD":
                        self.wfile.write(payload)
                    return
                conn = http.client.HTTPConnection(*proxy.upstream, timeout=PROXY_TIMEOUT_S)
                try:
                    headers = {k: v for k, v in self.headers.items() if k.lower() != "connection"}
                    conn.request(self.command, self.path, body=body, headers=headers)
                    answer = conn.getresponse()
                    self.send_response(answer.status)
                    for key, value in answer.getheaders():
                        if key.lower() not in ("connection", "transfer-encoding", "keep-alive"):
                            self.send_header(key, value)
                    self.end_headers()
                    budget = fault.truncate_after if fault is not None else None
                    while chunk := answer.read(PROXY_CHUNK):
                        if budget is not None:
                            chunk = chunk[:budget]
                            budget -= len(chunk)
                        self.wfile.write(chunk)
                        if budget == 0:
                            break  # connection closes with the body cut short
                finally:
                    conn.close()

            do_GET = do_HEAD = do_PUT = do_POST = do_DELETE = _serve

        return Handler

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def fault_proxy(moto_endpoint):
    with FaultProxy(moto_endpoint) as proxy:
        yield proxy
