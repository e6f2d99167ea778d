"""Phrases: word pairs a rule needs in a text, read from its expression, skip rules early."""

from __future__ import annotations

import re
import sys

from translint.names.fold import lower_text
from translint.rules.anchored import AnchoredIndex, regex_anchors
from translint.rules.packs import Rule, compile_pattern
from translint.rules.phrases import collapse_spaces, required_phrases

if sys.version_info >= (3, 11):
    from re import _parser as sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_parse

COMMON = frozenset({"the", "not", "and"})


def _phrases(source: str) -> tuple[str, ...]:
    return required_phrases(sre_parse.parse(source, re.IGNORECASE), COMMON)


def test_phrases_are_literal_words_with_required_space_between() -> None:
    assert _phrases(r"\bover\s+(?:one|a)\s+year\b") == ("over a", "over one")
    assert _phrases(compile_pattern("verb:assure that")[0]) == (
        "assure that", "assured that", "assures that", "assuring that")


def test_open_parts_break_a_phrase() -> None:
    assert _phrases(r"\bover\s*one") == ()  # no space required
    assert _phrases(r"\bover\s+\w+\s+year") == ()


def test_each_way_through_alternatives_gives_its_phrases() -> None:
    """A match holds a phrase of one way through the expression: the union is needed."""
    # Without the optional part the match holds "over year", with it "over one".
    assert _phrases(r"\bover\s+(?:one\s+)?year") == ("over one", "over year")
    assert _phrases(r"\bfrom\s+(?:ministry\s+sources|town\s+hall)|\bbath\s+of\s+crowds") == (
        "from town", "ministry sources", "of crowds")
    # One way through with nothing worth testing: the rule has no phrases at all.
    assert _phrases(r"\bministry\s+sources|\bsources\b") == ()
    # Past MAX_PATHS ways through (here 2**10), the expression is not read for phrases.
    assert _phrases(r"\bover" + r"(?:\s+one)?" * 10 + r"\s+year") == ()


def test_phrases_of_common_words_only_or_too_short_are_not_used() -> None:
    assert _phrases(r"\bthe\s+not\b") == ()
    assert _phrases(r"\bof\s+a\b") == ()  # shorter than MIN_PHRASE


def test_the_most_selective_set_is_chosen() -> None:
    assert _phrases(r"\bin\s+the\s+framework\s+of") == ("the framework",)


def test_whitespace_runs_become_one_space() -> None:
    assert collapse_spaces("or\n  not\u00a0of\tit") == "or not of it"


def _rule(source: str) -> Rule:
    return Rule(id="r", pack="p", source=source, message="m", suggestions=(), severity=None,
                anchors=regex_anchors(source))


def test_a_rule_whose_phrase_is_absent_does_not_run_and_one_across_lines_does() -> None:
    index = AnchoredIndex([_rule(r"\bor\s+not\s+of\b")])
    for text, found in [("The use or not of force.", ["or not of"]),
                        ("The use or\n   not of force.", ["or\n   not of"]),
                        ("Or perhaps not of force.", [])]:
        assert [text[m.start:m.end] for m in index.find(text, lower_text(text))] == found


def test_a_rule_of_alternatives_runs_only_where_a_phrase_of_one_occurs() -> None:
    index = AnchoredIndex([_rule(r"\bfrom\s+the\s+(?:ministry|town\s+hall)\s+they\s+say\b")])
    for text, found in [("From the town\nhall they say no.", ["From the town\nhall they say"]),
                        ("From the ministry they say no.", ["From the ministry they say"]),
                        ("The town hall, they say, is from the ministry.", [])]:
        assert [text[m.start:m.end] for m in index.find(text, lower_text(text))] == found


def test_a_factored_alternation_still_gives_anchors() -> None:
    # sre_parse turns (?:Mrd|Mio) into M(?:rd|io): the anchors are still the whole words.
    assert {literal for literal, _ in regex_anchors(r"\d\s*(?:Mrd|Mio)\b")} == {"mrd", "mio"}
    assert {literal for literal, _ in regex_anchors(r"\bassur(?:ing|ed)\s")} == {
        "assuring", "assured"}


def test_an_optional_letter_is_part_of_the_literal_choice() -> None:
    assert {literal for literal, _ in regex_anchors(r"\b(?:rashists?|ruscists?)\b")} == {
        "rashist", "rashists", "ruscist", "ruscists"}
    assert _phrases(r"\blaws?\s+enter\b") == ("law enter", "laws enter")


def test_a_rare_mark_anchors_a_rule_whose_words_are_common() -> None:
    """A rule for "the 40% of" is searched around its "%", not every "the"; a mark in
    every sentence (a full stop, a comma, a bracket) never anchors."""
    assert {literal for literal, _ in regex_anchors(r"\bthe\s+\d+\s?%\s+of\b")} == {"%"}
    assert {literal for literal, _ in regex_anchors(r"\((?:\d|1\d):\d\)")} == {":"}
    assert regex_anchors(r"\bthe\s+\d+\.\d+\b") == (("the", True),)
    assert regex_anchors(r"\(\d+\)") == ()
    # A word that is not common still wins over a mark.
    assert {literal for literal, _ in regex_anchors(r"\bscore\s+\d:\d\b")} == {"score"}
    source = r"\bthe\s+\d+\s?%\s+of\b"
    rule = Rule("r", "p", source, "m", (), None, regex_anchors(source))
    text = "The 40% of the population. " + "The cat sat on the mat. " * 30
    assert [text[m.start:m.end] for m in AnchoredIndex([rule]).find(
        text, lower_text(text))] == ["The 40% of"]
