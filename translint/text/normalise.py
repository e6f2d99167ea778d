"""The text the checks read: NFC, without invisible characters, and the way back.

A name written with combining characters (*Kyi* + U+0308 + *v*) or with a soft hyphen
or zero-width space inside it (*Ki\u00adev*) looks right to a reader and hides from
every check that compares strings. Checks therefore read a normalised copy of the
text: composed to NFC, with the characters in ``IGNORABLE`` left out. An ``OffsetMap``
takes offsets in that copy back to the text as written, so findings, line:column
positions and fixes point at the original characters — the text itself is never
changed by normalising.

Most copy is already NFC and holds no such character: then the text is used as it is
and there is no map (the cost is one C-level test).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

# Invisible characters that split a word for a program and not for a reader: soft
# hyphen, zero-width space, zero-width joiner, word joiner, zero-width no-break space.
# (The zero-width non-joiner, U+200C, spells Persian and Indic words: it stays.)
IGNORABLE = "\u00ad\u200b\u200d\u2060\ufeff"
_IGNORABLE_RUN = re.compile(f"[{IGNORABLE}]+")
_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s")
BLOCK = 1 << 16


@dataclass
class OffsetMap:
    """Maps offsets in the normalised text to offsets in the text as written.

    The two texts differ only inside *regions*, sorted and disjoint: a run of ignorable
    characters (empty in the normalised text) or a character with its combining marks
    (composed). Between regions both texts are the same, shifted.
    """

    normal_starts: list[int] = field(default_factory=list)
    normal_ends: list[int] = field(default_factory=list)
    source_starts: list[int] = field(default_factory=list)
    source_ends: list[int] = field(default_factory=list)

    def add(self, normal_start: int, normal_end: int, source_start: int,
            source_end: int) -> None:
        """Record that ``normal[normal_start:normal_end]`` stands for
        ``source[source_start:source_end]`` (regions are added in order)."""
        self.normal_starts.append(normal_start)
        self.normal_ends.append(normal_end)
        self.source_starts.append(source_start)
        self.source_ends.append(source_end)

    def start(self, offset: int) -> int:
        """The source offset where the character at normalised ``offset`` begins (past any
        ignorable characters before it)."""
        index = bisect.bisect_right(self.normal_starts, offset) - 1
        if index < 0:
            return offset
        if offset < self.normal_ends[index]:  # inside a composed character
            inside = offset - self.normal_starts[index]
            width = self.source_ends[index] - self.source_starts[index]
            return self.source_starts[index] + min(inside, width - 1)
        return self.source_ends[index] + offset - self.normal_ends[index]

    def end(self, offset: int) -> int:
        """The source offset just after the character before normalised ``offset`` (so a
        span never takes in the ignorable characters that follow it)."""
        index = bisect.bisect_left(self.normal_starts, offset) - 1
        if index < 0:
            return offset
        if offset < self.normal_ends[index]:
            inside = offset - self.normal_starts[index]
            width = self.source_ends[index] - self.source_starts[index]
            return self.source_starts[index] + min(inside, width)
        return self.source_ends[index] + offset - self.normal_ends[index]


def normalise(text: str) -> tuple[str, OffsetMap | None]:
    """``text`` in NFC without ``IGNORABLE`` characters, and the map back (``None`` when
    the text needs no change, the usual case)."""
    if text.isascii():
        return text, None
    # `in` searches a string in C at memchr speed; a character class steps char by char.
    has_ignorable = any(char in text for char in IGNORABLE)
    if not has_ignorable and unicodedata.is_normalized("NFC", text):
        return text, None
    offsets = OffsetMap()
    parts: list[str] = []
    normal_length = 0  # length of the normalised text built so far
    position = 0  # in the source
    for word in _words_to_change(text, has_ignorable):
        start, end = word.span()
        written = word.group()
        parts.append(text[position:start])
        normal_length += start - position
        for piece_start, piece_end, normal in _word_pieces(written):
            source_start, source_end = start + piece_start, start + piece_end
            if normal == written[piece_start:piece_end]:
                parts.append(normal)
                normal_length += len(normal)
                continue
            offsets.add(normal_length, normal_length + len(normal), source_start, source_end)
            parts.append(normal)
            normal_length += len(normal)
        position = end
    parts.append(text[position:])
    return "".join(parts), offsets


def _words_to_change(text: str, has_ignorable: bool) -> Iterator[re.Match[str]]:
    """The words that normalising changes, looked for only in the blocks of the text (of
    about ``BLOCK`` characters, cut at white space) that need it: a single soft hyphen in a
    long document costs one block's words, not all of them."""
    start = 0
    size = len(text)
    while start < size:
        cut = _SPACE.search(text, min(start + BLOCK, size))
        end = cut.start() if cut is not None else size
        block = text[start:end]
        if not block.isascii() and ((has_ignorable and _IGNORABLE_RUN.search(block))
                                    or not unicodedata.is_normalized("NFC", block)):
            for word in _WORD.finditer(text, start, end):
                written = word.group()
                if written.isascii() or (
                        not (has_ignorable and _IGNORABLE_RUN.search(written))
                        and unicodedata.is_normalized("NFC", written)):
                    continue
                yield word
        start = end


def _word_pieces(word: str) -> list[tuple[int, int, str]]:
    """Split a word into pieces (start, end, normalised form) that normalise on their own:
    runs of ignorable characters (to nothing) and clusters of a character with the
    combining marks after it. When the pieces do not compose to the word's NFC (scripts
    whose letters compose without combining marks, as Hangul jamo do), the word is one
    piece, so the map stays right at its edges."""
    pieces: list[tuple[int, int, str]] = []
    cluster_start = 0
    for index in range(1, len(word) + 1):
        if index < len(word) and unicodedata.combining(word[index]) and \
                word[index - 1] not in IGNORABLE:
            continue
        cluster = word[cluster_start:index]
        ignorable = cluster.strip(IGNORABLE) == ""
        pieces.append((cluster_start, index,
                       "" if ignorable else unicodedata.normalize("NFC", cluster)))
        cluster_start = index
    whole = unicodedata.normalize("NFC", _IGNORABLE_RUN.sub("", word))
    if "".join(normal for _, _, normal in pieces) != whole:
        return [(0, len(word), whole)]
    return pieces
