"""HTML: only text nodes are prose; tags, attributes, comments, declarations, entities and
the content of code-like elements (``SKIPPED``) are blanked out.

The parser is Python's own ``html.parser``, chosen over selectolax, lxml and html5lib
(figures in ``benchmarks/README.md``, "HTML input"): it is the only one of the four that
says where each token starts in the file as written (``getpos()``) and hands over text
undecoded (``convert_charrefs=False``), which exact offsets and byte-identical fixes need.
selectolax and html5lib give no source positions; lxml gives a line but no column, and all
three decode entities. It reads malformed markup leniently, as browsers do, and needs no
dependency.

The tokens the parser reports partition the file: each runs from where it starts to where
the next one starts. Text tokens outside a skipped element are kept; every other token
becomes spaces (line breaks kept). A tag of a block element (``BLOCKS``: ``p``, ``li``,
``td``, ``br`` …) starts with two line breaks in the prose, so that words of two blocks
never join into one name or sentence. An entity (``&amp;``, ``&nbsp;``) is blanked: a
name is never found inside one, and ``Kyiv&nbsp;Oblast`` reads as two words with spaces
between (a multi-word name across it is found, and a fix rewrites the whole span).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from translint.text.formats.base import Format
from translint.text.mask import blank, non_prose_spans

# Elements whose whole content is not prose.
SKIPPED = frozenset({"script", "style", "code", "pre", "textarea", "template", "noscript",
                     "kbd", "samp", "svg", "math"})
# Elements that end a run of text: a tag of one is a paragraph break in the prose.
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "li", "main",
    "nav", "ol", "option", "p", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "title", "tr", "ul", "img", "iframe", "select", "button", "label", "legend",
})
_TEXT = "text"
_MARKUP = "markup"
# "&#" that the parser cannot read as a character reference: html.parser stops there and
# takes the rest of the file for text, tags and all. The parser is given "&_" instead.
_BAD_CHARREF = re.compile(r"&#(?![0-9]+[^0-9a-fA-F]|[xX][0-9a-fA-F]+[^0-9a-fA-F])")
_LOST_TAG = re.compile(r"</?[A-Za-z]")
_PARAGRAPH_BREAK = "\n\n"


class _Tokens(HTMLParser):
    """Records where each token starts: (line, column, kind, tag)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tokens: list[tuple[int, int, str, str]] = []

    def _add(self, kind: str, tag: str = "") -> None:
        line, column = self.getpos()
        self.tokens.append((line, column, kind, tag))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("start", tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("empty", tag)

    def handle_endtag(self, tag: str) -> None:
        self._add("end", tag)

    def handle_data(self, data: str) -> None:
        self._add(_TEXT)

    def handle_entityref(self, name: str) -> None:
        self._add(_MARKUP)

    def handle_charref(self, name: str) -> None:
        self._add(_MARKUP)

    def handle_comment(self, data: str) -> None:
        self._add(_MARKUP)

    def handle_decl(self, decl: str) -> None:
        self._add(_MARKUP)

    def handle_pi(self, data: str) -> None:
        self._add(_MARKUP)

    def unknown_decl(self, data: str) -> None:
        self._add(_MARKUP)

    def parse_html_declaration(self, i: int) -> int:
        """A declaration the parser refuses (``<![foo[``) is a bogus comment, as in
        browsers: up to the next ``>``."""
        try:
            return int(super().parse_html_declaration(i))
        except AssertionError:
            end = self.rawdata.find(">", i + 2)
            if end == -1:
                return -1
            self._add(_MARKUP)
            return end + 1


def prose(text: str) -> str:
    """``text`` with what is not prose in HTML blanked out, block tags as paragraph
    breaks."""
    markup, breaks = _markup(text)
    blanked = blank(text, [*markup, *non_prose_spans(text)])
    if not breaks:
        return blanked
    parts: list[str] = []
    position = 0
    for offset in breaks:
        parts.append(blanked[position:offset])
        parts.append(_PARAGRAPH_BREAK)
        position = offset + len(_PARAGRAPH_BREAK)
    parts.append(blanked[position:])
    return "".join(parts)


def _markup(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The spans of ``text`` that are not prose, and where the block tags start."""
    starts = _starts_of_lines(text)
    markup: list[tuple[int, int]] = []
    breaks: list[int] = []
    skipping: str | None = None
    depth = 0
    tokens = _parse(text)
    for index, (line, column, kind, tag) in enumerate(tokens):
        start = starts[line - 1] + column
        if index + 1 < len(tokens):
            next_line, next_column = tokens[index + 1][:2]
            end = starts[next_line - 1] + next_column
        else:
            end = len(text)
        if kind == _TEXT and skipping is None:
            if _LOST_TAG.match(text, start) or text.startswith("<!", start):
                # A tag or comment the parser gave up on: up to its ">", or cut off by the
                # end of the file (which browsers drop, as here).
                if not text.endswith(">", start, end):
                    markup.append((start, len(text)))
                    break
                markup.append((start, end))
            continue
        markup.append((start, end))
        if kind == "start" and tag in SKIPPED:
            if skipping is None:
                skipping, depth = tag, 1
            elif tag == skipping:
                depth += 1
        elif kind == "end" and tag == skipping:
            depth -= 1
            if depth == 0:
                skipping = None
        if kind in ("start", "empty", "end") and tag in BLOCKS and end - start >= 3:
            breaks.append(start)
    return markup, breaks


def _parse(text: str) -> list[tuple[int, int, str, str]]:
    """The tokens of ``text``, each with the line and column where it starts."""
    parser = _Tokens()
    parser.feed(_BAD_CHARREF.sub("&_", text) if "&#" in text else text)
    parser.close()
    if not parser.tokens or parser.tokens[0][:2] != (1, 0):
        parser.tokens.insert(0, (1, 0, _TEXT, ""))
    return parser.tokens


def _starts_of_lines(text: str) -> list[int]:
    """Where each line starts as ``html.parser`` counts them (at ``\\n`` only)."""
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


FORMAT = Format(name="html", suffixes=(".html", ".htm"), prose=prose,
                description="HTML: only text nodes are prose; tags, attributes, comments, "
                            "entities, scripts, styles and code are not.")
