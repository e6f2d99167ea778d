"""XLIFF 1.2 and 2.x: the target text is the copy; the source segments are never flagged."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult
from translint.text.formats.xliff import declared_language, xliff_prose

RunCli = Callable[..., CliResult]

XLIFF_12 = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="es" target-language="en" datatype="plaintext" original="story.txt">
    <body>
      <trans-unit id="1">
        <source>Las conversaciones en Kiev se reanudaron.</source>
        <target>Talks in Kiev resumed.</target>
        <note>Kiev: check the style guide.</note>
      </trans-unit>
      <trans-unit id="2">
        <source>Llegó desde Lugansk &amp; Donetsk.</source>
        <target state="translated">He came from <g id="1">Lugansk</g> &amp; Donetsk\
<x id="2"/>.<ph id="3">{Kiev}</ph></target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF_20 = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="es" trgLang="en">
  <file id="f1">
    <unit id="u1">
      <segment>
        <source>Kiev dijo que sí.</source>
        <target>Kiev said <pc id="1">yes</pc>.<ph id="2" disp="Kiev"/></target>
      </segment>
    </unit>
  </file>
</xliff>
"""


def test_only_target_text_is_prose_and_offsets_are_the_files() -> None:
    prose = xliff_prose(XLIFF_12)
    assert len(prose) == len(XLIFF_12)
    assert prose.split() == ["Talks", "in", "Kiev", "resumed.", "He", "came", "from",
                             "Lugansk", "&amp;", "Donetsk", "."]
    start = XLIFF_12.index("Talks in Kiev")
    assert prose[start:start + 22] == "Talks in Kiev resumed."
    target_lines = {number for number, line in enumerate(XLIFF_12.splitlines())
                    if "<target" in line}
    assert all(not line.strip() for number, line in enumerate(prose.splitlines())
               if number not in target_lines)


def test_an_alt_trans_target_is_a_suggestion_not_the_copy() -> None:
    with_alternative = XLIFF_12.replace(
        "<note>Kiev: check", "<alt-trans><target>Talks in Kiev restarted.</target></alt-trans>"
        "\n        <note>Kiev: check")
    assert "restarted" in with_alternative
    assert xliff_prose(with_alternative).split() == xliff_prose(XLIFF_12).split()


def test_xliff_2_targets_and_language() -> None:
    assert xliff_prose(XLIFF_20).split() == ["Kiev", "said", "yes", "."]
    assert declared_language(XLIFF_20) == "en"
    assert declared_language(XLIFF_12) == "en"


def test_the_source_segment_is_not_flagged_and_fix_touches_only_targets(
        run_cli: RunCli, tmp_path: Path) -> None:
    story = tmp_path / "story.xlf"
    story.write_text(XLIFF_12, encoding="utf-8")
    result = run_cli("check", str(story), "--no-config", "--select", "TL101", "--format",
                     "json")
    findings = json.loads(result.stdout)["findings"]
    assert [(f["line"], f["text"], f["lang"]) for f in findings] == [
        (7, "Kiev", "en"), (12, "Lugansk", "en")]
    fixed = run_cli("check", str(story), "--no-config", "--select", "TL101", "--fix")
    assert fixed.returncode == 0, fixed.stderr
    assert story.read_text(encoding="utf-8") == XLIFF_12.replace(
        "<target>Talks in Kiev", "<target>Talks in Kyiv").replace(
        '<g id="1">Lugansk</g>', '<g id="1">Luhansk</g>')


@pytest.mark.parametrize(("text", "message"), [
    ("<xliff><file><target>Kiev</file></xliff>", "cannot read as XLIFF: not well-formed XML "
                                                 "at line 1: mismatched tag"),
    ('<!DOCTYPE x [<!ENTITY a "Kiev">]><xliff>&a;</xliff>',
     "cannot read as XLIFF: entity declarations and external entities are refused"),
])
def test_a_file_that_is_not_xliff_is_an_error_of_that_file(run_cli: RunCli, tmp_path: Path,
                                                           text: str, message: str) -> None:
    broken = tmp_path / "broken.xlf"
    broken.write_text(text, encoding="utf-8")
    fine = tmp_path / "fine.txt"
    fine.write_text("Talks in Kiev resumed.\n", encoding="utf-8")
    result = run_cli("check", str(broken), str(fine), "--no-config", "--lang", "en",
                     "--select", "TL101")
    assert result.returncode == 2
    assert result.errors == [f"translint: {broken}: {message}"], result.errors
    assert "fine.txt:1:10: TL101" in result.stdout
