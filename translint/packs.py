"""Phrasing rule packs: data files of calques and false friends, compiled for matching.

A pack (``translint/rules/phrasing/<source>-<target>.toml``) holds rules for copy in
one *target* language translated from one or more *source* languages. A rule has an
``id``, either a token ``pattern`` or a ``regex``, a ``message`` naming the likely
source phrase, ``suggestions``, an optional ``severity`` and ``examples`` that must
and must not match.

Token patterns: tokens are separated by spaces and each matches one word, ignoring
case; ``a|b`` is any alternative, ``stem*`` any word starting with ``stem``, ``_``
any word, ``[token]`` an optional token, and a punctuation token (``,``) matches
with optional space around it. Between words any whitespace, one line break included.

A regex may name the part a suggestion replaces, ``(?P<fix>…)``: the finding then covers
that part only, while the rest of the expression is context ("there is still | a long
way to come").

Every rule gets *anchors*: the literal words it cannot match without (for a regex,
read from its parsed form). One Aho–Corasick pass over the text finds the anchors,
and only the rules whose anchors occur run their expression.

No rule may hang a run. An expression with a large repeat inside another (``(a+)+``,
``(\\w*)*``), which can take exponential time on a text it almost matches, is refused
when its pack loads (``nested_repeat``). Expressions run on the ``regex`` engine, whose
matching stops after ``TIME_LIMIT`` seconds (more on long texts, see ``time_limit``):
a rule that runs longer raises ``RuleTimeout`` and the text is reported as an error.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

import ahocorasick
import regex

from translint.errors import RuleError, RuleTimeout
from translint.findings import Severity
from translint.spans import longest_first
from translint.text.read import read_text_file
from translint.tomldata import parse_toml

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants
    from re import _parser as sre_parse

else:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse


_RULE_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_LANG = re.compile(r"[a-z]{2,3}")
_WORD_TOKEN = re.compile(r"[\w'’.-]+\*?|_")
MIN_ANCHOR = 3
# Words too frequent to be good anchors: a rule anchored on them would run everywhere.
COMMON_WORDS = frozenset(
    "the and that for with from this was were are has have had his her its not but "
    "der die das und den dem des ein eine les des une que qui pour dans los las del por "
    "con para una che per della".split()
)
# How far around an anchor a rule's expression looks for its match.
WINDOW = 160
# How long one run of a rule's expression may take, in seconds: a window of a few hundred
# characters takes microseconds; a rule without anchors runs over the whole text, so the
# limit grows by TIME_LIMIT_PER_MB for every million characters the expression runs over.
TIME_LIMIT = 1.0
TIME_LIMIT_PER_MB = 1.0
# The ``regex`` engine as ``re`` would match: version 0 semantics, case ignored.
RULE_FLAGS = regex.VERSION0 | regex.IGNORECASE
# A repeat whose maximum is above this counts as unbounded when looking for nested repeats.
LARGE_REPEAT = 16
PACK_KEYS = frozenset({"id", "source", "target", "description"})
RULE_KEYS = frozenset({"id", "pattern", "regex", "message", "suggestions", "severity",
                       "examples", "note"})


# An anchor: a lower-case literal, and whether it must start a word where it occurs.
Anchor = tuple[str, bool]


@dataclass(frozen=True)
class Rule:
    """One phrasing rule; its expression is compiled on first use."""

    id: str
    pack: str
    source: str
    message: str
    suggestions: tuple[str, ...]
    severity: Severity | None
    anchors: tuple[Anchor, ...]
    required: tuple[tuple[str, ...], ...] = ()
    should_match: tuple[str, ...] = ()
    should_not_match: tuple[str, ...] = ()
    location: str = ""

    @property
    def qualified_id(self) -> str:
        """``pack/rule``, unique across packs."""
        return f"{self.pack}/{self.id}"

    @property
    def label(self) -> str:
        """How errors name the rule."""
        return self.qualified_id

    @property
    def remedy(self) -> str:
        """What a user can do about the rule when it runs too long."""
        return "fix or disable the rule (disabled_rules)"

    @functools.cached_property
    def expression(self) -> regex.Pattern[str]:
        """The compiled expression (most rules never run in a short text: compile late)."""
        return regex.compile(self.source, RULE_FLAGS)


@dataclass(frozen=True)
class Pack:
    """The rules for one target language translated from some source languages."""

    id: str
    source: tuple[str, ...]
    target: str
    rules: tuple[Rule, ...]
    description: str = ""
    path: str = ""


def bundled_pack_paths() -> list[Path]:
    """The phrasing packs shipped with translint, sorted by name."""
    folder = _bundled_folder()
    if not folder.is_dir():
        return []
    return sorted(item for item in folder.iterdir() if item.suffix == ".toml")


@functools.lru_cache(maxsize=1)
def _bundled_folder() -> Path:
    return Path(str(resources.files("translint") / "rules" / "phrasing")).resolve()


def compile_pattern(pattern: str) -> tuple[str, tuple[Anchor, ...], tuple[tuple[str, ...], ...]]:
    """Compile a token pattern to a regex source, its anchors, and every set of literals
    of which a match holds one each (see ``_required``)."""
    tokens = pattern.split()
    if not tokens:
        raise ValueError("the pattern is empty")
    parts: list[str] = []
    candidates: list[tuple[Anchor, ...]] = []
    for index, token in enumerate(tokens):
        optional = token.startswith("[") and token.endswith("]")
        body = token[1:-1] if optional else token
        alternatives = body.split("|")
        if not all(alternatives):
            raise ValueError(f"empty alternative in token {token!r}")
        is_punctuation = all(not _WORD_TOKEN.fullmatch(alt) for alt in alternatives)
        choice = "(?:" + "|".join(_alternative(alt) for alt in alternatives) + ")"
        separator = "" if index == 0 else (r"\s*" if is_punctuation else r"\s+")
        parts.append(f"(?:{separator}{choice})?" if optional else separator + choice)
        literals = tuple((alt.rstrip("*").lower(), True) for alt in alternatives if alt != "_")
        if not optional and len(literals) == len(alternatives) and not is_punctuation:
            candidates.append(literals)
    source = r"(?<!\w)" + "".join(parts) + r"(?!\w)"
    if tokens[-1].rstrip("]").endswith(tuple(",.;:!?")):
        source = source[: -len(r"(?!\w)")]
    return source, _best_anchors(candidates), _required(candidates)


def _alternative(alternative: str) -> str:
    if alternative == "_":
        return r"[\w'’-]+"
    if alternative.endswith("*"):
        return re.escape(alternative[:-1]) + r"\w*"
    return re.escape(alternative)


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
    return _best_anchors(sets), _required(sets)


def _required(sets: list[tuple[Anchor, ...]]) -> tuple[tuple[str, ...], ...]:
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
        if run:
            sets.append((("".join(run), run_at_word_start),))
            run = []
        if _is_required_space(op, argument):
            boundary = True  # after \\s+ a literal starts a word
            continue
        inner: tuple[Anchor, ...] = ()
        if op is sre_constants.SUBPATTERN:
            inner = _best_anchors(_anchor_sets(list(argument[-1]), boundary))
        elif op is sre_constants.BRANCH:
            branches = [_best_anchors(_anchor_sets(list(branch), boundary))
                        for branch in argument[1]]
            if all(branches):
                inner = tuple(anchor for branch in branches for anchor in branch)
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and argument[0] >= 1:
            inner = _best_anchors(_anchor_sets(list(argument[2]), boundary))
        if inner:
            sets.append(inner)
        boundary = False
    if run:
        sets.append((("".join(run), run_at_word_start),))
    return sets


def _is_required_space(op: Any, argument: Any) -> bool:
    """Tell whether a parsed item is ``\\s`` or ``\\s+`` (at least one whitespace)."""
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and argument[0] >= 1:
        items = list(argument[2])
        return len(items) == 1 and _is_required_space(*items[0])
    return op is sre_constants.IN and list(argument) == [
        (sre_constants.CATEGORY, sre_constants.CATEGORY_SPACE)]


def _best_anchors(sets: list[tuple[Anchor, ...]]) -> tuple[Anchor, ...]:
    """The most selective set: no very common word in it, then the longest shortest literal.

    Sets whose shortest literal is under ``MIN_ANCHOR`` characters are not used.
    """
    usable = [tuple((literal.lower(), start) for literal, start in anchors) for anchors in sets
              if min(len(literal.strip()) for literal, _ in anchors) >= MIN_ANCHOR]
    if not usable:
        return ()
    return max(usable, key=lambda anchors: (
        not any(literal.strip() in COMMON_WORDS for literal, _ in anchors),
        min(len(literal) for literal, _ in anchors),
        all(start for _, start in anchors)))


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


def load_pack(path: str | Path, compile_now: bool = False) -> Pack:
    """Load one pack file; ``compile_now`` compiles every expression at once, so that a
    user's pack with a bad expression is refused before any text is checked."""
    display = str(path)
    text = read_text_file(path, error=RuleError, what="rule pack")
    data = parse_toml(text, display, RuleError)
    lines = text.splitlines()
    header = data.get("pack")
    if not isinstance(header, dict):
        raise RuleError("a rule pack needs a [pack] table with id, source and target", display)
    _check_keys(header, PACK_KEYS, "[pack]", display, 1)
    pack_id = _text(header, "id", display, 1)
    target = _text(header, "target", display, 1)
    source = header.get("source", [])
    if isinstance(source, str):
        source = [source]
    if not _LANG.fullmatch(target) or not all(isinstance(code, str) and _LANG.fullmatch(code)
                                             for code in source):
        raise RuleError("source and target must be language codes such as \"es\"", display, 1)
    rules = []
    seen: set[str] = set()
    starts = rule_lines(lines)
    # The suite holds the bundled packs to the nested-repeat check; others are checked now.
    check_nesting = compile_now or Path(path).resolve().parent != _bundled_folder()
    for index, raw in enumerate(data.get("rule", [])):
        line = starts[index] if index < len(starts) else 1
        rule = _rule(raw, pack_id, display, line, compile_now, check_nesting)
        if rule.id in seen:
            raise RuleError(f'duplicate rule id "{rule.id}"', display, line)
        seen.add(rule.id)
        rules.append(rule)
    return Pack(pack_id, tuple(source), target, tuple(rules),
                str(header.get("description", "")), display)


