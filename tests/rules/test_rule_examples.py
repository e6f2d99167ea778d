"""Every example of every rule in the bundled rule data must behave as it says."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pytest

from translint.checks.calque_packs import source_name
from translint.findings import Finding
from translint.linter import Linter
from translint.rules.packs import Rule, bundled_pack_paths, load_pack
from translint.rules.wire import WireRule, load_wire_rules
from translint.settings import Selection

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


def _pack_linters() -> dict[str, Linter]:
    """A linter per pack, for its target language and its source languages (as a desk
    that sets ``source_lang`` runs it)."""
    return {pack.id: Linter.from_paths([], Selection(select=("TL201",)), pack.target,
                                       source_langs=pack.source) for pack in PACKS}


PACK_LINTERS = _pack_linters()
WIRE_LINTER = Linter.from_paths([], Selection(select=("TL4",)), "en", options=("strip-credits",))


def _reported(findings: list[Finding], label: str) -> bool:
    return any(finding.message.endswith(f"[{label}]") for finding in findings)


@pytest.mark.parametrize("rule", PHRASING_RULES, ids=[r.qualified_id for r in PHRASING_RULES])
def test_phrasing_examples_through_the_linter(rule: Rule) -> None:
    """As a user runs them: anchors, windows, masking and the choice among overlapping
    matches included. With the pack's source languages set, a rule is reported on each
    example it should match (or, when packs for several of them share the expression, the
    first of those is) and never on one it should not."""
    linter = PACK_LINTERS[rule.pack]
    same = [other.qualified_id for other in PHRASING_RULES if other.source == rule.source]
    for text in rule.should_match:
        findings = linter.check_text(text)
        assert any(_reported(findings, label) for label in same), (
            f"{rule.location}: {text!r}: {[finding.message for finding in findings]}")
    for text in rule.should_not_match:
        assert not _reported(linter.check_text(text), rule.qualified_id), (
            f"{rule.location}: {text!r}")


@pytest.mark.parametrize("rule", WIRE_RULES, ids=[r.id for r in WIRE_RULES])
def test_wire_examples_through_the_linter(rule: WireRule) -> None:
    linter = WIRE_LINTER
    for text in rule.should_match:
        assert _reported(linter.check_text(text), rule.id), f"{rule.id}: {text!r}"
    for text in rule.should_not_match:
        assert not _reported(linter.check_text(text), rule.id), f"{rule.id}: {text!r}"



ALSO_FROM = re.compile(r"\(also a calque from ([^()]*)\)")


def _also_from(message: str) -> list[str]:
    """The other source languages a TL201 message names."""
    also = ALSO_FROM.search(message)
    return also.group(1).split(", ") if also else []


EVERY_PACK_LINTERS = {target: Linter.from_paths([], Selection(select=("TL201",)), target)
                      for target in sorted({pack.target for pack in PACKS})}
PACKS_BY_ID = {pack.id: pack for pack in PACKS}


@pytest.mark.parametrize("rule", PHRASING_RULES, ids=[r.qualified_id for r in PHRASING_RULES])
def test_phrasing_examples_name_their_source_with_every_pack_on(rule: Rule) -> None:
    """With every pack on (no source language given), an example is reported under its
    own pack's rule or under another pack's whose message says it is a calque from the
    example's source language too (a phrase several packs share)."""
    pack = PACKS_BY_ID[rule.pack]
    named = source_name(pack)
    for text in rule.should_match:
        findings = EVERY_PACK_LINTERS[pack.target].check_text(text)
        assert any(f"[{rule.pack}/" in finding.message or named in _also_from(finding.message)
                   for finding in findings), (
            f"{rule.location}: {text!r}: {[finding.message for finding in findings]}")
