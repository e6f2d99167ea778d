"""A name and its gloss: *Fondation pour l'Enfance (Foundation for Childhood)*.

A name followed by a parenthesis that translates it (or gives the original of a translated
name) holds two spellings of one word that are not a misspelling: the writer put them side
by side on purpose. Only this shape is recognised: the other spelling inside a parenthesis
that opens right after the name holding the first (nothing between them but the rest of the
name), as the first word of the parenthesis or among its words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

# How far the rest of a name, or the words around the spelling in the parenthesis, may reach
# (characters): a name of a few words.
REACH = 40
_WORDS = re.compile(rf"[\w'’\- ]{{0,{REACH}}}")
_PARTS = re.compile(r"[ '’\-]+")
# Longest word in lower case taken for a particle of a name (de, von, al, pour, for, the).
_PARTICLE = 4


def glossing(prose: str, spans: dict[str, list[tuple[int, int]]],
             identity: Callable[[str], str]) -> set[tuple[int, int]]:
    """The spans of ``spans`` (spellings of one name → where each is written) that stand in a
    parenthesis right after a name holding another of the spellings (by ``identity``).

    Only a span in a parenthesis of words is looked at, and only the other spellings that
    end just before its opening bracket: what lies between grows as they end further back,
    and a name's rest is at most ``REACH`` characters (in one 100 MB file, *Kiev* and *Kyiv*
    thousands of times each, trying every pair took minutes)."""
    found: set[tuple[int, int]] = set()
    keys = {written: identity(written) for written in spans}
    for written, places in spans.items():
        ends = sorted(end for other, other_places in spans.items()
                      if keys[other] != keys[written] for _, end in other_places)
        for span in places:
            opening = _opening(prose, span)
            if opening is None:
                continue
            at = bisect.bisect_right(ends, opening) - 1
            while at >= 0:
                between = prose[ends[at]:opening]
                if _rest_of_name(between):
                    found.add(span)
                    break
                if len(between.strip()) > REACH:
                    break  # an end further back leaves more between
                at -= 1
    return found


def _opening(prose: str, span: tuple[int, int]) -> int | None:
    """Where the parenthesis ``span`` stands in opens, when only words and spaces stand
    between its brackets and the span (None otherwise)."""
    start, end = span
    opening = prose.rfind("(", max(0, start - REACH - 1), start)
    if opening < 0 or not _WORDS.fullmatch(prose, opening + 1, start):
        return None
    closing = prose.find(")", end, end + REACH + 1)
    if closing < 0 or _WORDS.fullmatch(prose, end, closing) is None:
        return None
    return opening


def _rest_of_name(text: str) -> bool:
    """Tell whether ``text`` may end a name: nothing, or words ending in a capitalised one
    with only short particles in lower case (*pour l'Enfance*, *for Childhood*)."""
    rest = text.strip()
    if not rest:
        return True
    if len(rest) > REACH or not _WORDS.fullmatch(rest):
        return False
    words = [word for word in _PARTS.split(rest) if word]
    if not words:
        return False  # only dashes or apostrophes: no rest of a name
    return words[-1][0].isupper() and all(
        word[0].isupper() or len(word) <= _PARTICLE for word in words)


def without(spans: dict[str, list[tuple[int, int]]], dropped: Iterable[tuple[int, int]]
            ) -> dict[str, list[tuple[int, int]]]:
    """``spans`` without the ``dropped`` ones."""
    gone = set(dropped)
    return {written: [span for span in places if span not in gone]
            for written, places in spans.items()}