def _rule(raw: Any, pack_id: str, path: str, line: int, compile_now: bool,
          check_nesting: bool = True) -> Rule:
    if not isinstance(raw, dict):
        raise RuleError("a rule must be a table", path, line)
    _check_keys(raw, RULE_KEYS, "rule", path, line)
    rule_id = _text(raw, "id", path, line)
    if not _RULE_ID.fullmatch(rule_id):
        raise RuleError(f'rule id "{rule_id}" must be lower-case letters, digits and -',
                        path, line)
    if ("pattern" in raw) == ("regex" in raw):
        raise RuleError(f'rule "{rule_id}" needs exactly one of pattern and regex', path, line)
    try:
        parsed = None
        if "pattern" in raw:  # a token pattern never nests repeats (a test holds it to that)
            source, anchors, required = compile_pattern(_text(raw, "pattern", path, line))
        else:
            source = _text(raw, "regex", path, line)
            parsed = sre_parse.parse(source, re.IGNORECASE)
            anchors, required = parsed_anchors(parsed)
        if compile_now:
            regex.compile(source, RULE_FLAGS)
    except (ValueError, re.error, regex.error) as error:
        raise RuleError(f'rule "{rule_id}": bad pattern: {error}', path, line) from None
    if check_nesting and parsed is not None:
        refuse_nested_repeat(source, re.IGNORECASE, f'rule "{rule_id}"', path, line, parsed)
    suggestions = raw.get("suggestions", [])
    if not isinstance(suggestions, list) or not all(isinstance(s, str) for s in suggestions):
        raise RuleError(f'rule "{rule_id}": suggestions must be a list of strings', path, line)
    severity = None
    if "severity" in raw:
        try:
            severity = Severity.parse(str(raw["severity"]))
        except ValueError as error:
            raise RuleError(f'rule "{rule_id}": {error}', path, line) from None
    examples = raw.get("examples", {})
    return Rule(
        id=rule_id, pack=pack_id, source=source,
        message=_text(raw, "message", path, line), suggestions=tuple(suggestions),
        severity=severity, anchors=anchors, required=required,
        should_match=tuple(examples.get("match", ())),
        should_not_match=tuple(examples.get("no_match", ())),
        location=f"{path}:{line}",
    )


