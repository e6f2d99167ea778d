"""Where lines start: a line ends at ``\\n``, ``\\r\\n`` or a lone ``\\r``, as editors count."""

from __future__ import annotations

import itertools
import operator
import re

_LINE_BREAK = re.compile(r"\r\n?|\n")


def line_starts(text: str) -> list[int]:
    """The offset at which each line of ``text`` starts (a line break ends a line)."""
    if "\r" in text:
        return [0, *(match.end() for match in _LINE_BREAK.finditer(text))]
    lines = text.split("\n")
    lines.pop()  # what follows the last line break starts the last line
    # Each line starts one past the end of the lines before it and their breaks.
    return [0, *map(operator.add, itertools.accumulate(map(len, lines)), itertools.count(1))]
