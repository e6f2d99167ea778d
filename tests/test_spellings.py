"""Name analysis: runs of words fold like their words folded one by one; what is
remembered per name changes no finding."""

from __future__ import annotations

import random
import re
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from translint.checks import naming
from translint.checks.naming import spelling_tables
from translint.linter import Linter
from translint.names import variants as spellings
from translint.names.extract import count_names, find_all
from translint.names.fold import form_identity, name_key, word_keys
from translint.names.index import NameIndex
from translint.names.variants import WORD_FOLDS, folded_words, run_identity

TEXT = ("Mikhailo Podoljak met officials in Novo-Ogaryovo, Kryvyy Rih and Luhans’k; "
        "Zelenskyy's envoy, Jean-Pierre Ĺukaševič, flew to Rostov-on-Don with "
        "Volodymyr O'Neill Zelenskyy.")


@pytest.mark.parametrize("name", sorted(count_names(TEXT)))
def test_run_keys_are_the_keys_of_the_written_text(name: str) -> None:
    words = folded_words(name)
    assert words
    for first in range(len(words)):
        for last in range(first, len(words)):
            written = name[words[first].start:words[last].end]
            assert "".join(word.key for word in words[first:last + 1]) == name_key(written)
            assert run_identity(words, first, last) == form_identity(written)


def test_words_fold_at_once_as_one_by_one() -> None:
    words = [word.text for name in count_names(TEXT) for word in folded_words(name)]
    words += ["Ogaryovo", "Ooo", "Aaa", "Kiyv", "Xe", "Zaporizhzhia", "Hrushevskyy", "Ⅻ",
              "北京", "Ǆemal", "Seeb", "Scott"]
    assert word_keys(words) == [name_key(word) for word in words]
    assert word_keys([]) == []


def test_possessive_is_not_part_of_the_word() -> None:
    assert [word.text for word in folded_words("Zelenskyy's")] == ["Zelenskyy"]


NAMES_TEXT = ("Mikhailo Podoljak spoke. Podoljak said Syrskyi and Syrsky agreed. "
              "Zaporizhzhya and Zelenskiyy were named.")


def _findings(linter: Linter, text: str) -> list[str]:
    return [f"{finding.column} {finding.code} {finding.text}"
            for finding in linter.check_text(text, "a.txt")]


def test_remembered_names_give_the_same_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = _findings(Linter.from_paths(lang="en"), NAMES_TEXT)
    assert {"TL102", "TL103"} <= {line.split()[1] for line in fresh}
    linter = Linter.from_paths(lang="en")
    monkeypatch.setattr(spellings, "MEMO_SIZE", 3)  # forget often: past three names
    monkeypatch.setattr(WORD_FOLDS, "size", 4)  # and past four words
    for _ in range(3):
        assert _findings(linter, NAMES_TEXT) == fresh
    tables = linter.resources.get(spelling_tables, "en")
    # Forgotten past three names, each document's names learnt again at once.
    assert len(tables.memo) == len(count_names(NAMES_TEXT))


def _count_table_builds(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The languages spelling tables are built for from now on, in order."""
    built: list[str | None] = []
    build = naming.SpellingTables

    def counted(index: NameIndex, lang: str | None) -> spellings.SpellingTables:
        built.append(lang)
        return build(index, lang)

    monkeypatch.setattr(naming, "SpellingTables", counted)
    return built


def test_prepare_builds_the_tables_workers_share(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _findings(Linter.from_paths(lang="en"), NAMES_TEXT)
    built = _count_table_builds(monkeypatch)
    linter = Linter.from_paths(lang="en")
    linter.prepare()
    assert built == ["en"]
    assert _findings(linter, NAMES_TEXT) == expected
    assert built == ["en"]  # the documents use what prepare built


def test_prepare_without_a_language_builds_only_what_languages_share(
        monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _findings(Linter.from_paths(lang="en"), NAMES_TEXT)
    built = _count_table_builds(monkeypatch)
    linter = Linter.from_paths()
    linter.prepare()
    assert built == []  # the language of each document is not known yet
    assert _findings(linter, NAMES_TEXT) == expected
    assert built == ["en"]


@pytest.mark.slow
def test_threads_sharing_a_linter_with_small_memos_get_the_same_findings(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A server may check copy from several threads with one linter; memos that fill up are
    # replaced while other threads read them, which must not lose a name or raise.
    def letters(number: int) -> str:
        return "".join("abcdefghij"[int(digit)] for digit in str(number))
    texts = [f"{NAMES_TEXT} Kovalenk{letters(number)} met Mirosh{letters(number % 7)}enko "
             f"and Hryts{letters(number)}enko in Bila{letters(number % 5)} Tserkva."
             for number in range(40)]
    expected = [_findings(Linter.from_paths(lang="en"), text) for text in texts]
    monkeypatch.setattr(spellings, "MEMO_SIZE", 5)
    monkeypatch.setattr(WORD_FOLDS, "size", 7)
    linter = Linter.from_paths(lang="en")
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            for _ in range(2):
                assert list(pool.map(lambda text: _findings(linter, text), texts)) == expected
    finally:
        sys.setswitchinterval(interval)


def test_find_all_finds_what_a_leading_look_back_finds() -> None:
    # find_all puts its look back after the words, so that the engine skips ahead to them.
    rng = random.Random(7)
    pieces = ["Jean", "Jean-Luc", "jean", "Ex-", "O'Neil", "_", "2", " ", "é", "\u0301", "-",
              ".", "(", "Ivano Frankivsk", "X", "Al"]
    for _ in range(2000):
        prose = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for written in ("Jean", "Ex-", "O'Neil", "X", "Ivano Frankivsk", "é"):
            leading = re.compile(rf"(?<!\w){re.escape(written)}(?!\w)")
            assert list(find_all(prose, written)) == [
                match.span() for match in leading.finditer(prose)], (prose, written)
