"""Redact credentials from any text bound for output: passwords in URLs and DSNs, key=value secrets."""

from __future__ import annotations

import re

_URL_PASSWORD = re.compile(r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.\-]*://)(?P<user>[^:/@\s]*):(?P<pw>[^@/\s]*)@")
_KV_SECRET = re.compile(
    r"(?P<k>\b(?:password|passwd|pwd|secret|token|aws_secret_access_key|aws_session_token|sslpassword)\s*[=:]\s*)"
    r"(?P<v>'[^']*'|\"[^\"]*\"|\S+)",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    """``postgresql://u:pw@h/db`` -> ``postgresql://u:***@h/db``; ``password=x`` -> ``password=***``."""
    text = _URL_PASSWORD.sub(lambda m: f"{m['scheme']}{m['user']}:***@", text)
    return _KV_SECRET.sub(lambda m: f"{m['k']}***", text)
