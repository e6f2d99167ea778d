"""GitHub Actions workflow commands, so findings show as annotations on a pull request."""

from __future__ import annotations

from translint.findings import Finding, Report, Severity
from translint.reporters.base import Reporter, printable_path

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape(value: str, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


class GithubReporter(Reporter):
    """One ``::error file=…,line=…::message`` command per finding, then one per error."""

    def file(self, findings: list[Finding]) -> None:
        for finding in findings:
            message = finding.message + (f" → {finding.suggestion}" if finding.suggestion
                                         else "")
            self.out.write(
                f"::{_LEVELS[finding.severity]} "
                f"file={_escape(printable_path(finding.path), True)},"
                f"line={finding.line},col={finding.column},endLine={finding.end_line},"
                f"endColumn={finding.end_column},title={finding.code} {finding.name}::"
                f"{_escape(message)}\n"
            )

    def end(self, report: Report) -> None:
        for error in report.errors:
            self.out.write(f"::error file={_escape(printable_path(error.path or ''), True)}::"
                           f"{_escape(error.message)}\n")
