"""SARIF 2.1.0 output, for code-scanning dashboards and review tools.

A relative path is a URI relative to ``%SRCROOT%`` (the directory the run started in,
given in the run's ``originalUriBaseIds``), an absolute one a ``file:`` URI; both
percent-encoded. Each rule's ``helpUri`` is its section of docs/checks.md: under
``$TRANSLINT_DOCS_URL`` (the address of that page where a desk publishes it) when set,
else the relative reference ``docs/checks.md#…`` in translint's repository.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

from translint import __version__
from translint.checks import CHECKS
from translint.checks.base import Check
from translint.findings import Finding, Report, Severity
from translint.reporters.base import Reporter, json_escape_surrogates, path_uri
from translint.reporters.fingerprint import fingerprint

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
DOCS_URL_ENV = "TRANSLINT_DOCS_URL"
DEFAULT_DOCS_URL = "docs/checks.md"
FINGERPRINT_KEY = "translint/contextHash/v1"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_location(path: str) -> dict[str, str]:
    """The SARIF ``artifactLocation`` of a file as the run named it."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": path_uri(path), "uriBaseId": SRCROOT}


def help_uri(check: Check, docs_url: str) -> str:
    """The address of the check's section of the checks page (its heading's anchor)."""
    return f"{docs_url.split('#')[0]}#{check.code.lower()}-{check.name}"


def _rule(check: Check, docs_url: str) -> dict[str, Any]:
    uri = help_uri(check, docs_url)
    return {"id": check.code, "name": check.name,
            "shortDescription": {"text": check.summary},
            "fullDescription": {"text": check.description or check.summary},
            "helpUri": uri,
            "help": {"text": f"{check.description or check.summary} See {uri}",
                     "markdown": f"{check.description or check.summary}\n\n[{check.code} "
                                 f"{check.name}]({uri})"},
            "defaultConfiguration": {"level": _LEVELS[check.severity],
                                     "enabled": check.on_by_default}}


def _result(finding: Finding, fingerprint_value: str) -> dict[str, Any]:
    region = {"startLine": finding.line, "startColumn": finding.column,
              "endLine": finding.end_line, "endColumn": finding.end_column,
              "snippet": {"text": finding.text}}
    location = artifact_location(finding.path)
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": location,
                                            "region": region}}],
        # The same finding in the same words, twice in a file, is told apart by its count.
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint_value},
    }
    if finding.fixable and finding.suggestion is not None:
        result["fixes"] = [{
            "description": {"text": f"Replace with {finding.suggestion!r}"},
            "artifactChanges": [{
                "artifactLocation": location,
                "replacements": [{"deletedRegion": {k: region[k] for k in
                                                    ("startLine", "startColumn", "endLine",
                                                     "endColumn")},
                                  "insertedContent": {"text": finding.suggestion}}],
            }],
        }]
    properties: dict[str, Any] = {}
    if finding.suggestion is not None and "fixes" not in result:
        properties["suggestion"] = finding.suggestion
    if finding.entry is not None:
        properties |= {"entry": finding.entry, "lang": finding.lang}
    if properties:
        result["properties"] = properties
    return result


class SarifReporter(Reporter):
    """One SARIF log with one run; results are written one a line as they come."""

    def begin(self) -> None:
        docs_url = os.environ.get(DOCS_URL_ENV) or DEFAULT_DOCS_URL
        rules = [_rule(check, docs_url) for check in CHECKS]
        tool = json.dumps({"driver": {"name": "translint", "version": __version__,
                                      "rules": rules}}, ensure_ascii=False)
        self.out.write(f'{{\n  "$schema": "{SCHEMA}",\n  "version": "2.1.0",\n'
                       f'  "runs": [{{\n    "tool": {tool},\n'
                       f'    "columnKind": "unicodeCodePoints",\n    "results": [')
        self.first = True

    def file(self, findings: list[Finding]) -> None:
        seen: Counter[str] = Counter()
        for finding in findings:
            key = fingerprint(finding)
            seen[key] += 1
            line = json_escape_surrogates(json.dumps(_result(finding, f"{key}:{seen[key]}"),
                                                     ensure_ascii=False))
            self.out.write(("\n      " if self.first else ",\n      ") + line)
            self.first = False

    def end(self, report: Report) -> None:
        invocations = json.dumps([{
            "executionSuccessful": not report.errors,
            "toolExecutionNotifications": [
                {"level": "error", "message": {"text": str(error)}} for error in report.errors
            ],
        }], ensure_ascii=False)
        base = json.dumps({SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}})
        self.out.write(("]" if self.first else "\n    ]") +
                       f',\n    "originalUriBaseIds": {base},'
                       f'\n    "invocations": {json_escape_surrogates(invocations)}\n  }}]\n}}\n')
