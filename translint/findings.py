"""The values checks produce: severities, findings and the report of a run."""

from __future__ import annotations

import enum
import re
from collections import Counter
from dataclasses import dataclass, field

from translint.errors import TranslintError

# The words of its line kept either side of a finding's text (``finding_context``).
CONTEXT_WORDS = 3
# The words before a span (the last one may touch it: "(Kiev"), and after it.
_BEFORE = re.compile(rf"(?:\S+\s+){{0,{CONTEXT_WORDS}}}\S*$")
_AFTER = re.compile(rf"\S*(?:\s+\S+){{0,{CONTEXT_WORDS}}}")


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``ERROR > WARNING > INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """The lower-case name used in output and options."""
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Read a severity from its label (``"error"``, ``"warning"``, ``"info"``)."""
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r}; use error, warning or info") from None


@dataclass(frozen=True)
class Finding:
    """One problem at one span of one document.

    Lines and columns are 1-based and count characters (code points); ``end_column``
    is the column just after the last character of the span, as in SARIF and LSP.
    ``start``/``end`` are the same span as 0-based character offsets, and
    ``source_line`` is the text of ``line`` for reporters that show it — on a long line
    only the part around the span, starting at column ``source_column``. ``rule`` is the
    stable id of the rule that found it, for checks made of rules (TL201
    ``es-en/it-transpired-that``, TL401 ``attention-editors``).
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    code: str
    name: str
    severity: Severity
    message: str
    text: str
    suggestion: str | None = None
    entry: str | None = None
    lang: str | None = None
    fixable: bool = False
    source_line: str = ""
    source_column: int = 1
    rule: str | None = None
    baseline_state: str | None = None  # with --baseline: "new", "unchanged" or "absent"
    suppressed: bool = False  # silenced by a directive (kept only for SARIF)
    justification: str | None = None  # the reason the directive gives

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order findings by file, position and code."""
        return (self.path, self.start, self.end, self.code)


@dataclass
class Report:
    """Everything one run found: findings, unreadable inputs, and what was read.

    ``add`` records one input's result. A run that streams its findings to a reporter
    passes ``keep=False``: only the counts stay, so memory does not grow with findings.
    """

    findings: list[Finding] = field(default_factory=list)
    errors: list[TranslintError] = field(default_factory=list)
    files: int = 0
    characters: int = 0
    streamed: bool = False
    _by_code: Counter[str] = field(default_factory=Counter, repr=False)
    _by_severity: Counter[Severity] = field(default_factory=Counter, repr=False)

    def add(self, findings: list[Finding], characters: int = 0,
            error: TranslintError | None = None, keep: bool = True) -> None:
        """Record one input: its findings, or the error that kept it from being checked
        (an input that could not be read does not count as a file checked)."""
        if error is not None:
            self.errors.append(error)
            return
        self.files += 1
        self.characters += characters
        if keep:
            self.findings.extend(findings)
            return
        self.streamed = True
        for finding in findings:
            self._by_code[finding.code] += 1
            self._by_severity[finding.severity] += 1

    @property
    def total(self) -> int:
        """The number of findings."""
        return sum(self._by_code.values()) if self.streamed else len(self.findings)

    def count_by_severity(self) -> dict[str, int]:
        """Return the number of findings per severity label, all labels present."""
        counts = (self._by_severity if self.streamed
                  else Counter(finding.severity for finding in self.findings))
        return {severity.label: counts.get(severity, 0) for severity in reversed(Severity)}

    def count_by_code(self) -> dict[str, int]:
        """Return the number of findings per check code, sorted by code."""
        counts = (self._by_code if self.streamed
                  else Counter(finding.code for finding in self.findings))
        return dict(sorted(counts.items()))

    def fails(self, threshold: Severity | None) -> bool:
        """Tell whether any finding is at or above ``threshold`` (``None``: never)."""
        if threshold is None:
            return False
        if self.streamed:
            return any(count for severity, count in self._by_severity.items()
                       if severity >= threshold)
        return any(finding.severity >= threshold for finding in self.findings)


def finding_context(finding: Finding) -> str:
    """The matched text in brackets with up to ``CONTEXT_WORDS`` words of its line either
    side, whitespace collapsed: ``talks resumed in [Kiev] on Friday``."""
    line = finding.source_line
    start = max(0, finding.column - finding.source_column)
    end = (finding.end_column - finding.source_column if finding.end_line == finding.line
           else len(line))
    before = _BEFORE.search(line, 0, start)
    after = _AFTER.match(line, max(start, end))
    around = (before.group() if before else "", after.group() if after else "")
    return " ".join(f"{around[0]}[{finding.text}]{around[1]}".split())
