"""Findings point at the right characters: line endings of every kind, names written with
combining characters or with invisible characters inside, very long lines."""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

import pytest

from translint import Linter
from translint.text import normalise as normalise_module
from translint.text.normalise import IGNORABLE, normalise

from .conftest import GLOSSARY, translint


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter.from_paths([GLOSSARY], lang="en")


def _where(linter: Linter, text: str) -> list[tuple[int, int, str, str | None]]:
    return [(f.line, f.column, f.text, f.suggestion) for f in linter.check_text(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("First line here.\rTalks in Kiev resumed.\r", (2, 10)),
    ("First line here.\r\nTalks in Kiev resumed.\r\n", (2, 10)),
    ("One.\rTwo.\r\nThree.\nFour in Kiev.", (4, 9)),
    ("\r\r\rKiev", (4, 1)),
])
def test_every_kind_of_line_ending_counts(linter: Linter, text: str,
                                          expected: tuple[int, int]) -> None:
    assert _where(linter, text)[0][:2] == expected


def test_cr_only_file_on_the_command_line(tmp_path: Path) -> None:
    story = tmp_path / "mac.txt"
    story.write_bytes(b"First line here.\rTalks in Kiev resumed.\r")
    result = translint("check", str(story), "-g", GLOSSARY, "--lang", "en")
    assert result.stdout.splitlines()[:3] == [
        f'{story}:2:10: TL101 "Kiev" is a disfavoured spelling in en copy; use "Kyiv" per AP '
        "Stylebook, 2019 → Kyiv", "    Talks in Kiev resumed.", "             ^^^^"]


def test_directives_count_lines_as_findings_do(linter: Linter) -> None:
    text = "Kiev one.\r<!-- translint-disable-next-line -->\rKiev two.\rKiev three."
    assert [line for line, *_ in _where(linter, text)] == [1, 4]


def test_a_name_written_with_combining_characters_is_found(linter: Linter) -> None:
    decomposed = unicodedata.normalize("NFD", "Talks in Kyïv resumed.")
    found = _where(linter, decomposed)
    assert found == [(1, 10, unicodedata.normalize("NFD", "Kyïv"), "Kyiv")]


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u200d", "\u2060"])
def test_an_invisible_character_inside_a_name_does_not_hide_it(linter: Linter,
                                                               invisible: str) -> None:
    text = f"Talks in Ki{invisible}ev resumed."
    assert _where(linter, text) == [(1, 10, f"Ki{invisible}ev", "Kyiv")]


def test_fixing_a_decomposed_or_hyphenated_name_replaces_all_of_it(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(unicodedata.normalize("NFD", "In Kyïv and in Ki\u00adev.\n"),
                     encoding="utf-8")
    result = translint("check", str(story), "--fix", "-g", GLOSSARY, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert story.read_text(encoding="utf-8") == "In Kyiv and in Kyiv.\n"


def test_carets_stand_under_a_decomposed_name(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(unicodedata.normalize("NFD", "Now Kyïv.\n"), encoding="utf-8")
    result = translint("check", str(story), "-g", GLOSSARY, "--lang", "en")
    head, _, caret = result.stdout.splitlines()[:3]
    assert head.startswith(f"{story}:1:5: TL")
    assert caret == "        ^^^^"  # four letters on screen, though five code points


def test_a_very_long_line_gives_short_source_lines(linter: Linter) -> None:
    line = "Talks in Kiev resumed. " * 20_000
    findings = linter.check_text(line)
    assert len(findings) == 20_000
    assert max(len(finding.source_line) for finding in findings) <= 2 * 120 + 4
    last = findings[-1]
    offset = last.column - last.source_column
    assert last.source_line[offset:offset + 4] == "Kiev"


def test_the_json_offsets_index_the_file_as_written(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    text = unicodedata.normalize("NFD", "Café\u00ad owners in Ki\u200bev and Kyïv.\n")
    story.write_text(text, encoding="utf-8")
    result = translint("check", str(story), "-g", GLOSSARY, "--lang", "en", "-f", "json")
    for finding in json.loads(result.stdout)["findings"]:
        assert text[finding["offset"]:finding["end_offset"]] == finding["text"]


@pytest.mark.parametrize("block", [normalise_module.BLOCK, 8])
def test_offsets_map_back_to_the_same_words(block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Random texts with decomposed letters and invisible characters: every word of the
    normalised text maps back to the span of the source that normalises to it (also when
    the text is looked at in blocks of a few characters)."""
    monkeypatch.setattr(normalise_module, "BLOCK", block)
    generator = random.Random(20261204)
    letters = ["a", "e", "i", "K", "y", "v", "\u0308", "\u0301", "\u0327", "ï", "é", " ",
               "\n", "\r", *IGNORABLE, "\u200c", "가", "\u1100\u1161"]
    for _ in range(2000):
        source = "".join(generator.choice(letters) for _ in range(generator.randint(0, 30)))
        normal, offsets = normalise(source)
        assert normal == unicodedata.normalize(
            "NFC", "".join(char for char in source if char not in IGNORABLE)) or any(
            char in normal for char in "\u2000\u2001")
        if offsets is None:
            assert normal == source
            continue
        for word_start, word_end in _word_spans(normal):
            start, end = offsets.start(word_start), offsets.end(word_end)
            assert start <= end
            piece = "".join(char for char in source[start:end] if char not in IGNORABLE)
            assert unicodedata.normalize("NFC", piece) == normal[word_start:word_end], (
                source, normal, word_start, word_end)


def _word_spans(text: str) -> list[tuple[int, int]]:
    import re

    return [match.span() for match in re.finditer(r"\S+", text)]


def test_glossary_forms_are_matched_as_the_text_is_read(tmp_path: Path) -> None:
    """A form stored decomposed, or with a joiner inside, still matches: forms are indexed
    composed and without invisible characters, as the text is read."""
    glossary = tmp_path / "g.toml"
    decomposed = unicodedata.normalize("NFD", "Zürich")
    glossary.write_text(f'[[entry]]\nid = "zurich"\nkind = "place"\n'
                        f'variants = ["Zu\u200drich"]\n[entry.forms.en]\n'
                        f'preferred = "{decomposed}"\n', encoding="utf-8")
    linter = Linter.from_paths([glossary], lang="en")
    assert _where(linter, "Talks in Zürich resumed.") == []
    assert _where(linter, "Talks in Zu\u200drich resumed.") == [
        (1, 10, "Zu\u200drich", decomposed)]
