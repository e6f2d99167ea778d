"""How the names of one document are spelled, beyond exact glossary forms.

* near variants: a capitalised name whose transliteration key is that of a glossary
  entry, written in none of the entry's forms ("Podoljak" for Podolyak), or that sounds like
  one of its forms by ``sounds_like``' strict test ("Wolodomyr" for Wolodymyr);
* spelling clusters: a name in no glossary written two or more ways in one text ("Tarnavskyi"
  and "Tarnavsky", "Ivano-Frankivsk" and "Ivano Frankivsk", by sound "Barrioneuvo").

What is derived from a name's text alone (its parts, keys and identities) is cached
across documents: the same names recur in every story.

Size: over, as the near variants (by key and by sound) and the clusters share these tables
and caches.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from translint.glossary.model import Entry
from translint.languages import language, union
from translint.memo import BoundedMemo
from translint.names.crosskey import (
    MIN_SOUND_LETTERS,
    SoundIndex,
    cross_fold,
    has_cyrillic,
    sound_joins,
)
from translint.names.extract import find_all_of, hyphenated_runs, words_of
from translint.names.fold import APOSTROPHES, form_identity, name_key, word_keys
from translint.names.glosses import glossing, without
from translint.names.index import NameIndex
from translint.spans import SpanSet, longest_first

MIN_LETTERS = 4
_APOSTROPHE_TABLE = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))


@functools.cache
def titles() -> frozenset[str]:
    """Words that stand before names without being part of them (Mr, President, Frau …):
    every language file's ``titles``."""
    return union(lambda each: each.titles)


# Which part of an entry's name a near variant spells: the name (a place, a family name),
# a person's given and family name, or the given name alone (before a form of the family name).
NAME, FULL_NAME, GIVEN_NAME = "name", "full name", "given name"


@dataclass(frozen=True)
class NearVariant:
    """A name spelled close to a glossary entry but in none of its forms."""

    start: int
    end: int
    entry: Entry
    written: str
    part: str  # NAME, FULL_NAME or GIVEN_NAME


@dataclass(frozen=True)
class SpellingCluster:
    """One name written several ways: each way with its count, and the one to keep."""

    counts: dict[str, int]
    chosen: str
    occurrences: dict[str, list[tuple[int, int]]]


class FoldedWord(NamedTuple):
    """One word of a name: its place in the name and what the checks compare it by."""

    text: str
    start: int
    end: int
    key: str
    identity: str
    letters: int
    lowered: str
    clusterable: bool  # long enough, and not an acronym, to compare with other spellings


# How a word's text folds (``FoldedWord`` from ``key`` on), remembered across names and
# documents, at most this many words (see ``translint.memo``).
_Fold = tuple[str, str, int, str, bool]
WORD_FOLDS: BoundedMemo[str, _Fold] = BoundedMemo(1 << 17)


def _fold_word(text: str) -> _Fold:
    """What ``FoldedWord`` holds of a word's text: its key, identity, number of letters,
    lower case, and whether it may be clustered."""
    letters = sum(map(str.isalpha, text))
    return (name_key(text), form_identity(text), letters, text.lower(),
            letters >= MIN_LETTERS and not text.isupper())


def _fold_words(texts: Iterable[str]) -> dict[str, _Fold]:
    """Fold the words of ``texts`` not folded yet, all at once (an ASCII word's key comes
    from ``word_keys`` with the others', its identity is its lower case); return the
    folds, which hold them all."""
    folds = WORD_FOLDS.entries
    distinct = dict.fromkeys(texts)
    new = [text for text in distinct if text not in folds]
    if not new:
        return folds
    if WORD_FOLDS.make_room(len(new)):
        folds = WORD_FOLDS.entries
        new = list(distinct)
    plain = [text for text in new if text.isascii()]
    for text, key in zip(plain, word_keys(plain), strict=True):
        lowered = text.lower()
        letters = len(text) - text.count("'")
        folds[text] = (key, lowered, letters, lowered,
                       letters >= MIN_LETTERS and not text.isupper())
    if len(plain) < len(new):
        for text in new:
            if not text.isascii():
                folds[text] = _fold_word(text)
    return folds


