"""Run the data-driven cases of every check, tests/cases/checks/<check name>.toml:
glossary + text → expected findings."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from translint.checks import CHECKS
from translint.findings import Finding
from translint.fix import fix_text
from translint.linter import Linter
from translint.settings import Selection

from .conftest import CASES, load_toml

_EXPECTATION = re.compile(r"(?P<line>\d+):(?P<column>\d+) (?P<code>TL\d{3})"
                          r"(?: (?P<text>.*?))?(?: → (?P<suggestion>.*))?", re.DOTALL)


CHECK_CASES = CASES / "checks"


def _case_files() -> list[Path]:
    return sorted(CHECK_CASES.glob("*.toml"))


def test_every_check_has_its_cases_file_and_no_other_file_is_there() -> None:
    assert {path.stem for path in _case_files()} == {check.name for check in CHECKS}


def _cases() -> list[Any]:
    params = []
    for path in _case_files():
        data = load_toml(path)
        for case in data["case"]:
            params.append(pytest.param(path, data, case, id=f"{path.stem}:{case['name']}"))
    return params


_linters: dict[tuple[Any, ...], Linter] = {}


def _linter(path: Path, data: dict[str, Any], case: dict[str, Any]) -> Linter:
    selection = Selection(select=tuple(case.get("select", ())),
                          ignore=tuple(case.get("ignore", ())))
    glossaries = [str(path.parent / data["glossary"])] if "glossary" in data else []
    options = tuple(case.get("options", ()))
    sources = tuple(case.get("source_lang", ()))
    key = (tuple(glossaries), selection.select, selection.ignore, case.get("lang"), options,
           sources)
    if key not in _linters:
        _linters[key] = Linter.from_paths(glossaries, selection, case.get("lang"),
                                          options=options, source_langs=sources)
    return _linters[key]


def _describe(finding: Finding) -> str:
    described = f"{finding.line}:{finding.column} {finding.code} {finding.text}"
    if finding.suggestion is not None:
        described += f" → {finding.suggestion}"
    return described


def _matches(expected: str, finding: Finding) -> bool:
    parsed = _EXPECTATION.fullmatch(expected)
    assert parsed, f"bad expectation {expected!r}"
    return (int(parsed["line"]) == finding.line and int(parsed["column"]) == finding.column
            and parsed["code"] == finding.code
            and (parsed["text"] is None or parsed["text"] == finding.text)
            and (parsed["suggestion"] is None or parsed["suggestion"] == finding.suggestion))


@pytest.mark.parametrize(("path", "data", "case"), _cases())
def test_case(path: Path, data: dict[str, Any], case: dict[str, Any]) -> None:
    linter = _linter(path, data, case)
    # source: the text is a translation of it, line for line (aligned plain files)
    findings = linter.check_text(case["text"], f"case.{case.get('format', 'text')}".replace(
        ".markdown", ".md"), case.get("format"), source_text=case.get("source"))
    expected = case["expect"]
    described = [_describe(finding) for finding in findings]
    assert len(findings) == len(expected), f"got {described}"
    for wanted, finding in zip(expected, findings, strict=True):
        assert _matches(wanted, finding), f"expected {wanted!r}, got {described}"
    if "fixed" in case:
        assert fix_text(case["text"], findings)[0] == case["fixed"]


def test_there_are_cases() -> None:
    assert len(_cases()) >= 30
