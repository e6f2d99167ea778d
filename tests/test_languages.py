"""Language files: every bundled one loads, a malformed one is a clear error, and a new
language is one file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import translint.languages as languages
from translint.checks import disfavoured_variant, foreign_number_format, untranslated_residue
from translint.linter import Linter
from translint.names import variants
from translint.rules import anchored
from translint.settings import Selection
from translint.text import langid, segment
from translint.text.langcodes import language_of

SWEDISH = """\
name = "Swedish"
stop_words = ["och", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till",
              "den", "har", "de", "inte", "om", "ett", "var", "jag", "sig", "från", "vi"]

[numbers]
decimal = ","
group = "\\u202f"
magnitudes = ["miljoner", "miljarder"]
percent = ["procent"]
counted = ["personer", "invånare"]
range_words = ["till"]
"""
SWEDISH_TEXT = ("Regeringen har sagt att det inte är möjligt att flytta myndigheten till Kiruna "
                "före år 2030. Beslutet om den nya vägen kom efter ett möte med kommunen, och "
                "det var inte alla som var nöjda med det som sades på mötet i går.")
SWEDISH_IN_ENGLISH = ("The council met on Monday to discuss the new road, and the mayor said "
                      "that the plans were not final. " + SWEDISH_TEXT.split(". ")[1])
# Every cache built from the language files: cleared around a test that swaps the files.
CACHED = (languages.language, languages.bundled_languages, langid._profiles,
          langid._languages_of, variants.titles, anchored.common_words, segment._abbreviation,
          disfavoured_variant._gloss_patterns, foreign_number_format._range,
          untranslated_residue._foreign_words, untranslated_residue._foreign_automaton)


def _residue(text: str) -> list[str]:
    """The start of every TL301 message on English copy."""
    linter = Linter.from_paths(None, Selection(select=("TL301",)), "en")
    findings = linter.check_document(linter.make_document(text))
    return [finding.message.split(" (")[0] for finding in findings]


def _clear_caches() -> None:
    for function in CACHED:
        function.cache_clear()


@pytest.mark.parametrize("code", languages.bundled_codes())
def test_every_bundled_file_loads(code: str) -> None:
    loaded = languages.load_language(languages.DIRECTORY / f"{code}.toml")
    assert loaded.code == code
    assert language_of(code) == code  # files are named by ISO 639 codes
    assert loaded.name and loaded.name != code
    if loaded.numbers is not None:
        assert {loaded.numbers.decimal, loaded.numbers.foreign_decimal} == {".", ","}


def test_bundled_languages_are_the_files() -> None:
    codes = languages.bundled_codes()
    assert {"en", "de", "fr", "es", "it", "pt", "nl", "uk", "ru"} <= set(codes)
    assert [each.code for each in languages.bundled_languages()] == list(codes)


def test_a_code_without_a_file_gets_an_empty_language() -> None:
    unknown = languages.language("xh")
    assert (unknown.code, unknown.name, unknown.stop_words, unknown.numbers) == (
        "xh", "xh", frozenset(), None)
    assert not unknown.non_latin
    assert languages.language("../en").stop_words == frozenset()  # never a path


def test_language_data_reaches_the_checks() -> None:
    assert languages.language("uk").non_latin and not languages.language("pl").non_latin
    assert "herr" in variants.titles() and "mr" in variants.titles()
    assert {"the", "der", "della"} <= anchored.common_words()
    assert languages.language("es").inverted_marks
    assert not languages.language("en").inverted_marks


@pytest.mark.parametrize(("text", "message"), [
    ('name = "X"\nstopwords = ["a"]\n', 'unknown key "stopwords"'),
    ('name = "X"\n[numbers]\ndecimal = ","\ngroup = "."\nalways = "no"\n',
     '"numbers.always" must be true or false'),
    ('name = "X"\ntitles = "herr frau"\n', '"titles" must be a list of non-empty strings'),
    ('name = "X"\ntitles = ["herr", 2]\n', '"titles" must be a list of non-empty strings'),
    ('name = "X"\n[gloss]\nformerly = ["früher"]\n', 'unknown key "gloss.formerly"'),
    ('name = "X"\ngloss = ["früher"]\n', "[gloss] must be a table"),
    ('name = "X"\n[numbers]\ndecimal = ","\n', 'missing key "numbers.group"'),
    ('name = "X"\n[numbers]\ndecimal = ","\ngroup = "."\nscales = ["miljon"]\n',
     '"numbers.scales" must be a table of words, each to a whole number'),
    ('name = "X"\n[numbers]\ndecimal = ","\ngroup = "."\n[numbers.scales]\nmiljon = "6"\n',
     '"numbers.scales" must be a table of words, each to a whole number'),
    ('name = "X"\n[numbers]\ndecimal = ","\ngroup = "."\n[numbers.words]\ntre = true\n',
     '"numbers.words" must be a table of words, each to a whole number'),
    ('name = "X"\n[numbers]\ndecimal = ","\ngroup = "."\nalone = ["miljon"]\n',
     '"numbers.alone": miljon must be in [numbers.scales]'),
    ('name = "X"\ndeclension = "yes"\n', '"declension" must be an array of tables'),
    ('name = "X"\n[[declension]]\nkind = "river"\nnominative = ""\ncases = { gen = ["a"] }\n',
     'declension row 1: "kind" must be one of person, place, given, any'),
    ('name = "X"\n[[declension]]\nkind = "place"\nnominative = ""\ncases = { abl = ["a"] }\n',
     'declension row 1: unknown case "abl"'),
    ('name = "X"\n[[declension]]\nkind = "place"\nnominative = ""\ncases = { gen = "a" }\n',
     'declension row 1: "cases.gen" must be a list of lower-case endings'),
    ('name = "X"\n[[declension]]\nkind = "place"\nending = ""\ncases = { gen = ["a"] }\n',
     'declension row 1: unknown key "ending"'),
    ('name = "X"\n[transliteration.rules]\nTJ = "ch"\n',
     '"transliteration.rules" must be a table of lower-case spellings, each to a string'),
    ('name = "X"\n[transliteration]\nrules = ["tj"]\n',
     '"transliteration.rules" must be a table of lower-case spellings, each to a string'),
    ('stop_words = ["och"]\n', 'missing key "name"'),
    ("name = 3\n", '"name" must be a non-empty string'),
    ('name = "X\n', "TOML syntax error"),
])
def test_a_malformed_file_is_an_error_naming_file_and_key(tmp_path: Path, text: str,
                                                          message: str) -> None:
    path = tmp_path / "xx.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(languages.LanguageError) as raised:
        languages.load_language(path)
    assert str(path) in str(raised.value)
    assert message in str(raised.value)


@pytest.fixture
def with_swedish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The bundled language files plus sv.toml, in place of the bundled ones."""
    for path in languages.DIRECTORY.glob("*.toml"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "sv.toml").write_text(SWEDISH, encoding="utf-8")
    monkeypatch.setattr(languages, "DIRECTORY", tmp_path)
    _clear_caches()
    yield
    monkeypatch.undo()
    _clear_caches()


def test_a_new_language_is_one_file(with_swedish: None) -> None:
    assert "sv" in languages.bundled_codes()
    assert languages.language("sv").name == "Swedish"
    assert langid.stop_word_language(langid.words_of(SWEDISH_TEXT)) == "sv"
    assert _residue(SWEDISH_IN_ENGLISH) == ["sentence in sv left in en copy"]
    linter = Linter.from_paths(None, Selection(select=("TL203",)), "sv")
    document = linter.make_document("Över 3.5 miljoner personer bor i regionen.")
    findings = linter.check_document(document)
    assert [(finding.text, finding.suggestion) for finding in findings] == [("3.5", "3,5")]
    assert "Swedish copy writes 3,5" in findings[0].message


def test_without_the_file_the_language_is_unknown() -> None:
    assert "sv" not in languages.bundled_codes()
    assert langid.stop_word_language(langid.words_of(SWEDISH_TEXT)) is None
    assert _residue(SWEDISH_IN_ENGLISH) == []
    linter = Linter.from_paths(None, Selection(select=("TL203",)), "sv")
    document = linter.make_document("Över 3.5 miljoner personer bor i regionen.")
    assert linter.check_document(document) == []