def folded_words(name: str) -> tuple[FoldedWord, ...]:
    """The words of ``name`` (possessive endings removed), each folded."""
    words = words_of(name)
    folds = _fold_words(word.text for word in words)
    return tuple(FoldedWord(word.text, word.start, word.end, *folds[word.text])
                 for word in words)


# How many names ``SpellingTables`` remembers what they yield (see ``translint.memo``).
MEMO_SIZE = 1 << 16

# A near-variant candidate: the run of words as written, its entry, the part it spells.
_Candidate = tuple[str, Entry, str]
# A word that may be clustered: its key and its text.
_Spelling = tuple[str, str]


class NameFacts(NamedTuple):
    """What one name yields: its near-variant candidates, the words of it that may be
    clustered, and its runs of hyphen-joined words."""

    candidates: tuple[_Candidate, ...]
    unknown: tuple[_Spelling, ...]
    hyphenated: tuple[str, ...]


class SpellingTables:
    """The glossary keys that near variants and spelling clusters are looked up in, for
    copy in one language, and what each name yields, remembered across documents (the same
    names recur in every story)."""

    def __init__(self, index: NameIndex, lang: str | None) -> None:
        self.index = index
        self.keys, self.given_keys = index.keys_for(lang)
        # Built now, not on the first document: workers forked later share them.
        self.identities = index.identities
        self.longest_name = index.longest_name
        # Ordinary words that fold like a name ("Being", "Beijing"): never a near variant.
        self.not_names = (language(lang.split("-", 1)[0]).not_names if lang is not None
                          else union(lambda each: each.not_names))
        self.all_keys = index.keys
        self.all_given_keys = index.given_keys
        # Copy of a language with transliteration conventions (French "tch", German "sch")
        # keys its Latin words with them: Stefantchouk is a spelling of Stefanchuk.
        code = lang.split("-", 1)[0] if lang is not None else None
        self.cross_lang = code if code and language(code).transliteration else None
        # The one-word forms that matter here, keyed as the copy's words are: what an
        # unlisted word may sound like (``heard_as``).
        family: list[tuple[str, str]] = []
        given: list[tuple[str, str]] = []
        for entry, forms, given_forms in index.relevant_forms(lang):
            family += [(self._copy_key(form), entry.id) for form in forms if _one_word(form)]
            given += [(self._copy_key(form), entry.id) for form in given_forms
                      if _one_word(form)]
        self.heard, self.heard_given = SoundIndex(family), SoundIndex(given)
        self.by_id = {entry.id: entry for entry in index.entries}
        self.memo: BoundedMemo[str, NameFacts] = BoundedMemo(MEMO_SIZE)

    def _copy_key(self, text: str) -> str:
        """The key of ``text`` as a word of this copy is keyed."""
        if self.cross_lang is None or has_cyrillic(text):
            return name_key(text)
        return cross_fold(text, self.cross_lang)

    def heard_as(self, word: FoldedWord) -> Entry | None:
        """The one entry a word that is no glossary name sounds like (``sounds_like``)
        one of its forms, if there is one."""
        key = word.key
        if (len(key) < MIN_SOUND_LETTERS or not word.clusterable or key in self.all_keys
                or word.identity in self.identities or word.lowered in self.not_names):
            return None
        found = self.heard.heard(key)
        return self.by_id[found.pop()] if len(found) == 1 else None

    def _given_heard(self, entry: Entry, given: tuple[FoldedWord, ...]) -> bool:
        """Tell whether a one-word given name sounds like one of ``entry``'s."""
        if len(given) != 1 or not given[0].clusterable or given[0].key in self.all_given_keys:
            return False
        return entry.id in self.heard_given.heard(given[0].key)

    def facts(self, names: Mapping[str, int]) -> Mapping[str, NameFacts]:
        """What each of ``names`` yields (its near-variant candidates, its words that may
        be clustered, its runs of hyphen-joined words): the names not seen before are
        worked out, their new words folded at once; the remembered facts are returned, which
        hold every one of ``names``. Read once per document: asked name by name through the
        memo, they cost the spelling clusters a sixth more CPU (21 MB of news)."""
        memo = self.memo
        found = memo.entries
        if names.keys() <= found.keys():  # the usual case, checked in C
            return found
        new = [name for name in names if name not in found]
        if memo.make_room(len(new)):
            found = memo.entries
            new = list(names)
        parts = {name: words_of(name) for name in new}
        folds = _fold_words(word.text for words in parts.values() for word in words)
        for name, name_words in parts.items():
            words = tuple(FoldedWord(word.text, word.start, word.end, *folds[word.text])
                          for word in name_words)
            if self.cross_lang is not None:
                words = tuple(word if has_cyrillic(word.text) else word._replace(
                    key=cross_fold(word.text, self.cross_lang)) for word in words)
            unknown = tuple((word.key, word.text) for word in words
                            if word.clusterable and word.key not in self.all_keys
                            and word.identity not in self.identities
                            and word.key not in self.all_given_keys)
            found[name] = NameFacts(self._find_candidates(name, words), unknown,
                                    hyphenated_runs(name))
        return found

    def _find_candidates(self, name: str,
                         words: tuple[FoldedWord, ...]) -> tuple[_Candidate, ...]:
        if len(words) == 1:  # most names: one word, one look-up
            word = words[0]
            entry = self.keys.get(word.key)
            if (entry is not None and word.letters >= MIN_LETTERS
                    and word.identity not in self.identities
                    and word.lowered not in self.not_names):
                return ((word.text, entry, NAME),)
            heard = self.heard_as(word) if entry is None else None
            return ((word.text, heard, NAME),) if heard is not None else ()
        return tuple(self._runs(name, words))

    def _runs(self, name: str, words: tuple[FoldedWord, ...]) -> Iterator[_Candidate]:
        """The runs of words of a several-word ``name`` that are near variants.

        A run whose key is an entry's key is a variant of that entry's name; a run that is
        a given name followed by such a run may be a variant of that person's full name.
        """
        longest = self.longest_name
        entries: dict[tuple[int, int], Entry] = {}  # (first, last) word → entry of that key
        for first in range(len(words)):
            key = ""
            for last in range(first, min(len(words), first + longest)):
                key += words[last].key
                entry = self.keys.get(key)
                if entry is None and first == last:
                    entry = self.heard_as(words[first])
                if entry is not None:
                    entries[first, last] = entry
        for (first, last), entry in entries.items():
            if first == last and words[first].lowered in self.not_names:
                continue
            if run_letters(words, first, last) >= MIN_LETTERS and run_identity(
                    words, first, last) not in self.identities:
                yield name[words[first].start:words[last].end], entry, NAME
        tried: set[tuple[int, int]] = set()
        for (middle, last), entry in entries.items():
            if not self.given_keys.get(entry.id):
                continue
            for first in range(max(0, last - longest + 1), middle):
                if (first, last) in entries or (first, last) in tried:
                    continue
                tried.add((first, last))
                if run_letters(words, first, last) < MIN_LETTERS:
                    continue
                person = self._person(words, first, last, entries)
                if person is None:
                    continue
                entry, middle = person
                if run_identity(words, middle, last) in self.identities:
                    # The family name is a form, found as such: the given name is the
                    # variant (Wolodomyr Selenskyj).
                    yield name[words[first].start:words[middle - 1].end], entry, GIVEN_NAME
                else:
                    yield name[words[first].start:words[last].end], entry, FULL_NAME

    def _person(self, words: tuple[FoldedWord, ...], first: int, last: int,
                entries: dict[tuple[int, int], Entry]) -> tuple[Entry, int] | None:
        """The person whose given and family names words ``first``–``last`` spell unlike
        any known full name, with the first word of the family name; the first way to split
        them into given and family name decides."""
        for middle in range(first + 1, last + 1):
            entry = entries.get((middle, last))
            if entry is None:
                continue
            given_key = "".join(word.key for word in words[first:middle])
            if given_key not in self.given_keys.get(entry.id, ()) and not self._given_heard(
                    entry, words[first:middle]):
                continue
            if run_identity(words, middle, last) in self.identities and (
                    self.index.is_known_given_name(
                        entry, run_identity(words, first, middle - 1))):
                return None  # a known full name: the matching engine reports it
            return entry, middle
        return None


