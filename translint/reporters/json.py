"""Machine-readable output: one JSON object with findings, summary and input errors."""

from __future__ import annotations

import json
from typing import Any

from translint.findings import Finding, Report

FORMAT_VERSION = 1
# One encoder for every finding: json.dumps with options builds a new one on each call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


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
    """Render the whole report as one JSON object, one finding a line.

    Each finding is encoded compactly (by the json module's C encoder; indenting makes it
    fall back to pure Python, several times slower for a large run); the rest is indented.
    """
    findings = ",\n".join(f"    {_ENCODER.encode(finding_to_dict(finding))}"
                           for finding in report.findings)
    document = {
        "version": FORMAT_VERSION,
        "findings": [],
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
    rendered = json.dumps(document, ensure_ascii=False, indent=2)
    if findings:
        rendered = rendered.replace('"findings": [],', f'"findings": [\n{findings}\n  ],', 1)
    return rendered + "\n"
