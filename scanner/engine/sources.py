"""Connectors built from source specs (the plain dicts ``fouille.scanner.core.config`` makes).

The one place that knows every connector: the core stays free of them, and a worker process
rebuilds its own connector from the spec it was handed.
"""

from __future__ import annotations

from fouille.connectors.base import Connector
from fouille.connectors.chatlogs import ChatlogsConnector
from fouille.connectors.files import FilesConnector
from fouille.connectors.s3 import S3Connector
from fouille.scanner.core.config import ConfigError


def build_connector(spec: dict, base_dir: str = ".") -> Connector:
    """Instantiate the connector a source spec describes."""
    kind = spec["type"]
    if kind == "files":
        return FilesConnector.from_config(spec, base_dir)
    if kind == "postgres":
        from fouille.connectors.postgres import PostgresConnector  # optional: psycopg

        return PostgresConnector.from_config(spec)
    if kind == "s3":
        return S3Connector.from_config(spec)
    if kind == "chatlogs":
        return ChatlogsConnector.from_config(spec, base_dir)
    raise ConfigError(f"unknown source type {kind!r}")
