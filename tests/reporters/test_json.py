"""The JSON reporter: each finding's line is exactly the JSON of ``finding_to_dict``."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from translint.findings import Finding, Severity
from translint.reporters.json import finding_line, finding_to_dict

FINDING = Finding(path="copy/a.txt", line=3, column=10, end_line=3, end_column=14, start=40,
                  end=44, code="TL101", name="disfavoured-variant", severity=Severity.ERROR,
                  message='"Kiev" is a disfavoured spelling; use "Kyiv"', text="Kiev",
                  suggestion="Kyiv", entry="kyiv", lang="en", fixable=True)


@pytest.mark.parametrize("finding", [
    FINDING,
    replace(FINDING, suggestion=None, entry=None, lang=None, fixable=False,
            severity=Severity.INFO),
    replace(FINDING, path="C:\\copy\\ä b.md", text="Київ", suggestion="Kyiv\n  Oblast",
            message='tab\there, quote " and backslash \\ and \u2028 and \x01'),
    replace(FINDING, code="TL201", rule="es-en/it-transpired-that"),
])
def test_a_finding_line_is_the_json_of_its_dict(finding: Finding) -> None:
    line = finding_line(finding)
    assert line == json.dumps(finding_to_dict(finding), ensure_ascii=False)
    assert json.loads(line) == finding_to_dict(finding)


def test_finding_lines_are_written_as_before() -> None:
    # The exact bytes of the format: key order, spacing, null and boolean spellings, and a
    # path's undecodable byte escaped (these lines were written by the hand-listed encoder
    # that the field list replaced).
    common = ('"line": 3, "column": 10, "end_line": 3, "end_column": 14, "offset": 40, '
              '"end_offset": 44, "code": "TL101", "name": "disfavoured-variant", ')
    message = r'"message": "\"Kiev\" is a disfavoured spelling; use \"Kyiv\"", '
    assert finding_line(FINDING) == (
        '{"path": "copy/a.txt", ' + common + '"severity": "error", ' + message
        + '"text": "Kiev", "suggestion": "Kyiv", "fixable": true, "entry": "kyiv", '
        '"lang": "en", "rule": null}')
    assert finding_line(replace(FINDING, suggestion=None, entry=None, lang=None,
                                fixable=False, severity=Severity.INFO)) == (
        '{"path": "copy/a.txt", ' + common + '"severity": "info", ' + message
        + '"text": "Kiev", "suggestion": null, "fixable": false, "entry": null, '
        '"lang": null, "rule": null}')
    assert finding_line(replace(FINDING, path="a/\udcff.txt", text="Київ")) == (
        r'{"path": "a/\udcff.txt", ' + common + '"severity": "error", ' + message
        + '"text": "Київ", "suggestion": "Kyiv", "fixable": true, "entry": "kyiv", '
        '"lang": "en", "rule": null}')
