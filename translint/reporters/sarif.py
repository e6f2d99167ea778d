"""SARIF 2.1.0 output, for code-scanning dashboards and review tools."""

from __future__ import annotations

import json
from typing import Any

from translint import __version__
from translint.checks import CHECKS
from translint.findings import Finding, Report, Severity
from translint.reporters.base import Reporter, json_escape_surrogates, path_uri

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
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": path_uri(finding.path)},
                                            "region": region}}],
    }
    if finding.suggestion is not None:
        result["fixes"] = [{
            "description": {"text": f"Replace with {finding.suggestion!r}"},
            "artifactChanges": [{
                "artifactLocation": {"uri": path_uri(finding.path)},
                "replacements": [{"deletedRegion": {k: region[k] for k in
                                                    ("startLine", "startColumn", "endLine",
                                                     "endColumn")},
                                  "insertedContent": {"text": finding.suggestion}}],
            }],
        }]
    if finding.entry is not None:
        result["properties"] = {"entry": finding.entry, "lang": finding.lang}
    return result


class SarifReporter(Reporter):
    """One SARIF log with one run; results are written one a line as they come."""

    def begin(self) -> None:
        rules = [{"id": check.code, "name": check.name,
                  "shortDescription": {"text": check.summary},
                  "fullDescription": {"text": check.description or check.summary},
                  "defaultConfiguration": {"level": _LEVELS[check.severity],
                                           "enabled": check.on_by_default}}
                 for check in CHECKS]
        tool = json.dumps({"driver": {"name": "translint", "version": __version__,
                                      "rules": rules}}, ensure_ascii=False)
        self.out.write(f'{{\n  "$schema": "{SCHEMA}",\n  "version": "2.1.0",\n'
                       f'  "runs": [{{\n    "tool": {tool},\n'
                       f'    "columnKind": "unicodeCodePoints",\n    "results": [')
        self.first = True

    def file(self, findings: list[Finding]) -> None:
        for finding in findings:
            line = json_escape_surrogates(json.dumps(_result(finding), ensure_ascii=False))
            self.out.write(("\n      " if self.first else ",\n      ") + line)
            self.first = False

    def end(self, report: Report) -> None:
        invocations = json.dumps([{
            "executionSuccessful": not report.errors,
            "toolExecutionNotifications": [
                {"level": "error", "message": {"text": str(error)}} for error in report.errors
            ],
        }], ensure_ascii=False)
        self.out.write(("]" if self.first else "\n    ]") +
                       f',\n    "invocations": {json_escape_surrogates(invocations)}\n  }}]\n}}\n')
