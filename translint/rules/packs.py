"""Phrasing rule packs: data files of calques and false friends, compiled for matching.

A pack (``translint/rules/phrasing/<source>-<target>.toml``) holds rules for copy in
one *target* language translated from one or more *source* languages. A rule has an
``id``, either a token ``pattern`` or a ``regex``, a ``message`` naming the likely
source phrase, ``suggestions``, an optional ``severity``, ``examples`` that must
and must not match, and the figures ``translint phrasing gate`` measured for it
(``measured = { native_per_1000 = 0.4, translated_docs = 17 }``; the corpora they were
measured on are the pack's ``measured_on``).

Token patterns: tokens are separated by spaces and each matches one word, ignoring
case; ``a|b`` is any alternative, ``stem*`` any word starting with ``stem``, ``_``
any word, ``verb:assure`` every form of a verb (assure, assures, assured, assuring; see
``translint.rules.inflect``), ``[token]`` an optional token, and a punctuation token (``,``)
matches with optional space around it. Between words any whitespace, one line break included.

A regex may name the part a suggestion replaces, ``(?P<fix>…)``: the finding then covers
that part only, while the rest of the expression is context ("there is still | a long
way to come").

Rules are found through their anchors (``translint.rules.anchored``) and may not hang a
run (``translint.rules.safety``).
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from translint.errors import RuleError
from translint.findings import Severity
from translint.rules.anchored import (
    WHOLE_WORD,
    WORD_START,
    Anchor,
    AnchoredIndex,
    best_anchors,
    parsed_anchors,
    required_literals,
)
from translint.rules.inflect import verb_forms
from translint.rules.safety import refuse_nested_repeat
from translint.rules.schema import check_keys, required_text, rule_lines
from translint.text.read import read_text_file
from translint.tomldata import parse_toml

if sys.version_info >= (3, 11):
    from re import _parser as sre_parse

else:  # pragma: no cover - Python 3.10
    import sre_parse


_RULE_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_LANG = re.compile(r"[a-z]{2,3}")
_WORD_TOKEN = re.compile(r"[\w'’.-]+\*?|_")
VERB_PREFIX = "verb:"
# The ``regex`` engine as ``re`` would match: version 0 semantics, case ignored.
RULE_FLAGS = regex.VERSION0 | regex.IGNORECASE
PACK_KEYS = frozenset({"id", "source", "target", "description", "measured_on"})
RULE_KEYS = frozenset({"id", "pattern", "regex", "message", "suggestions", "severity",
                       "examples", "note", "measured"})
MEASURED_KEYS = frozenset({"native_per_1000", "translated_docs"})


@dataclass(frozen=True)
class Measured:
    """What ``translint phrasing gate`` measured for a rule: documents it hits per 1,000
    native documents, and how many translated documents it hits (None: not measured)."""

    native_per_1000: float
    translated_docs: int | None = None


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
    measured: Measured | None = None

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

    def __getstate__(self) -> dict[str, Any]:
        """What pickling keeps (the pack cache): the fields, not the compiled expression."""
        state = dict(self.__dict__)
        state.pop("expression", None)
        return state


@dataclass(frozen=True)
class Pack:
    """The rules for one target language translated from some source languages."""

    id: str
    source: tuple[str, ...]
    target: str
    rules: tuple[Rule, ...]
    description: str = ""
    path: str = ""
    measured_on: str = ""


def bundled_pack_paths() -> list[Path]:
    """The phrasing packs shipped with translint, sorted by name."""
    folder = _bundled_folder()
    if not folder.is_dir():
        return []
    return sorted(item for item in folder.iterdir() if item.suffix == ".toml")


@functools.lru_cache(maxsize=1)
def _bundled_folder() -> Path:
    return Path(str(resources.files("translint") / "rules" / "phrasing")).resolve()


def compile_pattern(pattern: str, lang: str = "en",
                    ) -> tuple[str, tuple[Anchor, ...], tuple[tuple[str, ...], ...]]:
    """Compile a token pattern for copy in ``lang`` to a regex source, its anchors, and every
    set of literals of which a match holds one each (see ``required_literals`` in
    ``translint.rules.anchored``)."""
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
        words = [_words(alt, lang) for alt in alternatives]
        is_punctuation = all(not _WORD_TOKEN.fullmatch(alt) and not alt.startswith(VERB_PREFIX)
                             for alt in alternatives)
        choice = "(?:" + "|".join(_alternative(form) for forms in words for form in forms) + ")"
        separator = "" if index == 0 else (r"\s*" if is_punctuation else r"\s+")
        parts.append(f"(?:{separator}{choice})?" if optional else separator + choice)
        literals = tuple((form.rstrip("*").lower(), WORD_START if form.endswith("*")
                          else WHOLE_WORD) for forms in words for form in forms if form != "_")
        if not optional and "_" not in alternatives and not is_punctuation:
            candidates.append(literals)
    source = r"(?<!\w)" + "".join(parts) + r"(?!\w)"
    if tokens[-1].rstrip("]").endswith(tuple(",.;:!?")):
        source = source[: -len(r"(?!\w)")]
    return source, best_anchors(candidates), required_literals(candidates)


def _words(alternative: str, lang: str) -> tuple[str, ...]:
    """What one alternative of a token stands for: every form of a ``verb:`` token, or
    the alternative itself."""
    if alternative.startswith(VERB_PREFIX):
        return verb_forms(alternative[len(VERB_PREFIX):], lang)
    return (alternative,)


def _alternative(alternative: str) -> str:
    if alternative == "_":
        return r"[\w'’-]+"
    if alternative.endswith("*"):
        return re.escape(alternative[:-1]) + r"\w*"
    return re.escape(alternative)


def load_pack(path: str | Path, compile_now: bool = False) -> Pack:
    """Load one pack file; ``compile_now`` compiles every expression at once, so that a
    user's pack with a bad expression is refused before any text is checked."""
    if not compile_now and Path(path).resolve().parent == _bundled_folder():
        return _bundled_pack(str(path))
    return _read_pack(path, compile_now)


