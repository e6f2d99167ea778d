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
])
def test_a_finding_line_is_the_json_of_its_dict(finding: Finding) -> None:
    line = finding_line(finding)
    assert line == json.dumps(finding_to_dict(finding), ensure_ascii=False)
    assert json.loads(line) == finding_to_dict(finding)
