"""Machine-readable output: one JSON object with findings, summary and input errors."""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

from translint.findings import Finding, Report
from translint.reporters.base import Reporter, json_escape_surrogates

FORMAT_VERSION = 1
_string = encode_basestring  # a JSON string, non-ASCII kept (the C encoder's own function)


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


def finding_line(finding: Finding) -> str:
    """``finding_to_dict(finding)`` as compact JSON, written out field by field: twice as
    fast as building and encoding the dict, for runs with thousands of findings (a test
    keeps the two byte for byte equal)."""
    return (
        f'{{"path": {_path(finding.path)}, "line": {finding.line}, '
        f'"column": {finding.column}, "end_line": {finding.end_line}, '
        f'"end_column": {finding.end_column}, "offset": {finding.start}, '
        f'"end_offset": {finding.end}, "code": {_string(finding.code)}, '
        f'"name": {_string(finding.name)}, "severity": {_string(finding.severity.label)}, '
        f'"message": {_string(finding.message)}, "text": {_string(finding.text)}, '
        f'"suggestion": {_optional(finding.suggestion)}, '
        f'"fixable": {"true" if finding.fixable else "false"}, '
        f'"entry": {_optional(finding.entry)}, "lang": {_optional(finding.lang)}}}'
    )


def _path(path: str) -> str:
    encoded = _string(path)
    return encoded if path.isascii() else json_escape_surrogates(encoded)


def _optional(value: str | None) -> str:
    return "null" if value is None else _string(value)


class JsonReporter(Reporter):
    """One JSON object: the findings one a line as they come, then the summary and the
    errors.

    Each finding is written compactly on its line (``finding_line``; indenting makes the
    json module fall back to pure Python, several times slower for a large run); the rest
    is indented.
    """

    def begin(self) -> None:
        self.out.write(f'{{\n  "version": {FORMAT_VERSION},\n  "findings": [')
        self.first = True

    def file(self, findings: list[Finding]) -> None:
        for finding in findings:
            self.out.write(("\n    " if self.first else ",\n    ") + finding_line(finding))
            self.first = False

    def end(self, report: Report) -> None:
        rest = {
            "summary": {
                "files": report.files,
                "characters": report.characters,
                "findings": report.total,
                "by_severity": report.count_by_severity(),
                "by_code": report.count_by_code(),
                "errors": len(report.errors),
            },
            "errors": [{"path": error.path, "line": error.line, "message": error.message}
                       for error in report.errors],
        }
        tail = json_escape_surrogates(json.dumps(rest, ensure_ascii=False, indent=2))
        self.out.write(("]," if self.first else "\n  ],") + tail[1:] + "\n")
