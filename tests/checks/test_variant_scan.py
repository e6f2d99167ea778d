"""TL101 from the variant-only automaton (``translint.names.variant_scan``) finds exactly
what it finds from the full scan of every glossary form, with a house-style glossary whose
preferred forms are the words of the text itself."""

from __future__ import annotations

import random
import sys

import ahocorasick

from translint.checks.base import Context, Problem
from translint.checks.disfavoured_variant import disfavoured_variants
from translint.glossary.load import bundled_glossary_paths, load_glossaries
from translint.glossary.model import Entry, Glossary, LanguageForms, NameForms
from translint.languages import bundled_codes
from translint.linter import Linter
from translint.names.fold import lower_text, spaced_text
from translint.names.index import (
    FormMatch,
    NameIndex,
    _best,
    _walk,
    is_word_character,
    longest_first,
)
from translint.names.variant_scan import VariantScanner
from translint.settings import Selection

# Words that are preferred forms (a house style) and make up most of the text.
COMMON = ["the", "toward", "adviser", "percent", "email", "health care", "now", "formerly",
          "known", "as", "or", "said", "new", "york", "city", "of", "in", "and", "a"]
FILLER = ["market", "report", "week", "minister", "talks", "rose", "fell"]
PUNCTUATION = [", ", ". ", " (", ") ", " – ", "\n", "\n\n", "; ", " 2024 ", "’s "]


def _entry(entry_id: str, preferred: str, variants: tuple[str, ...],
           exceptions: tuple[str, ...] = (), given: NameForms | None = None,
           kind: str = "term") -> Entry:
    return Entry(entry_id, kind, NameForms({"en": LanguageForms(preferred)}, variants),
                 given=given, exceptions=exceptions)


def house_style(words: list[str] = COMMON) -> Glossary:
    """Common words as preferred forms, next to names with variants, a multi-word form, an
    exception phrase, a person with a disfavoured given name, and a name whose form in
    another language (German ``Kiew``) is disfavoured in English."""
    entries = [_entry(f"w{number}", word, (word + "e",)) for number, word in enumerate(words)]
    entries += [
        _entry("kyiv", "Kyiv", ("Kiev",), exceptions=("Chicken Kiev",), kind="place"),
        _entry("new-york-city", "New York City", ("NYC",), kind="place"),
        _entry("kryvyi-rih", "Kryvyi Rih", ("Krivoy Rog",), kind="place"),
        _entry("podolyak", "Podolyak", ("Podoliak",), kind="person",
               given=NameForms({"en": LanguageForms("Mykhailo")}, ("Mikhailo",))),
        Entry("odesa", "place", NameForms({"en": LanguageForms("Odesa"),
                                           "de": LanguageForms("Odessa")}, ())),
    ]
    return Glossary("house", tuple(entries))


NAMES = ["Kiev", "Kyiv", "Chicken Kiev", "NYC", "New York City", "Krivoy Rog", "Kryvyi Rih",
         "Krivoy\nRog", "Mikhailo Podolyak", "Mykhailo Podoliak", "Mikhailo Podoliak",
         "Podolyak", "Odessa", "Odesa", "the", "thee", "towarde", "health care", "health\ncare"]


def random_text(rng: random.Random, words: int) -> str:
    """Words of the glossary and others, with punctuation, glosses and line breaks."""
    parts: list[str] = []
    for _ in range(words):
        roll = rng.random()
        if roll < 0.45:
            parts.append(rng.choice(COMMON))
        elif roll < 0.6:
            parts.append(rng.choice(FILLER))
        elif roll < 0.75:
            parts.append(rng.choice(NAMES))
        elif roll < 0.8:
            parts.append(rng.choice(["Kyiv (formerly Kiev)", "Kiev (now Kyiv)",
                                     "Kyiv, formerly known as Kiev", "Odesa (Odessa)"]))
        else:
            parts.append(rng.choice(PUNCTUATION).strip(" ") or " ")
        parts.append(rng.choice([" ", " ", " ", "-", ", ", "\n"]))
    return "".join(parts)


