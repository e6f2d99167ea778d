"""HTML input: only text nodes are prose, offsets stay exact, fixes leave markup alone."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from translint.text.formats import html

from ..conftest import CASES, invoke_cli

GLOSSARY = str(CASES / "glossary.toml")

# A story page as a CMS exports it: head with metadata, navigation, scripts, an article
# with inline markup, entities, a figure, a comment, a code sample and a footer.
CMS_PAGE = """<!DOCTYPE html>\r
<html lang="en">\r
<head>\r
  <meta charset="utf-8">\r
  <title>Talks resume in Kyiv</title>\r
  <meta name="description" content="Talks in Kiev resume">\r
  <link rel="canonical" href="https://news.example.org/2024/kiev-talks">\r
  <script type="application/ld+json">{"headline": "Talks in Kiev", "city": "Kiev"}</script>\r
  <style>.kiev-banner { background: url(/img/Kiev.png) }</style>\r
</head>\r
<body class="story">\r
<nav><a href="/kiev/" title="Kiev">Kyiv</a> &middot; <a href="/world">World</a></nav>\r
<!-- CMS: story 4411, desk Kiev, do not edit -->\r
<article data-city="Kiev">\r
  <h1>Talks resume in Kyiv</h1>\r
  <p class="byline">By Jane Doe&nbsp;&mdash; 12 March</p>\r
  <p>Negotiators met in <a href="https://example.org/kiev" title="Kiev city hall">Kiev</a>\r
  on Tuesday, the mayor&rsquo;s office said. Officials from Krivoy Rog joined.</p>\r
  <figure><img src="/img/kiev.jpg" alt="A street in Kiev"><figcaption>Kyiv at dawn.\r
  </figcaption></figure>\r
  <pre><code>curl https://api.example.org/cities/Kiev</code></pre>\r
  <p>Fares rose 3&nbsp;% &amp; more, AT&amp;T said.</p>\r
