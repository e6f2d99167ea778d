"""Run the cases of the bundled glossaries, tests/cases/bundled/<glossary name>.toml: text →
expected findings, with every bundled glossary loaded, as ``translint check`` loads them."""

from __future__ import annotations

from typing import Any

import pytest

from translint.fix import fix_text
from translint.glossary.load import bundled_glossary_paths
from translint.linter import Linter
from translint.settings import Selection

from .conftest import CASES, load_toml
from .test_cases import _describe, _matches

BUNDLED_CASES = CASES / "bundled"


def test_every_bundled_glossary_has_its_cases_file() -> None:
    assert {path.stem for path in BUNDLED_CASES.glob("*.toml")} == {
        path.stem for path in bundled_glossary_paths()}


def _cases() -> list[Any]:
    return [pytest.param(case, id=f"{path.stem}:{case['name']}")
            for path in sorted(BUNDLED_CASES.glob("*.toml"))
            for case in load_toml(path)["case"]]


_linters: dict[tuple[Any, ...], Linter] = {}


def _linter(case: dict[str, Any]) -> Linter:
    key = (tuple(case.get("select", ())), case.get("lang"))
    if key not in _linters:
        _linters[key] = Linter.from_paths(None, Selection(select=key[0], ignore=()), key[1])
    return _linters[key]


@pytest.mark.parametrize("case", _cases())
def test_bundled_case(case: dict[str, Any]) -> None:
    findings = _linter(case).check_text(case["text"], "case.txt")
    described = [_describe(finding) for finding in findings]
    assert len(findings) == len(case["expect"]), f"got {described}"
    for wanted, finding in zip(case["expect"], findings, strict=True):
        assert _matches(wanted, finding), f"expected {wanted!r}, got {described}"
    if "fixed" in case:
        assert fix_text(case["text"], findings)[0] == case["fixed"]
    if "cites" in case:  # the source each finding cites ("": none)
        assert len(case["cites"]) == len(findings)
        for cited, finding in zip(case["cites"], findings, strict=True):
            if cited:
                assert f" per {cited}" in finding.message, finding.message
            else:
                assert " per " not in finding.message, finding.message


def test_bundled_glossaries_have_cases() -> None:
    assert len(_cases()) >= 10
