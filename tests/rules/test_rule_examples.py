"""Every example of every rule in the bundled rule data must behave as it says."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pytest

from translint.rules.packs import Rule, bundled_pack_paths, load_pack
from translint.rules.wire import WireRule, load_wire_rules

from ..conftest import TESTS

PACKS = [load_pack(path) for path in bundled_pack_paths()]
PHRASING_RULES = [rule for pack in PACKS for rule in pack.rules]
WIRE_RULES = load_wire_rules()
TARGETS = {rule.qualified_id: pack.target for pack in PACKS for rule in pack.rules}
EXAMPLES = "\n\n".join(text for rule in [*PHRASING_RULES, *WIRE_RULES]
                        for text in (*rule.should_match, *rule.should_not_match))
CLEAN = TESTS / "corpus" / "clean"


def test_every_pack_has_enough_rules() -> None:
    expected = {"es-en", "fr-en", "de-en", "ru-en", "it-en", "en-es", "en-fr", "en-de"}
    assert expected <= {pack.id for pack in PACKS}
    for pack in PACKS:
        assert len(pack.rules) >= 25, f"{pack.id} has {len(pack.rules)} rules"


@pytest.mark.parametrize("rule", PHRASING_RULES, ids=[r.qualified_id for r in PHRASING_RULES])
def test_phrasing_rule_examples(rule: Rule) -> None:
    assert rule.should_match and rule.should_not_match, f"{rule.location}: needs examples"
    for text in rule.should_match:
        assert rule.expression.search(text), f"{rule.location}: should match {text!r}"
    for text in rule.should_not_match:
        assert not rule.expression.search(text), f"{rule.location}: should not match {text!r}"
    for literal, _ in rule.anchors:
        assert literal == literal.lower()
    for text in rule.should_match:
        match = rule.expression.search(text)
        assert match is not None
        assert all(any(literal in match.group().lower() for literal in literals)
                   for literals in rule.required), (
            f"{rule.location}: a required literal of {rule.required} is missing from "
            f"{match.group()!r}")
    for text in rule.should_match:
        assert any(literal in text.lower() for literal, _ in rule.anchors) or not rule.anchors, (
            f"{rule.location}: anchors {rule.anchors} miss {text!r}")


@pytest.mark.parametrize("rule", WIRE_RULES, ids=[r.id for r in WIRE_RULES])
def test_wire_rule_examples(rule: WireRule) -> None:
    assert rule.should_match and rule.should_not_match
    for text in rule.should_match:
        assert rule.expression.search(text), f"{rule.id}: should match {text!r}"
    for text in rule.should_not_match:
        assert not rule.expression.search(text), f"{rule.id}: should not match {text!r}"
    for text in rule.should_match:
        assert any(literal in text.lower() for literal, _ in rule.anchors) or not rule.anchors, (
            f"{rule.id}: anchors {rule.anchors} miss {text!r}")


def _spans(matches: Iterable[Any]) -> list[tuple[int, int, dict[str, str | None]]]:
    return [(match.start(), match.end(), match.groupdict()) for match in matches]


def _clean_copy(lang: str | None) -> str:
    paths = sorted(CLEAN.glob(f"{lang or '*'}/*.md"))
    return "\n\n".join(path.read_text(encoding="utf-8") for path in paths)


@pytest.mark.parametrize("rule", [*PHRASING_RULES, *WIRE_RULES],
                         ids=[getattr(r, "qualified_id", r.id) for r in [*PHRASING_RULES,
                                                                         *WIRE_RULES]])
def test_the_regex_engine_matches_as_re_does(rule: Rule | WireRule) -> None:
    """Rules run on the ``regex`` engine (for its time limit): on every rule example and on
    the clean copy in the rule's language it finds what ``re`` found."""
    if isinstance(rule, Rule):
        flags, text = re.IGNORECASE, EXAMPLES + _clean_copy(TARGETS[rule.qualified_id])
    else:
        flags, text = rule.expression.flags & (re.IGNORECASE | re.MULTILINE), EXAMPLES + (
            _clean_copy(None))
    assert _spans(rule.expression.finditer(text)) == _spans(
        re.compile(rule.source, flags).finditer(text))