def _problems(linter: Linter, text: str, full: bool) -> tuple[list[Problem], list[FormMatch]]:
    """TL101's problems in ``text``: from the full scan of every form (the reference) or,
    as TL101 runs alone, from the variant-only automaton; with the matches read."""
    document = linter.make_document(text, "t.txt")
    context = Context(document, linter.resources)
    if full:
        _ = context.form_matches  # at hand: TL101 reads them
    problems = list(disfavoured_variants(document, context))
    return problems, context.variant_matches


def _key(match: FormMatch) -> tuple[int, int, str, str]:
    return match.start, match.end, match.entry.id, match.form


def test_common_words_same_findings_as_the_full_scan() -> None:
    linter = Linter([house_style()], Selection(select=("TL101",)), lang="en")
    rng = random.Random(15)
    found = 0
    for _ in range(300):
        text = random_text(rng, rng.randint(5, 120))
        reference, every = _problems(linter, text, full=True)
        problems, some = _problems(linter, text, full=False)
        assert problems == reference, text
        # Matches of the full scan, never others.
        assert {_key(match) for match in some} <= {_key(match) for match in every}
        found += len(problems)
    assert found > 300  # the texts hold variants: the comparison is not of empty lists


def test_common_words_cost_only_the_stretches_around_variants() -> None:
    """Preferred forms far from any variant are not matched at all."""
    linter = Linter([house_style()], Selection(select=("TL101",)), lang="en")
    text = ("the adviser said, toward the city. " * 50) + "Talks in Kiev. " + (
        "the adviser said, toward the city. " * 50)
    problems, matches = _problems(linter, text, full=False)
    assert [text[problem.start:problem.end] for problem in problems] == ["Kiev"]
    assert len(matches) < 5
    assert len(_problems(linter, text, full=True)[1]) > 400


def test_exceptions_glosses_and_given_names_still_apply() -> None:
    # Without the gloss words among the forms: a gloss reads the match next to a variant,
    # and "formerly" as a form of its own would stand between (the same on both paths).
    words = [word for word in COMMON if word not in ("now", "formerly", "known", "as", "or")]
    linter = Linter([house_style(words)], Selection(select=("TL101",)), lang="en")
    cases = {
        "The menu had Chicken Kiev, the adviser said.": [],
        "Talks in Kiev resumed, the adviser said.": ["Kiev"],
        "Kyiv (formerly Kiev) said now.": [],
        "Kiev (now Kyiv) is the city.": [],
        "Kiev, now Kyiv, is the city; Kiev is not.": ["Kiev"],
        "Mikhailo Podolyak said, toward the city.": ["Mikhailo Podolyak"],
        "Mykhailo Podolyak said, toward the city.": [],
        "Odessa, the city.": ["Odessa"],
        "Krivoy\nRog and the city": ["Krivoy\nRog"],
        "the adviser, thee, towarde": ["thee", "towarde"],
    }
    for text, expected in cases.items():
        problems, _ = _problems(linter, text, full=False)
        assert [text[problem.start:problem.end] for problem in problems] == expected, text
        assert problems == _problems(linter, text, full=True)[0], text


# Around the names: word characters (a letter, a digit, an accented letter, a combining
# mark), and characters that end a word (underscore, apostrophes, quotes, dashes).
AROUND = ["", "", "x", "2", "é", "\u0301", "_", "’", "'", "“", "”", "–", "-", "«", "\u00a0",
          "İ", "ǅ"]


def _scan_before_spaced(index: NameIndex, prose: str, lowered: str) -> list[FormMatch]:
    """The full scan as it was before ``spaced_text``: every indexed word found anywhere,
    those inside a word dismissed one by one in Python (the reference)."""
    matches: list[FormMatch] = []
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for number, key in enumerate(index._keys):
        automaton.add_word(key, number)
    automaton.make_automaton()
    for last, number in automaton.iter(lowered):
        length, targets, trie = index._values[number]
        start = last - length + 1
        if start > 0 and is_word_character(prose[start - 1]):
            continue
        found = [match for target in targets
                 if (match := index._extend(target, prose, lowered, start, last + 1,
                                            len(prose)))]
        if trie is not None:
            found.extend(_walk(trie, lowered, start, last + 1))
        if not found:
            continue
        best = _best(found, prose)
        if best.entry.id in index._exceptions and index._excepted(best, lowered):
            continue
        if best.entry.id in index._given:
            best = index._with_given_name(best, prose)
        matches.append(best)
    return longest_first(matches)


