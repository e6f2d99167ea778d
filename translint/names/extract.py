"""Capitalised names in running text: where they are and how often each is written.

A *name* here is a run of capitalised words joined by single spaces or hyphens
("Novo-Ogaryovo", "Mykhailo Podolyak"). A trailing possessive ('s) is not part of a word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import ahocorasick

from translint.text.long_scan import iter_long


def _uppercase_class() -> str:
    ranges = [(0x41, 0x5A), (0xC0, 0x24F), (0x370, 0x3FF), (0x400, 0x52F), (0x1E00, 0x1EFF)]
    chars = [chr(code) for low, high in ranges for code in range(low, high + 1)
             if chr(code).isupper() or chr(code).istitle()]
    return "".join(re.escape(char) for char in chars)


_UPPER = _uppercase_class()
_APOSTROPHE = "'’ʼ"
_WORD_TAIL = rf"[^\W\d_]*(?:[{_APOSTROPHE}][^\W\d_]+)*"
_WORD = rf"[{_UPPER}]{_WORD_TAIL}"
# The capital first, then the look back at what stands before it (not a word character):
# the same as a leading (?<!\w), but the regex engine can skip ahead to capitals.
NAME = re.compile(rf"[{_UPPER}](?<!\w[{_UPPER}]){_WORD_TAIL}(?:(?:[ \u00a0]|-){_WORD})*")
_HYPHENATED = re.compile(rf"{_WORD}(?:-{_WORD})+")
_POSSESSIVE_ENDINGS = frozenset(f"{apostrophe}s" for apostrophe in _APOSTROPHE)


class NameWord(NamedTuple):
    """One word of a name: its text and its span inside the name."""

    text: str
    start: int
    end: int


def count_names(prose: str) -> Counter[str]:
    """How often each capitalised name (as written) occurs in ``prose``."""
    return Counter(NAME.findall(prose))


def hyphenated_runs(name: str) -> tuple[str, ...]:
    """The runs of hyphen-joined capitalised words in ``name`` ("Ivano-Frankivsk")."""
    return tuple(_HYPHENATED.findall(name)) if "-" in name else ()


_SEPARATORS_TO_SPACE = str.maketrans({"\u00a0": " ", "-": " "})


def words_of(name: str) -> list[NameWord]:
    """The words of ``name`` (a name as ``NAME`` finds it), possessive endings removed."""
    words = []
    start = 0
    for part in name.translate(_SEPARATORS_TO_SPACE).split(" "):
        text = part[:-2] if part[-2:] in _POSSESSIVE_ENDINGS else part
        words.append(NameWord(text, start, start + len(text)))
        start += len(part) + 1
    return words


def find_all(prose: str, written: str) -> Iterator[tuple[int, int]]:
    """Every (start, end) where ``written`` stands as whole words in ``prose``."""
    # The words first, then the look back before them (the same as a leading (?<!\w)): the
    # engine then skips ahead to the words' first letter rather than trying every place,
    # 20 times faster in an article.
    escaped = re.escape(written)
    pattern = re.compile(rf"{escaped}(?<!\w{escaped})(?!\w)")
    for match in pattern.finditer(prose):
        yield match.span()


# Below this many strings, one expression each is cheaper than building an automaton.
FEW_STRINGS = 8


def find_all_of(prose: str, wanted: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """``find_all`` for each of ``wanted``, in one pass over ``prose`` however many there
    are: the cost of a long document grows with its length, not length × names."""
    strings = [written for written in dict.fromkeys(wanted) if written]
    found: dict[str, list[tuple[int, int]]] = {written: [] for written in strings}
    if len(strings) < FEW_STRINGS:
        for written in strings:
            found[written] = list(find_all(prose, written))
        return found
    automaton = ahocorasick.Automaton()
    for written in strings:
        automaton.add_word(written, written)
    automaton.make_automaton()
    size = len(prose)
    for last, written in iter_long(automaton, prose):
        start, end = last - len(written) + 1, last + 1
        if (start and _is_word_character(prose[start - 1])) or (
                end < size and _is_word_character(prose[end])):
            continue
        spans = found[written]
        if not spans or start >= spans[-1][1]:  # as finditer: no overlap with the last
            spans.append((start, end))
    return found


def _is_word_character(char: str) -> bool:
    """What ``\\w`` matches in a str pattern: letters, digits and the underscore."""
    return char.isalnum() or char == "_"


def letter_count(text: str) -> int:
    """How many letters ``text`` has."""
    return sum(char.isalpha() for char in text)
