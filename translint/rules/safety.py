"""No rule may hang a run: nested repeats are refused when a rule loads, and every search
of a rule's expression runs under a time limit.

An expression with a large repeat inside another (``(a+)+``, ``(\\w*)*``), which can take
exponential time on a text it almost matches, is refused (``nested_repeat``). Expressions run
on the ``regex`` engine, whose matching stops after ``TIME_LIMIT`` seconds (more on long
texts, see ``time_limit``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

from translint.errors import RuleError

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants
    from re import _parser as sre_parse

else:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse

# How long one run of a rule's expression may take, in seconds: a window of a few hundred
# characters takes microseconds; a rule without anchors runs over the whole text, so the
# limit grows by TIME_LIMIT_PER_MB for every million characters the expression runs over.
TIME_LIMIT = 1.0
TIME_LIMIT_PER_MB = 1.0
# A repeat whose maximum is above this counts as unbounded when looking for nested repeats.
LARGE_REPEAT = 16

_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)
# Possessive repeats and atomic groups (parsed from Python 3.11 on) never backtrack into
# what they matched.
_POSSESSIVE_REPEAT = getattr(sre_constants, "POSSESSIVE_REPEAT", None)
_ATOMIC_GROUP = getattr(sre_constants, "ATOMIC_GROUP", None)
_QUANTIFIER = re.compile(r"(?:[*+?]|\{\d*,?\d*\})[?+]?")
_EXCERPT = 80


def nested_repeat(source: str, flags: int = re.IGNORECASE, parsed: Any = None) -> str | None:
    """The part of ``source`` where a large repeat holds another, as ``(a+)+``, or None.

    Such an expression can take exponential time on a text it almost matches. A repeat is
    large when its maximum is unbounded or above ``LARGE_REPEAT``; the inner one counts
    only if it can match a non-empty string. ``parsed``: ``source`` already parsed.
    """
    if not _has_nested_repeat(parsed if parsed is not None else sre_parse.parse(source, flags),
                              False):
        return None
    for group in _repeated_groups(source):
        try:
            if _has_nested_repeat(sre_parse.parse(group, flags), False):
                return group if len(group) <= _EXCERPT else group[:_EXCERPT - 1] + "…"
        except re.error:
            continue  # a back-reference to a group outside, say
    return source if len(source) <= _EXCERPT else source[:_EXCERPT - 1] + "…"


def _has_nested_repeat(sequence: Any, in_repeat: bool) -> bool:
    """Tell whether a parsed sequence holds a large repeat inside a large repeat
    (``in_repeat``: the sequence is already inside one). Lookarounds, atomic groups and
    possessive repeats do not backtrack into what they matched: inside them, a repeat is
    judged on its own."""
    for op, argument in sequence:
        inner: list[tuple[Any, bool]]
        if op in _REPEATS:
            _, maximum, body = argument  # an unbounded maximum is MAXREPEAT, a large number
            large = maximum > LARGE_REPEAT and body.getwidth()[1] > 0
            if large and in_repeat:
                return True
            inner = [(body, in_repeat or large)]
        elif op is sre_constants.SUBPATTERN:
            inner = [(argument[-1], in_repeat)]
        elif op is sre_constants.BRANCH:
            inner = [(branch, in_repeat) for branch in argument[1]]
        elif op is sre_constants.GROUPREF_EXISTS:
            inner = [(branch, in_repeat) for branch in argument[1:] if branch is not None]
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            inner = [(argument[1], False)]
        elif op is _POSSESSIVE_REPEAT:
            inner = [(argument[2], False)]
        elif op is _ATOMIC_GROUP:
            inner = [(argument, False)]
        else:
            continue
        if any(_has_nested_repeat(part, inside) for part, inside in inner):
            return True
    return False


def _repeated_groups(source: str) -> Iterator[str]:
    """Every group of ``source`` with the quantifier after it (``(a+)+``), inner ones first."""
    opened: list[int] = []
    index = 0
    in_class = False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 1  # the escaped character is skipped below
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += 1 if source.startswith("^", index + 1) else 0
            index += 1 if source.startswith("]", index + 1) else 0  # a ] first is literal
        elif char == "(":
            opened.append(index)
        elif char == ")" and opened:
            start = opened.pop()
            quantifier = _QUANTIFIER.match(source, index + 1)
            if quantifier:
                yield source[start:quantifier.end()]
        index += 1


def refuse_nested_repeat(source: str, flags: int, what: str, path: str, line: int,
                         parsed: Any = None) -> None:
    """Raise a ``RuleError`` at ``path:line`` naming ``what`` (``rule "id"``) if ``source``
    has a large repeat inside a large repeat (see ``nested_repeat``)."""
    nested = nested_repeat(source, flags, parsed)
    if nested is not None:
        raise RuleError(f"{what}: nested repeats ({nested}) can take exponential time; "
                        "rewrite the expression without a repeat inside a repeat, or bound "
                        f"the outer one ({{1,{LARGE_REPEAT}}} at most)", path, line)


def time_limit(length: int) -> float:
    """How long a rule's expression may run over ``length`` characters, in seconds."""
    return TIME_LIMIT + TIME_LIMIT_PER_MB * length / 1_000_000