def _one_word(form: str) -> bool:
    """Tell whether ``form`` is one word (no space or hyphen)."""
    return " " not in form and "-" not in form


def run_letters(words: tuple[FoldedWord, ...], first: int, last: int) -> int:
    """How many letters words ``first`` to ``last`` (included) have."""
    return sum(word.letters for word in words[first:last + 1])


def run_identity(words: tuple[FoldedWord, ...], first: int, last: int) -> str:
    """The ``form_identity`` of words ``first`` to ``last`` (included) as written."""
    return " ".join(word.identity for word in words[first:last + 1])


def find_near_variants(prose: str, names: Counter[str], tables: SpellingTables,
                       taken: list[tuple[int, int]]) -> list[NearVariant]:
    """Names in ``prose`` that fold to a glossary entry's key but are none of its forms;
    for people also a given name and a family name that fold to theirs."""
    candidates: dict[str, tuple[Entry, str]] = {}
    facts = tables.facts(names)
    for name in names:
        for written, entry, part in facts[name].candidates:
            candidates.setdefault(written, (entry, part))
    if not candidates:
        return []
    taken_spans = SpanSet(taken)
    found: list[NearVariant] = []
    for written, spans in find_all_of(prose, candidates).items():
        entry, part = candidates[written]
        for start, end in spans:
            if not taken_spans.overlaps(start, end):
                found.append(NearVariant(start, end, entry, written, part))
    return longest_first(found)


