"""GitHub Actions workflow commands, so findings show as annotations on a pull request."""

from __future__ import annotations

from translint.findings import Report, Severity

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape(value: str, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def render(report: Report, color: bool = False) -> str:
    """One ``::error file=…,line=…::message`` command per finding."""
    lines = []
    for finding in report.findings:
        message = finding.message + (f" → {finding.suggestion}" if finding.suggestion else "")
        lines.append(
            f"::{_LEVELS[finding.severity]} file={_escape(finding.path, True)},"
            f"line={finding.line},col={finding.column},endLine={finding.end_line},"
            f"endColumn={finding.end_column},title={finding.code} {finding.name}::"
            f"{_escape(message)}"
        )
    for error in report.errors:
        lines.append(f"::error file={_escape(error.path or '', True)}::{_escape(error.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
