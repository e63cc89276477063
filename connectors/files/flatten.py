"""Nested JSON to field paths: ``{"user": {"email": ..}}`` -> ``user.email``.

Lists become ``[]`` path segments and their values are joined with newlines, so one
record stays one row: ``{"messages": [{"text": "a"}, {"text": "b"}]}`` ->
``messages[].text = "a\\nb"``.
"""

from __future__ import annotations

import json

MAX_DEPTH = 64  # deeper structures are cut (reported by the caller), not recursed into


class TooDeep(Exception):
    pass


def flatten(value: object, prefix: str = "", depth: int = 0) -> dict[str, list[str]]:
    """Map each leaf path to its string values (several for paths through lists)."""
    if depth > MAX_DEPTH:
        raise TooDeep(f"nested deeper than {MAX_DEPTH} levels")
    out: dict[str, list[str]] = {}
    if isinstance(value, dict):
        for key, child in value.items():
            path = _key_path(prefix, str(key))
            for p, vals in flatten(child, path, depth + 1).items():
                out.setdefault(p, []).extend(vals)
    elif isinstance(value, list):
        path = f"{prefix}[]"
        for child in value:
            for p, vals in flatten(child, path, depth + 1).items():
                out.setdefault(p, []).extend(vals)
    elif value is None:
        pass
    elif isinstance(value, bool):
        out[prefix or "value"] = ["true" if value else "false"]
    else:
        out[prefix or "value"] = [str(value)]
    return out


def _key_path(prefix: str, key: str) -> str:
    """``prefix.key``; a key holding a separator is quoted (``users["a.b@example.com"]``) so
    that ``fouille.scanner.core.safe_names`` sees its bounds, masks it whole and shows ``users.*``."""
    if any(c in key for c in '.[]"'):
        return f"{prefix}[{json.dumps(key, ensure_ascii=False)}]"
    return f"{prefix}.{key}" if prefix else key


def flatten_record(value: object) -> dict[str, str]:
    return {path: "\n".join(values) for path, values in flatten(value).items()}
