"""How far from its anchor a rule's match can reach: the window a rule is searched in.

A rule's expression is searched in a window around each place its anchor occurs. The
window only needs to hold every match that contains that anchor, with what the match's
lookarounds test and one character each side for ``\\b``. Most rules match a few words:
their reach is far shorter than the longest window, and a search costs in proportion to
the window's length.

A repeat of whitespace alone (``\\s+``) spans at most the text's longest run of whitespace,
and a repeat of characters none of which is whitespace (``\\w+``, ``\\d+``, ``[a-z-]+``) at
most its longest run of other characters: a reach is counted as characters plus such runs
of each kind. Any other unbounded repeat, or a backreference, makes the reach unbounded.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import regex

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants
else:  # pragma: no cover - Python 3.10
    import sre_constants

# A reach: (characters, runs of whitespace, runs of other characters); None when unbounded.
Reach = tuple[int, int, int]
# Beyond a match and what its lookarounds test: ``\b`` reads one character each side.
MARGIN = 2
# Texts longer than SLICE are measured a slice at a time; slices overlap by OVERLAP, more
# than a window around an anchor ever spans (``translint.rules.anchored.WINDOW``).
SLICE = 1 << 16
OVERLAP = 256
# Python's whitespace (``str.split``, ``re``) is the rules' engine's (``regex``) and four
# separators more: runs of it are at least as long, runs between it may be shorter.
_WHITESPACE_RUN = re.compile(r"\s{2,}")
_SEPARATORS = ("\x1c", "\x1d", "\x1e", "\x1f")
_OTHER_RUN = regex.compile(r"\S{2,}", regex.VERSION0)
_NOT_WHITESPACE = frozenset({sre_constants.CATEGORY_WORD, sre_constants.CATEGORY_DIGIT,
                             sre_constants.CATEGORY_NOT_SPACE})
_ONE = frozenset({sre_constants.LITERAL, sre_constants.NOT_LITERAL, sre_constants.ANY,
                  sre_constants.IN})
_REPEATS = frozenset(getattr(sre_constants, name) for name in (
    "MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(sre_constants, name))
_LOOKAROUNDS = frozenset({sre_constants.ASSERT, sre_constants.ASSERT_NOT})


def expression_reach(parsed: Any) -> Reach | None:
    """The most characters and runs a match of a parsed expression (``sre_parse``)
    spans, counting what its lookarounds test, plus ``MARGIN``; None when that is
    unbounded (or the expression could not be parsed)."""
    if parsed is None:
        return None
    width = _sequence(list(parsed))
    return None if width is None else (width[0] + MARGIN, width[1], width[2])


def longest_runs(text: str) -> tuple[int, int]:
    """The lengths of the longest run of whitespace in ``text`` and of the longest run of
    other characters (at least 1 each), exact up to ``OVERLAP``: a longer run may count
    as any length from ``OVERLAP`` on (a window is never wider).

    A long text is read in slices, so that the words of a 100 MB file are never all in
    memory at once; slices overlap by ``OVERLAP``, which holds any shorter run whole."""
    if len(text) <= SLICE:
        return _runs(text)
    spaces = others = 1
    for start in range(0, len(text), SLICE):
        piece = _runs(text[start:start + SLICE + OVERLAP])
        spaces, others = max(spaces, piece[0]), max(others, piece[1])
    return spaces, others


def _runs(text: str) -> tuple[int, int]:
    if any(separator in text for separator in _SEPARATORS):
        others = max(map(len, _OTHER_RUN.findall(text)), default=1)
    else:  # the same, five times faster
        others = max(map(len, text.split()), default=1)
    return max(map(len, _WHITESPACE_RUN.findall(text)), default=1), max(others, 1)


def reach_in(reach: Reach, runs: tuple[int, int]) -> int:
    """How many characters a reach spans in a text with these longest runs."""
    return reach[0] + reach[1] * runs[0] + reach[2] * runs[1]


def _sequence(items: list[Any]) -> Reach | None:
    characters = spaces = others = 0
    for op, argument in items:
        width = _item(op, argument)
        if width is None:
            return None
        characters += width[0]
        spaces += width[1]
        others += width[2]
    return characters, spaces, others


def _item(op: Any, argument: Any) -> Reach | None:
    if op in _ONE:
        return 1, 0, 0
    if op is sre_constants.AT:
        return 0, 0, 0
    if op is sre_constants.SUBPATTERN:
        return _sequence(list(argument[-1]))
    if op is getattr(sre_constants, "ATOMIC_GROUP", None):
        return _sequence(list(argument))
    if op in _LOOKAROUNDS:  # what it tests lies beside the match: count it in full
        return _sequence(list(argument[1]))
    if op is sre_constants.BRANCH:
        widths = [_sequence(list(branch)) for branch in argument[1]]
        if any(width is None for width in widths):
            return None
        known = [width for width in widths if width is not None]
        return (max(width[0] for width in known), max(width[1] for width in known),
                max(width[2] for width in known))
    if op in _REPEATS:
        _, high, item = argument
        if high is sre_constants.MAXREPEAT:
            items = list(item)
            if _whitespace_only(items):
                return 0, 1, 0
            return (0, 0, 1) if _no_whitespace(items) else None
        width = _sequence(list(item))
        return None if width is None else (width[0] * high, width[1] * high, width[2] * high)
    return None  # backreferences, conditionals: no bound


def _whitespace_only(items: list[Any]) -> bool:
    """Tell whether a repeated item matches one whitespace character and nothing else."""
    if len(items) != 1:
        return False
    op, argument = items[0]
    if op is sre_constants.LITERAL:
        return chr(argument).isspace()
    if op is sre_constants.IN:
        return bool(argument) and all(
            (kind is sre_constants.CATEGORY and value is sre_constants.CATEGORY_SPACE)
            or (kind is sre_constants.LITERAL and chr(value).isspace())
            for kind, value in argument)
    return False


def _no_whitespace(items: list[Any]) -> bool:
    """Tell whether a repeated item matches one character that is never whitespace."""
    if len(items) != 1:
        return False
    op, argument = items[0]
    if op is sre_constants.LITERAL:
        return not chr(argument).isspace()
    if op is not sre_constants.IN or not argument:
        return False
    if argument[0][0] is sre_constants.NEGATE:  # [^\s…]: whatever \s is not
        return (sre_constants.CATEGORY, sre_constants.CATEGORY_SPACE) in argument
    return all((kind is sre_constants.CATEGORY and value in _NOT_WHITESPACE)
               or (kind is sre_constants.LITERAL and not chr(value).isspace())
               or (kind is sre_constants.RANGE
                   and not any(chr(code).isspace() for code in range(value[0], value[1] + 1)))
               for kind, value in argument)
