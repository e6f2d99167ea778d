"""Split prose into sentences, keeping offsets.

A sentence ends at . ! ? or … (with any closing quotes and brackets) followed by
space and a capital letter, digit or opening quote — unless the full stop belongs
to an abbreviation or an initial (Mr., U.S., J. K.) — and at every line break.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_END = re.compile(
    r"[.!?…]+[\"'”’»)\]]*(?=[ \t\u00a0]+[\"'“‘«„(\[¿¡]?[^\W_a-zß-ÿ])"
    r"|\n"
)
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gen|Col|Capt|Lt|Sgt|Rev|Gov|Sen|Rep|Hon|Vol|"
    r"Art|Fig|vs|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp|"
    r"Sra|Srta|Sres|Dña|Av|Avda|Mme|Mlle|MM|Nr|Abs|Hr|Fr|bzw|ca|vgl|usw|Dipl|Ing|S\.A|U\.S|"
    r"U\.K|U\.N|E\.U)|\b[A-Z])\.$"
)


def sentences(prose: str) -> Iterator[tuple[int, int]]:
    """Yield the (start, end) of every non-blank sentence of ``prose``."""
    start = 0
    for match in _END.finditer(prose):
        if match.group() != "\n" and _ABBREVIATION.search(prose, max(0, match.start() - 6),
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
