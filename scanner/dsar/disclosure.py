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
assumed: what is not configured is shown as "to be completed by the controller". The tables
are declared and checked with the rest of fouille.toml (``fouille.scanner.core.config_dsar``).
"""

from __future__ import annotations

from fouille.scanner.core.retention_rules import rule_for


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
