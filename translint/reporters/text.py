"""Human-readable output: ``path:line:col: CODE message [→ suggestion]``, the source line
with a caret under the span, and a summary."""

from __future__ import annotations

import unicodedata

from translint.findings import Finding, Report, Severity
from translint.reporters.base import Reporter, printable_path

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"
WIDTH = 100


class TextReporter(Reporter):
    """Every finding with its source line, then a summary line (not when quiet)."""

    def file(self, findings: list[Finding]) -> None:
        for finding in findings:
            self.out.write("\n".join(_finding_lines(finding, self.color)) + "\n")

    def end(self, report: Report) -> None:
        if not self.quiet:
            self.out.write(summary(report) + "\n")


def _finding_lines(finding: Finding, color: bool) -> list[str]:
    location = f"{printable_path(finding.path)}:{finding.line}:{finding.column}:"
    code = finding.code
    replacement = "(delete)" if finding.suggestion == "" else finding.suggestion
    suggestion = f" → {replacement}" if replacement is not None else ""
    if color:
        colour = _COLOURS[finding.severity]
        location = f"{_BOLD}{location}{_RESET}"
        code = f"{colour}{code}{_RESET}"
        suggestion = f" → {_BOLD}{replacement}{_RESET}" if suggestion else ""
    head = f"{location} {code} {finding.message}{suggestion}"
    source = finding.source_line.replace("\t", " ")
    if not source.strip():
        return [head]
    start = finding.column - finding.source_column
    end = (finding.end_column - finding.source_column if finding.end_line == finding.line
           else len(source))
    cut_before = finding.source_column > 1
    source, start, end = _window(source, start, max(end, start + 1))
    if cut_before and not source.startswith("…"):
        source, start, end = "…" + source, start + 1, end + 1
    indent = display_width(source[:start])
    caret = " " * indent + "^" * max(1, display_width(source[start:end]))
    if color:
        caret = f"{_COLOURS[finding.severity]}{caret}{_RESET}"
    return [head, f"    {source}", f"    {caret}"]


def _window(line: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long line to about ``WIDTH`` characters around the span, marking cuts with …."""
    if len(line) <= WIDTH:
        return line, start, end
    context = max(10, (WIDTH - (end - start)) // 2)
    left = max(0, start - context)
    right = min(len(line), max(end + context, left + WIDTH))
    if right == len(line):
        left = max(0, min(left, right - WIDTH))
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    shift = left - len(prefix)
    return prefix + line[left:right] + suffix, start - shift, end - shift


def summary(report: Report) -> str:
    """One line: how many findings of each severity, in how many files."""
    counts = report.count_by_severity()
    total = report.total
    files = f"{report.files} file" + ("" if report.files == 1 else "s")
    parts = ", ".join(f"{count} {label}{'s' if count != 1 and label != 'info' else ''}"
                      for label, count in counts.items() if count)
    unread = len(report.errors)
    errors = (f"; {unread} input{'s' if unread != 1 else ''} could not be checked"
              if unread else "")
    if not total:
        return f"No findings in {files}{errors}."
    return f"Found {total} finding{'s' if total != 1 else ''} ({parts}) in {files}{errors}."


def display_width(text: str) -> int:
    """The columns ``text`` takes on a terminal: combining marks and invisible format
    characters none (a soft hyphen, shown as one, one), wide East Asian characters two."""
    if text.isascii():
        return len(text)
    width = 0
    for char in text:
        if char != "\u00ad" and (unicodedata.combining(char)
                                 or unicodedata.category(char) in ("Mn", "Me", "Cf")):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width
