"""Clauses: literals a rule's match cannot do without, tested on a window before it runs."""

from __future__ import annotations

import re
import sys

import pytest
import regex

from translint.rules.anchored import AnchoredIndex, regex_anchors
from translint.rules.packs import RULE_FLAGS, Rule, bundled_pack_paths, load_pack
from translint.rules.requires import required_clauses, requires_digit, trusted_case

if sys.version_info >= (3, 11):
    from re import _parser as sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_parse

COMMON = frozenset({"the", "not", "and", "of"})


def _clauses(source: str, shortest: int = 2) -> set[frozenset[str]]:
    parsed = sre_parse.parse(source, re.IGNORECASE)
    return {frozenset(clause) for clause in required_clauses(parsed, COMMON, shortest)}


def test_runs_of_literals_and_every_alternative() -> None:
    clauses = _clauses(r"%\)?\s+over\s+(?:one|a)\s+year\b|(?<=,\s)over\s+one\s+year")
    assert frozenset({"over"}) in clauses
    assert frozenset({"year"}) in clauses
    assert not any("%" in clause for clause in clauses)  # one character: not on a window


def test_optional_parts_and_lookarounds_require_nothing() -> None:
    assert _clauses(r"(?<=minister\s)said(?:\s+that)?(?!\s+nothing)") == {frozenset({"said"})}
    assert _clauses(r"(?:fall|autumn)?\s*\d+") == set()


def test_common_words_alone_make_no_clause() -> None:
    assert _clauses(r"\bthe\s+(?:eve|night)\s+of\b") == {frozenset({"eve", "night"})}


def test_a_whole_text_may_be_tested_for_one_character() -> None:
    assert frozenset({"$"}) in _clauses(r"\d+\s?\$(?!\w)", shortest=1)


def test_untrusted_case() -> None:
    assert trusted_case("the minister said")
    assert not trusted_case("the minister \u017faid")  # long s: matches "s", lowers to itself
    assert not trusted_case("İstanbul".lower())


def _rule(source: str) -> Rule:
    return Rule("r", "p", source, "m", (), None, regex_anchors(source))


@pytest.mark.parametrize("text", ["The minister \u017faid over one year ago.",
                                  "İSTANBUL: over one year since the vote"])
def test_texts_of_untrusted_case_still_match(text: str) -> None:
    """Where lower-casing hides a literal a match holds, the clauses are not used."""
    rule = _rule(r"\bover\s+one\s+year\b")
    index = AnchoredIndex([rule])
    expected = [match.span() for match in regex.finditer(rule.source, text, RULE_FLAGS)]
    assert [(m.start, m.end) for m in index.find(text, text.lower())] == expected


def test_the_bundled_rules_find_what_their_expressions_find() -> None:
    """Every rule's clauses hold for its own examples: the index finds in each example
    what the expression finds running over the whole example."""
    rules = [rule for path in bundled_pack_paths() for rule in load_pack(path).rules]
    for rule in rules:
        index = AnchoredIndex([rule])
        for text in (*rule.should_match, *rule.should_not_match):
            expected = {_span(match) for match in rule.expression.finditer(text)}
            found = {(match.start, match.end) for match in index.find_every(text, text.lower())}
            assert found == {span for span in expected if span[1] > span[0]}, (
                rule.qualified_id, text)


@pytest.mark.parametrize(("source", "needs"), [
    (r"\b\d{1,2}\s+of\s+may", True), (r"[0-9]+ per cent", True), (r"(?:1|2\d)st", True),
    (r"(?:\d+|one)\s+year", False), (r"\d?\s*%", False), (r"\d*x", False),
    (r"(?<=\d)\s+cent", False), (r"[\d,]+", False), (r"x|7", False), (r"\D", False)])
def test_rules_whose_every_match_holds_a_digit(source: str, needs: bool) -> None:
    assert requires_digit(sre_parse.parse(source, re.IGNORECASE)) is needs


def test_a_window_without_a_digit_is_not_searched(searched: list[tuple[int, int]]) -> None:
    rule = _rule(r"\bpage\s+\d+")
    index = AnchoredIndex([rule])
    assert index.find("The page was blank.", "the page was blank.") == [] and not searched
    text = "The page was blank: see page 12."
    assert [(m.start, m.end) for m in index.find(text, text.lower())] == [(24, 31)]
    assert searched


def _span(match: regex.Match[str]) -> tuple[int, int]:
    fix = "fix" in match.re.groupindex and match.start("fix") >= 0
    span: tuple[int, int] = match.span("fix") if fix else match.span()
    return span


