"""Wire boilerplate and caption rules: what leaks from agency feeds into published copy.

The rules are data (``translint/rules/wire.toml``): each has an ``id``, the ``code``
it reports under (TL401 boilerplate, TL402 caption), a ``regex``, whether it is
case-sensitive, a ``message``, an optional ``option`` that must be switched on for
the rule to run (a desk that strips credit lines turns on ``strip-credits``), optional
``anchors`` (literals one of which every match contains, when they cannot be read from
the regex) and ``examples`` that must and must not match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from translint.errors import RuleError
from translint.packs import Anchor, AnchoredIndex, regex_anchors
from translint.tomldata import parse_toml

WIRE_CODES = ("TL401", "TL402")
RULE_KEYS = frozenset({"id", "code", "regex", "case_sensitive", "message", "option",
                       "anchors", "examples", "note"})


@dataclass(frozen=True)
class WireRule:
    """One boilerplate or caption pattern."""

    id: str
    code: str
    expression: re.Pattern[str]
    message: str
    anchors: tuple[Anchor, ...] = ()
    required: tuple[tuple[str, ...], ...] = ()
    option: str | None = None
    should_match: tuple[str, ...] = ()
    should_not_match: tuple[str, ...] = ()

    @property
    def source(self) -> str:
        """The expression's source text."""
        return self.expression.pattern


def wire_rules_path() -> Path:
    """The bundled wire rules file."""
    return Path(str(resources.files("translint") / "rules" / "wire.toml"))


def load_wire_rules(path: str | Path | None = None) -> list[WireRule]:
    """Load the wire rules (the bundled file by default)."""
    path = path or wire_rules_path()
    display = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(f"cannot read wire rules: {error}", display) from None
    data = parse_toml(text, display, RuleError)
    rules = [_rule(raw, display) for raw in data.get("rule", [])]
    if len({rule.id for rule in rules}) != len(rules):
        raise RuleError("wire rule ids must be unique", display)
    return rules


def _rule(raw: dict[str, Any], path: str) -> WireRule:
    rule_id = str(raw.get("id", ""))
    unknown = set(raw) - RULE_KEYS
    if unknown:
        raise RuleError(f'wire rule "{rule_id}": unknown keys {sorted(unknown)}', path)
    if raw.get("code") not in WIRE_CODES:
        raise RuleError(f'wire rule "{rule_id}": code must be one of {WIRE_CODES}', path)
    flags = re.MULTILINE if raw.get("case_sensitive", False) else re.MULTILINE | re.IGNORECASE
    try:
        expression = re.compile(str(raw["regex"]), flags)
    except (KeyError, re.error) as error:
        raise RuleError(f'wire rule "{rule_id}": bad or missing regex: {error}', path) from None
    examples = raw.get("examples", {})
    return WireRule(id=rule_id, code=str(raw["code"]), expression=expression,
                    message=str(raw.get("message", "")),
                    anchors=_anchors(raw, rule_id, path), option=raw.get("option"),
                    should_match=tuple(examples.get("match", ())),
                    should_not_match=tuple(examples.get("no_match", ())))


def _anchors(raw: dict[str, Any], rule_id: str, path: str) -> tuple[Anchor, ...]:
    """The rule's own ``anchors`` (lower-case literals, one of which every match contains),
    else those read from its regex."""
    if "anchors" not in raw:
        return regex_anchors(str(raw["regex"]))
    anchors = raw["anchors"]
    if not isinstance(anchors, list) or not all(isinstance(a, str) and a for a in anchors):
        raise RuleError(f'wire rule "{rule_id}": anchors must be a list of strings', path)
    return tuple((anchor.lower(), False) for anchor in anchors)


def wire_index(rules: list[WireRule], options: frozenset[str]) -> AnchoredIndex[WireRule]:
    """The rules that the ``options`` switch on, ready to find."""
    return AnchoredIndex(rule for rule in rules if rule.option is None or rule.option in options)
