"""SARIF 2.1.0 output, for code-scanning dashboards and review tools.

A finding of a rule-based check is a result of the check's reporting descriptor with the
rule as a sub-id (SARIF 2.1.0 §3.27.5: ``ruleId`` may be a hierarchical descendant of
``rule.id``): ``ruleId`` "TL201/es-en/it-transpired-that", ``rule`` {"id": "TL201",
"index": …}, and ``properties.rule`` the rule's id alone. Findings a directive silences
are results with ``suppressions``; with a baseline every result has its ``baselineState``,
and entries no longer found are ``absent`` results without a region.

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
FINGERPRINT_KEY = "translint/contextHash/v2"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_RULE_INDEX = {check.code: index for index, check in enumerate(CHECKS)}


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


def _rule_reference(code: str) -> dict[str, Any]:
    """A result's ``rule``: the check's descriptor by id and index."""
    index = _RULE_INDEX.get(code)  # a baseline may name a check that is gone
    return {"id": code} if index is None else {"id": code, "index": index}


def _rule_id(finding: Finding) -> str:
    return finding.code if finding.rule is None else f"{finding.code}/{finding.rule}"


def _result(finding: Finding, fingerprint_value: str) -> dict[str, Any]:
    if finding.baseline_state == "absent":
        return _absent(finding)
    region = {"startLine": finding.line, "startColumn": finding.column,
              "endLine": finding.end_line, "endColumn": finding.end_column,
              "snippet": {"text": finding.text}}
    location = artifact_location(finding.path)
    result: dict[str, Any] = {
        "ruleId": _rule_id(finding),
        "rule": _rule_reference(finding.code),
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
    if finding.rule is not None:
        properties |= {"rule": finding.rule, "lang": finding.lang}
    if properties:
        result["properties"] = properties
    if finding.baseline_state is not None:
        result["baselineState"] = finding.baseline_state
    if finding.suppressed:
        justification = ({"justification": finding.justification}
                         if finding.justification else {})
        result["suppressions"] = [{"kind": "inSource", **justification}]
    return result


def _absent(finding: Finding) -> dict[str, Any]:
    """A baseline entry no longer found: where it was (the file), no region."""
    result: dict[str, Any] = {
        "ruleId": _rule_id(finding),
        "rule": _rule_reference(finding.code),
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation":
                                            artifact_location(finding.path)}}],
        "baselineState": "absent",
    }
    if finding.entry is not None:
        result["properties"] = {"entry": finding.entry}
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
