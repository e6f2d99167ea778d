"""GitHub Actions workflow commands, so findings show as annotations on a pull request.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (and 50 per
job), the first ones printed; the rest vanish. So the most serious findings are annotated,
errors first, ten of each kind; every other finding is a plain line of the step's log, and
a last notice says how many are not annotated. With ``$GITHUB_STEP_SUMMARY`` set, every
finding is also a row of a Markdown table in the job summary (``step_summary``).
"""

from __future__ import annotations

import os
from collections import Counter

from translint.findings import Finding, Report, Severity
from translint.reporters.base import Reporter, printable_path
from translint.reporters.step_summary import SUMMARY_ENV, StepSummary

ANNOTATIONS_PER_LEVEL = 10  # per step, for each of error, warning and notice
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """A workflow command's message: ``%``, carriage returns and newlines escaped."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A workflow command's property value: as a message, and ``:`` and ``,`` too."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _message(finding: Finding) -> str:
    replacement = "(delete)" if finding.suggestion == "" else finding.suggestion
    return finding.message + (f" → {replacement}" if replacement is not None else "")


def annotation(finding: Finding) -> str:
    """The workflow command that annotates ``finding`` (no columns for a span that
    crosses lines: GitHub takes ``col`` and ``endColumn`` only on a single line)."""
    place = [f"file={escape_property(printable_path(finding.path))}",
             f"line={finding.line}", f"endLine={finding.end_line}"]
    if finding.end_line == finding.line:
        place[2:2] = [f"col={finding.column}"]
        place.append(f"endColumn={finding.end_column}")
    title = escape_property(f"{finding.code} {finding.name}")
    return (f"::{_LEVELS[finding.severity]} {','.join(place)},title={title}::"
            f"{escape_data(_message(finding))}\n")


def log_line(finding: Finding) -> str:
    """A finding that is not annotated, as a plain line of the log."""
    return (f"{printable_path(finding.path)}:{finding.line}:{finding.column}: "
            f"{finding.code} {_message(finding).replace(chr(10), ' ').replace(chr(13), ' ')}\n")


class GithubReporter(Reporter):
    """The first findings of each severity kept to be annotated at the end, gravest first;
    the others written to the log as they come (so memory stays flat)."""

    def begin(self) -> None:
        self.kept: dict[Severity, list[Finding]] = {severity: [] for severity in Severity}
        self.left_out: Counter[Severity] = Counter()
        path = os.environ.get(SUMMARY_ENV)
        self.summary = StepSummary(path) if path else None

    def file(self, findings: list[Finding]) -> None:
        for finding in findings:
            if self.summary is not None:
                self.summary.add(finding)
            kept = self.kept[finding.severity]
            if len(kept) < ANNOTATIONS_PER_LEVEL:
                kept.append(finding)
            else:
                self._leave_out(finding)

    def _leave_out(self, finding: Finding) -> None:
        self.out.write(log_line(finding))
        self.left_out[finding.severity] += 1

    def end(self, report: Report) -> None:
        # Inputs that could not be checked are annotated first: copy nobody checked.
        errors = report.errors[:ANNOTATIONS_PER_LEVEL]
        for error in report.errors[ANNOTATIONS_PER_LEVEL:]:
            self.out.write(f"{error}\n")
        room = ANNOTATIONS_PER_LEVEL - len(errors)
        for finding in self.kept[Severity.ERROR][room:]:
            self._leave_out(finding)
        del self.kept[Severity.ERROR][room:]
        # The notice that counts what is not annotated needs a notice's place of its own.
        notices = self.kept[Severity.INFO]
        if (sum(self.left_out.values()) or len(report.errors) > len(errors)) and \
                len(notices) == ANNOTATIONS_PER_LEVEL:
            self._leave_out(notices.pop())
        for error in errors:
            self.out.write(f"::error file={escape_property(printable_path(error.path or ''))}"
                           f"::{escape_data(error.message)}\n")
        for severity in sorted(Severity, reverse=True):
            self.out.write("".join(annotation(finding) for finding in self.kept[severity]))
        self._count_left_out(report)
        if self.summary is not None:
            self.summary.finish(report)

    def _count_left_out(self, report: Report) -> None:
        total = sum(self.left_out.values())
        unchecked = len(report.errors) - min(len(report.errors), ANNOTATIONS_PER_LEVEL)
        if not total and not unchecked:
            return
        counts = ", ".join(f"{self.left_out[severity]} {_LEVELS[severity]}"
                           f"{'s' if self.left_out[severity] != 1 else ''}"
                           for severity in sorted(Severity, reverse=True)
                           if self.left_out[severity])
        parts = [f"{total} more finding{'s' if total != 1 else ''} ({counts})"] if total else []
        if unchecked:
            parts.append(f"{unchecked} more unreadable input{'s' if unchecked != 1 else ''}")
        where = " and in the job summary" if self.summary is not None else ""
        self.out.write(
            f"::notice title=translint::{' and '.join(parts)} not annotated: GitHub shows "
            f"{ANNOTATIONS_PER_LEVEL} annotations of each kind per step. They are listed "
            f"in this step's log{where}.\n")
