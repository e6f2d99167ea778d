"""Golden test: the seed article with the bundled glossary."""

from __future__ import annotations

from pathlib import Path

from translint.linter import Linter

EXPECTED_NAMES = [
    (11, "Kiev", "Kyiv"),
    (17, "Mikhailo Podoliak", "Mykhailo Podolyak"),
    (21, "Podoliak", "Podolyak"),
    (23, "Kiev", "Kyiv"),
    (27, "Lugansk", "Luhansk"),
]


def test_seed_name_findings(seed_path: Path) -> None:
    linter = Linter.from_paths()
    text = seed_path.read_text(encoding="utf-8")
    findings = [finding for finding in linter.check_text(text, str(seed_path))
                if finding.code.startswith("TL1")]
    assert [(finding.line, finding.text, finding.suggestion) for finding in findings] == (
        EXPECTED_NAMES)
    assert all(finding.code == "TL101" and finding.lang == "en" for finding in findings)
    possessive = findings[3]
    assert text[possessive.start:possessive.end + 2] == "Kiev's"


def test_seed_is_detected_as_english(seed_path: Path) -> None:
    linter = Linter.from_paths()
    document = linter.make_document(seed_path.read_text(encoding="utf-8"), str(seed_path))
    assert document.lang == "en"
