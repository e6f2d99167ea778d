"""Reach: how far from its anchor a rule's match can lie, and the narrower windows it gives."""

from __future__ import annotations

import re
import sys

import pytest

from translint.rules.anchored import WINDOW, AnchoredIndex, regex_anchors
from translint.rules.packs import Rule, bundled_pack_paths, load_pack
from translint.rules.reach import (
    MARGIN,
    OVERLAP,
    SLICE,
    expression_reach,
    longest_runs,
    reach_in,
)

if sys.version_info >= (3, 11):
    from re import _parser as sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_parse


def _reach(source: str) -> tuple[int, int, int] | None:
    return expression_reach(sre_parse.parse(source, re.IGNORECASE))


@pytest.mark.parametrize(("source", "reach"), [
    (r"\bin\s+the\s+night\b", (10 + MARGIN, 2, 0)),
    (r"(?:this|last)\s?(?:friday|monday)", (11 + MARGIN, 0, 0)),
    (r"\bsaid\s+that(?!\s+nothing)", (15 + MARGIN, 2, 0)),  # a lookahead counts in full
    (r"(?<=minister\s)said", (13 + MARGIN, 0, 0)),  # so does a lookbehind
    (r"(?:[\w-]+\s+){0,3}?won", (3 + MARGIN, 3, 3)),
    (r"\d+(?:[.,]\d+)?\s?%", (3 + MARGIN, 0, 2)),
    (r"[^\s,]+ said", (5 + MARGIN, 0, 1)),
])
def test_a_reach_counts_characters_and_runs(source: str,
                                            reach: tuple[int, int, int]) -> None:
    assert _reach(source) == reach


@pytest.mark.parametrize("source", [
    r"\bsaid\b[^.]*\bthat",  # any character but a full stop, unbounded
    r"(\w+) and \1",  # a backreference
    r"said.*that",
    r"[\s-]+x",  # whitespace and a hyphen in one repeat
])
def test_an_unbounded_reach(source: str) -> None:
    assert _reach(source) is None


def test_the_longest_runs_of_a_text() -> None:
    assert longest_runs("one  two\n\n\nthree") == (3, 5)
    assert longest_runs("x") == (1, 1)
    # A file separator is whitespace to str.split, a word character's neighbour to regex.
    assert longest_runs("a\x1cbbb  c") == (2, 5)


def test_a_long_text_is_measured_in_slices_that_miss_no_run() -> None:
    assert WINDOW <= OVERLAP  # a run longer than the overlap only ever widens to WINDOW
    word = "x" * 90 + "y" * 50
    gap = "\n" * 4
    text = "word " * (3 * SLICE // 5)
    for edge in (SLICE, 2 * SLICE):  # across the slices' edges, which come every SLICE
        at = edge - 70
        text = text[:at] + " " + word + " " + text[at + len(word) + 2:]
    text = text[:SLICE + 200] + gap + text[SLICE + 204:]
    assert text.count(word) == 2 and len(text) > 2 * SLICE
    assert longest_runs(text) == (4, 140)
    huge = "z" * (SLICE + 500)
    assert longest_runs(huge)[1] >= OVERLAP
    assert reach_in((10, 2, 1), (3, 5)) == 10 + 2 * 3 + 5


def test_a_window_is_as_wide_as_the_rule_reaches(searched: list[tuple[int, int]]) -> None:
    source = r"\bover\s+one\s+year\b"
    rule = Rule("r", "p", source, "m", (), None, regex_anchors(source))
    index = AnchoredIndex([rule])
    text = "x " * 300 + "It lasted over   one year. " + "y " * 300
    found = index.find(text, text.lower())
    assert [text[match.start:match.end] for match in found] == ["over   one year"]
    (start, end), = searched
    assert end - start < 2 * WINDOW
    assert start <= text.index("over") and end > text.index("year") + 4


def _padded(example: str) -> list[str]:
    """An example far into a longer text, with longer whitespace and longer words than
    it has, and the same with its spaces widened."""
    filler = ("Filler words before a long address https://example.org/" + "a" * 70 + " and a"
              "\n\n\n\n    gap. ") * 3
    widened = example.replace(" ", "  \n ")
    return [filler + example + " " + filler, filler + widened + " " + filler]


def test_narrower_windows_find_what_the_widest_find() -> None:
    """For every bundled rule, in texts longer than a window around its examples: the
    index finds the same matches with each rule's reach as with the widest window."""
    rules = [rule for path in bundled_pack_paths() for rule in load_pack(path).rules]
    compared = 0
    for rule in rules:
        narrow = AnchoredIndex([rule])
        wide = AnchoredIndex([rule])
        wide._reach = dict.fromkeys(wide._reach)  # every rule: up to WINDOW
        for example in (*rule.should_match, *rule.should_not_match):
            for text in _padded(example):
                lowered = text.lower()
                expected = [(m.start, m.end) for m in wide.find_every(text, lowered)]
                found = [(m.start, m.end) for m in narrow.find_every(text, lowered)]
                assert found == expected, (rule.qualified_id, text)
                compared += bool(expected)
    assert compared > len(rules)  # most examples still match once padded


def test_a_long_word_widens_the_window() -> None:
    source = r"\bbeat\s+(?:[\w-]+\s+){0,2}?\d:\d\b"
    rule = Rule("r", "p", source, "m", (), None, regex_anchors(source))
    club = "Borussia-" + "Mönchengladbach-" * 6 + "Club"
    text = "x " * 200 + f"They beat the {club} 2:1 at home. " + "y " * 200
    assert [text[m.start:m.end] for m in AnchoredIndex([rule]).find(text, text.lower())] == [
        f"beat the {club} 2:1"]