def find_spelling_clusters(prose: str, names: Counter[str], tables: SpellingTables,
                           taken: list[tuple[int, int]]) -> list[SpellingCluster]:
    """Names outside the glossaries written in more than one way in ``prose``.

    Not a cluster: spellings that are also ordinary lower-case words of this text
    ("Life" and "Liffe"), and spellings that always stand next to different other
    names ("Brian Smith" and "Bryan Jones" are two people). Every spelling is looked
    for in one pass over the text, so a long document costs its length, not length ×
    names.
    """
    facts = tables.facts(names)
    # The words that may be clustered: long enough, not acronyms, and not the key or form
    # of any glossary name in any language.
    spellings = [spelling for name in names for spelling in facts[name].unknown]
    heard = sound_joins(list(dict(spellings)))  # key → an earlier key it sounds like
    if heard:
        spellings = [(heard.get(key, key), written) for key, written in spellings]
    groups: list[tuple[Counter[str], Callable[[str], str]]] = []
    if len(set(spellings)) > len(dict(spellings)):  # rare: a key with several spellings
        first: dict[str, str] = {}  # key → the first spelling seen
        several: dict[str, set[str]] = {}
        for key, written in spellings:
            seen = first.setdefault(key, written)
            if seen != written:
                several.setdefault(key, {seen}).add(written)
        counts: Counter[str] = Counter()
        for name, count in names.items():
            for key, written in facts[name].unknown:
                if heard.get(key, key) in several:
                    counts[written] += count
        neighbours = _neighbours(names, set().union(*several.values()))
        for ways in several.values():
            group = Counter({written: counts[written] for written in ways})
            if not _different_people(group, neighbours):
                groups.append((group, form_identity))
    for group in _hyphenation_groups(prose, names, facts):
        groups.append((group, spelling))
    if not groups:
        return []
    wanted = [written for group, _ in groups for written in group]
    occurrences = find_all_of(prose, wanted)
    ordinary = _ordinary_words(prose, wanted)
    taken_spans = SpanSet(taken)
    clusters = [_cluster(group, identity, _unglossed(prose, group, occurrences, identity),
                         ordinary, taken_spans) for group, identity in groups]
    return [cluster for cluster in clusters if cluster is not None]


def _unglossed(prose: str, group: Counter[str], occurrences: dict[str, list[tuple[int, int]]],
               identity: Callable[[str], str]) -> dict[str, list[tuple[int, int]]]:
    """Where the spellings of ``group`` are written, but where one glosses another
    (*Fondation pour l'Enfance (Foundation for Childhood)*): a translation, not a slip."""
    spans = {written: occurrences[written] for written in group}
    return without(spans, glossing(prose, spans, identity))


def _neighbours(names: Counter[str], wanted: set[str]) -> dict[str, set[str]]:
    """For each spelling in ``wanted``: the other words (not titles) of the names it is in."""
    neighbours: dict[str, set[str]] = {}
    not_names = titles()
    for name in names:
        words = folded_words(name)
        for position, word in enumerate(words):
            if word.text in wanted:
                neighbours.setdefault(word.text, set()).update(
                    other.lowered for index, other in enumerate(words)
                    if index != position and other.lowered not in not_names)
    return neighbours


