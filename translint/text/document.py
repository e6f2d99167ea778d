"""A document: its text, the prose the checks read, its language, and positions.

``prose`` has the length of ``text``; parts that are not prose (URLs, e-mail
addresses, Markdown code and markup) are replaced by spaces, so an offset means
the same character in both and findings point into the original.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from dataclasses import dataclass, field

from translint.text.directives import Suppressions, parse_suppressions
from translint.text.langid import detect_language
from translint.text.mask import mask_non_prose

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


@dataclass
class Document:
    """One text to check."""

    path: str
    text: str
    prose: str
    lang: str | None
    format: str = "text"
    suppressions: Suppressions = field(default_factory=Suppressions)
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self._line_starts:
            lines = self.text.split("\n")
            lines.pop()  # what follows the last line break starts the last line
            # Each line starts one past the end of the lines before it and their breaks.
            self._line_starts = [0, *map(operator.add, itertools.accumulate(map(len, lines)),
                                         itertools.count(1))]

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of a character offset."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its line ending."""
        start = self._line_starts[line - 1]
        end = (self._line_starts[line] if line < len(self._line_starts) else len(self.text))
        return self.text[start:end].rstrip("\r\n")


def make_document(text: str, path: str = "<text>", *, lang: str | None = None,
                  format: str | None = None) -> Document:
    """Build a document: choose the format, mask non-prose, detect the language."""
    if format is None:
        format = "markdown" if path.lower().endswith(MARKDOWN_SUFFIXES) else "text"
    prose = mask_non_prose(text, markdown=format == "markdown")
    if lang is None:
        lang = detect_language(prose)
    return Document(path=path, text=text, prose=prose, lang=lang, format=format,
                    suppressions=parse_suppressions(text))
