"""The matching engine: one Aho–Corasick automaton over every glossary form.

Each form is indexed by its first word in lower case, so one pass over the lowered
text finds every candidate whatever the size of the glossary. A candidate becomes a
match when it stands on word boundaries (Unicode rules, checked in the original
text) and, for a form of several words, when the rest of the form follows — with any
hyphen or space between the words and at most one line break. A person's given name
is only matched together with the family name. A match inside one of its entry's
exception phrases (looked for around the match only) is dropped, and where matches
overlap the longest wins.

Size: some 60 lines over, as the matching loop, run for every word found, is kept in one
place with the table its short path for the usual word (one form of one word: most of the
words a house style of common words finds) reads.
"""

from __future__ import annotations

import itertools
import operator
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

import ahocorasick

from translint.glossary.model import Entry, Glossary, NameForms
from translint.names.fold import (
    APOSTROPHES,
    apostrophe_variants,
    form_identity,
    name_key,
    spaced_text,
)
from translint.spans import longest_first as choose_longest
from translint.text.long_scan import iter_long
from translint.text.normalise import normalise

_SPACE_CHARS = " \t\u00a0\u2009\u202f"
_HYPHEN_CHARS = "\u2010\u2011-"
_WORD_SPLIT = re.compile(rf"[\s{_HYPHEN_CHARS}]+")
_LINE_BREAK = rf"\r?\n[{_SPACE_CHARS}]*"
# Between the words of a form: spaces or hyphens, and at most one line break.
SEPARATOR = rf"(?:[{_SPACE_CHARS}{_HYPHEN_CHARS}]+(?:{_LINE_BREAK})?|{_LINE_BREAK})"
# Between a given name and a family name: spaces only, and at most one line break.
SPACE = rf"(?:[{_SPACE_CHARS}]+(?:{_LINE_BREAK})?|{_LINE_BREAK})"
# The word right before a family name (a given name may be hyphenated: Jean-Pierre).
_WORD_BEFORE = re.compile(
    rf"(?<![\w{APOSTROPHES}-])(?P<word>[^\W\d_](?:[\w{APOSTROPHES}-]*[^\W\d_])?){SPACE}\Z")
_GIVEN_REACH = 48
_SEPARATOR_AT = re.compile(SEPARATOR)
# A later word of a multi-word form, as the trie holds it: letters and digits only (so
# that "Rog's" is the word "rog"); forms with other characters in later words use a regex.
_PLAIN_WORD = re.compile(r"[^\W_]+")
_NO_APOSTROPHES = {ord(char): None for char in APOSTROPHES}


def is_word_character(char: str) -> bool:
    """Tell whether ``char`` continues a word (letters, digits, combining marks)."""
    return char.isalnum() or (not char.isascii() and unicodedata.category(char) in ("Mn", "Mc"))


class FormMatch(NamedTuple):
    """A glossary form found in a text.

    For a person's full name, ``given`` is the given-name form and ``split`` the
    offset where the family name starts; ``form`` is always the family-name form.
    """

    start: int
    end: int
    entry: Entry
    form: str
    given: str | None = None
    given_end: int | None = None
    split: int | None = None
    # Of an inflected form (``translint.names.declension``): the cases its ending may
    # stand for (empty: not known); ``form`` is then the nominative.
    cases: tuple[str, ...] | None = None


class _Target(NamedTuple):
    """What an indexed first word may stand for: a form, and for the rare form of several
    words that the word trie cannot hold the regex source of the whole form."""

    entry: Entry
    form: str
    rest: str | None = None


@dataclass
class _Words:
    """The later words of multi-word forms that share their first words, as a trie."""

    next: dict[str, _Words] = field(default_factory=dict)
    targets: list[_Target] = field(default_factory=list)


# What an indexed word stands for: its length, its forms, the trie of the words that may follow.
_Value = tuple[int, tuple[_Target, ...], _Words | None]


