"""Word pairs a rule cannot match without: a document test before any window is searched.

An anchor is one literal (``not``); most rules need more: ``or\\s+not\\s+of`` cannot match a
text that nowhere has *or* and *not* side by side. Read from the parsed expression, a rule's
*phrases* are two literals with required whitespace between them (``or not``), in sets of
which a match holds one each; a document whose runs of whitespace are made single spaces
(``collapse_spaces``) must hold one phrase of the rule's chosen set for the rule to run at
all. Like anchors, phrases are a necessary condition only: the expression decides.
"""

from __future__ import annotations

import itertools
import sys
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants

else:  # pragma: no cover - Python 3.10
    import sre_constants

# More alternatives than this in one literal choice, or phrases in one set: not worth it.
MAX_CHOICES = 64
MIN_PHRASE = 5  # shorter phrases ("of a") are everywhere
# Ways through an expression read for phrases, and phrases a rule may need one of, at most.
MAX_PATHS = 32
MAX_UNION = 256
# The literal choice of each item read, by the item's kind and the id of what it holds.
Choices = dict[tuple[Any, int], "set[str] | None"]


def collapse_spaces(text: str) -> str:
    """``text`` with each run of whitespace one space. ``str.split`` takes as whitespace
    every character ``\\s`` matches (and a few control characters more), so a phrase a
    rule matches across any whitespace is found."""
    return " ".join(text.split())


def required_phrases(parsed: Any, common: frozenset[str]) -> tuple[str, ...]:
    """The most selective set of phrases one of which every match holds (empty when the
    expression has none worth testing). ``common``: words too frequent to count on.

    An expression of alternatives (``a\\s+b|c\\s+d``, an optional part) is read path by
    path: each way through it gives its own set, and a match holds a phrase of the union."""
    paths = _paths(_flattened(list(parsed)))
    if paths is None:
        return ()
    chosen: set[str] = set()
    choices: Choices = {}  # the ways through share their items: each is read once
    for path in paths:
        usable = [phrases for phrases in _phrase_sets(path, choices)
                  if len(phrases) <= MAX_CHOICES and min(map(len, phrases)) >= MIN_PHRASE
                  and not any(all(word in common for word in phrase.split())
                              for phrase in phrases)]
        if not usable:
            return ()  # one way through holds no phrase worth testing
        chosen |= max(usable, key=lambda phrases: min(map(len, phrases)))
    if len(chosen) > MAX_UNION:
        return ()
    return tuple(sorted(chosen))


def _paths(items: list[Any]) -> list[list[Any]] | None:
    """The ways through a sequence: each alternation that is not a literal choice, and
    each optional part that is not one, opened (None past ``MAX_PATHS`` ways)."""
    paths: list[list[Any]] = [[]]
    for op, argument in items:
        alternatives = _alternatives(op, argument)
        if alternatives is None:
            for path in paths:
                path.append((op, argument))
            continue
        opened: list[list[Any]] = []
        for alternative in alternatives:
            tails = _paths(_flattened(alternative))
            if tails is None:
                return None
            opened.extend(path + tail for path in paths for tail in tails)
            if len(opened) > MAX_PATHS:
                return None
        paths = opened
    return paths


def _alternatives(op: Any, argument: Any) -> list[list[Any]] | None:
    """The alternatives of an alternation or an optional part that is not a literal
    choice (None for any other item)."""
    if op is sre_constants.BRANCH and literal_choices([(op, argument)]) is None:
        return [list(branch) for branch in argument[1]]
    if (op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and argument[:2] == (0, 1)
            and literal_choices(list(argument[2])) is None):
        return [[], list(argument[2])]
    return None


def _flattened(sequence: list[Any]) -> list[Any]:
    """The items of a sequence with plain groups opened (a group repeats nothing), except
    the groups that are a literal choice themselves."""
    items: list[Any] = []
    for op, argument in sequence:
        if op is sre_constants.SUBPATTERN and literal_choices(list(argument[-1])) is None:
            items.extend(_flattened(list(argument[-1])))
        else:
            items.append((op, argument))
    return items


def _phrase_sets(items: list[Any], choices: Choices) -> list[frozenset[str]]:
    """Phrases from each literal choice, required whitespace, literal choice in sequence
    (``choices``: the literal choices of the items already read)."""
    sets: list[frozenset[str]] = []
    for before, after in itertools.pairwise(_words(items, choices)):
        if before is not None and after is not None:
            pairs = {f"{first} {second}" for first, second in itertools.product(before, after)}
            if len(pairs) <= MAX_CHOICES:
                sets.append(frozenset(pairs))
    return sets


def _words(items: list[Any], choices: Choices) -> list[set[str] | None]:
    """The parts of a sequence between required whitespace: each the literal choice it is
    (literals side by side joined), or None when it is anything else."""
    words: list[set[str] | None] = []
    current: set[str] | None = None
    open_part = False  # something since the last required whitespace
    for op, argument in items:
        if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue  # consumes nothing
        if is_required_space(op, argument):
            words.append(current if open_part else None)
            current, open_part = None, False
            continue
        key = (op, id(argument))
        if key not in choices:
            choices[key] = literal_choices([(op, argument)])
        choice = choices[key]
        if choice is None or (open_part and current is None):
            current = None
        else:
            joined = {before + after for before, after in
                      itertools.product(current if open_part and current else {""}, choice)}
            current = joined if len(joined) <= MAX_CHOICES else None
        open_part = True
    words.append(current if open_part else None)
    return words


def literal_choices(sequence: list[Any]) -> set[str] | None:
    """The lower-case strings a sequence matches when it is a fixed choice of literals
    (``ab``, ``(?:or|and)``, ``[oó]n``), else None."""
    choices = {""}
    for op, argument in sequence:
        if op is sre_constants.LITERAL:
            options = {chr(argument).lower()}
        elif op is sre_constants.IN and all(kind is sre_constants.LITERAL
                                            for kind, _ in argument):
            options = {chr(code).lower() for _, code in argument}
        elif op is sre_constants.SUBPATTERN:
            inner = literal_choices(list(argument[-1]))
            if inner is None:
                return None
            options = inner
        elif op is sre_constants.BRANCH:
            options = set()
            for branch in argument[1]:
                inner = literal_choices(list(branch))
                if inner is None:
                    return None
                options |= inner
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and argument[:2] in (
                (0, 1), (1, 1)):  # "s?"
            inner = literal_choices(list(argument[2]))
            if inner is None:
                return None
            options = inner | {""} if argument[0] == 0 else inner
        else:
            return None
        choices = {before + after for before, after in itertools.product(choices, options)}
        if len(choices) > MAX_CHOICES:
            return None
    return choices if choices != {""} else None


def is_required_space(op: Any, argument: Any) -> bool:
    """Tell whether a parsed item is ``\\s`` or ``\\s+`` (at least one whitespace)."""
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and argument[0] >= 1:
        items = list(argument[2])
        return len(items) == 1 and is_required_space(*items[0])
    return op is sre_constants.IN and list(argument) == [
        (sre_constants.CATEGORY, sre_constants.CATEGORY_SPACE)]

