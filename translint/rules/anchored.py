"""The anchor index phrasing and wire rules run on.

Every rule gets *anchors*: the literal words it cannot match without (for a regex, read
from its parsed form). One Aho–Corasick pass over the text finds the anchors, and only the
rules whose anchors occur run their expression, in a window around each anchor.
"""

from __future__ import annotations

import functools
import re
import sys
import time
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

import ahocorasick
import regex

from translint.errors import RuleTimeout
from translint.languages import union
from translint.rules.phrases import (
    collapse_spaces,
    is_required_space,
    literal_choices,
    required_phrases,
)
from translint.rules.reach import expression_reach, longest_runs, reach_in
from translint.rules.requires import required_clauses, requires_digit, trusted_case
from translint.rules.safety import time_limit
from translint.spans import longest_first
from translint.text.long_scan import iter_long

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants
    from re import _parser as sre_parse

else:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse

# An anchor: a lower-case literal, and where it must stand: anywhere (0, False), at the
# start of a word (1, True) or as a whole word (2: a token pattern's word).
Anchor = tuple[str, int]
ANYWHERE, WORD_START, WHOLE_WORD = 0, 1, 2
MIN_ANCHOR = 3
# Marks too common in prose to anchor a rule on (``_anchorable``).
COMMON_MARKS = frozenset(".,;!?-–—'\"‘’“”«»()[]_")
# How far around an anchor a rule's expression looks for its match, at most
# (``translint.rules.reach``: most rules reach less far).
WINDOW = 160
_DIGIT = re.compile(r"\d")


def regex_anchors(source: str) -> tuple[Anchor, ...]:
    """Literals a regex cannot match without one of (empty when it has no such literals).

    Read from the parsed expression: runs of literal characters in sequence, and the
    alternatives of a group or branch when every alternative has its own literal. A
    literal right after ``\\b`` must start a word.
    """
    try:
        return parsed_anchors(sre_parse.parse(source, re.IGNORECASE))[0]
    except re.error:
        return ()


def parsed_anchors(parsed: Any) -> tuple[tuple[Anchor, ...], tuple[tuple[str, ...], ...]]:
    """The anchors of an expression already parsed with ``sre_parse``, and the sets of
    literals of which a match holds one each."""
    sets = _anchor_sets(list(parsed), False)
    return best_anchors(sets), required_literals(sets)


def required_literals(sets: list[tuple[Anchor, ...]]) -> tuple[tuple[str, ...], ...]:
    """Sets of literals of which a match holds one each: a cheap test before an expression
    runs (``in`` on the window), worth it only for literals of two letters or more."""
    return tuple(tuple(literal.lower() for literal, _ in anchors) for anchors in sets
                 if min(len(literal.strip()) for literal, _ in anchors) >= 2)


def _anchor_sets(sequence: list[Any], boundary: bool) -> list[tuple[Anchor, ...]]:
    """For a parsed sequence: sets of anchors of which one must occur, one set per part.

    ``boundary`` tells whether the sequence starts right after a word boundary.
    """
    sets: list[tuple[Anchor, ...]] = []
    run: list[str] = []
    run_at_word_start = False
    for op, argument in sequence:
        if op is sre_constants.LITERAL:
            if not run:
                run_at_word_start = boundary
            run.append(chr(argument))
            boundary = False
            continue
        if op is sre_constants.AT:  # consumes nothing
            boundary = boundary or argument is sre_constants.AT_BOUNDARY
            continue
        choices = literal_choices([(op, argument)]) if run else None
        if choices is not None:  # "law(?:s|)", as "laws|law" is parsed: one literal each
            sets.append(tuple(("".join(run) + choice, run_at_word_start)
                              for choice in sorted(choices)))
            run, boundary = [], False
            continue
        if run:
            sets.append((("".join(run), run_at_word_start),))
            run = []
        if is_required_space(op, argument):
            boundary = True  # after \\s+ a literal starts a word
            continue
        inner: tuple[Anchor, ...] = ()
        if op is sre_constants.SUBPATTERN:
            inner = best_anchors(_anchor_sets(list(argument[-1]), boundary))
        elif op is sre_constants.BRANCH:
            branches = [best_anchors(_anchor_sets(list(branch), boundary))
                        for branch in argument[1]]
            if all(branches):
                inner = tuple(anchor for branch in branches for anchor in branch)
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and argument[0] >= 1:
            inner = best_anchors(_anchor_sets(list(argument[2]), boundary))
        if inner:
            sets.append(inner)
        boundary = False
    if run:
        sets.append((("".join(run), run_at_word_start),))
    return sets


