"""Automaton passes over long texts in slices find what one pass over the text finds."""

from __future__ import annotations

import random

import ahocorasick

from translint.text import long_scan
from translint.text.long_scan import iter_long


def _automaton(words: list[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def test_slices_find_every_match_once_in_order() -> None:
    words = ["kiev", "the", "e", "a long word of several parts", "kie", "ev "]
    automaton = _automaton(words)
    rng = random.Random(2)
    pieces = [*words, " ", "x", "\n", "kiev kiev", "ж"]
    for slice_size in (7, 16, 100):
        long_scan.SLICE = slice_size  # type: ignore[misc]
        try:
            for _ in range(200):
                text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
                assert list(iter_long(automaton, text)) == list(automaton.iter(text)), text
        finally:
            long_scan.SLICE = 1 << 20  # type: ignore[misc]


def test_a_text_past_the_slice_is_handed_over_in_slices() -> None:
    automaton = _automaton(["needle", "the"])
    text = ("the hay " * 200_000) + "needle" + (" the" * 300_000)
    assert len(text) > long_scan.SLICE
    whole = list(automaton.iter(text))
    assert list(iter_long(automaton, text)) == whole
    assert sum(value == "needle" for _, value in whole) == 1
