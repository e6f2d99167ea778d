"""Gating phrasing rules: documents each rule hits on native and translated copy, rates,
precision and verdicts, on packs and corpora written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from translint.errors import InputError
from translint.phrasing.corpus import CorpusText
from translint.phrasing.gate import (
    DEMOTE,
    DROP,
    SLOW,
    Thresholds,
    count_hits,
    find_pack,
    gate,
    per_1000,
    verdict,
)
from translint.rules.packs import Pack, load_pack

PACK = """\
[pack]
id = "xx-en"
source = ["es"]
target = "en"

[[rule]]
id = "in-this-sense"
pattern = "in this sense"
message = "Calque of 'en este sentido'."

[[rule]]
id = "this-sense"
pattern = "this sense"
message = "Overlaps the rule above."
severity = "info"

[[rule]]
id = "same-expression"
pattern = "in this sense"
message = "The same expression as the first rule."
severity = "info"

[[rule]]
id = "never"
pattern = "perceive certain points of contact"
message = "Never in these corpora."
"""


@pytest.fixture
def pack(tmp_path: Path) -> Pack:
    path = tmp_path / "xx-en.toml"
    path.write_text(PACK, encoding="utf-8")
    return load_pack(path, compile_now=True)


def texts(*bodies: str) -> list[CorpusText]:
    return [CorpusText("corpus.jsonl", body, record=True) for body in bodies]


def test_a_rule_counts_a_document_once_and_overlapping_rules_each_count(pack: Pack) -> None:
    hits = count_hits([pack], texts("In this sense, yes. In this sense, no.", "Nothing.",
                                    "In this\nsense the mayor agreed."))
    assert hits.documents == 3
    assert hits.by_rule == {"xx-en/in-this-sense": 2, "xx-en/this-sense": 2,
                            "xx-en/same-expression": 2}


def test_masking_follows_the_format_as_translint_check_does(pack: Pack) -> None:
    markdown = CorpusText("story.md", "A quote: `in this sense` is code.\n")
    plain = CorpusText("story.txt", "See https://example.com/in-this-sense today.\n")
    record = CorpusText("a.jsonl", "A quote: `in this sense` is prose here.", record=True)
    hits = count_hits([pack], [markdown, plain, record])
    assert hits.by_rule["xx-en/in-this-sense"] == 1


def test_figures_rates_precision_and_verdicts(pack: Pack) -> None:
    native = count_hits([pack], texts("In this sense it helps.", *["Plain copy."] * 499))
    translated = count_hits([pack], texts(*["In this sense, no."] * 4, "Plain copy."))
    figures = {each.rule.id: each for each in gate([pack], native, translated)}
    first = figures["in-this-sense"]
    assert (first.native_docs, first.native_total) == (1, 500)
    assert first.native_per_1000 == pytest.approx(2.0)
    assert (first.translated_docs, first.translated_total) == (4, 5)
    assert first.translated_per_1000 == pytest.approx(800.0)
    assert first.precision == pytest.approx(800 / 802)
    assert first.verdict == DEMOTE  # a warning above 1 native document in 1,000
    assert figures["this-sense"].verdict is None  # info: 2.0 is under 5.0
    never = figures["never"]
    assert (never.native_docs, never.translated_docs, never.precision) == (0, 0, None)
    assert never.verdict is None


def test_without_a_translated_corpus_there_is_no_precision(pack: Pack) -> None:
    native = count_hits([pack], texts("In this sense it helps."))
    figures = gate([pack], native, None)
    assert all(each.translated_docs is None and each.translated_per_1000 is None
               and each.precision is None for each in figures)


def test_verdict_thresholds(pack: Pack) -> None:
    warning, info = pack.rules[0], pack.rules[1]
    thresholds = Thresholds(warning=1.0, info=5.0)
    assert verdict(warning, 1.0, thresholds) is None
    assert verdict(warning, 1.01, thresholds) == DEMOTE
    assert verdict(info, 5.0, thresholds) is None
    assert verdict(info, 5.01, thresholds) == DROP
    assert per_1000(3, 0) == 0.0
    timed = Thresholds(warning=1.0, info=5.0, microseconds=10.0)
    assert verdict(warning, 0.0, thresholds, microseconds=500.0) is None  # no limit given
    assert verdict(warning, 0.0, timed, microseconds=10.0) is None
    assert verdict(warning, 0.0, timed, microseconds=10.5) == SLOW
    assert verdict(warning, 2.0, timed, microseconds=10.5) == DEMOTE  # the rate first


def test_two_processes_count_what_one_does(pack: Pack) -> None:
    bodies = [f"Story {number}. In this sense, fine." if number % 3 == 0 else "Plain."
              for number in range(100)]
    one = count_hits([pack], texts(*bodies), jobs=1)
    two = count_hits([pack], texts(*bodies), jobs=2)
    assert (two.documents, two.by_rule) == (one.documents, one.by_rule)
    assert one.by_rule["xx-en/in-this-sense"] == 34
    # Search time, by expression, from both processes: only the expressions that ran.
    ran = {rule.source for rule in pack.rules if rule.id != "never"}
    assert set(one.seconds) == set(two.seconds) == ran


def test_find_pack_by_path_or_bundled_id(pack: Pack, tmp_path: Path) -> None:
    assert find_pack(pack.path).id == "xx-en"
    assert find_pack("es-en").id == "es-en"
    with pytest.raises(InputError, match='no pack file or bundled pack "zz-en"; the '
                                         "bundled packs are de-en, "):
        find_pack("zz-en")
    with pytest.raises(InputError, match="no such pack file"):
        find_pack(str(tmp_path / "gone.toml"))