@functools.cache
def common_words() -> frozenset[str]:
    """Words too frequent to be good anchors (a rule anchored on them would run
    everywhere): every language file's ``common_words``."""
    return union(lambda each: each.common_words)


def best_anchors(sets: list[tuple[Anchor, ...]]) -> tuple[Anchor, ...]:
    """The most selective set: no very common word in it, then the longest shortest literal.

    Sets with a literal under ``MIN_ANCHOR`` characters are not used, but for a single
    mark that prose seldom holds (``%``, ``:``, ``$``): a rule for "the 40% of" is searched
    around its "%", not around every "the".
    """
    usable = [tuple((literal.lower(), start) for literal, start in anchors) for anchors in sets
              if all(_anchorable(literal) for literal, _ in anchors)]
    if not usable:
        return ()
    common = common_words()
    return max(usable, key=lambda anchors: (
        not any(literal.strip() in common for literal, _ in anchors),
        min(len(literal) for literal, _ in anchors),
        all(start for _, start in anchors)))


def _anchorable(literal: str) -> bool:
    """Tell whether a literal may be an anchor: ``MIN_ANCHOR`` characters, or one mark
    that is not in every sentence (punctuation, quotes, brackets and dashes are)."""
    stripped = literal.strip()
    return len(stripped) >= MIN_ANCHOR or (
        len(stripped) == 1 and not stripped.isalnum() and stripped not in COMMON_MARKS)


class AnchoredRule(Protocol):
    """What an index needs of a rule: its expression, the literals it requires, and what
    to say when it runs too long (its ``label`` and the ``remedy``)."""

    @property
    def source(self) -> str: ...

    @property
    def expression(self) -> regex.Pattern[str]: ...

    @property
    def anchors(self) -> tuple[Anchor, ...]: ...

    @property
    def required(self) -> tuple[tuple[str, ...], ...]: ...

    @property
    def label(self) -> str: ...

    @property
    def remedy(self) -> str: ...


RuleT = TypeVar("RuleT", bound=AnchoredRule)


@dataclass(frozen=True)
class RuleMatch(Generic[RuleT]):
    """A rule matched at a span of the text."""

    start: int
    end: int
    rule: RuleT


