"""SARIF 2.1.0 output, for code-scanning dashboards and review tools."""

from __future__ import annotations

import json
from typing import Any

from translint import __version__
from translint.checks import CHECKS
from translint.findings import Finding, Report, Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _result(finding: Finding) -> dict[str, Any]:
    region = {"startLine": finding.line, "startColumn": finding.column,
              "endLine": finding.end_line, "endColumn": finding.end_column,
              "snippet": {"text": finding.text}}
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": finding.path},
                                            "region": region}}],
    }
    if finding.suggestion is not None:
        result["fixes"] = [{
            "description": {"text": f"Replace with {finding.suggestion!r}"},
            "artifactChanges": [{
                "artifactLocation": {"uri": finding.path},
                "replacements": [{"deletedRegion": {k: region[k] for k in
                                                    ("startLine", "startColumn", "endLine",
                                                     "endColumn")},
                                  "insertedContent": {"text": finding.suggestion}}],
            }],
        }]
    if finding.entry is not None:
        result["properties"] = {"entry": finding.entry, "lang": finding.lang}
    return result


def render(report: Report, color: bool = False) -> str:
    """Render the report as one SARIF log with one run."""
    rules = [{"id": check.code, "name": check.name,
              "shortDescription": {"text": check.summary},
              "fullDescription": {"text": check.description or check.summary},
              "defaultConfiguration": {"level": _LEVELS[check.severity],
                                       "enabled": check.on_by_default}} for check in CHECKS]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "translint", "version": __version__, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(finding) for finding in report.findings],
            "invocations": [{
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": str(error)}} for error in report.errors
                ],
            }],
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
