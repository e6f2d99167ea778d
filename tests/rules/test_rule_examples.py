"""Every example of every rule in the bundled rule data must behave as it says."""

from __future__ import annotations

import pytest

from translint.packs import Rule, bundled_pack_paths, load_pack
from translint.wire import WireRule, load_wire_rules

PACKS = [load_pack(path) for path in bundled_pack_paths()]
PHRASING_RULES = [rule for pack in PACKS for rule in pack.rules]
WIRE_RULES = load_wire_rules()


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
