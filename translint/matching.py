"""The matching engine: one Aho–Corasick automaton over every glossary form.

Each form is indexed by its first word in lower case, so one pass over the lowered
text finds every candidate whatever the size of the glossary. A candidate becomes a
match when it stands on word boundaries (Unicode rules, checked in the original
text) and, for a form of several words, when the rest of the form follows — with any
hyphen or space between the words and at most one line break. A person's given name
is only matched together with the family name. A match inside one of its entry's
exception phrases (looked for around the match only) is dropped, and where matches
overlap the longest wins.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

import ahocorasick

from translint.folding import APOSTROPHES, apostrophe_variants, form_identity, name_key
from translint.glossary.model import Entry, Glossary, NameForms

_SPACE_CHARS = " \t\u00a0\u2009\u202f"
_HYPHEN_CHARS = "\u2010\u2011-"
_WORD_SPLIT = re.compile(rf"[\s{_HYPHEN_CHARS}]+")
_LINE_BREAK = rf"\r?\n[{_SPACE_CHARS}]*"
# Between the words of a form: spaces or hyphens, and at most one line break.
SEPARATOR = rf"(?:[{_SPACE_CHARS}{_HYPHEN_CHARS}]+(?:{_LINE_BREAK})?|{_LINE_BREAK})"
# Between a given name and a family name: spaces only, and at most one line break.
SPACE = rf"(?:[{_SPACE_CHARS}]+(?:{_LINE_BREAK})?|{_LINE_BREAK})"


def is_word_character(char: str) -> bool:
    """Tell whether ``char`` continues a word (letters, digits, combining marks)."""
    return char.isalnum() or unicodedata.category(char) in ("Mn", "Mc")


@dataclass(frozen=True)
class FormMatch:
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


@dataclass(frozen=True)
class _Target:
    """What an indexed first word may stand for."""

    entry: Entry
    role: str  # "name" or "full"
    form: str
    given: str | None = None
    rest: str | None = None  # regex source of the whole form, compiled on first use


class NameIndex:
    """Every form of every entry of some glossaries, ready to be found in texts."""

    def __init__(self, glossaries: Iterable[Glossary]) -> None:
        self.entries: list[Entry] = []
        self.fallback: dict[str, str] = {}
        self._exceptions: dict[str, tuple[str, int]] = {}
        self._patterns: dict[str, re.Pattern[str]] = {}
        buckets: dict[str, list[_Target]] = {}
        for glossary in glossaries:
            for entry in glossary.entries:
                self.entries.append(entry)
                self.fallback[entry.id] = glossary.fallback_lang
                self._index_entry(entry, buckets)
        self._keys_by_lang: dict[str | None, dict[str, Entry]] = {}
        self._automaton = ahocorasick.Automaton()
        for key, targets in buckets.items():
            self._automaton.add_word(key, (len(key), tuple(targets)))
        if buckets:
            self._automaton.make_automaton()
        self._empty = not buckets

    def _index_entry(self, entry: Entry, buckets: dict[str, list[_Target]]) -> None:
        for form in entry.name.known():
            self._add(buckets, form, _Target(entry, "name", form))
        if entry.given is not None:
            for given in entry.given.known():
                for family in entry.name.known():
                    self._add(buckets, f"{given} {family}",
                              _Target(entry, "full", family, given=given), given=given)
        if entry.exceptions:
            self._exceptions[entry.id] = (
                "|".join(_phrase_pattern(phrase) for phrase in entry.exceptions),
                max(len(phrase) for phrase in entry.exceptions) + 16,
            )

    @staticmethod
    def _add(buckets: dict[str, list[_Target]], phrase: str, target: _Target,
             given: str | None = None) -> None:
        words = [word for word in _WORD_SPLIT.split(phrase.lower()) if word]
        if not words:
            return
        if len(words) > 1:
            if given is not None:
                given_words = len(_WORD_SPLIT.split(given.strip()))
                head = SEPARATOR.join(_word_pattern(word) for word in words[:given_words])
                tail = SEPARATOR.join(_word_pattern(word) for word in words[given_words:])
                pattern = f"(?P<given>{head}){SPACE}(?P<family>{tail})"
            else:
                pattern = SEPARATOR.join(_word_pattern(word) for word in words)
            target = _Target(target.entry, target.role, target.form, target.given, pattern)
        for key in apostrophe_variants(words[0]):
            buckets.setdefault(key, []).append(target)

    def scan(self, prose: str, lowered: str | None = None) -> list[FormMatch]:
        """Find every glossary form in ``prose``; ``lowered`` is ``prose`` in lower case."""
        if self._empty:
            return []
        if lowered is None:
            lowered = prose.lower()
        matches: list[FormMatch] = []
        size = len(prose)
        for last, (length, targets) in self._automaton.iter(lowered):
            start = last - length + 1
            if start > 0 and is_word_character(prose[start - 1]):
                continue
            found = [match for target in targets
                     if (match := self._extend(target, prose, lowered, start, last + 1, size))]
            if found:
                best = _best(found, prose)
                if best.entry.id not in self._exceptions or not self._excepted(best, lowered):
                    matches.append(best)
        return longest_first(matches)

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

    def _extend(self, target: _Target, prose: str, lowered: str, start: int, end: int,
                size: int) -> FormMatch | None:
        """Complete a candidate into a match, or return ``None``."""
        given_end = split = None
        if target.rest is not None:
            found = self._compiled(target.rest).match(lowered, start)
            if found is None:
                return None
            end = found.end()
            if target.role == "full":
                given_end, split = found.end("given"), found.start("family")
        if end < size and is_word_character(prose[end]):
            return None
        return FormMatch(start, end, target.entry, target.form, target.given, given_end, split)

    # -- keys for near variants (built on first use) ------------------------------------

    @cached_property
    def keys(self) -> dict[str, Entry]:
        """Transliteration key of every form and full name, in any language → its entry."""
        keys: dict[str, Entry] = {}
        for entry in self.entries:
            for form in _full_names(entry.name.known(),
                                    entry.given.known() if entry.given else ()):
                keys.setdefault(name_key(form), entry)
        return keys

    def keys_for(self, lang: str | None) -> dict[str, Entry]:
        """Transliteration keys of the forms that matter in ``lang`` → their entries.

        Those are the forms the language allows and the variants it rejects; the forms of
        other languages are left out, so that a near variant of them ("Crime" for French
        "Crimée") is not mistaken for a name.
        """
        if lang not in self._keys_by_lang:
            keys: dict[str, Entry] = {}
            for entry in self.entries:
                resolved = entry.resolve_lang(lang, self.fallback[entry.id])
                for form in _full_names(_relevant(entry.name, resolved),
                                        _relevant(entry.given, resolved)):
                    keys.setdefault(name_key(form), entry)
            self._keys_by_lang[lang] = keys
        return self._keys_by_lang[lang]

    @cached_property
    def identities(self) -> dict[str, Entry]:
        """``form_identity`` of every form and full name → its entry."""
        identities: dict[str, Entry] = {}
        for entry in self.entries:
            for form in _full_names(entry.name.known(),
                                    entry.given.known() if entry.given else ()):
                identities.setdefault(form_identity(form), entry)
        return identities

    @cached_property
    def longest_name(self) -> int:
        """The most words any form or full name has."""
        return max((len(_WORD_SPLIT.split(form)) for form in self.identities), default=1)


def _relevant(name: NameForms | None, lang: str | None) -> tuple[str, ...]:
    """The forms of ``name`` that ``lang`` allows or rejects explicitly."""
    if name is None:
        return ()
    forms = name.forms.get(lang) if lang is not None else None
    own = (*forms.allowed, *forms.variants) if forms is not None else ()
    return (*own, *name.variants)


def _full_names(family: Iterable[str], given: Iterable[str]) -> Iterator[str]:
    """Every family form, then every given form followed by every family form."""
    family = tuple(family)
    yield from family
    for given_form in given:
        for family_form in family:
            yield f"{given_form} {family_form}"


def _best(found: list[FormMatch], prose: str) -> FormMatch:
    """Of several forms matched at one place, the longest; on a tie, the one written exactly."""
    longest = max(match.end for match in found)
    tied = [match for match in found if match.end == longest]
    if len(tied) > 1:
        written = form_identity(prose[tied[0].start:longest])
        for match in tied:
            if form_identity(match.form if match.given is None
                             else f"{match.given} {match.form}") == written:
                return match
    return tied[0]


def _word_pattern(word: str) -> str:
    """A regex for one lower-case word, any apostrophe style (or none) allowed."""
    return "".join(f"[{APOSTROPHES}]?" if char in APOSTROPHES else re.escape(char)
                   for char in word)


def _phrase_pattern(phrase: str) -> str:
    """A regex for a phrase in lower-case text: any separators, whole words."""
    words = [word for word in _WORD_SPLIT.split(phrase.lower()) if word]
    return r"(?<!\w)" + SEPARATOR.join(_word_pattern(word) for word in words) + r"(?!\w)"


def longest_first(matches: list[FormMatch]) -> list[FormMatch]:
    """Keep the longest of overlapping matches (the earliest on a tie), sorted by start."""
    matches.sort(key=lambda item: item.start)
    if all(left.end <= right.start for left, right in itertools.pairwise(matches)):
        return matches
    chosen: list[FormMatch] = []
    taken: list[tuple[int, int]] = []
    for match in sorted(matches, key=lambda item: (item.start - item.end, item.start)):
        if all(match.end <= start or match.start >= end for start, end in taken):
            chosen.append(match)
            taken.append((match.start, match.end))
    chosen.sort(key=lambda item: item.start)
    return chosen
