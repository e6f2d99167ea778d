"""The Markdown table of a run's findings that a GitHub Actions step appends to its job
summary (the file ``$GITHUB_STEP_SUMMARY`` names)."""

from __future__ import annotations

import os
from typing import TextIO

from translint.errors import ConfigError
from translint.findings import Finding, Report
from translint.reporters.base import printable_path
from translint.reporters.text import summary

# GitHub drops a step's whole summary when the file is larger than 1 MiB ("supports content
# up to a size of 1024k"): the table stops short of it, and says how many rows it left out.
SUMMARY_LIMIT = 1024 * 1024
_RESERVE = 1024  # bytes kept for the closing lines
SUMMARY_ENV = "GITHUB_STEP_SUMMARY"
_HEADER = ("## translint\n\n| Severity | Location | Code | Message | Suggestion |\n"
           "|---|---|---|---|---|\n")


def cell(text: str) -> str:
    """``text`` as one cell of a Markdown table: on one line, its ``|`` escaped and HTML
    markup shown as written."""
    return (" ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")
            .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


class StepSummary:
    """Appends a table of findings to the step summary file, row by row as they come."""

    def __init__(self, path: str) -> None:
        self.path = path
        try:
            self.size = os.path.getsize(path) if os.path.exists(path) else 0
            self.out: TextIO = open(path, "a", encoding="utf-8")  # noqa: SIM115
        except OSError as error:
            raise self._error(error) from None
        self.rows = 0
        self.left_out = 0

    def _error(self, error: OSError) -> ConfigError:
        return ConfigError(f"cannot write the step summary (${SUMMARY_ENV}) "
                           f"{self.path}: {error.strerror or error}")

    def _write(self, text: str) -> None:
        try:
            self.out.write(text)
        except OSError as error:
            raise self._error(error) from None
        self.size += len(text.encode("utf-8", "surrogateescape"))

    def add(self, finding: Finding) -> None:
        """One finding's row (or, past the size GitHub takes, one more left out)."""
        suggestion = ("(delete)" if finding.suggestion == "" else finding.suggestion) or ""
        row = (f"| {finding.severity.label} "
               f"| {cell(printable_path(finding.path))}:{finding.line}:{finding.column} "
               f"| {finding.code} | {cell(finding.message)} | {cell(suggestion)} |\n")
        head = _HEADER if not self.rows and not self.left_out else ""
        if self.size + len((head + row).encode("utf-8")) + _RESERVE > SUMMARY_LIMIT:
            self.left_out += 1
            return
        self._write(head + row)
        self.rows += 1

    def finish(self, report: Report) -> None:
        """The closing lines: the counts, and the rows left out; then close the file."""
        head = "## translint\n" if not self.rows and not self.left_out else ""
        self._write(f"{head}\n{summary(report)}\n")
        if self.left_out:
            self._write(f"\n{self.left_out} more findings are not in this table: GitHub "
                        f"keeps a step summary only up to 1 MiB. The step's log lists "
                        f"them all.\n")
        try:
            self.out.close()
        except OSError as error:
            raise self._error(error) from None
