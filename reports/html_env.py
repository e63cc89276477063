"""The one template environment of fouille's HTML pages: the report and the DSAR answer.

Templates (``reports/templates``) and the pages' CSS and script (``reports/static``) are
package data, read through the installed package, never through a path in the repository.
Autoescape is on and every value goes through ``html.escape`` (quotes included, so a value
is safe in an attribute too); only the package's own CSS and script are inserted as they are.
"""

from __future__ import annotations

import base64
import hashlib
import html
from functools import cache
from importlib.resources import files

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

_PACKAGE = "fouille.reports"


class _Escaped(str):
    """Text already escaped: autoescape takes it as it is."""

    __slots__ = ()

    def __html__(self) -> str:
        return self


def _escaped(value: object) -> object:
    # The escaping of the hand-built pages (&#x27;, &quot;), kept so their output is unchanged.
    if hasattr(value, "__html__"):
        return value
    return _Escaped(html.escape("" if value is None else str(value), quote=True))


@cache
def environment() -> Environment:
    """The Jinja environment: package templates, autoescape, undefined names are errors."""
    return Environment(
        loader=PackageLoader(_PACKAGE, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_escaped,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def static_text(name: str) -> str:
    """A CSS or script file of ``reports/static``, as written."""
    return (files(_PACKAGE) / "static" / name).read_text(encoding="utf-8")


def script_hash(script: str) -> str:
    """The CSP source that lets exactly this inline script run."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def content_security_policy(script: str = "", data_images: bool = False) -> str:
    """The pages' policy: nothing is fetched (no default-src); inline style; ``script``, the
    page's own inline script, runs (by hash) and no other; ``data:`` images if asked."""
    script_src = f"script-src '{script_hash(script)}'; " if script else ""
    img_src = "img-src data:; " if data_images else ""
    return (
        f"default-src 'none'; {script_src}style-src 'unsafe-inline'; {img_src}"
        "base-uri 'none'; form-action 'none'"
    )


def asset(name: str) -> Markup:
    """A file of ``reports/static``, to insert as it is (ours, never data)."""
    return Markup(static_text(name))


def render(template: str, **context: object) -> str:
    """Render a package template with ``context``."""
    return environment().get_template(template).render(**context)
