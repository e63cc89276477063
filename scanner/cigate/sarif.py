"""SARIF 2.1.0 for code-scanning UIs: one rule per entity type, stable fingerprints."""

from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, version

from fouille.scanner.cigate.report import FINGERPRINT_NAME, GateReport, fingerprints
from fouille.scanner.cigate.severity import severity_of

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
# GitHub sorts code-scanning alerts by this property (0-10).
SECURITY_SEVERITY = {"high": "8.0", "medium": "5.0", "low": "2.0"}


def _tool_version() -> str:
    try:
        return version("fouille")
    except PackageNotFoundError:
        return "0"


def _rule(entity: str) -> dict:
    severity = severity_of(entity)
    return {
        "id": f"pii/{entity}",
        "name": "".join(part.title() for part in entity.split("_")),
        "shortDescription": {"text": f"Real-looking {entity} in a repository file"},
        "fullDescription": {
            "text": "Personal data that validates and matches no synthetic rule "
            "(reserved domains, fiction phone ranges, test numbers)."
        },
        "help": {
            "text": "Replace it with a synthetic value, mark the line `fouille: ignore`, "
            "or accept it with `fouille ci --update-baseline`."
        },
        "defaultConfiguration": {"level": "note" if severity == "low" else "error"},
        "properties": {
            "security-severity": SECURITY_SEVERITY[severity],
            "tags": ["privacy", "pii", severity],
        },
    }


def to_sarif(report: GateReport) -> str:
    entities = sorted({f.finding.entity for f in report.findings})
    rule_index = {entity: i for i, entity in enumerate(entities)}
    results = []
    for f, fingerprint in zip(report.findings, fingerprints(report.findings)):
        results.append(
            {
                "ruleId": f"pii/{f.finding.entity}",
                "ruleIndex": rule_index[f.finding.entity],
                "level": "error" if f.fails else "note",
                "message": {
                    "text": f"{f.finding.entity} {f.finding.preview} ({f.severity}): {f.why}. "
                    f"Fix: {f.fix}."
                },
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": f.path, "uriBaseId": "%SRCROOT%"},
                            "region": {
                                "startLine": f.line,
                                "startColumn": f.column,
                                "endLine": f.line,
                                "endColumn": f.end_column,
                            },
                        },
                    }
                ],
                "partialFingerprints": {FINGERPRINT_NAME: fingerprint},
                "properties": {
                    "severity": f.severity,
                    "detector": f.finding.detector,
                    "score": f.finding.score,
                },
            }
        )
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "fouille",
                        "version": _tool_version(),
                        "rules": [_rule(e) for e in entities],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "repository root"}}},
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
