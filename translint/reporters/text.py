"""Human-readable output: ``path:line:col: CODE message [→ suggestion]``, the source line
with a caret under the span, and a summary."""

from __future__ import annotations

from translint.findings import Finding, Report, Severity

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def render(report: Report, color: bool = False) -> str:
    """Render every finding with its source line, then a summary line."""
    lines: list[str] = []
    for finding in report.findings:
        lines.extend(_finding_lines(finding, color))
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def _finding_lines(finding: Finding, color: bool) -> list[str]:
    location = f"{finding.path}:{finding.line}:{finding.column}:"
    code = finding.code
    suggestion = f" → {finding.suggestion}" if finding.suggestion is not None else ""
    if color:
        colour = _COLOURS[finding.severity]
        location = f"{_BOLD}{location}{_RESET}"
        code = f"{colour}{code}{_RESET}"
        suggestion = f" → {_BOLD}{finding.suggestion}{_RESET}" if suggestion else ""
    head = f"{location} {code} {finding.message}{suggestion}"
    source = finding.source_line.expandtabs(1)
    if not source.strip():
        return [head]
    width = (finding.end_column if finding.end_line == finding.line
             else len(finding.source_line) + 1) - finding.column
    caret = " " * (finding.column - 1) + "^" * max(1, width)
    if color:
        caret = f"{_COLOURS[finding.severity]}{caret}{_RESET}"
        source = f"{_DIM}{source}{_RESET}" if len(source) > 200 else source
    return [head, f"    {source}", f"    {caret}"]


def summary(report: Report) -> str:
    """One line: how many findings of each severity, in how many files."""
    counts = report.count_by_severity()
    total = len(report.findings)
    files = f"{report.files} file" + ("" if report.files == 1 else "s")
    parts = ", ".join(f"{count} {label}{'s' if count != 1 and label != 'info' else ''}"
                      for label, count in counts.items() if count)
    errors = (f"; {len(report.errors)} file(s) could not be read" if report.errors else "")
    if not total:
        return f"No findings in {files}{errors}."
    return f"Found {total} finding{'s' if total != 1 else ''} ({parts}) in {files}{errors}."