def test_whole_word_automaton_finds_what_dismissing_in_python_found() -> None:
    linter = Linter([house_style()], Selection(select=("TL101",)), lang="en")
    index = linter.resources.names
    rng = random.Random(101)
    for _ in range(300):
        text = "".join(rng.choice(AROUND) + word + rng.choice(AROUND) + rng.choice(" \n,")
                       for word in random_text(rng, rng.randint(5, 60)).split(" "))
        document = linter.make_document(text, "t.txt")
        lowered = lower_text(document.prose)
        assert index.scan(document.prose, lowered) == _scan_before_spaced(
            index, document.prose, lowered), text
        reference, _ = _problems(linter, text, full=True)
        assert _problems(linter, text, full=False)[0] == reference, text


def test_a_variant_inside_a_word_is_never_reported() -> None:
    linter = Linter([house_style()], Selection(select=("TL101",)), lang="en")
    for text in ("Kievan Rus", "the Kiev2 line", "xKiev", "Kievé", "Kiev\u0301", "theeology",
                 "NYCs", "aNYC"):
        assert _problems(linter, text, full=False)[0] == [], text
    for text in ("Kiev_", "“Kiev”", "Kiev’s", "«Kiev»", "(Kiev)", "Kiev\u00a0city"):
        problems, _ = _problems(linter, text, full=False)
        assert [text[problem.start:problem.end] for problem in problems] == ["Kiev"], text


def test_spaced_text_marks_every_character_that_ends_a_word() -> None:
    """Every code point: a space where it is not a word character (in lower case as in the
    original text) or is a combining mark, else the lowered character; offsets shift by one."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lowered = lower_text(char)
        assert len(lowered) == 1
        spaced = spaced_text(lowered)
        assert spaced[0] == spaced[2] == " " and len(spaced) == 3
        if not is_word_character(char):
            assert spaced[1] == " ", hex(code)
        elif char.isalnum():
            assert spaced[1] == lowered, hex(code)
    assert spaced_text("kiev’s city_2") == " kiev s city 2 "
    text = "«київ» – é́, ǆ_𝐀 £5 \ud800x ’s"
    assert spaced_text(text) == " " + "".join(
        char if char.isalnum() else " " for char in text) + " "


def test_every_form_tl101_may_report_is_one_the_scanner_may_report() -> None:
    """TL101 skips a match the scanner may not report before any other work: of every
    form of the house style, and of the bundled glossaries, in every language (and a
    locale, and none), each one that is disfavoured, or whose person's given name may be,
    is one ``may_report`` keeps."""
    reported = kept = 0
    for glossaries in ([house_style()], load_glossaries(bundled_glossary_paths())):
        index = NameIndex.of(glossaries)
        for lang in (*bundled_codes(), "en-gb", "de-ch", None):
            scanner = VariantScanner(index, lang)
            for entry in index.entries:
                given_bad = entry.given is not None and any(
                    map(entry.given.disfavoured_test(lang), entry.given.known()))
                for form in entry.name.known():
                    match = FormMatch(0, len(form), entry, form)
                    if entry.name.is_disfavoured(form, lang) or given_bad:
                        reported += 1
                        assert scanner.may_report(match), (lang, entry.id, form)
                    kept += not scanner.may_report(match)
    assert reported > 100 and kept > 100  # both kinds are tried


def test_tl101_reads_the_full_scan_when_a_check_of_the_run_reads_it() -> None:
    # TL101 runs before TL102 and TL103: it must not scan around the variants, then see
    # TL102 scan for every form again.
    text = "Officials in Kiev said Kyiv would reply."
    for select, full in ((("TL101",), False), (("TL101", "TL102"), True),
                         (("TL101", "TL103"), True), (("TL1",), True)):
        linter = Linter.from_paths(None, Selection(select=select), "en")
        context = linter.context(linter.make_document(text, "t.txt"))
        assert context.full_scan is full, select
        matches = context.variant_matches
        assert ("form_matches" in context.__dict__) is full, select
        assert (matches is context.form_matches) is full, select


def _found_by_automaton(scanner: VariantScanner, spaced: str) -> list[tuple[int, int]]:
    """Where an automaton of every trigger (as ``spaced_text`` marks it) finds one: the
    reference for the set test of the text's words."""
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for marks in scanner._by_first.values():
        for marked in marks:
            automaton.add_word(marked, len(marked))
    automaton.make_automaton()
    return sorted((end - width + 1, end - 2) for end, width in automaton.iter(spaced))


