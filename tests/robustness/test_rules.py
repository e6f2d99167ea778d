"""No rule can hang a run: nested repeats are refused when rules load, matching stops at a
time limit, and overlapping matches are sorted out in O(n log n)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import pytest

from translint.errors import RuleError, RuleTimeout
from translint.names.fold import lower_text
from translint.rules import anchored, safety
from translint.rules.anchored import AnchoredIndex, RuleMatch
from translint.rules.packs import Rule, bundled_pack_paths, compile_pattern, load_pack
from translint.rules.safety import nested_repeat
from translint.rules.wire import load_wire_rules, wire_index
from translint.spans import longest_first

from .conftest import assert_error, assert_no_traceback, translint

PACK_HEADER = '''[pack]
id = "house"
source = ["es"]
target = "en"

[[rule]]
id = "with-basis-in"
pattern = "with basis in"
message = "Calque of Spanish 'con base en'."
examples.match = ["Officials spoke with basis in the report."]
examples.no_match = ["Officials spoke on the basis of the report."]
'''
RULE_LINE = PACK_HEADER.count("\n") + 2  # the second [[rule]]: after the header, a blank line
# Exponential for the ``re`` engine: 2^40 ways to split these a's among the repeats.
RUNAWAY = "a" * 40 + "!"


def _pack(rule_id: str, expression: str) -> str:
    """A pack with a token-pattern rule, then a rule with ``expression`` at ``RULE_LINE``."""
    return PACK_HEADER + f'''
[[rule]]
id = "{rule_id}"
regex = \'\'\'{expression}\'\'\'
message = "House style."
examples.match = ["x"]
examples.no_match = ["y"]
'''


def _project(folder: Path, expression: str, rule_id: str = "runaway") -> None:
    """A project whose configuration adds the pack ``house.toml`` with one ``expression``."""
    (folder / "house.toml").write_text(_pack(rule_id, expression), encoding="utf-8")
    (folder / "translint.toml").write_text('packs = ["house.toml"]\nlang = "en"\n',
                                           encoding="utf-8")


# --- refused when the pack loads -------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize(("expression", "nested"), [
    (r"(a+)+$", "(a+)+"),
    (r"(\w*)*x", r"(\w*)*"),
])
def test_a_user_pack_with_nested_repeats_is_refused(tmp_path: Path, expression: str,
                                                    nested: str) -> None:
    _project(tmp_path, expression)
    story = tmp_path / "story.txt"
    story.write_text(f"Officials spoke with basis in the report. {RUNAWAY}\n",
                     encoding="utf-8")
    result = translint("check", "story.txt", cwd=tmp_path, timeout=10)
    assert_error(result, rf'house\.toml:{RULE_LINE}: rule "runaway": nested repeats '
                         rf"\({re.escape(nested)}\) can take exponential time; rewrite the "
                         r"expression without a repeat inside a repeat")
    assert result.stdout == ""


@pytest.mark.slow
def test_token_patterns_and_bounded_repeats_load(tmp_path: Path) -> None:
    _project(tmp_path, r"\b(?:said|told)\s+(?:\w+\s+){0,3}(?P<fix>reporters)\b", "told")
    story = tmp_path / "story.txt"
    story.write_text(f"Officials spoke with basis in the report. She told the waiting "
                     f"reporters {RUNAWAY}\n", encoding="utf-8")
    result = translint("check", "story.txt", "--select", "TL201", "-f", "json", cwd=tmp_path,
                       timeout=10)
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert result.errors == []
    findings = json.loads(result.stdout)["findings"]
    assert [(finding["column"], finding["message"].rsplit("[", 1)[-1]) for finding in findings
            ] == [(17, "house/with-basis-in]"), (64, "house/told]")]


@pytest.mark.parametrize(("expression", "nested"), [
    (r"(a+)+$", "(a+)+"),
    (r"(\w*)*x", r"(\w*)*"),
    (r"(?:x+y?)+", "(?:x+y?)+"),
    (r"x((a+)+)+y", "(a+)+"),
    (r"[(]+(a+)+[)]", "(a+)+"),
    (r"(?P<fix>(?:[a-z]+\s)+)end", r"(?:[a-z]+\s)+"),
    (r"(?:a{1,20})+", "(?:a{1,20})+"),
    (r"(?:a+){17}", "(?:a+){17}"),
    (r"(?:\w+?\s)*?x", r"(?:\w+?\s)*?"),
    (r"(a)(?(1)(b+)+|c)", "(b+)+"),
    (r"(?:\w+\s+){0,3}", None),
    (r"(?:a+){1,16}", None),
    (r"(?:a{2,5})+", None),
    (r"\(\w+\)+", None),
    (r"(?:\b)*\w+", None),
    (r"(?:(?=a+)b)+", None),
    (r"(?>a+)+", None),
    (r"(?:a++)+", None),
    (r"(a|aa)+$", None),  # no repeat in a repeat: left to the time limit
])
def test_nested_repeats_are_found(expression: str, nested: str | None) -> None:
    assert nested_repeat(expression) == nested


def test_a_pack_names_the_rule_and_its_line(tmp_path: Path) -> None:
    path = tmp_path / "house.toml"
    path.write_text(_pack("runaway", r"\bsaid (?:\w+,?\s?)+ that"), encoding="utf-8")
    with pytest.raises(RuleError) as raised:
        load_pack(path)
    assert str(raised.value).startswith(
        rf'{path}:{RULE_LINE}: rule "runaway": nested repeats ((?:\w+,?\s?)+) can take '
        "exponential time")
    assert raised.type is RuleError


def test_a_wire_rules_file_with_nested_repeats_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wire.toml"
    path.write_text('''[[rule]]
id = "credit"
code = "TL402"
regex = \'\'\'\\((?:[A-Z]\\w*\\s?)+/Reuters\\)\'\'\'
message = "Credit"

[[rule]]
id = "nested"
code = "TL401"
regex = \'\'\'^(?:[A-Z]+ ?)+:\'\'\'
message = "Slug"
''', encoding="utf-8")
    with pytest.raises(RuleError, match=re.escape(
            f'{path}:1: wire rule "credit": nested repeats ((?:[A-Z]\\w*\\s?)+)')):
        load_wire_rules(path)


# --- every bundled rule passes the same check ------------------------------------------

PACKS = {path.name: path for path in bundled_pack_paths()}
PHRASING_RULES = [rule for path in PACKS.values() for rule in load_pack(path).rules]
WIRE_RULES = load_wire_rules()


@pytest.mark.parametrize("name", sorted(PACKS))
def test_a_bundled_pack_loads_as_a_users_would(name: str) -> None:
    """Loading as a user's pack compiles every rule and checks token patterns too."""
    assert load_pack(PACKS[name], compile_now=True).rules


