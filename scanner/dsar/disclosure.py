"""What the answer to a DSAR must tell about each store (GDPR art. 15(1)(a)-(h)), from fouille.toml.

A source's ``dsar`` table, or a list of them with a ``container`` glob each (matched like
retention rules: the container's name, its file name, or a table without its schema)::

    [[sources]]
    name = "crm"
    type = "postgres"
    dsn_env = "CRM_DSN"
    [sources.dsar]
    label = { fr = "notre base clients", en = "our customer database" }
    purposes = ["gestion des commandes", "service client"]
    legal_basis = "exécution du contrat (art. 6(1)(b))"
    recipients = ["notre transporteur", "notre prestataire de paiement"]
    retention = "3 ans après la dernière commande"
    origin = "collectées auprès de vous lors de votre commande"

The top-level ``[dsar]`` table says who answers: ``controller`` (name), ``contact`` (where
the person exercises their rights), ``dpo`` (the data protection officer's contact).

Every text is a string, a list of strings, or ``{ fr = ..., en = ... }`` of those. Nothing is
assumed: what is not configured is shown as "to be completed by the controller".
"""

from __future__ import annotations

from scanner.config_tables import check_container, config_tables
from scanner.retention_rules import rule_for

TEXT_KEYS = (
    "label",
    "purposes",
    "legal_basis",
    "recipients",
    "retention",
    "origin",
    "automated_decisions",
    "transfers",
)
KEYS = {"container", *TEXT_KEYS}


def _check_text(value: object, where: str) -> None:
    if isinstance(value, dict):
        unknown = sorted(set(value) - {"fr", "en"})
        if unknown or not value:
            raise ValueError(f"{where}: a translated text is {{ fr = ..., en = ... }}")
        for lang_value in value.values():
            _check_text(lang_value, where)
        return
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str) and v.strip() for v in items):
        raise ValueError(f"{where}: expected a text or a list of texts")


def normalize_disclosures(value: object) -> list[dict]:
    """The configured ``dsar`` as a list of entries; ValueError if malformed."""
    out = []
    for where, entry in config_tables(value, "dsar", KEYS, "dsar must be a table or a list of tables"):
        check_container(entry.get("container"), where)
        for key in TEXT_KEYS:
            if key in entry:
                _check_text(entry[key], f"{where}: {key}")
        out.append(dict(entry))
    return out


CONTROLLER_KEYS = ("controller", "contact", "dpo")


def normalize_controller(value: object) -> dict:
    """The top-level ``[dsar]`` table: who is answering and how to reach them."""
    if not isinstance(value, dict):
        raise ValueError("[dsar] must be a table (controller, contact, dpo)")  # noqa: TRY004
    unknown = sorted(set(value) - set(CONTROLLER_KEYS))
    if unknown:
        raise ValueError(
            f"unknown key(s) {', '.join(unknown)} (expected {', '.join(CONTROLLER_KEYS)})"
        )
    for key, text in value.items():
        _check_text(text, key)
    return dict(value)


def disclosure_for(spec: dict, container: str) -> dict:
    """The first ``dsar`` entry of the source that applies to ``container`` ({} if none)."""
    # The same container matching as retention rules: one rule for both.
    return rule_for({**spec, "retention": spec.get("dsar")}, container) or {}


def text_in(value: object, lang: str) -> list[str]:
    """A configured text in ``lang`` (falling back to the other language), as a list."""
    if value is None:
        return []
    if isinstance(value, dict):
        value = value.get(lang) or next(iter(value.values()))
    return list(value) if isinstance(value, list) else [value]