</article>\r
<footer><p>&copy; 2024 Example News</p></footer>\r
<script>window.city = "Kiev"; if (a < b && c) { track("Kiev"); }</script>\r
</body>\r
</html>\r
"""


def test_only_text_nodes_are_prose() -> None:
    prose = html.prose(CMS_PAGE)
    assert len(prose) == len(CMS_PAGE)
    words = prose.split()
    assert words.count("Kiev") == 1 and words.count("Kyiv") == 4
    for not_prose in ("title=", "Kiev.png", "ld+json", "track", "curl", "desk", "&middot;",
                      "mdash", "DOCTYPE", "Krivoy Rog joined.</p>"):
        assert not_prose not in prose
    assert "Officials from Krivoy Rog joined." in prose


def test_block_tags_become_paragraph_breaks_inline_tags_spaces() -> None:
    assert html.prose("<p>Kiev</p><p>Oblast</p>") == "\n\n Kiev\n\n  \n\n Oblast\n\n  "
    assert html.prose("in <b>Kiev</b> Oblast") == "in    Kiev     Oblast"
    assert html.prose("Kiev<br/>Oblast") == "Kiev\n\n   Oblast"


def test_an_unclosed_skipped_element_runs_to_the_end_as_in_a_browser() -> None:
    text = "<p>Kyiv <code>Kiev and more"
    assert html.prose(text) == "\n\n Kyiv".ljust(len(text))
    assert html.prose("<pre>Kiev <pre>Kiev</pre> Kiev</pre> Kyiv").split() == ["Kyiv"]


_FRAGMENTS = ['<p>', '</p>', '<div class="a b">', "<a href='http://x.org' title='Kiev'>",
              '</a>', 'Kiev ', 'Kyiv', '&amp;', '&nbsp;', '&#', '&#x;', '&#1234;', '&', '<',
              '>', '<!--', '-->', '<![CDATA[', ']]>', '<![if x]>', '<![foo[', '<!DOCTYPE html>',
              '<?php x ?>', '<script>', '</script>', '<pre>', '</pre>', '\n', '\r\n', '\r', '"',
              "'", '=', '<b', '/>', '</', '<!', '<?', '</ p>', '<p\n title="Kiev"\n>', 'é',
              '\u00a0']


def test_malformed_markup_never_breaks_the_reader_or_the_offsets() -> None:
    chance = random.Random(12)
    for _ in range(3000):
        text = "".join(chance.choice(_FRAGMENTS) for _ in range(chance.randint(0, 30)))
        prose = html.prose(text)
        assert len(prose) == len(text), text
        assert all(prose[i] == char for i, char in enumerate(text) if char in "\r\n"), text
        assert all(kept in (char, " ", "\n") for char, kept in zip(text, prose, strict=True)), text
        for at in range(len(text)):
            if text.startswith(("title='Kiev", 'title="Kiev'), at):
                assert "Kiev" not in prose[at:at + 12], text


def translint(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = invoke_cli("check", "-g", GLOSSARY, "--lang", "en", *args, input=stdin)
    return result.returncode, result.stdout, result.stderr


def _findings(stdout: str) -> list[tuple[int, int, str]]:
    return [(item["line"], item["column"], item["text"])
            for item in json.loads(stdout)["findings"] if item["code"] == "TL101"]


def test_check_finds_the_name_in_a_paragraph_not_in_attributes_scripts_or_comments(
        tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(CMS_PAGE.encode("utf-8"))
    code, out, _ = translint(str(page), "-f", "json")
    assert code == 1
    assert _findings(out) == [(17, 83, "Kiev"), (18, 61, "Krivoy Rog")]


def test_fix_changes_only_the_fixed_words_and_keeps_the_markup_byte_identical(
        tmp_path: Path) -> None:
    page = tmp_path / "story.htm"
    original = CMS_PAGE.encode("utf-8")
    page.write_bytes(original)
    code, _, err = translint(str(page), "--fix")
    assert code == 0, err
    fixed = page.read_bytes()
    expected = original.replace(b'title="Kiev city hall">Kiev</a>',
                                b'title="Kiev city hall">Kyiv</a>'
                                ).replace(b"from Krivoy Rog", b"from Kryvyi Rih")
    assert fixed != original and fixed == expected
    code, out, _ = translint(str(page), "-f", "json")
    assert code == 0 and _findings(out) == []


def test_a_directory_walk_picks_html_files_by_default(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>Talks in Kiev.</p>", encoding="utf-8")
    (tmp_path / "site" / "old.htm").write_text('<p title="Kiev">Kyiv</p>', encoding="utf-8")
    (tmp_path / "site" / "app.js").write_text('"Kiev"', encoding="utf-8")
    code, out, _ = translint(str(tmp_path), "-f", "json")
    data = json.loads(out)
    assert code == 1 and data["summary"]["files"] == 2
    assert [item["path"] for item in data["findings"]] == [str(tmp_path / "site/index.html")]


@pytest.mark.parametrize(("options", "found"), [
    (["--format-in", "html"], [(1, 29, "Kiev")]),
    (["--stdin-filename", "story.html"], [(1, 29, "Kiev")]),
    ([], [(1, 11, "Kiev"), (1, 29, "Kiev")]),  # read as plain text, the attribute too
])
def test_standard_input_as_html(options: list[str], found: list[tuple[int, int, str]]) -> None:
    _, out, _ = translint("-", "-f", "json", *options,
                          stdin='<p title="Kiev">Talks in <b>Kiev</b>.</p>')
    assert _findings(out) == found


def test_format_in_names_a_format_and_needs_standard_input(tmp_path: Path) -> None:
    code, _, err = translint("-", "--format-in", "xml", stdin="Kiev")
    assert code == 2 and err.strip() == ('translint: no input format "xml"; the formats are '
                                         'text, markdown, html, docx, xliff, tmx')
    code, _, err = translint("-", "--format-in", "docx", stdin="Kiev")
    assert code == 2 and err.strip() == ("translint: --format-in docx: standard input is read "
                                         "as text; name the DOCX file instead")
    code, _, err = translint(str(tmp_path), "--format-in", "html")
    assert code == 2 and "--format-in is the format of standard input" in err


def test_fix_of_standard_input_as_html_writes_the_page_back() -> None:
    code, out, _ = translint("-", "--fix", "--format-in", "html",
                             stdin='<p title="Kiev">Talks in <b>Kiev</b>.</p>\n')
    assert code == 0 and out == '<p title="Kiev">Talks in <b>Kyiv</b>.</p>\n'


def test_an_html_file_that_is_not_utf8_is_an_error_with_its_line(tmp_path: Path) -> None:
    page = tmp_path / "latin1.html"
    page.write_bytes("<p>Talks</p>\n<p>Caf\xe9 in Kiev</p>\n".encode("latin-1"))
    code, _, err = translint(str(page))
    assert code == 2 and f"{page}: not UTF-8 (byte 0xe9 at line 2" in err
