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


EXPECTED_ARTEFACTS = [
    (1, "TL401", "FILE PHOTO:"),
    (1, "TL402", "Sputnik/Mikhail Klimentyev/Kremlin via REUTERS"),
    (1, "TL401", "ATTENTION EDITORS - THIS IMAGE WAS PROVIDED BY A THIRD PARTY."),
    (1, "TL402", "/File Photo"),
    (9, "TL402", "(REUTERS/Alexander Ermochenko)"),
    (19, "TL402", "File photo of"),
    (19, "TL402", "(Sputnik/Mikhail Klimentyev/Kremlin via REUTERS)"),
    (25, "TL201", "it transpired that"),
    (25, "TL210", "it transpired that"),  # reads like a translation from Spanish
    (25, "TL201", "perceive certain points of contact"),
    (25, "TL201", "a long way to come"),
]


def test_seed_artefact_findings(seed_path: Path) -> None:
    linter = Linter.from_paths()
    text = seed_path.read_text(encoding="utf-8")
    findings = [finding for finding in linter.check_text(text, str(seed_path))
                if not finding.code.startswith("TL1")]
    assert [(finding.line, finding.code, finding.text) for finding in findings] == (
        EXPECTED_ARTEFACTS)
    suggestions = {finding.text: finding.suggestion for finding in findings
                   if finding.code == "TL201"}
    assert suggestions == {"it transpired that": "it emerged that",
                           "perceive certain points of contact": "see some common ground",
                           "a long way to come": "a long way to go"}
