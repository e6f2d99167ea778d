"""TL110's message (the entry's preferred form in the target language, no fix), its entry
id, and its cost on a long XLIFF file."""

from __future__ import annotations

import time

import pytest

from translint.linter import Linter
from translint.settings import Selection

from ..conftest import CASES


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter.from_paths([str(CASES / "bilingual-glossary.toml")], Selection(select=("TL110",)))


def _xliff(target_lang: str, source: str, target: str, units: int = 1) -> str:
    body = "\n".join(f'<trans-unit id="{number}"><source>{source}</source>'
                     f"<target>{target}</target></trans-unit>" for number in range(units))
    return ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            f'<file source-language="de" target-language="{target_lang}" datatype="plaintext" '
            f'original="a.txt"><body>\n{body}\n</body></file></xliff>\n')


@pytest.mark.parametrize(("target_lang", "target", "expected"), [
    ("en", "The talks continue.",
     'the source (de) names "Kyjiw" but the target has no form of it; write "Kyiv" in en '
     "copy per AP Stylebook, 2019"),
    ("ru", "Переговоры продолжаются.",
     'the source (de) names "Kyjiw" but the target has no form of it; write "Киев" in ru '
     "copy"),  # no source of its own: the English one is not cited for Cyrillic copy
    ("fr", "Les pourparlers continuent.",
     'the source (de) names "Kyjiw" but the target has no form of it; write "Kyiv" (no fr '
     "form in the glossary; the en form is given) per AP Stylebook, 2019"),
])
def test_the_message_gives_the_preferred_form_of_the_target_language(
        linter: Linter, target_lang: str, target: str, expected: str) -> None:
    text = _xliff(target_lang, "Die Gespräche in Kyjiw dauern an.", target)
    [finding] = linter.check_text(text, "story.xlf")
    assert finding.message == expected
    assert finding.suggestion is None
    assert finding.entry == "kyiv"
    assert finding.text == target


def test_a_long_file_costs_little(linter: Linter) -> None:
    units = 5000
    text = _xliff("en", "Selenskyj traf Putin in Kiew, nicht in Krywyj Rih.",
                  "Zelenskyy met Putin in Kyiv, not in the south.", units)
    started = time.perf_counter()
    findings = linter.check_text(text, "long.xlf")
    elapsed = time.perf_counter() - started
    assert len(findings) == units
    assert all(finding.entry == "kryvyi-rih" for finding in findings)
    assert elapsed < 20, f"{units} segments took {elapsed:.1f}s"
