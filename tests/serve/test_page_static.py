"""The editor's page as files: its choices follow translint's registries, it inserts no
markup made of text, and it loads nothing from outside the server. (The page at work is
tests/serve/test_page_browser.py, in a real browser.)"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from translint.glossary.model import KINDS
from translint.languages import bundled_languages
from translint.text.formats import FORMATS

STATIC = Path(__file__).parents[2] / "translint" / "serve" / "static"
PAGE_FILES = ("index.html", "page.js", "glossary-add.js", "page.css")
SCRIPTS = ("page.js", "glossary-add.js")
TEXT_FORMATS = [format for format in FORMATS if format.writable]  # a page holds text


class _Page(HTMLParser):
    """The ids, the options of each <select>, and the attributes of index.html."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.options: dict[str, list[str]] = {}
        self.attributes: list[tuple[str, dict[str, str]]] = []
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.attributes.append((tag, values))
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "select":
            self._select = values["id"]
            self.options[self._select] = []
        elif tag == "option" and self._select is not None:
            self.options[self._select].append(values["value"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


@pytest.fixture(scope="module")
def page() -> _Page:
    parsed = _Page()
    parsed.feed((STATIC / "index.html").read_text(encoding="utf-8"))
    return parsed


def test_the_formats_offered_are_the_text_formats(page: _Page) -> None:
    assert page.options["format"] == [format.name for format in TEXT_FORMATS]


def test_the_languages_offered_are_the_bundled_ones(page: _Page) -> None:
    codes = [language.code for language in bundled_languages()]
    assert page.options["lang"] == ["auto", *codes]
    assert page.options["source-lang"] == ["", *codes]
    assert page.options["entry-lang"] == codes


def test_the_kinds_offered_for_a_new_entry_are_the_glossary_kinds(page: _Page) -> None:
    assert page.options["entry-kind"] == ["", *KINDS]


@pytest.mark.parametrize("name", SCRIPTS)
def test_every_script_is_on_the_page_and_short(name: str) -> None:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert f'<script src="static/{name}" defer></script>' in html
    assert len((STATIC / name).read_text(encoding="utf-8").splitlines()) < 600


def test_a_file_opened_gets_the_format_of_its_suffix(page: _Page) -> None:
    script = (STATIC / "page.js").read_text(encoding="utf-8")
    accept = next(values["accept"] for tag, values in page.attributes
                  if values.get("id") == "file")
    suffixes = [suffix for format in TEXT_FORMATS for suffix in format.suffixes]
    assert accept.split(",") == suffixes
    for format in TEXT_FORMATS:
        for suffix in format.suffixes:
            assert re.search(rf'\b{suffix[1:]}: "{format.name}"', script), suffix


@pytest.mark.parametrize("name", SCRIPTS)
def test_every_element_the_script_uses_is_on_the_page(page: _Page, name: str) -> None:
    script = (STATIC / name).read_text(encoding="utf-8")
    used = set(re.findall(r'\$\("([\w-]+)"\)', script))
    assert used and used <= page.ids, used - page.ids


@pytest.mark.parametrize("name", PAGE_FILES)
def test_nothing_is_loaded_from_outside_the_server(name: str) -> None:
    text = (STATIC / name).read_text(encoding="utf-8")
    assert not re.search(r"(https?:)?//[\w.-]+\.\w+/|@import|url\(\s*['\"]?(https?:)?//", text)


@pytest.mark.parametrize("name", SCRIPTS)
def test_no_text_becomes_markup(name: str) -> None:
    """Text from the story, the server or the glossary goes in as text nodes only."""
    script = (STATIC / name).read_text(encoding="utf-8")
    code = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("//"))
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function"):
        assert sink not in code, sink
