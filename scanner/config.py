"""``fouille.toml`` and positional sources, turned into source specs and connectors.

A source spec is a plain dict (picklable: workers rebuild their own connectors from it).
Secrets are never stored in it: ``dsn_env`` names an environment variable, read by the
connector when it connects.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from scanner.retention_rules import normalize_rules
from scanner.safe_names import shown_name

SOURCE_TYPES = ("files", "postgres", "s3", "chatlogs")


class ConfigError(Exception):
    """A usage or configuration mistake (exit code 2)."""


@dataclass
class ScanConfig:
    mode: str = "sample"
    out: str = "fouille-report"
    sources: list[dict] = field(default_factory=list)
    base_dir: str = "."
    sample_rows: int = 1000
    ner_sample: int = 1000
    batch_rows: int = 10_000
    workers: int = 0  # 0: one per core when the scan is large (scanner.partitioning)
    max_cell_chars: int = 20_000  # characters of a cell examined (docs/reliability.md)
    max_expansion_ratio: int = 100  # a compressed Parquet file spooled: expansion cap
    max_spool_mb: int = 4096  # ... and size cap
    dsar: dict = field(default_factory=dict)  # [dsar]: who answers access requests (docs/dsar.md)


def load_config(path: str | None) -> ScanConfig:
    if path is None:
        return ScanConfig()
    config_path = Path(path)
    try:
        data = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"config file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from exc
    scan = data.get("scan", {})
    config = ScanConfig(
        mode=scan.get("mode", "sample"),
        out=scan.get("out", "fouille-report"),
        base_dir=str(config_path.parent.resolve()),
        sample_rows=int(scan.get("sample_rows", 1000)),
        ner_sample=int(scan.get("ner_sample", 1000)),
        batch_rows=int(scan.get("batch_rows", 10_000)),
        workers=int(scan.get("workers", 0)),
        max_cell_chars=int(scan.get("max_cell_chars", 20_000)),
        max_expansion_ratio=int(scan.get("max_expansion_ratio", 100)),
        max_spool_mb=int(scan.get("max_spool_mb", 4096)),
    )
    if not os.path.isabs(config.out):
        config.out = str(Path(config.base_dir) / config.out)
    for index, source in enumerate(data.get("sources", [])):
        config.sources.append(validate_source(source, index))
    if "dsar" in data:
        from scanner.dsar.disclosure import normalize_controller

        try:
            config.dsar = normalize_controller(data["dsar"])
        except ValueError as exc:
            raise ConfigError(f"[dsar]: {exc}") from None
    if config.mode not in ("sample", "full"):
        raise ConfigError(f"[scan] mode must be 'sample' or 'full', not {config.mode!r}")
    return config


def load_config_with_sources(path: str | None, arguments: list[str]) -> ScanConfig:
    """The config file (if any) plus positional sources; at least one source is required."""
    config = load_config(path)
    taken = {s["name"] for s in config.sources}
    config.sources += [source_from_argument(a, taken) for a in arguments]
    if not config.sources:
        raise ConfigError("nothing to scan: give paths/URLs or --config fouille.toml")
    return config


def validate_source(source: dict, index: int = 0) -> dict:
    if not isinstance(source, dict):
        raise ConfigError(f"sources[{index}] must be a table")
    kind = source.get("type")
    if kind not in SOURCE_TYPES:
        raise ConfigError(f"sources[{index}]: type must be one of {', '.join(SOURCE_TYPES)}")
    if not source.get("name"):
        raise ConfigError(f"sources[{index}]: a name is required")
    if kind in ("files", "chatlogs") and not (source.get("paths") or source.get("path")):
        raise ConfigError(f"source {source['name']!r}: 'paths' is required")
    if kind == "s3" and not source.get("bucket"):
        raise ConfigError(f"source {source['name']!r}: 'bucket' is required")
    if kind == "postgres" and not (source.get("dsn") or source.get("dsn_env")):
        raise ConfigError(f"source {source['name']!r}: 'dsn' or 'dsn_env' is required")
    if not isinstance(source.get("follow_symlinks", False), bool):
        raise ConfigError(f"source {source['name']!r}: follow_symlinks must be true or false")
    spec = dict(source)
    if "retention" in spec:
        try:
            spec["retention"] = normalize_rules(spec["retention"])
        except ValueError as exc:
            raise ConfigError(f"source {source['name']!r}: {exc}") from None
    if "dsar" in spec:  # what a DSAR answer tells about this source (art. 15)
        from scanner.dsar.disclosure import normalize_disclosures

        try:
            spec["dsar"] = normalize_disclosures(spec["dsar"])
        except ValueError as exc:
            raise ConfigError(f"source {source['name']!r}: {exc}") from None
    return spec


def source_from_argument(argument: str, taken: set[str]) -> dict:
    """``postgresql://...`` / ``s3://bucket/prefix`` / a path -> a source spec."""
    parts = urlsplit(argument)
    if parts.scheme in ("postgresql", "postgres"):
        name = (parts.path or "/").strip("/") or "postgres"
        spec = {"type": "postgres", "dsn": argument}
    elif parts.scheme == "s3":
        name = parts.netloc
        spec = {"type": "s3", "bucket": parts.netloc, "prefix": parts.path.lstrip("/")}
    elif parts.scheme and len(parts.scheme) > 1:
        raise ConfigError(f"unsupported source scheme {parts.scheme!r}")
    else:
        if not os.path.exists(argument) and not any(c in argument for c in "*?["):
            raise ConfigError(f"no such file or directory: {argument}")
        name = shown_name(Path(argument.rstrip("/")).name) or "files"  # a folder named by an e-mail
        spec = {"type": "files", "paths": [argument]}
    unique, n = name, 2
    while unique in taken:
        unique, n = f"{name}-{n}", n + 1
    taken.add(unique)
    return {"name": unique, **spec}


def build_connector(spec: dict, base_dir: str = "."):
    """Instantiate the connector a source spec describes."""
    kind = spec["type"]
    if kind == "files":
        from connectors.files import FilesConnector

        return FilesConnector.from_config(spec, base_dir)
    if kind == "postgres":
        from connectors.postgres import PostgresConnector

        return PostgresConnector.from_config(spec)
    if kind == "s3":
        from connectors.s3 import S3Connector

        return S3Connector.from_config(spec)
    if kind == "chatlogs":
        from connectors.chatlogs import ChatlogsConnector

        return ChatlogsConnector.from_config(spec, base_dir)
    raise ConfigError(f"unknown source type {kind!r}")