def _check_keys(table: dict[str, Any], known: frozenset[str], where: str, path: str,
                line: int) -> None:
    for key in table:
        if key not in known:
            raise RuleError(f'unknown key "{key}" in {where}; known keys: '
                            f"{', '.join(sorted(known))}", path, line)


def _text(table: dict[str, Any], key: str, path: str, line: int) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RuleError(f'"{key}" must be a non-empty string', path, line)
    return value


def rule_lines(lines: list[str]) -> list[int]:
    """The line of each ``[[rule]]`` table of a rules file, in order."""
    return [number for number, text in enumerate(lines, start=1) if text.strip() == "[[rule]]"]


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
    run once; a match is reported for the first of them, as it would win anyway.
    """

    def __init__(self, rules: Iterable[RuleT]) -> None:
        self.rules: list[RuleT] = list(rules)
        distinct: dict[str, int] = {}
        for number, rule in enumerate(self.rules):
            distinct.setdefault(rule.source, number)
        running = sorted(distinct.values())
        self._always = [self.rules[number] for number in running
                        if not self.rules[number].anchors]
        anywhere: dict[str, list[int]] = {}
        at_word_start: dict[str, list[int]] = {}
        for number in running:
            for literal, start in self.rules[number].anchors:
                (at_word_start if start else anywhere).setdefault(literal, []).append(number)
        self._automaton = ahocorasick.Automaton()
        for literal in anywhere.keys() | at_word_start.keys():
            self._automaton.add_word(literal, (len(literal), tuple(anywhere.get(literal, ())),
                                               tuple(at_word_start.get(literal, ()))))
        self._empty = not (anywhere or at_word_start)
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, prose: str, lowered: str) -> list[RuleMatch[RuleT]]:
        """Every rule match in ``prose``; where matches overlap the longest stays.

        A rule's expression runs only in windows of ``WINDOW`` characters around the
        places its anchors occur (lookbehinds still see before a window). A rule that runs
        past its time limit (``time_limit``) raises ``RuleTimeout``.
        """
        windows: dict[int, list[tuple[int, int]]] = {}
        if not self._empty:
            size = len(prose)
            for last, (length, anywhere, at_word_start) in self._automaton.iter(lowered):
                first = last - length + 1
                numbers = anywhere
                if at_word_start and (first == 0 or not lowered[first - 1].isalnum()):
                    numbers = anywhere + at_word_start
                for number in numbers:
                    windows.setdefault(number, []).append(
                        (max(0, first - WINDOW), min(size, last + 1 + WINDOW)))
        found: list[RuleMatch[RuleT]] = []
        seen: set[tuple[int, int, int]] = set()
        for number, spans in windows.items():
            rule = self.rules[number]
            required = rule.required
            for start, end in _merged(spans):
                if required and not _holds(lowered, required, start, end):
                    continue  # a literal the rule needs is not in this window
                for match in _matches(rule, prose, start, end):
                    key = (number, *_focus(match))
                    if key[2] > key[1] and key not in seen:
                        seen.add(key)
                        found.append(RuleMatch(key[1], key[2], rule))
        for rule in self._always:
            for match in _matches(rule, prose, 0, len(prose)):
                first, last = _focus(match)
                if last > first:
                    found.append(RuleMatch(first, last, rule))
        return longest_first(found)


def time_limit(length: int) -> float:
    """How long a rule's expression may run over ``length`` characters, in seconds."""
    return TIME_LIMIT + TIME_LIMIT_PER_MB * length / 1_000_000