def spelling(written: str) -> str:
    """Fold what does not make two spellings different: case, apostrophe style, spacing."""
    return " ".join(written.translate(_APOSTROPHE_TABLE).lower().split())


def _different_people(counts: Counter[str], neighbours: dict[str, set[str]]) -> bool:
    """Tell whether each spelling stands beside other names, and never beside the same."""
    seen = [neighbours.get(written, set()) for written in counts]
    return all(seen) and not set.intersection(*seen)


def _hyphenation_groups(prose: str, names: Counter[str],
                        facts: Mapping[str, NameFacts]) -> list[Counter[str]]:
    """Multi-word names written both with hyphens and with spaces."""
    runs: Counter[str] = Counter()
    for name, count in names.items():
        for run in facts[name].hyphenated:
            runs[run] += count
    if not runs:
        return []  # the usual case
    by_first: dict[str, list[str]] = {}
    for run in runs:
        by_first.setdefault(run.split("-", 1)[0], []).append(run)
    found: dict[str, Counter[str]] = {}
    ends: dict[str, int] = {}  # where the last match of each run ends
    for first, spans in find_all_of(prose, by_first).items():
        for start, end in spans:
            if start and prose[start - 1] == "-":
                continue  # part of a hyphenated name
            for run in by_first[first]:
                if start < ends.get(run, 0):
                    continue  # inside the last match of this run, as finditer would skip
                match = _spaced_rest(run).match(prose, end)
                if match is not None:
                    found.setdefault(run, Counter())[prose[start:match.end()]] += 1
                    ends[run] = match.end()
    groups = []
    for run in runs:  # in the order the names were met
        if run in found:
            found[run][run] += runs[run]
            groups.append(found[run])
    return groups


def _spaced_rest(run: str) -> re.Pattern[str]:
    """What follows the first word of a hyphenated name written with spaces instead
    ("Ivano Frankivsk" for Ivano-Frankivsk)."""
    return _SPACED_RESTS.value_of(run, _spaced_rest_pattern)


# The expressions for hyphenated names met, remembered: they recur in every story.
_SPACED_RESTS: BoundedMemo[str, re.Pattern[str]] = BoundedMemo(1 << 12)


def _spaced_rest_pattern(run: str) -> re.Pattern[str]:
    others = [re.escape(word) for word in run.split("-")[1:]]
    return re.compile("".join(rf"[ \u00a0]+{word}" for word in others) + r"(?![\w-])")


def _cluster(counts: Counter[str], identity: Callable[[str], str],
             occurrences: dict[str, list[tuple[int, int]]], ordinary: set[str],
             taken: SpanSet) -> SpellingCluster | None:
    """Group the spellings of one name; ``None`` when fewer than two remain outside ``taken``
    or when one of them is also an ordinary lower-case word of the text.

    Spellings with the same ``identity`` count as one (the first written stands for them).
    """
    by_identity: dict[str, list[str]] = {}
    for written in counts:
        by_identity.setdefault(identity(written), []).append(written)
    if len(by_identity) < 2:
        return None
    if any(written in ordinary for written in counts):
        return None
    found = {}
    for same in by_identity.values():
        spans = sorted({span for written in same for span in occurrences[written]
                        if not taken.overlaps(*span)})
        if spans:
            found[same[0]] = spans
    if len(found) < 2:
        return None
    first_seen = {written: spans[0][0] for written, spans in found.items()}
    chosen = max(found, key=lambda written: (len(found[written]), -first_seen[written]))
    return SpellingCluster({written: len(spans) for written, spans in found.items()},
                           chosen, found)


def _ordinary_words(prose: str, spellings: Iterable[str]) -> set[str]:
    """The capitalised one-word spellings that also occur in lower case in ``prose``
    (common words: "Life" beside "life")."""
    lowered = {written: written.lower() for written in spellings
               if written.lower() != written and " " not in written and "-" not in written}
    present = find_all_of(prose, set(lowered.values()))
    return {written for written, lower in lowered.items() if present[lower]}
