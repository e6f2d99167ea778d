"""SARIF 2.1.0 output, for code-scanning dashboards and review tools.

A finding of a rule-based check is a result of the check's reporting descriptor with the
rule as a sub-id (SARIF 2.1.0 §3.27.5: ``ruleId`` may be a hierarchical descendant of
``rule.id``): ``ruleId`` "TL201/es-en/it-transpired-that", ``rule`` {"id": "TL201",
"index": …}, and ``properties.rule`` the rule's id alone.
"""

from __future__ import annotations

import json
from typing import Any

from translint import __version__
from translint.checks import CHECKS
from translint.findings import Finding, Report, Severity
from translint.reporters.base import Reporter, json_escape_surrogates, path_uri

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_RULE_INDEX = {check.code: index for index, check in enumerate(CHECKS)}


def _result(finding: Finding) -> dict[str, Any]:
    if finding.baseline_state == "absent":
        return _absent(finding)
    region = {"startLine": finding.line, "startColumn": finding.column,
              "endLine": finding.end_line, "endColumn": finding.end_column,
              "snippet": {"text": finding.text}}
    result: dict[str, Any] = {
        "ruleId": finding.code if finding.rule is None else f"{finding.code}/{finding.rule}",
        "rule": _rule(finding.code),
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
    properties = {key: value for key, value in (("entry", finding.entry),
                                                ("rule", finding.rule)) if value is not None}
    if properties:
        result["properties"] = {**properties, "lang": finding.lang}
    if finding.baseline_state is not None:
        result["baselineState"] = finding.baseline_state
    if finding.suppressed:
        justification = ({"justification": finding.justification}
                         if finding.justification else {})
        result["suppressions"] = [{"kind": "inSource", **justification}]
    return result


def _rule(code: str) -> dict[str, Any]:
    index = _RULE_INDEX.get(code)  # a baseline may name a check that is gone
    return {"id": code} if index is None else {"id": code, "index": index}


def _absent(finding: Finding) -> dict[str, Any]:
    """A baseline entry no longer found: where it was (the file), no region."""
    result: dict[str, Any] = {
        "ruleId": finding.code if finding.rule is None else f"{finding.code}/{finding.rule}",
        "rule": _rule(finding.code),
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": {
            "uri": path_uri(finding.path)}}}],
        "baselineState": "absent",
    }
    if finding.entry is not None:
        result["properties"] = {"entry": finding.entry}
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
