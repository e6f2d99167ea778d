"""The text reporter: the caret stands under the span, also on long lines that are cut."""

from __future__ import annotations

import pytest

from translint.findings import Report
from translint.linter import Linter
from translint.reporters import REPORTERS

from ..conftest import CASES


@pytest.mark.parametrize("padding", [0, 30, 200, 2000])
def test_caret_under_the_span(padding: int) -> None:
    linter = Linter.from_paths([str(CASES / "glossary.toml")], lang="en")
    text = "word " * padding + "Talks in Kiev went on. " + "more " * padding
    findings = linter.check_text(text, "story.txt")
    assert len(findings[0].source_line) < 400
    rendered = REPORTERS["text"](Report(findings=findings, files=1), False).splitlines()
    source, caret = rendered[1][4:], rendered[2][4:]
    assert source[caret.index("^"):caret.index("^") + caret.count("^")] == "Kiev"
    assert len(source) <= 110
    assert source.startswith("…") == (padding > 20)
