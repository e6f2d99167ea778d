"""Split prose into sentences, keeping offsets.

A sentence ends at . ! ? or … (with any closing quotes and brackets) followed by
space and a capital letter, digit or opening quote — unless the full stop belongs
to an abbreviation or an initial (Mr., U.S., J. K.) — and at every line break.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from translint.languages import union

_END = re.compile(
    r"[.!?…]+[\"'”’»)\]]*(?=[ \t\u00a0]+[\"'“‘«„(\[¿¡]?[^\W_a-zß-ÿ])"
    r"|\n"
)


@functools.cache
def _abbreviation() -> re.Pattern[str]:
    """A full stop that ends an abbreviation (every language file's ``abbreviations``) or
    an initial."""
    words = sorted(union(lambda each: each.abbreviations), key=lambda word: (-len(word), word))
    return re.compile(rf"(?:\b(?:{'|'.join(map(re.escape, words))})|\b[A-Z])\.$")


def sentences(prose: str) -> Iterator[tuple[int, int]]:
    """Yield the (start, end) of every non-blank sentence of ``prose``."""
    start = 0
    abbreviation = _abbreviation()
    for match in _END.finditer(prose):
        if match.group() != "\n" and abbreviation.search(prose, max(0, match.start() - 6),
                                                          match.start() + 1):
            continue
        end = match.end()
        yield from _trimmed(prose, start, end)
        start = end
    yield from _trimmed(prose, start, len(prose))


def _trimmed(prose: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and prose[start].isspace():
        start += 1
    while end > start and prose[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end
