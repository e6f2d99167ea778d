"""verb: tokens: a verb named once in a pattern matches every form of it."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from translint.errors import RuleError
from translint.languages import LanguageError, load_language
from translint.rules.inflect import verb_forms
from translint.rules.packs import RULE_FLAGS, compile_pattern, load_pack


@pytest.mark.parametrize(("base", "forms"), [
    ("assure", {"assure", "assures", "assured", "assuring"}),
    ("detail", {"detail", "details", "detailed", "detailing"}),
    ("specify", {"specify", "specifies", "specified", "specifying"}),
    ("stress", {"stress", "stresses", "stressed", "stressing"}),
    ("admit", {"admit", "admits", "admitted", "admitting"}),
    ("travel", {"travel", "travels", "traveled", "travelled", "traveling", "travelling"}),
    ("die", {"die", "dies", "died", "dying"}),
    ("agree", {"agree", "agrees", "agreed", "agreeing"}),
    ("say", {"say", "says", "said", "saying"}),
    ("write", {"write", "writes", "wrote", "written", "writing"}),
    ("put", {"put", "puts", "putting"}),
])
def test_every_form_a_writer_uses_is_there(base: str, forms: set[str]) -> None:
    assert forms <= set(verb_forms(base, "en"))


def test_an_irregular_verb_has_no_regular_past() -> None:
    assert "sayed" not in verb_forms("say", "en")
    assert "holded" not in verb_forms("hold", "en")


def test_a_verb_token_matches_each_form_and_only_whole_words() -> None:
    source, anchors, _ = compile_pattern("verb:assure that")
    expression = regex.compile(source, RULE_FLAGS)
    for text in ("She assured that", "he assures that", "Assuring that", "we assure that"):
        assert expression.search(text), text
    assert not expression.search("reassured that")
    assert not expression.search("assurance that")
    assert {literal for literal, _ in anchors} == {"assure", "assures", "assured", "assuring"}


def test_verb_alternatives_and_optional_verbs_combine() -> None:
    source, _, _ = compile_pattern("verb:detail|verb:specify [also] that")
    expression = regex.compile(source, RULE_FLAGS)
    assert expression.search("The ministry specified also that")
    assert expression.search("they detailed that")
    assert not expression.search("they said that")


def test_a_verb_token_is_refused_for_a_language_without_verb_data(tmp_path: Path) -> None:
    pack = tmp_path / "en-xx.toml"
    pack.write_text('[pack]\nid = "en-xx"\nsource = ["en"]\ntarget = "xx"\n\n'
                    '[[rule]]\nid = "r"\npattern = "verb:assure que"\nmessage = "m"\n',
                    encoding="utf-8")
    with pytest.raises(RuleError, match=r'rule "r": bad pattern: verb: tokens need verb data'):
        load_pack(pack, compile_now=True)


def test_a_verb_token_must_be_a_lower_case_word() -> None:
    with pytest.raises(ValueError, match="lower-case letters"):
        compile_pattern("verb:Assure that")


def test_the_verbs_table_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "sv.toml"
    path.write_text('name = "Swedish"\n[verbs]\nscheme = "swedish"\n', encoding="utf-8")
    with pytest.raises(LanguageError, match=r'"verbs\.scheme" must be one of english'):
        load_language(path)
    path.write_text('name = "Swedish"\n[verbs]\nirregular = ["go went"]\n', encoding="utf-8")
    with pytest.raises(LanguageError, match=r'missing key "verbs\.scheme"'):
        load_language(path)
    path.write_text('name = "Swedish"\n[verbs]\nscheme = "english"\nirregular = ["Go Went"]\n',
                    encoding="utf-8")
    with pytest.raises(LanguageError, match="lower-case words"):
        load_language(path)
