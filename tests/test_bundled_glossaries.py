"""The bundled glossaries at work: tests/cases/glossaries/<name>.toml holds copy in several
languages checked against the bundled glossary <name> alone, with the expected findings (as
in tests/cases/checks/) and the text after --fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from translint.fix import fix_text
from translint.linter import Linter
from translint.settings import Selection

from .conftest import CASES, bundled_glossary, load_toml
from .test_cases import _describe, _matches

GLOSSARY_CASES = CASES / "glossaries"


def _cases() -> list[Any]:
    params = []
    for path in sorted(GLOSSARY_CASES.glob("*.toml")):
        data = load_toml(path)
        for case in data["case"]:
            params.append(pytest.param(path, case, id=f"{path.stem}:{case['name']}"))
    return params


def test_every_cases_file_names_a_bundled_glossary() -> None:
    files = sorted(GLOSSARY_CASES.glob("*.toml"))
    assert files
    for path in files:
        bundled_glossary(path.stem)


_linters: dict[tuple[str, str], Linter] = {}


@pytest.mark.parametrize(("path", "case"), _cases())
def test_case(path: Path, case: dict[str, Any]) -> None:
    key = (path.stem, case["lang"])
    if key not in _linters:
        _linters[key] = Linter.from_paths([bundled_glossary(path.stem)], Selection(select=("TL1",)),
                                          case["lang"])
    findings = _linters[key].check_text(case["text"])
    described = [_describe(finding) for finding in findings]
    assert len(findings) == len(case["expect"]), f"got {described}"
    for wanted, finding in zip(case["expect"], findings, strict=True):
        assert _matches(wanted, finding), f"expected {wanted!r}, got {described}"
    if "fixed" in case:
        assert fix_text(case["text"], findings)[0] == case["fixed"]
