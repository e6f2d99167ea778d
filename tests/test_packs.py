"""The anchored rule index: rules run only where their anchors are, and run once."""

from __future__ import annotations

import regex

from translint.names.fold import lower_text
from translint.rules.anchored import WINDOW, AnchoredIndex
from translint.rules.packs import Rule, compile_pattern


def _rule(pack: str, pattern: str) -> Rule:
    source, anchors, required = compile_pattern(pattern)
    return Rule(id=pattern.replace(" ", "-"), pack=pack, source=source, message="m", suggestions=(),
                severity=None, anchors=anchors, required=required)


def _find(index: AnchoredIndex[Rule], text: str) -> list[tuple[str, str]]:
    return [(text[match.start:match.end], match.rule.qualified_id)
            for match in index.find(text, lower_text(text))]


def test_matches_far_apart_in_a_long_text_are_all_found() -> None:
    index = AnchoredIndex([_rule("ru-en", "on the eve")])
    filler = "Nothing happened on that day at all. " * (WINDOW // 10)
    text = f"On the eve, talks began. {filler}They met on the eve. {filler}ON THE EVE"
    assert _find(index, text) == [("On the eve", "ru-en/on-the-eve"),
                                  ("on the eve", "ru-en/on-the-eve"),
                                  ("ON THE EVE", "ru-en/on-the-eve")]


def test_a_required_word_outside_the_window_does_not_make_a_match() -> None:
    index = AnchoredIndex([_rule("ru-en", "in the last time")])
    far = "x" * (3 * WINDOW)
    assert _find(index, f"In the {far} last time") == []
    assert _find(index, "In the last time, prices rose.") == [
        ("In the last time", "ru-en/in-the-last-time")]


def test_of_rules_sharing_an_expression_the_first_reports() -> None:
    first, second = _rule("de-en", "on the eve"), _rule("ru-en", "on the eve")
    index = AnchoredIndex([first, second])
    assert _find(index, "They met on the eve.") == [("on the eve", "de-en/on-the-eve")]
    assert index.rules == [first, second]


class _Counted:
    """A rule that counts how often its expression is run."""

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.runs = 0

    @property
    def source(self) -> str:
        return self.rule.source

    @property
    def anchors(self) -> tuple[tuple[str, bool], ...]:
        return self.rule.anchors

    @property
    def required(self) -> tuple[tuple[str, ...], ...]:
        return self.rule.required

    @property
    def label(self) -> str:
        return self.rule.label

    @property
    def remedy(self) -> str:
        return self.rule.remedy

    @property
    def expression(self) -> regex.Pattern[str]:
        self.runs += 1
        return self.rule.expression


def test_an_expression_shared_by_rules_runs_once() -> None:
    first, second = _Counted(_rule("de-en", "on the eve")), _Counted(_rule("ru-en", "on the eve"))
    other = _Counted(_rule("ru-en", "in the last time"))
    text = "They met on the eve. In the last time, prices rose."
    found = AnchoredIndex([first, second, other]).find(text, lower_text(text))
    assert [match.rule for match in found] == [first, other]
    assert (first.runs, second.runs, other.runs) == (1, 0, 1)