@pytest.mark.parametrize("rule", PHRASING_RULES, ids=[r.qualified_id for r in PHRASING_RULES])
def test_no_bundled_phrasing_rule_nests_repeats(rule: Rule) -> None:
    assert nested_repeat(rule.source) is None, rule.location


@pytest.mark.parametrize("rule", WIRE_RULES, ids=[r.id for r in WIRE_RULES])
def test_no_wire_rule_nests_repeats(rule: Any) -> None:
    assert nested_repeat(rule.source, rule.expression.flags & (re.I | re.M)) is None, rule.id


def test_token_patterns_never_nest_repeats() -> None:
    for pattern in ("on the eve", "perceiv* [certain|some] points of contact", "_ , _ ;",
                    "[a|an|the] _ _ _ [_] said*", "a|b|c [,] [d*] e*"):
        assert nested_repeat(compile_pattern(pattern)[0]) is None, pattern


# --- stopped at the time limit ---------------------------------------------------------

# Passes the check (no repeat in a repeat) but is exponential on a's for both engines.
SLOW = r"\bslowly (?:a|aa)+$"
FILLER = "Nothing happened on that day at all.\n" * 8  # the window starts on line 4


@pytest.mark.slow
def test_a_slow_rule_stops_the_file_at_the_time_limit(tmp_path: Path) -> None:
    _project(tmp_path, SLOW, "slow")
    (tmp_path / "slow.txt").write_text(f"{FILLER}Then slowly {RUNAWAY}\n", encoding="utf-8")
    (tmp_path / "fine.txt").write_text("Officials spoke with basis in the report.\n",
                                       encoding="utf-8")
    result = translint("check", "slow.txt", "fine.txt", cwd=tmp_path, timeout=10)
    assert_error(result, r'^translint: slow\.txt: rule "house/slow" took over 1 s near line 4; '
                         r"fix or disable the rule \(disabled_rules\)$")
    assert "fine.txt:1:17: TL201" in result.stdout


def _slow_rule(source: str = SLOW) -> Rule:
    return Rule(id="slow", pack="house", source=source, message="m", suggestions=(),
                severity=None, anchors=anchored.regex_anchors(source))


@pytest.fixture
def short_limit(monkeypatch: pytest.MonkeyPatch) -> float:
    monkeypatch.setattr(safety, "TIME_LIMIT", 0.05)
    monkeypatch.setattr(safety, "TIME_LIMIT_PER_MB", 0.0)
    return 0.05


def test_a_slow_phrasing_rule_raises_a_timeout_naming_it(short_limit: float) -> None:
    text = f"{FILLER}Then slowly {RUNAWAY}\n"
    index = AnchoredIndex([_slow_rule()])
    with pytest.raises(RuleTimeout) as raised:
        index.find(text, lower_text(text))
    assert str(raised.value) == ('rule "house/slow" took over 0.05 s near line 4; '
                                 "fix or disable the rule (disabled_rules)")
    assert raised.value.path is None


