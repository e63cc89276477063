"""Socket guard for subprocesses under test: put this folder first on ``PYTHONPATH``.

When ``FOUILLE_NETGUARD_LOG`` names a file, every outbound connection and name lookup
made through Python's ``socket`` module (urllib, boto3, tldextract, http clients...) is
appended to it and refused, unless its ``host:port`` is listed in ``FOUILLE_NETGUARD_ALLOW``
(comma-separated). Unix sockets are local and allowed. Process-pool workers inherit it.
C libraries with their own sockets (libpq) are not seen: see docs/reliability.md.
"""

import os
import socket

_LOG = os.environ.get("FOUILLE_NETGUARD_LOG")
_ALLOW = {a.strip() for a in os.environ.get("FOUILLE_NETGUARD_ALLOW", "").split(",") if a.strip()}


def _record(kind: str, target: object) -> None:
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()} {kind} {target!r}\n")


def _allowed(address: object) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    if isinstance(address, tuple) and len(address) >= 2:
        return f"{address[0]}:{address[1]}" in _ALLOW
    return False


def _guard_connect(original):
    def connect(self, address):
        if self.family != socket.AF_UNIX and not _allowed(address):
            _record("connect", address)
            raise ConnectionRefusedError(f"netguard: connection to {address!r} refused")
        return original(self, address)

    return connect


def _guard_lookup(original):
    def getaddrinfo(host, port, *args, **kwargs):
        if host not in (None, "localhost", "127.0.0.1", "::1") and f"{host}:{port}" not in _ALLOW:
            _record("getaddrinfo", (host, port))
            raise socket.gaierror(socket.EAI_NONAME, "netguard: name lookup refused")
        return original(host, port, *args, **kwargs)

    return getaddrinfo


if _LOG:
    socket.socket.connect = _guard_connect(socket.socket.connect)
    socket.socket.connect_ex = _guard_connect(socket.socket.connect_ex)
    socket.getaddrinfo = _guard_lookup(socket.getaddrinfo)