class NameIndex:
    """Every form of every entry of some glossaries, ready to be found in texts.

    People's full names are not indexed as such: a family-name match looks at the word
    before it, so a glossary of thousands of people costs no more than their family names.

    ``NameIndex.of`` reuses each glossary's own index (``NameIndex.of_glossary``, kept
    with the glossary in the glossary cache). The automaton maps each indexed word (as
    ``spaced_text`` marks it) to a number, the place of what it stands for in ``_groups``:
    an automaton of numbers unpickles much faster than one of Python objects
    (benchmarks/README.md).
    """

    def __init__(self, glossaries: Iterable[Glossary]) -> None:
        self.entries: list[Entry] = []
        self.fallback: dict[str, str] = {}
        self._given: dict[str, dict[str, str]] = {}
        self._exceptions: dict[str, tuple[str, int]] = {}
        self._patterns: dict[str, re.Pattern[str]] = {}
        self._keys_by_lang: dict[str | None, tuple[dict[str, Entry],
                                                   dict[str, frozenset[str]]]] = {}
        self._tries: dict[str, _Words] = {}
        # TL101's scanner per language (``VariantScanner.of``), kept with the index.
        self.scanners: dict[str | None, object] = {}
        buckets: dict[str, list[_Target]] = {}
        for glossary in glossaries:
            for entry in glossary.entries:
                self.entries.append(entry)
                self.fallback[entry.id] = glossary.fallback_lang
                self._index_entry(entry, buckets)
        self._build_automaton(buckets)

    @classmethod
    def of_glossary(cls, glossary: Glossary) -> NameIndex:
        """One glossary's own index: built on first use and kept with the glossary
        (``Glossary.derived``), so that the glossary cache keeps it too."""
        index = glossary.derived.get(cls)
        if not isinstance(index, cls):
            index = glossary.derived[cls] = cls([glossary])
        return index

    @classmethod
    def of(cls, glossaries: Iterable[Glossary]) -> NameIndex:
        """The index of ``glossaries``, made of the index each glossary keeps."""
        glossaries = list(glossaries)
        if len(glossaries) == 1:
            return cls.of_glossary(glossaries[0])
        index = cls([])
        buckets: dict[str, list[_Target]] = {}
        for part in (cls.of_glossary(glossary) for glossary in glossaries):
            index.entries.extend(part.entries)
            index.fallback.update(part.fallback)
            index._given.update(part._given)
            index._exceptions.update(part._exceptions)
            for key, (_, targets, _) in zip(part._keys, part._values, strict=True):
                buckets.setdefault(key, []).extend(targets)
            for word, node in part._tries.items():
                _merge_words(index._tries.setdefault(word, _Words()), node)
        index._build_automaton(buckets)
        return index

    def _build_automaton(self, buckets: dict[str, list[_Target]]) -> None:
        # Each indexed word, and its length, its forms, the trie of the words that may follow.
        self._keys: list[str] = []
        self._values: list[_Value] = []
        # The words as ``spaced_text`` holds them in whole-word places.
        self._spaced = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        groups: dict[str, list[tuple[int, str | None]]] = {}
        for key, targets in buckets.items():
            marked = spaced_text(key)
            # Words that mark the same (o'brien, o’brien) are told apart in the lowered text.
            groups.setdefault(marked, []).append(
                (len(self._values), None if marked == f" {key} " else key))
            self._keys.append(key)
            self._values.append((len(key), tuple(targets), self._tries.get(_bare(key))))
        self._groups = [tuple(group) for group in groups.values()]
        # By group, the value of the usual word (one form of one word), for the short path
        # of ``candidates``; a reference to the value, so that the pickled index grows little.
        self._plain_words = [self._values[group[0][0]] if self._is_plain(group) else None
                             for group in self._groups]
        for number, marked in enumerate(groups):
            self._spaced.add_word(marked, number)
        if buckets:
            self._spaced.make_automaton()
        self._empty = not buckets

    def _is_plain(self, group: tuple[tuple[int, str | None], ...]) -> bool:
        """Tell whether a group of the automaton is the usual word: one form of one word,
        marked as written (no apostrophe), starting no longer form, of an entry without
        exceptions or given names."""
        if len(group) != 1 or group[0][1] is not None:
            return False
        _, targets, trie = self._values[group[0][0]]
        return (trie is None and len(targets) == 1 and targets[0].rest is None
                and targets[0].entry.id not in self._exceptions
                and targets[0].entry.id not in self._given)

    def _index_entry(self, entry: Entry, buckets: dict[str, list[_Target]]) -> None:
        for form in entry.name.known():
            # As the checks read text: NFC, without invisible characters (a ZWJ in a form).
            words = [word for word in _WORD_SPLIT.split(normalise(form)[0].lower()) if word]
            if not words:
                continue
            keys = apostrophe_variants(words[0])
            if len(words) > 1 and all(_PLAIN_WORD.fullmatch(word) for word in words[1:]):
                node = self._tries.setdefault(_bare(words[0]), _Words())
                for word in words[1:]:
                    node = node.next.setdefault(word, _Words())
                node.targets.append(_Target(entry, form))
                for key in keys:
                    buckets.setdefault(key, [])
                continue
            rest = SEPARATOR.join(map(_word_pattern, words)) if len(words) > 1 else None
            for key in keys:
                buckets.setdefault(key, []).append(_Target(entry, form, rest))
        if entry.given is not None:
            self._given[entry.id] = {form_identity(given): given
                                     for given in entry.given.known()}
        if entry.exceptions:
            self._exceptions[entry.id] = (
                "|".join(_phrase_pattern(phrase) for phrase in entry.exceptions),
                max(len(phrase) for phrase in entry.exceptions) + 16,
            )

    def scan(self, prose: str, lowered: str | None = None,
             spaced: str | None = None) -> list[FormMatch]:
        """Find every glossary form in ``prose``; ``lowered`` is ``prose`` in lower case,
        ``spaced`` is ``spaced_text(lowered)``."""
        if self._empty:
            return []
        if lowered is None:
            lowered = prose.lower()
        return longest_first(self.candidates(prose, lowered, 0, len(prose), spaced))

    def candidates(self, prose: str, lowered: str, lo: int, hi: int,
                   spaced: str | None = None) -> list[FormMatch]:
        """The matches that the indexed words found in ``lowered[lo:hi]`` start, before
        overlapping ones are sorted out: the best of the forms at each place, exceptions
        dropped, a known given name before a family name taken in.

        The words are looked for between spaces in ``spaced`` (``spaced_text(lowered)``,
        made here if not given): a word inside another (*he* in *the*) costs nothing in
        Python, and every word a match may start is found."""
        if self._empty:
            return []
        if spaced is None:
            spaced = spaced_text(lowered)
        matches: list[FormMatch] = []
        size = len(prose)
        values, groups, plain_words = self._values, self._groups, self._plain_words
        exceptions, given_names = self._exceptions, self._given
        # ``spaced[i + 1]`` is ``lowered[i]``: a word of lowered[lo:hi] with its spaces.
        # A slice, not ``iter(spaced, lo, hi + 2)``: pyahocorasick converts the whole
        # string it is given at every call, which made a stretch of a 10 MB text cost as
        # much as the whole text (1,200 stretches: 33 s, and 12 million page faults).
        stretch = spaced if lo == 0 and hi + 2 >= len(spaced) else spaced[lo:hi + 2]
        # Where the prose is ASCII, a word ``spaced`` finds stands in a whole-word place.
        ascii_text = prose[max(0, lo - 1):hi + 1].isascii()
        for marked_end, group in iter_long(self._spaced, stretch):
            plain = plain_words[group]
            if plain is not None:  # the usual word, in short (what follows does the same)
                end = marked_end + lo - 1
                start = end - plain[0]
                if not ascii_text and (
                        (start > 0 and is_word_character(prose[start - 1]))
                        or (end < size and is_word_character(prose[end]))):
                    continue
                target = plain[1][0]
                matches.append(FormMatch(start, end, target.entry, target.form))
                continue
            last = marked_end + lo - 2
            for number, key in groups[group]:
                length, targets, trie = values[number]
                start = last - length + 1
                if key is not None and not lowered.startswith(key, start):
                    continue
                # ``spaced`` has a space there: an ASCII character is not a word character.
                if start > 0 and not prose[start - 1].isascii() and is_word_character(
                        prose[start - 1]):
                    continue
                if trie is None and len(targets) == 1 and targets[0].rest is None:
                    # The usual word: one form of one word (``_extend``, ``_best`` in short).
                    if last + 1 < size and not prose[last + 1].isascii() and \
                            is_word_character(prose[last + 1]):
                        continue
                    best = FormMatch(start, last + 1, targets[0].entry, targets[0].form)
                else:
                    found = [match for target in targets
                             if (match := self._extend(target, prose, lowered, start,
                                                       last + 1, size))]
                    if trie is not None:
                        found.extend(_walk(trie, lowered, start, last + 1))
                    if not found:
                        continue
                    best = _best(found, prose)
                entry_id = best.entry.id
                if entry_id in exceptions and self._excepted(best, lowered):
                    continue
                if entry_id in given_names:
                    best = self._with_given_name(best, prose)
                matches.append(best)
        return matches

    def first_words(self) -> Iterator[tuple[str, list[tuple[Entry, str]]]]:
        """Each indexed first word with the forms it may start (entry, form)."""
        if self._empty:
            return
        for key, (_, targets, trie) in zip(self._keys, self._values, strict=True):
            forms = [(target.entry, target.form) for target in targets]
            if trie is not None:
                forms.extend(_trie_forms(trie))
            yield key, forms

    @cached_property
    def form_characters(self) -> frozenset[str]:
        """Every character a match may hold, in lower case: those of every form and given
        name (composed and decomposed), separators and apostrophes. A character of the text
        outside this set ends every match: no match spans it."""
        forms = "\n".join(form for entry in self.entries for name in (entry.name, entry.given)
                          if name is not None for form in name.known())
        lowered = normalise(forms)[0].lower()
        chars = set(_SPACE_CHARS + _HYPHEN_CHARS + APOSTROPHES + "\r\n")
        chars.update(lowered, unicodedata.normalize("NFD", lowered), forms.lower())
        return frozenset(chars)

    def _extend(self, target: _Target, prose: str, lowered: str, start: int, end: int,
                size: int) -> FormMatch | None:
        """Complete a candidate into a match, or return ``None``."""
        if target.rest is not None:
            found = self._compiled(target.rest).match(lowered, start)
            if found is None:
                return None
            end = found.end()
        if end < size and is_word_character(prose[end]):
            return None
        return FormMatch(start, end, target.entry, target.form)

    def _with_given_name(self, match: FormMatch, prose: str) -> FormMatch:
        """Extend a family-name match over a known given name of that person before it."""
        before = _WORD_BEFORE.search(prose, max(0, match.start - _GIVEN_REACH), match.start)
        if before is None:
            return match
        given = self._given[match.entry.id].get(form_identity(before.group("word")))
        if given is None:
            return match
        return FormMatch(before.start(), match.end, match.entry, match.form, given,
                         before.end("word"), match.start)

    def _compiled(self, source: str) -> re.Pattern[str]:
        """The compiled form of a multi-word pattern; most are never needed, so compile late."""
        pattern = self._patterns.get(source)
        if pattern is None:
            pattern = self._patterns[source] = re.compile(source)
        return pattern

    def _excepted(self, match: FormMatch, lowered: str) -> bool:
        """Tell whether ``match`` stands inside one of its entry's exception phrases."""
        source, reach = self._exceptions[match.entry.id]
        window = (max(0, match.start - reach), match.end + reach)
        for found in self._compiled(source).finditer(lowered, *window):
            if found.start() <= match.start and match.end <= found.end():
                return True
        return False

    # -- keys for near variants (built on first use) ------------------------------------

    @cached_property
    def keys(self) -> dict[str, Entry]:
        """Transliteration key of every form in any language → its entry."""
        return {name_key(form): entry for entry in reversed(self.entries)
                for form in entry.name.known()}

    @cached_property
    def given_keys(self) -> frozenset[str]:
        """Transliteration keys of every given name of every person."""
        return frozenset(name_key(given) for entry in self.entries if entry.given is not None
                         for given in entry.given.known())

    def prepare_keys(self) -> None:
        """Build now the key tables every language shares (built on first use otherwise)."""
        _ = self.keys, self.given_keys, self.identities, self.longest_name

    def keys_for(self, lang: str | None) -> tuple[dict[str, Entry], dict[str, frozenset[str]]]:
        """Keys of the forms that matter in ``lang`` → entries, and of their people's given
        names (entry id → keys).

        Those are the forms the language allows and the variants it rejects; the forms of
        other languages are left out, so that a near variant of them ("Crime" for French
        "Crimée") is not mistaken for a name.
        """
        if lang not in self._keys_by_lang:
            keys: dict[str, Entry] = {}
            given: dict[str, frozenset[str]] = {}
            for entry, forms, given_forms in self.relevant_forms(lang):
                for form in forms:
                    keys.setdefault(name_key(form), entry)
                if entry.given is not None:
                    given[entry.id] = frozenset(name_key(form) for form in given_forms)
            self._keys_by_lang[lang] = (keys, given)
        return self._keys_by_lang[lang]

    def relevant_forms(self, lang: str | None) -> Iterator[
            tuple[Entry, tuple[str, ...], tuple[str, ...]]]:
        """Each entry with the forms that matter in ``lang`` (those the language allows and
        the variants it rejects) and those of its given name."""
        for entry in self.entries:
            resolved = entry.resolve_lang(lang, self.fallback[entry.id])
            yield entry, _relevant(entry.name, resolved), _relevant(entry.given, resolved)

    @cached_property
    def identities(self) -> dict[str, Entry]:
        """``form_identity`` of every form → its entry."""
        return {form_identity(form): entry for entry in reversed(self.entries)
                for form in entry.name.known()}

    def is_known_given_name(self, entry: Entry, identity: str) -> bool:
        """Tell whether ``identity`` is one of the given names of the person ``entry``."""
        return identity in self._given.get(entry.id, {})

    @cached_property
    def longest_name(self) -> int:
        """The most words a name can have: the longest form plus the longest given name."""
        def words(forms: Iterable[str]) -> int:
            return max((len(_WORD_SPLIT.split(form.strip())) for form in forms), default=0)
        family = max((words(entry.name.known()) for entry in self.entries), default=1)
        given = max((words(entry.given.known()) for entry in self.entries
                     if entry.given is not None), default=0)
        return max(1, family + given)


