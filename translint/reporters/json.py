"""Machine-readable output: one JSON object with findings, summary and input errors
(``json``), or JSON Lines, one finding a line and nothing else (``jsonl``)."""

from __future__ import annotations

import json
import operator
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any, NamedTuple

from translint.findings import Finding, Report
from translint.reporters.base import Reporter, json_escape_surrogates

FORMAT_VERSION = 1
_string = encode_basestring  # a JSON string, non-ASCII kept (the C encoder's own function)


def _path(path: str) -> str:
    encoded = _string(path)
    return encoded if path.isascii() else json_escape_surrogates(encoded)


def _optional(value: str | None) -> str:
    return "null" if value is None else _string(value)


def _boolean(value: bool) -> str:
    return "true" if value else "false"


class _Field(NamedTuple):
    """One field of a finding's JSON object."""

    key: str
    attribute: str  # of ``Finding``, dotted for a part of one
    encode: Callable[[Any], str]  # the value as JSON


# A finding's JSON object (docs/command-line.md), in order: a new field goes here only.
FINDING_FIELDS = (
    _Field("path", "path", _path),
    _Field("line", "line", str),
    _Field("column", "column", str),
    _Field("end_line", "end_line", str),
    _Field("end_column", "end_column", str),
    _Field("offset", "start", str),
    _Field("end_offset", "end", str),
    _Field("code", "code", _string),
    _Field("name", "name", _string),
    _Field("severity", "severity.label", _string),
    _Field("message", "message", _string),
    _Field("text", "text", _string),
    _Field("suggestion", "suggestion", _optional),
    _Field("fixable", "fixable", _boolean),
    _Field("entry", "entry", _optional),
    _Field("lang", "lang", _optional),
    _Field("rule", "rule", _optional),
)
_KEYS = tuple(field.key for field in FINDING_FIELDS)
_ENCODERS = tuple(field.encode for field in FINDING_FIELDS)
_VALUES = operator.attrgetter(*(field.attribute for field in FINDING_FIELDS))
# '{"path": {}, "line": {}, …}' with the braces of the object doubled for str.format.
_LINE = "{{" + ", ".join(f'"{field.key}": {{}}' for field in FINDING_FIELDS) + "}}"


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """The JSON form of one finding."""
    return dict(zip(_KEYS, _VALUES(finding), strict=True))


def finding_line(finding: Finding) -> str:
    """``finding_to_dict(finding)`` as compact JSON, each value encoded by its field's
    encoder: faster than encoding the dict (see benchmarks/README.md); a test keeps the
    two byte for byte equal."""
    values = _VALUES(finding)
    return _LINE.format(*[encode(value) for encode, value in zip(_ENCODERS, values, strict=True)])


class JsonReporter(Reporter):
    """One JSON object: the findings one a line as they come, then the summary and the
    errors.

    Each finding is written compactly on its line (``finding_line``: indenting makes the
    json module fall back to its slower pure-Python encoder, see benchmarks/README.md);
    the rest is indented.
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


class JsonLinesReporter(Reporter):
    """JSON Lines: each finding's object (as in ``json``) on a line of its own, flushed
    as each input finishes, and nothing else: no summary, the errors on standard error."""

    def file(self, findings: list[Finding]) -> None:
        if findings:
            self.out.write("".join(finding_line(finding) + "\n" for finding in findings))
            self.out.flush()