def _matches(rule: AnchoredRule, text: str, start: int, end: int) -> list[regex.Match[str]]:
    """The matches of a rule's expression in ``text[start:end]``; past its time limit, a
    ``RuleTimeout`` naming the rule and the line the search had reached."""
    limit = time_limit(end - start)
    matches: list[regex.Match[str]] = []
    try:
        for match in rule.expression.finditer(text, start, end, timeout=limit):
            matches.append(match)
    except TimeoutError:
        reached = matches[-1].end() if matches else start
        line = text.count("\n", 0, reached) + 1
        where = "" if reached == 0 else f" near line {line}"  # not at the start of the text
        raise RuleTimeout(f'rule "{rule.label}" took over {limit:.3g} s{where}; '
                          f"{rule.remedy}") from None
    return matches


def _focus(match: regex.Match[str]) -> tuple[int, int]:
    """The span a finding covers: the group named ``fix`` if the expression has one."""
    fix = "fix" in match.re.groupindex and match.start("fix") >= 0
    span: tuple[int, int] = match.span("fix") if fix else match.span()
    return span


def _holds(text: str, required: tuple[tuple[str, ...], ...], start: int, end: int) -> bool:
    """Tell whether ``text[start:end]`` holds one literal of every required set."""
    return all(any(text.find(literal, start, end) >= 0 for literal in literals)
               for literals in required)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join overlapping windows."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def rules_for(packs: Iterable[Pack], target: str,
              sources: Iterable[str] | None = None) -> Iterator[Rule]:
    """The rules of the packs for copy in ``target`` (optionally only from ``sources``)."""
    wanted = set(sources) if sources else None
    for pack in packs:
        if pack.target == target and (wanted is None or wanted & set(pack.source)):
            yield from pack.rules


PhrasingIndex = AnchoredIndex[Rule]