def _relevant(name: NameForms | None, lang: str | None) -> tuple[str, ...]:
    """The forms of ``name`` that ``lang`` allows or rejects explicitly."""
    if name is None:
        return ()
    forms = name.for_lang(lang)
    own = (*forms.allowed, *forms.variants) if forms is not None else ()
    return (*own, *name.variants)


def _best(found: list[FormMatch], prose: str) -> FormMatch:
    """Of several forms matched at one place, the longest; on a tie, the one written exactly."""
    longest = max(match.end for match in found)
    tied = [match for match in found if match.end == longest]
    if len(tied) > 1:
        written = form_identity(prose[tied[0].start:longest])
        for match in tied:
            if form_identity(match.form) == written:
                return match
    return tied[0]


def _walk(node: _Words, lowered: str, start: int, position: int) -> list[FormMatch]:
    """Follow the words after a first word through the trie: every form completed."""
    found: list[FormMatch] = []
    while node.next:
        separator = _SEPARATOR_AT.match(lowered, position)
        if separator is None:
            break
        word = _PLAIN_WORD.match(lowered, separator.end())
        if word is None or (child := node.next.get(word.group())) is None:
            break
        node, position = child, word.end()
        found.extend(FormMatch(start, position, target.entry, target.form)
                     for target in node.targets)
    return found