@functools.lru_cache(maxsize=64)
def _bundled_pack(path: str) -> Pack:
    """A bundled pack, read once in a process (it is part of the installed package): each
    linter a process builds, and each command a test runs, would read it again."""
    return _read_pack(path, compile_now=False)


def _read_pack(path: str | Path, compile_now: bool) -> Pack:
    display = str(path)
    text = read_text_file(path, error=RuleError, what="rule pack")
    data = parse_toml(text, display, RuleError)
    lines = text.splitlines()
    header = data.get("pack")
    if not isinstance(header, dict):
        raise RuleError("a rule pack needs a [pack] table with id, source and target", display)
    check_keys(header, PACK_KEYS, "[pack]", display, 1)
    pack_id = required_text(header, "id", display, 1)
    target = required_text(header, "target", display, 1)
    source = header.get("source", [])
    if isinstance(source, str):
        source = [source]
    if not _LANG.fullmatch(target) or not all(isinstance(code, str) and _LANG.fullmatch(code)
                                             for code in source):
        raise RuleError("source and target must be language codes such as \"es\"", display, 1)
    measured_on = header.get("measured_on", "")
    if not isinstance(measured_on, str):
        raise RuleError('"measured_on" must be a string', display, 1)
    rules = []
    seen: set[str] = set()
    starts = rule_lines(lines)
    # The suite holds the bundled packs to the nested-repeat check; others are checked now.
    check_nesting = compile_now or Path(path).resolve().parent != _bundled_folder()
    for index, raw in enumerate(data.get("rule", [])):
        line = starts[index] if index < len(starts) else 1
        rule = _rule(raw, pack_id, target, display, line, compile_now, check_nesting)
        if rule.id in seen:
            raise RuleError(f'duplicate rule id "{rule.id}"', display, line)
        seen.add(rule.id)
        rules.append(rule)
    return Pack(pack_id, tuple(source), target, tuple(rules),
                str(header.get("description", "")), display, measured_on)


def _rule(raw: Any, pack_id: str, target: str, path: str, line: int, compile_now: bool,
          check_nesting: bool = True) -> Rule:
    if not isinstance(raw, dict):
        raise RuleError("a rule must be a table", path, line)
    check_keys(raw, RULE_KEYS, "rule", path, line)
    rule_id = required_text(raw, "id", path, line)
    if not _RULE_ID.fullmatch(rule_id):
        raise RuleError(f'rule id "{rule_id}" must be lower-case letters, digits and -',
                        path, line)
    if ("pattern" in raw) == ("regex" in raw):
        raise RuleError(f'rule "{rule_id}" needs exactly one of pattern and regex', path, line)
    try:
        parsed = None
        if "pattern" in raw:  # a token pattern never nests repeats (a test holds it to that)
            source, anchors, required = compile_pattern(required_text(raw, "pattern", path, line),
                                                        target)
        else:
            source = required_text(raw, "regex", path, line)
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
        message=required_text(raw, "message", path, line), suggestions=tuple(suggestions),
        severity=severity, anchors=anchors, required=required,
        should_match=tuple(examples.get("match", ())),
        should_not_match=tuple(examples.get("no_match", ())),
        location=f"{path}:{line}",
        measured=_measured(raw, rule_id, path, line),
    )


def _measured(raw: dict[str, Any], rule_id: str, path: str, line: int) -> Measured | None:
    """A rule's ``measured`` table, checked: a number of native hits per 1,000 documents
    (at least 0) and, optionally, a whole number of translated documents hit."""
    if "measured" not in raw:
        return None
    value = raw["measured"]
    wrong = f'rule "{rule_id}": measured must be a table such as ' \
            "{ native_per_1000 = 0.4, translated_docs = 17 }"
    if not isinstance(value, dict) or not set(value) <= MEASURED_KEYS:
        raise RuleError(wrong, path, line)
    native = value.get("native_per_1000")
    translated = value.get("translated_docs")
    if isinstance(native, bool) or not isinstance(native, int | float) or native < 0:
        raise RuleError(f"{wrong}; native_per_1000 must be a number, at least 0", path, line)
    if translated is not None and (isinstance(translated, bool)
                                   or not isinstance(translated, int) or translated < 0):
        raise RuleError(f"{wrong}; translated_docs must be a whole number, at least 0",
                        path, line)
    return Measured(float(native), translated)


def rules_for(packs: Iterable[Pack], target: str,
              sources: Iterable[str] | None = None) -> Iterator[Rule]:
    """The rules of the packs for copy in ``target`` (optionally only from ``sources``)."""
    wanted = set(sources) if sources else None
    for pack in packs:
        if pack.target == target and (wanted is None or wanted & set(pack.source)):
            yield from pack.rules


PhrasingIndex = AnchoredIndex[Rule]