def test_triggers_are_found_by_their_words_where_an_automaton_finds_them() -> None:
    """Triggers of several words as ``spaced_text`` marks them (O'Brien, St. Ives), of one
    letter, and next to each other: the set test of the text's words and ``str.find``
    find every place an automaton of the triggers finds, overlapping ones too, and TL101
    the same problems as from the full scan."""
    entries = [
        _entry("obrien", "O’Brian", ("O'Brien", "O.Brien")),
        _entry("st-ives", "Saint Ives", ("St. Ives", "St.Ives")),
        _entry("a", "the", ("a",)),
        _entry("aa", "the a", ("a a",)),
        _entry("kyiv", "Kyiv", ("Kiev",), kind="place"),
    ]
    linter = Linter([house_style(), Glossary("more", tuple(entries))],
                    Selection(select=("TL101",)), lang="en")
    scanner = VariantScanner(linter.resources.names, "en")
    assert "o" in scanner._by_first and " o brien " in scanner._by_first["o"]
    words = ["O'Brien", "O’Brien", "O.Brien", "o brien", "St. Ives", "St.Ives", "a", "a a",
             "Kiev", "the", "brien", "ives", "O", "st"]
    rng = random.Random(7)
    places = 0
    for _ in range(300):
        text = "".join(rng.choice(words) + rng.choice([" ", " ", "-", ", ", ".", "\n", "’"])
                       for _ in range(rng.randint(1, 30)))
        document = linter.make_document(text, "t.txt")
        spaced = spaced_text(lower_text(document.prose))
        found = scanner._found(spaced)
        assert found == _found_by_automaton(scanner, spaced), text
        places += len(found)
        reference, _ = _problems(linter, text, full=True)
        assert _problems(linter, text, full=False)[0] == reference, text
    assert places > 1000


def test_a_stretch_starts_after_the_last_barrier_before_it() -> None:
    """``_stretch_start`` (the last barrier found by a greedy match that backs off, in
    windows that double) against the characters read one by one, at every position of
    random texts, short and longer than its first window."""
    linter = Linter([house_style()], Selection(select=("TL101",)), lang="en")
    scanner = VariantScanner(linter.resources.names, "en")
    characters = linter.resources.names.form_characters
    rng = random.Random(5)
    for words in (3, 40, 200):
        for _ in range(20):
            lowered = lower_text(random_text(rng, words))
            for position in range(len(lowered) + 1):
                expected = max((index + 1 for index, char in enumerate(lowered[:position])
                                if char not in characters), default=0)
                assert scanner._stretch_start(lowered, position) == expected, (lowered, position)


def test_a_long_text_is_searched_by_an_automaton_that_finds_the_same() -> None:
    """Past ``LONG_TEXT`` the triggers are found by one automaton pass, not a ``str.find``
    from each trigger the text holds: the same places, and the same problems."""
    from translint.names.variant_scan import LONG_TEXT

    linter = Linter([house_style()], Selection(select=("TL101",)), lang="en")
    scanner = VariantScanner(linter.resources.names, "en")
    rng = random.Random(11)
    pieces = [random_text(rng, 40) for _ in range(30)]
    text = "\n\n".join(pieces)
    while len(text) <= LONG_TEXT:
        text += "\n\n" + "\n\n".join(pieces)
    spaced = spaced_text(lower_text(linter.make_document(text, "t.txt").prose))
    assert len(spaced) > LONG_TEXT
    assert "_automaton" not in scanner.__dict__
    found = scanner._found(spaced)
    assert "_automaton" in scanner.__dict__  # the long text's path was taken
    assert found == _found_by_automaton(scanner, spaced) and len(found) > 100
    # The short path on each piece finds what the long path finds there.
    piece = spaced_text(lower_text(linter.make_document(pieces[0], "p.txt").prose))
    assert scanner._found(piece) == [place for place in found if place[1] < len(piece) - 2]
    reference, _ = _problems(linter, text, full=True)
    assert _problems(linter, text, full=False)[0] == reference