def _trie_forms(node: _Words) -> Iterator[tuple[Entry, str]]:
    """Every form in the trie ``node``, with its entry."""
    for target in node.targets:
        yield target.entry, target.form
    for child in node.next.values():
        yield from _trie_forms(child)


def _merge_words(into: _Words, node: _Words) -> None:
    """Add the forms of the trie ``node`` to the trie ``into`` (``node`` is not changed)."""
    into.targets.extend(node.targets)
    for word, child in node.next.items():
        _merge_words(into.next.setdefault(word, _Words()), child)


def _bare(word: str) -> str:
    """``word`` without apostrophes, as the trie is keyed."""
    return word.translate(_NO_APOSTROPHES)


def _word_pattern(word: str) -> str:
    """A regex for one lower-case word, any apostrophe style (or none) allowed."""
    return "".join(f"[{APOSTROPHES}]?" if char in APOSTROPHES else re.escape(char)
                   for char in word)


def _phrase_pattern(phrase: str) -> str:
    """A regex for a phrase in lower-case text: any separators, whole words."""
    words = [word for word in _WORD_SPLIT.split(phrase.lower()) if word]
    return r"(?<!\w)" + SEPARATOR.join(_word_pattern(word) for word in words) + r"(?!\w)"


_START = operator.attrgetter("start")


def longest_first(matches: list[FormMatch]) -> list[FormMatch]:
    """Keep the longest of overlapping matches (the earliest on a tie), sorted by start."""
    matches.sort(key=_START)
    if all(left.end <= right.start for left, right in itertools.pairwise(matches)):
        return matches  # the usual case: nothing overlaps
    return choose_longest(matches)
