"""``fouille.toml`` and positional sources, turned into a ``ScanConfig`` and source specs.

The file is checked against the typed model (``config_model``) before anything runs: an
unknown key or a value of the wrong type is a ``ConfigError`` (exit 2) naming the file, the
table, the key and what was expected. A source spec is a plain dict (picklable: workers
rebuild their own connectors from it, ``fouille.scanner.engine.sources``). Secrets are never
stored in it: ``dsn_env`` names an environment variable, read by the connector.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import field
from pathlib import Path
from urllib.parse import urlsplit

from fouille.scanner.core.config_errors import describe
from fouille.scanner.core.config_model import (
    ENVIRONMENT,
    CiTable,
    ConfigFile,
    ScanSettings,
    Source,
    spec_of,
)
from fouille.scanner.core.config_tables import TABLE
from fouille.scanner.core.safe_names import shown_name
from pydantic import TypeAdapter, ValidationError
from pydantic.dataclasses import dataclass

_SOURCE = TypeAdapter(Source)


class ConfigError(Exception):
    """A usage or configuration mistake (exit code 2)."""


@dataclass(config=TABLE)
class ScanConfig(ScanSettings):
    """What a scan or a DSAR lookup runs with: ``[scan]``, the sources, ``[dsar]``."""

    sources: list[dict] = field(default_factory=list)
    base_dir: str = "."
    dsar: dict = field(default_factory=dict)  # [dsar]: who answers access requests (docs/dsar.md)


def read_config_file(path: str | os.PathLike, environ: dict | None = None) -> ConfigFile:
    """The checked file. ``environ``: also require the variables ``dsn_env`` names."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"config file not found: {path}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from exc
    context = {ENVIRONMENT: environ} if environ is not None else None
    try:
        return ConfigFile.model_validate(data, context=context)
    except ValidationError as exc:
        raise ConfigError(describe(exc, data, str(path))) from None


def load_config(path: str | None) -> ScanConfig:
    if path is None:
        return ScanConfig()
    checked = read_config_file(path, dict(os.environ))
    _check_unique_names(path, [source.name for source in checked.sources])
    base_dir = str(Path(path).parent.resolve())
    settings = {name: getattr(checked.scan, name) for name in ScanSettings.__pydantic_fields__}
    config = ScanConfig(**settings, base_dir=base_dir,
                        sources=[spec_of(source) for source in checked.sources],
                        dsar=checked.dsar.model_dump(exclude_unset=True))
    if not os.path.isabs(config.out):
        config.out = str(Path(base_dir) / config.out)
    return config


def _check_unique_names(path: str, names: list[str]) -> None:
    """Findings, state and DSAR answers are filed by source name: two sources may not share one."""
    first: dict[str, int] = {}
    for number, name in enumerate(names, start=1):
        if name in first:
            raise ConfigError(f"{path}: [[sources]] #{number}: name {shown_name(name)!r} is already the name "
                              f"of [[sources]] #{first[name]}; give each source its own name")
        first[name] = number


def load_ci_settings(path: Path) -> CiTable:
    """The ``[ci]`` table; the rest of the file is checked too (one model for every command)."""
    return read_config_file(path).ci


def load_config_with_sources(path: str | None, arguments: list[str]) -> ScanConfig:
    """The config file (if any) plus positional sources; at least one source is required."""
    config = load_config(path)
    taken = {s["name"] for s in config.sources}
    config.sources += [source_from_argument(a, taken) for a in arguments]
    if not config.sources:
        raise ConfigError("nothing to scan: give paths/URLs or --config fouille.toml")
    return config


def validate_source(source: object, index: int = 0) -> dict:
    """One ``[[sources]]`` table (``index`` counts from 0) checked, as a source spec."""
    try:
        return spec_of(_SOURCE.validate_python(source))
    except ValidationError as exc:
        raise ConfigError(describe(exc, {"sources": {index: source}}, prefix=("sources", index))) from None


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