def test_a_slow_rule_without_anchors_raises_a_timeout(short_limit: float) -> None:
    rule = _slow_rule(r"(?:a|aa)+$")
    assert rule.anchors == ()
    text = f"Then slowly {RUNAWAY}"
    with pytest.raises(RuleTimeout, match=r'^rule "house/slow" took over 0\.05 s; fix'):
        AnchoredIndex([rule]).find(text, lower_text(text))


def test_a_slow_wire_rule_raises_a_timeout_naming_it(tmp_path: Path,
                                                     short_limit: float) -> None:
    path = tmp_path / "wire.toml"
    path.write_text(f'''[[rule]]
id = "slow-slug"
code = "TL401"
regex = \'\'\'{SLOW}\'\'\'
message = "Slug"
''', encoding="utf-8")
    index = wire_index(load_wire_rules(path), frozenset())
    text = f"{FILLER}Then slowly {RUNAWAY}\n"
    with pytest.raises(RuleTimeout, match=re.escape(
            'rule "slow-slug" took over 0.05 s near line 4; leave out TL401 (ignore)')):
        index.find(text, lower_text(text))


def test_the_time_limit_grows_with_the_text() -> None:
    assert safety.time_limit(0) == safety.TIME_LIMIT
    assert safety.time_limit(3_000_000) == pytest.approx(
        safety.TIME_LIMIT + 3 * safety.TIME_LIMIT_PER_MB)


# --- overlaps: the same result as before, in O(n log n) --------------------------------

def _quadratic_without_overlaps(found: list[Any]) -> list[Any]:
    """The function as it was: every match tested against every match kept."""
    chosen: list[Any] = []
    for match in sorted(found, key=lambda item: (item.start - item.end, item.start)):
        if all(match.end <= other.start or match.start >= other.end for other in chosen):
            chosen.append(match)
    return sorted(chosen, key=lambda item: item.start)


def _random_matches(chance: random.Random, count: int, room: int,
                    longest: int) -> list[RuleMatch[Any]]:
    """``count`` matches in ``room`` characters: many overlaps, equal lengths, equal spans,
    now and then an empty one; each has its own rule (its number) to tell ties apart."""
    found = []
    for number in range(count):
        start = chance.randrange(room)
        length = 0 if chance.random() < 0.03 else chance.randint(1, longest)
        found.append(RuleMatch(start, start + length, number))
    for _ in range(count // 4):  # the same span again, for another rule
        twin = chance.choice(found) if found else RuleMatch(0, 1, -1)
        found.insert(chance.randrange(len(found) + 1),
                     RuleMatch(twin.start, twin.end, len(found) + 1000))
    return found


def _spans(matches: list[RuleMatch[Any]]) -> list[tuple[int, int, Any]]:
    return [(match.start, match.end, match.rule) for match in matches]


@pytest.mark.parametrize(("cases", "count", "room", "longest"), [
    (4000, 12, 20, 6),       # heavy overlap, many ties
    (2000, 40, 60, 12),
    (500, 200, 400, 30),
    (300, 60, 2000, 40),     # many clusters, most of one match
    (5, 3000, 6000, 25),
])
def test_longest_first_keeps_what_the_quadratic_version_kept(
        cases: int, count: int, room: int, longest: int) -> None:
    chance = random.Random(f"{cases}-{count}-{room}-{longest}")
    for _ in range(cases):
        found = _random_matches(chance, chance.randint(0, count), room, longest)
        assert _spans(longest_first(found)) == _spans(_quadratic_without_overlaps(found)), (
            _spans(found))


class _ReadCounted:
    """A match that counts how often its start and end are read."""

    reads = 0

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    @property
    def start(self) -> int:
        _ReadCounted.reads += 1
        return self._start

    @property
    def end(self) -> int:
        _ReadCounted.reads += 1
        return self._end


def test_longest_first_reads_each_match_a_bounded_number_of_times() -> None:
    """One long chain of overlapping matches, one cluster: the quadratic version read the
    kept matches again for every match (millions of reads here), this one a few times each."""
    count = 3000
    found: list[Any] = [_ReadCounted(2 * number, 2 * number + 3) for number in range(count)]
    _ReadCounted.reads = 0
    kept = longest_first(found)
    assert [(match.start, match.end) for match in kept] == [
        (4 * number, 4 * number + 3) for number in range(count // 2)]
    assert _ReadCounted.reads < 20 * count


def test_glossary_matches_keep_what_the_quadratic_version_kept() -> None:
    """The name engine's choice among overlapping forms is the same helper."""
    from translint.names.index import longest_first as names_longest_first

    chance = random.Random("glossary-forms")
    for _ in range(2000):
        found = _random_matches(chance, chance.randint(0, 30), 80, 12)
        assert _spans(names_longest_first(list(found))) == _spans(
            _quadratic_without_overlaps(sorted(found, key=lambda match: match.start)))
