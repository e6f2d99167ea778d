"""The input formats: chosen by suffix or name, and what of a file each reads as prose."""

from __future__ import annotations

import pytest

from translint.errors import ConfigError
from translint.text.formats import DEFAULT_INCLUDE, FORMATS, PLAIN, Format, format_for, markdown


@pytest.mark.parametrize(("path", "name"), [
    ("story.txt", "text"), ("story.TEXT", "text"), ("story.md", "markdown"),
    ("notes.Markdown", "markdown"), ("a.mdown", "markdown"), ("a.mkd", "markdown"),
    ("feed.html", "html"), ("page.HTM", "html"), ("memory.TMX", "tmx"),
    ("feed.xml", "text"), ("<stdin>", "text"),
])
def test_a_file_gets_the_format_of_its_suffix(path: str, name: str) -> None:
    assert format_for(path).name == name


def test_a_format_asked_for_by_name_wins_over_the_suffix() -> None:
    assert format_for("story.txt", "markdown") is markdown.FORMAT
    with pytest.raises(ConfigError, match='no input format "pdf"; the formats are text, '
                                          "markdown, html, docx, xliff, tmx"):
        format_for("story.pdf", "pdf")


def test_the_default_include_globs_are_the_formats_suffixes() -> None:
    assert tuple(glob for format in FORMATS for glob in format.globs) == DEFAULT_INCLUDE
    assert {"*.txt", "*.md", "*.mdown"} <= set(DEFAULT_INCLUDE)


@pytest.mark.parametrize("format", FORMATS, ids=[format.name for format in FORMATS])
def test_prose_keeps_length_and_line_breaks(format: Format) -> None:
    text = ("---\ntitle: Kyiv\nslug: kyiv-x\n---\n\nSee https://example.org/kyiv or `code`.\r\n"
            "    indented code\n<!-- note -->\nEnd.\r")
    if format.name == "xliff":  # its files are XML: the same text as a target segment
        text = f'<xliff>\r\n<file target-language="en"><target>{text}</target></file>\n</xliff>'
    if format.name == "tmx":  # the same text as the target segment of a translation unit
        text = (f'<tmx version="1.4">\r\n<header srclang="de"/><body><tu><tuv xml:lang="de">'
                f'<seg>Text</seg></tuv>\n<tuv xml:lang="en"><seg>{text}</seg></tuv></tu>'
                '</body></tmx>')
    prose = format.prose(text)
    assert len(prose) == len(text)
    assert [i for i, c in enumerate(prose) if c in "\r\n"] == [
        i for i, c in enumerate(text) if c in "\r\n"]


def test_markdown_blanks_code_and_markup_plain_text_does_not() -> None:
    text = "Use `Kiev` and <b>Kiev</b> in Kiev.\n"
    assert markdown.FORMAT.prose(text) == "Use        and    Kiev     in Kiev.\n"
    assert PLAIN.prose(text) == text
