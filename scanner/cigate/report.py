"""The gate's result and its text and JSON forms. Values appear masked only."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field

from fouille.scanner.cigate.gate import GateFinding
from fouille.scanner.cigate.severity import SEVERITY_ORDER
from fouille.scanner.core.safe_names import printable

FINGERPRINT_NAME = "fouilleFinding/v1"


@dataclass
class GateReport:
    """Everything one ``fouille ci`` run found, after the baseline and ``--diff``."""

    findings: list[GateFinding] = field(default_factory=list)
    files_scanned: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    ignored_inline: int = 0
    baselined: int = 0
    synthetic: Counter = field(default_factory=Counter)

    @property
    def failing(self) -> list[GateFinding]:
        return [f for f in self.findings if f.fails]

    def exit_code(self) -> int:
        return 1 if self.failing else 0


def fingerprints(findings: list[GateFinding]) -> list[str]:
    """Stable identities: (path, entity, keyed hash) and the occurrence number.

    Line numbers are left out so that a finding keeps its identity when lines move
    (code-scanning UIs then track it instead of closing and reopening it).
    """
    seen: Counter = Counter()
    out = []
    for f in findings:
        identity = f"{f.path}\x1f{f.finding.entity}\x1f{f.finding.value_hash}"
        digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32]
        seen[digest] += 1
        out.append(f"{digest}:{seen[digest]}")
    return out


def summary_line(report: GateReport) -> str:
    by_severity = Counter(f.severity for f in report.failing)
    detail = ", ".join(f"{by_severity[s]} {s}" for s in reversed(SEVERITY_ORDER) if by_severity[s])
    reported = len(report.findings) - len(report.failing)
    head = (
        f"{len(report.failing)} finding(s) fail the check ({detail})"
        if report.failing
        else "no finding fails the check"
    )
    return (
        f"fouille ci: {head}; {reported} reported only; {report.baselined} accepted by the "
        f"baseline; {report.ignored_inline} line(s) marked `fouille: ignore`; "
        f"{sum(report.synthetic.values())} synthetic value(s) passed; "
        f"{report.files_scanned} file(s) checked"
    )


def to_text(report: GateReport) -> str:
    """Failing findings as ``file:line:col: error ENTITY preview [severity]``, why, how to fix.

    Paths are printed with their control characters escaped: a file named
    ``x\\n::error file=...::`` cannot start a GitHub workflow command line.

    Findings that only are reported (low severity) are counted by entity: a fixture
    full of synthetic names would otherwise bury the one line that matters. JSON and
    SARIF list them all.
    """
    out = []
    for f in sorted(report.failing, key=lambda f: (f.path, f.line, f.column)):
        out.append(
            f"{printable(f.path)}:{f.line}:{f.column}: error {f.finding.entity} "
            f"{f.finding.preview} [{f.severity}]"
        )
        out.append(f"    why: {f.why}")
        out.append(f"    fix: {f.fix}")
    for path, reason in report.skipped:
        out.append(f"{printable(path)}: skipped ({printable(reason)})")
    low = Counter(f.finding.entity for f in report.findings if not f.fails)
    if low:
        counts = ", ".join(f"{n} {entity}" for entity, n in sorted(low.items()))
        out.append(f"reported only (low severity; --strict makes them fail): {counts}")
    out.append(summary_line(report))
    return "\n".join(out) + "\n"


def to_json(report: GateReport) -> str:
    findings = []
    for f, fingerprint in zip(report.findings, fingerprints(report.findings)):
        findings.append(
            {
                "path": f.path,
                "line": f.line,
                "column": f.column,
                "end_column": f.end_column,
                "entity": f.finding.entity,
                "severity": f.severity,
                "fails": f.fails,
                "preview": f.finding.preview,
                "detector": f.finding.detector,
                "score": f.finding.score,
                "evidence": list(f.finding.evidence),
                "value_hash": f.finding.value_hash,
                "fingerprint": fingerprint,
                "why": f.why,
                "fix": f.fix,
            }
        )
    data = {
        "tool": "fouille ci",
        "exit_code": report.exit_code(),
        "findings": findings,
        "summary": {
            "failing": len(report.failing),
            "reported": len(report.findings),
            "baselined": report.baselined,
            "ignored_inline": report.ignored_inline,
            "synthetic": dict(sorted(report.synthetic.items())),
            "files_scanned": report.files_scanned,
        },
        "skipped": [{"path": p, "reason": r} for p, r in report.skipped],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
