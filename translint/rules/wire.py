"""Wire boilerplate and caption rules: what leaks from agency feeds into published copy.

The rules are data (``translint/rules/wire.toml``): each has an ``id``, the ``code``
it reports under (TL401 boilerplate, TL402 caption), a ``regex``, whether it is
case-sensitive, a ``message``, an optional ``option`` that must be switched on for
the rule to run (a desk that strips credit lines turns on ``strip-credits``), optional
``anchors`` (literals one of which every match contains, when they cannot be read from
the regex) and ``examples`` that must and must not match. A regex with a large repeat
inside another is refused, and matching runs under a time limit, as for phrasing rules
(see ``translint.rules.packs``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from translint.errors import RuleError
from translint.rules.anchored import Anchor, AnchoredIndex, regex_anchors
from translint.rules.safety import refuse_nested_repeat
from translint.rules.schema import check_keys, required_text, rule_lines
from translint.text.read import read_text_file
from translint.tomldata import parse_toml

WIRE_CODES = ("TL401", "TL402")
RULE_KEYS = frozenset({"id", "code", "regex", "case_sensitive", "message", "option",
                       "anchors", "examples", "note"})


@dataclass(frozen=True)
class WireRule:
    """One boilerplate or caption pattern."""

    id: str
    code: str
    expression: regex.Pattern[str]
    message: str
    anchors: tuple[Anchor, ...] = ()
    required: tuple[tuple[str, ...], ...] = ()
    option: str | None = None
    should_match: tuple[str, ...] = ()
    should_not_match: tuple[str, ...] = ()

    @property
    def source(self) -> str:
        """The expression's source text."""
        return str(self.expression.pattern)

    @property
    def label(self) -> str:
        """How errors name the rule."""
        return self.id

    @property
    def remedy(self) -> str:
        """What a user can do about the rule when it runs too long."""
        return f"leave out {self.code} (ignore) and report the rule"


def wire_rules_path() -> Path:
    """The bundled wire rules file."""
    return Path(str(resources.files("translint") / "rules" / "wire.toml"))


def load_wire_rules(path: str | Path | None = None) -> list[WireRule]:
    """Load the wire rules (the bundled file by default)."""
    path = path or wire_rules_path()
    display = str(path)
    text = read_text_file(path, error=RuleError, what="wire rules file")
    data = parse_toml(text, display, RuleError)
    starts = rule_lines(text.splitlines())
    # The suite holds the bundled rules to the nested-repeat check; others are checked now.
    check = Path(path) != wire_rules_path()
    rules = [_rule(raw, display, starts[index] if index < len(starts) else 1, check)
             for index, raw in enumerate(data.get("rule", []))]
    if len({rule.id for rule in rules}) != len(rules):
        raise RuleError("wire rule ids must be unique", display)
    return rules


def _rule(raw: Any, path: str, line: int, check: bool = True) -> WireRule:
    if not isinstance(raw, dict):
        raise RuleError("a wire rule must be a table", path, line)
    rule_id = required_text(raw, "id", path, line)
    check_keys(raw, RULE_KEYS, f'wire rule "{rule_id}"', path, line)
    if raw.get("code") not in WIRE_CODES:
        raise RuleError(f'wire rule "{rule_id}": code must be one of {WIRE_CODES}', path, line)
    flags = re.MULTILINE if raw.get("case_sensitive", False) else re.MULTILINE | re.IGNORECASE
    try:
        source = str(raw["regex"])
        expression = regex.compile(source, flags | regex.VERSION0)
        if check:
            refuse_nested_repeat(source, flags, f'wire rule "{rule_id}"', path, line)
    except (KeyError, re.error, regex.error) as error:
        raise RuleError(f'wire rule "{rule_id}": bad or missing regex: {error}',
                        path, line) from None
    examples = raw.get("examples", {})
    return WireRule(id=rule_id, code=str(raw["code"]), expression=expression,
                    message=str(raw.get("message", "")),
                    anchors=_anchors(raw, rule_id, path, line), option=raw.get("option"),
                    should_match=tuple(examples.get("match", ())),
                    should_not_match=tuple(examples.get("no_match", ())))


def _anchors(raw: dict[str, Any], rule_id: str, path: str, line: int) -> tuple[Anchor, ...]:
    """The rule's own ``anchors`` (lower-case literals, one of which every match contains),
    else those read from its regex."""
    if "anchors" not in raw:
        return regex_anchors(str(raw["regex"]))
    anchors = raw["anchors"]
    if not isinstance(anchors, list) or not all(isinstance(a, str) and a for a in anchors):
        raise RuleError(f'wire rule "{rule_id}": anchors must be a list of strings', path, line)
    return tuple((anchor.lower(), False) for anchor in anchors)


def wire_index(rules: list[WireRule], options: frozenset[str]) -> AnchoredIndex[WireRule]:
    """The rules that the ``options`` switch on, ready to find."""
    return AnchoredIndex(rule for rule in rules if rule.option is None or rule.option in options)
