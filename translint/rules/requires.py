"""Literals a rule's match cannot do without: clauses a window is tested with before the
rule's expression runs there.

Read from the parsed expression, a rule's *clauses* are sets of lower-case literals of which
every match holds one each (a conjunction of disjunctions): the runs of literal characters
in sequence, the clauses of a group that must match, and for alternatives (``a|b``) the
clauses every alternative has one of, combined: ``over\\s+one\\s+year|per\\s+cent\\s+over``
needs *over*, and *one* or *per*, and so on. What lookarounds test is not part of a match,
and optional parts require nothing. Like anchors and phrases, clauses are a necessary
condition only: the expression decides. They are tested on the lower-case text, as
anchors are found, and hold only ASCII: the one letter that case-insensitive matching takes
for an ASCII letter and that does not lower-case to it is the long s (``ſ``, for *s*), and
*İ* lower-cases to two characters (``trusted_case`` tells texts free of both).
"""

from __future__ import annotations

import itertools
import sys
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants

else:  # pragma: no cover - Python 3.10
    import sre_constants

Clause = frozenset[str]
# Lower-case text holding one of these may not hold a clause its match does (see above).
UNTRUSTED_CASE = ("\u017f", "\u0307")
MIN_LITERAL = 2  # a one-letter literal is in almost every window
MAX_LITERALS = 4  # in one clause: more are slower to test than the expression to run
PER_BRANCH = 4  # clauses of each alternative combined (the most selective ones)
MAX_CLAUSES = 3  # clauses a rule keeps (the most selective ones)


def required_clauses(parsed: Any, common: frozenset[str],
                     shortest: int = MIN_LITERAL) -> tuple[tuple[str, ...], ...]:
    """The most selective clauses of a parsed expression (``sre_parse``), longest literals
    first; clauses made only of ``common`` words (found in every window) are left out, and
    clauses with a literal shorter than ``shortest`` (one character is worth testing on a
    whole text, not on a window)."""
    clauses = [clause for clause in _sequence(list(parsed))
               if not all(literal.strip() in common for literal in clause)
               and _strength(clause) >= shortest]
    ranked = sorted(set(clauses), key=lambda clause: (-_strength(clause), sorted(clause)))
    return tuple(tuple(sorted(clause, key=lambda literal: (-len(literal), literal)))
                 for clause in ranked[:MAX_CLAUSES])


def _strength(clause: Clause) -> int:
    """How selective a clause is: the length of its shortest literal."""
    return min(len(literal) for literal in clause)


def _usable(clause: Clause) -> bool:
    return 0 < len(clause) <= MAX_LITERALS and all(
        literal and literal.isascii() for literal in clause)


def _sequence(items: list[Any]) -> list[Clause]:
    """The clauses of a parsed sequence: each run of literals, and each item's clauses."""
    clauses: list[Clause] = []
    run: list[str] = []
    for op, argument in items:
        if op is sre_constants.LITERAL:
            run.append(chr(argument).lower())
            continue
        if run:
            clauses.append(frozenset({"".join(run)}))
            run = []
        clauses.extend(_item(op, argument))
    if run:
        clauses.append(frozenset({"".join(run)}))
    return [clause for clause in clauses if _usable(clause)]


def _item(op: Any, argument: Any) -> list[Clause]:
    """The clauses of one item that is not a literal (none for what may match nothing,
    for lookarounds, and for anything but groups, alternatives and repeats)."""
    if op is sre_constants.SUBPATTERN:
        return _sequence(list(argument[-1]))
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and argument[0] >= 1:
        return _sequence(list(argument[2]))
    if op is sre_constants.BRANCH:
        return _alternatives([_sequence(list(branch)) for branch in argument[1]])
    return []


def _alternatives(branches: list[list[Clause]]) -> list[Clause]:
    """Clauses every alternative satisfies: the union of one clause of each, for every
    choice of one (of each alternative's ``PER_BRANCH`` most selective clauses)."""
    if not branches or not all(branches):
        return []  # an alternative requires nothing
    best = [sorted(set(clauses), key=lambda clause: (-_strength(clause), sorted(clause)))
            [:PER_BRANCH] for clauses in branches]
    if len(branches) > 3:  # choices multiply: one clause of each alternative
        best = [clauses[:1] for clauses in best]
    combined: set[Clause] = set()
    for choice in itertools.product(*best):
        clause = frozenset().union(*choice)
        if _usable(clause):
            combined.add(clause)
        if len(combined) >= MAX_LITERALS:
            break
    return list(combined)


def requires_digit(parsed: Any) -> bool:
    """Tell whether every match of a parsed expression (``sre_parse``) holds a decimal digit
    (``\\d``, ``[0-9]``, ``7``): a window without one need not be searched. What lookarounds
    test is not part of a match, and optional parts require nothing."""
    return any(_digit_item(op, argument) for op, argument in list(parsed))


def _digit_item(op: Any, argument: Any) -> bool:
    if op is sre_constants.LITERAL:
        return chr(argument).isdecimal()
    if op is sre_constants.IN:
        return bool(argument) and all(
            (kind is sre_constants.CATEGORY and value is sre_constants.CATEGORY_DIGIT)
            or (kind is sre_constants.LITERAL and chr(value).isdecimal())
            or (kind is sre_constants.RANGE and all(chr(code).isdecimal()
                                                    for code in range(value[0], value[1] + 1)))
            for kind, value in argument)
    if op is sre_constants.SUBPATTERN:
        return requires_digit(argument[-1])
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and argument[0] >= 1:
        return requires_digit(argument[2])
    if op is sre_constants.BRANCH:
        return all(requires_digit(branch) for branch in argument[1])
    return False


def trusted_case(lowered: str) -> bool:
    """Tell whether the clauses of a match are sure to be in ``lowered`` (the text lower-
    cased) where the match is: no long s, no *İ*."""
    return not any(character in lowered for character in UNTRUSTED_CASE)
