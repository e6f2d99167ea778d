"""Automaton passes over long texts, a slice at a time.

pyahocorasick turns the whole string it is given into a copy of its own (four bytes a
character) at every call, whatever the bounds: over a 100 MB text one pass held 400 MB more.
A long text is handed over in slices that overlap by the automaton's longest word less one,
so that each match is found once, in the slice where it ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import ahocorasick

# Texts up to this many characters are passed whole.
SLICE = 1 << 20


def iter_long(automaton: ahocorasick.Automaton, text: str) -> Iterator[tuple[int, Any]]:
    """``automaton.iter(text)``: (end offset, value) of every match, in order of their ends,
    without a copy of a long text in the automaton's form."""
    if len(text) <= SLICE:
        return automaton.iter(text)  # type: ignore[no-any-return]
    return _sliced(automaton, text)


def _sliced(automaton: ahocorasick.Automaton, text: str) -> Iterator[tuple[int, Any]]:
    overlap = max(0, automaton.get_stats()["longest_word"] - 1)
    start = 0
    while start < len(text):
        stop = min(len(text), start + SLICE)
        low = max(0, start - overlap)
        for end, value in automaton.iter(text[low:stop]):
            if end + low >= start:  # one that ends before ``start`` was found already
                yield end + low, value
        start = stop
