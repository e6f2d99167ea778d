"""Machine-readable output: one JSON object with findings, summary and input errors."""

from __future__ import annotations

import json
from typing import Any

from translint.findings import Finding, Report

FORMAT_VERSION = 1


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """The JSON form of one finding (documented in the README)."""
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "offset": finding.start,
        "end_offset": finding.end,
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.label,
        "message": finding.message,
        "text": finding.text,
        "suggestion": finding.suggestion,
        "fixable": finding.fixable,
        "entry": finding.entry,
        "lang": finding.lang,
    }


def render(report: Report, color: bool = False) -> str:
    """Render the whole report as one JSON object."""
    document = {
        "version": FORMAT_VERSION,
        "findings": [finding_to_dict(finding) for finding in report.findings],
        "summary": {
            "files": report.files,
            "characters": report.characters,
            "findings": len(report.findings),
            "by_severity": report.count_by_severity(),
            "by_code": report.count_by_code(),
            "errors": len(report.errors),
        },
        "errors": [{"path": error.path, "line": error.line, "message": error.message}
                   for error in report.errors],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