class AnchoredIndex(Generic[RuleT]):
    """Rules found in a text through their anchors: one automaton pass, then only the
    expressions of the rules whose anchors occur (rules without anchors always run).

    Rules with the same expression (packs for several source languages share calques)
    run once; ``find`` reports a match for the first of them, as it would win anyway,
    ``find_every`` for each of them.
    """

    def __init__(self, rules: Iterable[RuleT]) -> None:
        self.rules: list[RuleT] = list(rules)
        distinct: dict[str, int] = {}
        for number, rule in enumerate(self.rules):
            distinct.setdefault(rule.source, number)
        running = sorted(distinct.values())
        # The rules that share the expression of each rule that runs, itself first.
        self._twins: dict[int, tuple[int, ...]] = {number: () for number in running}
        for number, rule in enumerate(self.rules):
            first = distinct[rule.source]
            self._twins[first] = (*self._twins[first], number)
        self._always = [number for number in running if not self.rules[number].anchors]
        # By where the literal must stand: anywhere, at a word start, as a whole word.
        placed: tuple[dict[str, list[int]], ...] = ({}, {}, {})
        for number in running:
            for literal, where in self.rules[number].anchors:
                placed[where].setdefault(literal, []).append(number)
        parsed = {number: _parsed(self.rules[number]) for number in running}
        common = common_words()
        # What a window must hold: the rule's literal sets but the one its anchor already
        # is, and the clauses of its expression (``translint.rules.requires``).
        self._required = {number: _window_tests(self.rules[number], parsed[number], common)
                          for number in running}
        self._beyond = {number: _beyond_anchors(self.rules[number]) for number in running}
        # How far from its anchor each rule's match can reach (None: up to ``WINDOW``).
        self._reach = {number: expression_reach(parsed[number]) for number in running}
        # The rules whose every match holds a digit: a window without one is not searched.
        self._digit = frozenset(number for number in running if parsed[number] is not None
                                and requires_digit(parsed[number]))
        # What a text must hold for a rule without anchors to run on it.
        self._whole = {number: required_clauses(parsed[number], common, shortest=1)
                       if parsed[number] is not None else () for number in self._always}
        self._automaton = ahocorasick.Automaton()
        for literal in placed[0].keys() | placed[1].keys() | placed[2].keys():
            self._automaton.add_word(literal, (len(literal), *(
                tuple(numbers.get(literal, ())) for numbers in placed)))
        self._empty = not any(placed)
        if not self._empty:
            self._automaton.make_automaton()
        # Word pairs a rule needs somewhere in the text (``translint.rules.phrases``): a
        # rule whose anchors occur but none of whose phrases do does not run.
        self._phrases = {number: frozenset(required_phrases(parsed[number], common))
                         if parsed[number] is not None else frozenset() for number in running}
        self._phrase_automaton = ahocorasick.Automaton()
        for phrase in {phrase for phrases in self._phrases.values() for phrase in phrases}:
            self._phrase_automaton.add_word(phrase, phrase)
        if len(self._phrase_automaton):
            self._phrase_automaton.make_automaton()

    def find(self, prose: str, lowered: str) -> list[RuleMatch[RuleT]]:
        """Every rule match in ``prose``; where matches overlap the longest stays.

        A rule's expression runs only in windows of ``WINDOW`` characters around the
        places its anchors occur (lookbehinds still see before a window). A rule that runs
        past its time limit (``time_limit``) raises ``RuleTimeout``.
        """
        return longest_first(RuleMatch(start, end, self.rules[number])
                             for number, start, end in self._found(prose, lowered))

    def find_every(self, prose: str, lowered: str,
                   costs: dict[str, float] | None = None) -> list[RuleMatch[RuleT]]:
        """Every match of every rule, overlapping ones included (what each rule matches
        on its own: ``translint phrasing gate`` measures rules with it, TL201 and TL210
        count calques pack by pack): a match of an expression several rules share is
        reported once for each of them, in the order of the rules.

        ``costs``: where to add the CPU seconds each expression's searches take (by the
        expression's source; its compiling is not counted)."""
        return [RuleMatch(start, end, self.rules[twin])
                for number, start, end in self._found(prose, lowered, costs)
                for twin in self._twins[number]]

    def _found(self, prose: str, lowered: str,
               costs: dict[str, float] | None = None) -> list[tuple[int, int, int]]:
        """The matches of the expressions that run: (rule number, start, end)."""
        search = _matches if costs is None else functools.partial(_timed_matches, costs)
        # Each rule's anchor places as offsets (first, end, …): no tuple per place.
        anchored: defaultdict[int, array[int]] = defaultdict(_offsets)
        size = len(prose)
        if not self._empty:
            for last, (length, anywhere, at_word_start, whole_word) in iter_long(
                    self._automaton, lowered):
                first = last - length + 1
                place = (first, last + 1)
                for number in anywhere:
                    anchored[number].extend(place)
                if (at_word_start or whole_word) and (
                        first == 0 or not lowered[first - 1].isalnum()):
                    for number in at_word_start:
                        anchored[number].extend(place)
                    if whole_word and (last + 1 == size or not lowered[last + 1].isalnum()):
                        for number in whole_word:
                            anchored[number].extend(place)
        found: list[tuple[int, int, int]] = []
        seen: set[tuple[int, int, int]] = set()
        present: set[str] | None = None
        trusted = trusted_case(lowered)
        tests = self._required if trusted else self._beyond
        digits = self._digit
        # Lower-casing that changes a text's length moves its places: full windows then.
        exact = trusted and len(lowered) == size
        runs: tuple[int, int] | None = None
        for number, places in anchored.items():
            phrases = self._phrases[number]
            if phrases:
                if present is None:  # once a text, and only when a rule with phrases may run
                    present = {phrase for _, phrase in
                               iter_long(self._phrase_automaton, collapse_spaces(lowered))}
                if present.isdisjoint(phrases):
                    continue
            rule = self.rules[number]
            required = tests[number]
            digit = number in digits
            reach = self._reach[number]
            half = WINDOW
            if exact and reach is not None:
                if runs is None:
                    runs = longest_runs(prose)
                half = min(WINDOW, reach_in(reach, runs))
            pairs = iter(places)
            spans = [(first - half if first > half else 0,  # not max()/min(): this is hot
                      end + half if end + half < size else size)
                     for first, end in zip(pairs, pairs, strict=True)]
            for start, end in _merged(spans) if len(spans) > 1 else spans:
                if required and not _holds(lowered, required, start, end):
                    continue  # a literal the rule needs is not in this window
                if digit and _DIGIT.search(prose, start, end) is None:
                    continue  # nor a digit
                for match in search(rule, prose, start, end):
                    key = (number, *_focus(match))
                    if key[2] > key[1] and key not in seen:
                        seen.add(key)
                        found.append(key)
        has_digit: bool | None = None
        for number in self._always:
            whole = self._whole[number]
            if whole and trusted and not _holds(lowered, whole, 0, len(lowered)):
                continue  # the text lacks a literal the rule needs
            if number in digits:
                if has_digit is None:
                    has_digit = _DIGIT.search(prose) is not None
                if not has_digit:
                    continue
            for match in search(self.rules[number], prose, 0, len(prose)):
                first, last = _focus(match)
                if last > first:
                    found.append((number, first, last))
        return found


