"""The name index: combined from each glossary's own index, or pickled and unpickled, it
finds exactly what an index built from all the glossaries at once finds."""

from __future__ import annotations

import pickle

from translint.glossary.load import bundled_glossary_paths, load_glossary, parse_glossary
from translint.glossary.model import Glossary
from translint.names.index import FormMatch, NameIndex

from .conftest import CASES

# Shares first words ("Nova", "Kryvyi") and a whole form's first word ("Kyiv") with the
# others, so that their buckets and word tries have to be merged.
EXTRA = """
[glossary]
name = "extra"

[[entry]]
id = "nova-kakhovka"
kind = "place"
source = "test"
variants = ["Novaya Kakhovka"]
  [entry.forms.en]
  preferred = "Nova Kakhovka"

[[entry]]
id = "nova-vodolaha"
kind = "place"
source = "test"
variants = ["Novaya Vodolaga"]
  [entry.forms.en]
  preferred = "Nova Vodolaha"

[[entry]]
id = "kryvyi-rih-district"
kind = "place"
source = "test"
variants = ["Krivoy Rog District"]
  [entry.forms.en]
  preferred = "Kryvyi Rih District"

[[entry]]
id = "kyiv-oblast"
kind = "place"
source = "test"
variants = ["Kiev Oblast"]
  [entry.forms.en]
  preferred = "Kyiv Oblast"
"""

TEXT = ("In Kiev Oblast and Kiev, Novaya Kakhovka and Nova Vodolaha, Krivoy Rog District "
        "and Krivoy Rog, Mikhailo Podoliak met Vladimir Zelensky in Novo Ogarevo; "
        "chicken Kiev in Luhans'k, Lugansk and Kyiv.")


def _glossaries() -> list[Glossary]:
    return ([load_glossary(path) for path in bundled_glossary_paths()]
            + [load_glossary(CASES / "glossary.toml"), parse_glossary(EXTRA, "extra.toml")])


def _found(index: NameIndex) -> list[tuple[int, int, str, str, str | None]]:
    def row(match: FormMatch) -> tuple[int, int, str, str, str | None]:
        return match.start, match.end, match.entry.id, match.form, match.given
    return [row(match) for match in index.scan(TEXT)]


def test_combined_index_finds_what_one_built_at_once_finds() -> None:
    glossaries = _glossaries()
    at_once = _found(NameIndex(glossaries))
    assert len(at_once) >= 10
    assert {"kyiv-oblast", "nova-kakhovka", "nova-vodolaha",
            "kryvyi-rih-district"} <= {entry for _, _, entry, _, _ in at_once}
    assert _found(NameIndex.of(glossaries)) == at_once
    # Combining leaves each glossary's own index as it was.
    assert _found(NameIndex.of(glossaries[-1:])) == _found(NameIndex(glossaries[-1:]))


def test_an_unpickled_index_finds_the_same() -> None:
    glossary = load_glossary(CASES / "glossary.toml")
    index = NameIndex.of_glossary(glossary)
    copy = pickle.loads(pickle.dumps(glossary, protocol=pickle.HIGHEST_PROTOCOL))
    copied = copy.derived[NameIndex]  # the index travels with its glossary
    assert isinstance(copied, NameIndex)
    assert copied.entries[0] is copy.entries[0]
    assert NameIndex.of_glossary(copy) is copied
    assert _found(copied) == _found(index) != []


def test_a_changed_glossary_builds_its_own_index() -> None:
    from dataclasses import replace
    glossary = load_glossary(CASES / "glossary.toml")
    NameIndex.of_glossary(glossary)
    fewer = replace(glossary, entries=tuple(entry for entry in glossary.entries
                                            if entry.id != "kyiv"))
    assert "kyiv" in {entry for _, _, entry, _, _ in _found(NameIndex.of_glossary(glossary))}
    assert "kyiv" not in {entry for _, _, entry, _, _ in _found(NameIndex.of_glossary(fewer))}


class _Recording:
    """Stands in for an index's automaton: records the length of each string searched."""

    def __init__(self, automaton: object) -> None:
        self.automaton = automaton
        self.lengths: list[int] = []

    def iter(self, text: str, *bounds: int) -> object:
        self.lengths.append(len(text))
        return self.automaton.iter(text, *bounds)  # type: ignore[attr-defined]


def test_a_stretch_is_searched_on_its_own() -> None:
    """Matching a stretch of a long text hands the automaton the stretch, not the text
    (pyahocorasick converts the whole string it is given, whatever the bounds), and finds
    what matching the whole text finds there."""
    from translint.names.fold import spaced_text

    index = NameIndex(_glossaries())
    prose = "Filler words, " * 20_000 + TEXT + " More filler." * 20_000
    lowered = prose.lower()
    spaced = spaced_text(lowered)
    lo = prose.index(TEXT)
    hi = lo + len(TEXT)
    everywhere = [match for match in index.candidates(prose, lowered, 0, len(prose), spaced)
                  if lo <= match.start < hi]
    recording = _Recording(index._spaced)
    index._spaced = recording  # type: ignore[assignment]
    found = index.candidates(prose, lowered, lo, hi, spaced)
    assert found == everywhere and len(found) >= 10
    assert recording.lengths == [len(TEXT) + 2]


PLAIN = """
[glossary]
name = "plain"

[[entry]]
id = "toward"
kind = "term"
source = "test"
variants = ["towards"]
  [entry.forms.en]
  preferred = "toward"
"""


def test_a_plain_word_is_matched_in_whole_word_places_only() -> None:
    """The short path for one form of one word: in ASCII text and in text with other
    characters (next to a letter or a combining mark it is inside a word), in a stretch
    or in the whole text, it finds what the general path finds."""
    index = NameIndex([parse_glossary(PLAIN, "plain.toml")])
    assert index._plain_words.count(None) == 0
    for text, expected in [
        ("Go towards it, toward it.", ["towards", "toward"]),
        ("Go éto towards; towardś and towards\u0301 — “towards”.", ["towards", "towards"]),
        ("xtowards towardsx towards_ 2towards", ["towards"]),  # "_" ends a word
    ]:
        lowered = text.lower()
        found = [text[match.start:match.end] for match in index.scan(text, lowered)]
        assert found == expected, text
        general = NameIndex([parse_glossary(PLAIN, "plain.toml")])
        general._plain_words = [None] * len(general._plain_words)
        assert general.scan(text, lowered) == index.scan(text, lowered), text
        for lo in range(len(text)):
            assert (index.candidates(text, lowered, lo, len(text))
                    == general.candidates(text, lowered, lo, len(text))), (text, lo)