def _parsed(rule: AnchoredRule) -> Any:
    """The rule's expression parsed by ``sre_parse`` (None when only ``regex`` reads it)."""
    try:
        return sre_parse.parse(rule.source, re.IGNORECASE)
    except re.error:
        return None


def _window_tests(rule: AnchoredRule, parsed: Any,
                  common: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    """The literal sets a window must hold one each of: the rule's ``required`` but the
    one its anchors are, then its expression's clauses (none twice)."""
    tests = list(_beyond_anchors(rule))
    anchored = {literal for literal, _ in rule.anchors}
    for clause in required_clauses(parsed, common) if parsed is not None else ():
        if set(clause) != anchored and not any(set(clause) == set(test) for test in tests):
            tests.append(clause)
    return tuple(tests)


def _beyond_anchors(rule: AnchoredRule) -> tuple[tuple[str, ...], ...]:
    """The rule's required literal sets but the one its anchors are (a window opened on an
    anchor holds it already)."""
    anchored = {literal for literal, _ in rule.anchors}
    return tuple(literals for literals in rule.required if set(literals) != anchored)


def _matches(rule: AnchoredRule, text: str, start: int, end: int) -> list[regex.Match[str]]:
    """The matches of a rule's expression in ``text[start:end]``; past its time limit, a
    ``RuleTimeout`` naming the rule and the line the search had reached."""
    limit = time_limit(end - start)
    matches: list[regex.Match[str]] = []
    try:
        expression = rule.expression
        first = expression.search(text, start, end, timeout=limit)
        if first is None:  # most windows: one call, no iterator
            return matches
        for match in expression.finditer(text, first.start(), end, timeout=limit):
            matches.append(match)
    except TimeoutError:
        reached = matches[-1].end() if matches else start
        line = text.count("\n", 0, reached) + 1
        where = "" if reached == 0 else f" near line {line}"  # not at the start of the text
        raise RuleTimeout(f'rule "{rule.label}" took over {limit:.3g} s{where}; '
                          f"{rule.remedy}") from None
    return matches


def _offsets() -> array[int]:
    """An empty array of offsets (``_found``)."""
    return array("q")


def _timed_matches(costs: dict[str, float], rule: AnchoredRule, text: str, start: int,
                   end: int) -> list[regex.Match[str]]:
    """``_matches``, adding the CPU time the search takes to ``costs[rule.source]``."""
    rule.expression  # noqa: B018 - compiled before the clock starts
    begin = time.thread_time()
    try:
        return _matches(rule, text, start, end)
    finally:
        costs[rule.source] = costs.get(rule.source, 0.0) + time.thread_time() - begin


def _focus(match: regex.Match[str]) -> tuple[int, int]:
    """The span a finding covers: the group named ``fix`` if the expression has one."""
    fix = "fix" in match.re.groupindex and match.start("fix") >= 0
    span: tuple[int, int] = match.span("fix") if fix else match.span()
    return span


def _holds(text: str, required: tuple[tuple[str, ...], ...], start: int, end: int) -> bool:
    """Tell whether ``text[start:end]`` holds one literal of every required set."""
    for literals in required:  # loops, not all(any(…)): this runs for most windows
        for literal in literals:
            if text.find(literal, start, end) >= 0:
                break
        else:
            return False
    return True


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join overlapping windows."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
