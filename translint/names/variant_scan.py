"""The glossary matches TL101 reads, found from the forms a language may not use.

The full scan (``NameIndex.scan``) turns every occurrence of every indexed word into a
candidate handled in Python, so with a house-style glossary whose preferred forms are common
words (*toward*, *percent*) its cost grows with how often those words occur. TL101 reports
only matches whose form (or given name) is disfavoured in the document's language, so a
``VariantScanner`` first looks for the first words that may start such a match in that
language (its *triggers*) among the words of the text (a set test), and matches the whole
glossary only around what it finds: a text without variants costs a split and a set
intersection in C.

The result is exact, not an approximation. A character of the text that no form, given name,
separator or apostrophe holds (``NameIndex.form_characters``: in English copy most
punctuation and digits) ends every match, so between two such characters (a *stretch*) the
full scan's candidates, and which of overlapping ones it keeps, depend on the stretch alone.
The scanner matches every stretch holding a trigger, and every stretch within
``GLOSS_REACH + 1`` characters of one, since TL101 reads the matches next to a disfavoured
one up to that far (a gloss: *Kyiv (formerly Kiev)*). What it returns is the full scan's
list restricted to those stretches, in the same order: TL101 finds the same problems in it.
"""

from __future__ import annotations

import functools
import re

import ahocorasick

from translint.glossary.model import Entry
from translint.names.fold import spaced_text
from translint.names.index import FormMatch, NameIndex, is_word_character, longest_first
from translint.text.long_scan import iter_long

# How far TL101 looks for an allowed form that a disfavoured one glosses (characters).
GLOSS_REACH = 40
_BACK_STEP = 64
# Texts longer than this (characters) are searched by an automaton of every trigger, whose
# one pass costs the same whatever the triggers the text holds: ``str.find`` from each of
# them would read a 100 MB file once for each (and ``str.split`` hold all its words).
LONG_TEXT = 1 << 16


class VariantScanner:
    """The forms of a name index that matter to TL101 in one language, ready to be found."""

    @classmethod
    def of(cls, index: NameIndex, lang: str | None) -> VariantScanner:
        """The scanner of ``index`` for ``lang``: built on first use and kept with the index
        (``NameIndex.scanners``), so that the glossary cache keeps those built when it is
        written (``prepare_scanners``)."""
        scanner = index.scanners.get(lang)
        if not isinstance(scanner, cls):
            scanner = index.scanners[lang] = cls(index, lang)
        return scanner

    def __init__(self, index: NameIndex, lang: str | None) -> None:
        self.index = index
        self.lang = lang
        # The triggers as ``spaced_text`` holds them in whole-word places (`` o brien ``),
        # by their first word there (``o``): a text holds a trigger only where it holds
        # that word, which a set of the text's words tells (``_found``).
        self._by_first: dict[str, set[str]] = {}
        # The triggers as written: several may mark the same (o'brien, o’brien, o.brien).
        self._trigger_keys: set[str] = set()
        judged: dict[int, tuple[frozenset[str], bool]] = {}  # by id(entry): see ``_judge``
        # The (entry id, form) pairs a match TL101 may report stands for.
        self._reportable: set[tuple[str, str]] = set()
        # Per entry, the first words of its forms ``lang`` allows (what a gloss glosses).
        self._allowed_keys: dict[str, list[str]] = {}
        for key, forms in index.first_words():
            reportable = False
            for entry, form in forms:
                judged_entry = judged.get(id(entry))
                if judged_entry is None:
                    judged_entry = judged[id(entry)] = _judge(entry, lang)
                allowed, every = judged_entry
                folded = form.casefold()
                if folded in allowed:
                    self._allowed_keys.setdefault(entry.id, []).append(key)
                if every or folded not in allowed:
                    self._reportable.add((entry.id, form))
                    reportable = True
            if reportable:
                marked = spaced_text(key)
                words = marked.split()
                # A key without a letter or digit marks only spaces: looked for as such.
                self._by_first.setdefault(words[0] if words else "", set()).add(marked)
                self._trigger_keys.add(key)
        self._first_words = frozenset(self._by_first)
        self._empty = not self._trigger_keys
        characters = "".join(sorted(index.form_characters))
        self._barrier = re.compile(f"[^{''.join(map(re.escape, characters))}]")
        # Up to the last barrier of the text it is given (the greedy ``.*`` backs off from
        # the end): where the stretch before a position starts.
        self._last_barrier = re.compile(f"(?s).*{self._barrier.pattern}")

    def matches(self, prose: str, lowered: str, spaced: str | None = None) -> list[FormMatch]:
        """The full scan's matches in the stretches of ``prose`` around its triggers
        (``lowered`` is ``prose`` in lower case, ``spaced`` is ``spaced_text(lowered)``):
        every match TL101 may report, with the matches next to it."""
        if self._empty:
            return []
        if spaced is None:
            spaced = spaced_text(lowered)
        size = len(prose)
        kept: dict[int, list[FormMatch]] = {}  # stretch start -> its matches
        ends: dict[int, int] = {}  # stretch start -> its end
        covered = (-1, -1)
        for start, last in self._found(spaced):
            if covered[0] <= start < covered[1]:
                continue  # in the stretch of the trigger before
            if lowered[start:last + 1] not in self._trigger_keys:
                continue  # another word marked the same
            # Inside a word (either end): the full scan makes no candidate of it.
            if (start > 0 and is_word_character(prose[start - 1])) or (
                    last + 1 < size and is_word_character(prose[last + 1])):
                continue
            covered = (self._stretch_start(lowered, start), self._stretch_end(lowered, start))
            if covered[0] not in kept:
                kept[covered[0]] = self._matched(prose, lowered, spaced, *covered)
                ends[covered[0]] = covered[1]
        # The matches next to one TL101 may report, up to the reach of a gloss, where an
        # allowed form of its entry may be among them.
        reportable = self._reportable
        for first, found in list(kept.items()):
            for match in found:
                if (match.entry.id, match.form) in reportable:  # ``may_report``, inline
                    lo_reach = max(0, match.start - GLOSS_REACH - 1)
                    hi_reach = min(size, match.end + GLOSS_REACH + 1)
                    if first <= lo_reach and hi_reach <= ends[first]:
                        continue  # the reach is inside this stretch, already matched
                    lo = self._stretch_start(lowered, lo_reach)
                    hi = self._stretch_end(lowered, hi_reach)
                    keys = self._allowed_keys.get(match.entry.id, ())
                    if any(lowered.find(key, lo, hi) >= 0 for key in keys):
                        self._cover(prose, lowered, spaced, lo, hi, kept, ends)
        return [match for lo in sorted(kept) for match in kept[lo]]

    def _found(self, spaced: str) -> list[tuple[int, int]]:
        """Where a trigger is marked in ``spaced``, as the first and last offsets of the
        word in ``lowered`` (``spaced[i + 1]`` is ``lowered[i]``), in order: every place,
        overlapping ones too. Only the triggers whose first word is one of the text's
        words are looked for, each with ``str.find``: of a text's words, a set test in C
        is cheaper than an automaton's pass over its characters (but for a long text)."""
        if len(spaced) > LONG_TEXT:
            return sorted((end - width + 1, end - 2)
                          for end, width in iter_long(self._automaton, spaced))
        words = self._first_words.intersection(spaced.split())
        if "" in self._first_words:
            words = words | {""}
        found: list[tuple[int, int]] = []
        for word in words:
            for marked in self._by_first[word]:
                width = len(marked) - 3  # from the first to the last character of the word
                at = spaced.find(marked)
                while at >= 0:
                    found.append((at, at + width))
                    at = spaced.find(marked, at + 1)
        found.sort()
        return found

    @functools.cached_property
    def _automaton(self) -> ahocorasick.Automaton:
        """Every trigger as ``spaced_text`` marks it, with its length (built when a long
        text first needs it)."""
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for marks in self._by_first.values():
            for marked in marks:
                automaton.add_word(marked, len(marked))
        automaton.make_automaton()
        return automaton

    def reportable(self, matches: list[FormMatch]) -> list[int]:
        """The positions in ``matches`` of those TL101 may report (``may_report``), in order:
        the few among the many matches of common words it has only to read as neighbours."""
        reportable = self._reportable
        return [position for position, match in enumerate(matches)
                if (match.entry.id, match.form) in reportable]

    def may_report(self, match: FormMatch) -> bool:
        """Tell whether TL101 may report ``match`` in this language: whether its form, or
        its given name, may be one the language does not use. When not, TL101 has nothing
        to say about it (but reads it as the neighbour of one it may report)."""
        return (match.entry.id, match.form) in self._reportable

    def _matched(self, prose: str, lowered: str, spaced: str, lo: int,
                 hi: int) -> list[FormMatch]:
        """The full scan's matches in the stretch ``lo``–``hi``."""
        if hi <= lo:
            return []
        return longest_first(self.index.candidates(prose, lowered, lo, hi, spaced))

    def _cover(self, prose: str, lowered: str, spaced: str, lo: int, hi: int,
               kept: dict[int, list[FormMatch]], ends: dict[int, int]) -> None:
        """Match every stretch that holds a character of ``lowered[lo:hi]``."""
        position = self._stretch_start(lowered, max(0, lo))
        while position < hi:
            end = self._stretch_end(lowered, position)
            if position not in kept:
                kept[position] = self._matched(prose, lowered, spaced, position, end)
                ends[position] = end
            position = end + 1

    def _stretch_end(self, lowered: str, position: int) -> int:
        """Where the stretch holding ``position`` ends: the next barrier (or the end)."""
        barrier = self._barrier.search(lowered, position)
        return len(lowered) if barrier is None else barrier.start()

    def _stretch_start(self, lowered: str, position: int) -> int:
        """Where the stretch holding ``position`` starts: after the barrier before it."""
        high, step = position, _BACK_STEP
        while high > 0:
            low = max(0, high - step)
            last = self._last_barrier.match(lowered, low, high)
            if last is not None:
                return last.end()
            high, step = low, step * 2
        return 0


def prepare_scanners(index: NameIndex) -> None:
    """Build the scanner of each language the index's entries have forms for, so that a
    glossary cache written next keeps them (a run in another language builds its own)."""
    for lang in sorted({lang for entry in index.entries for lang in entry.name.forms}):
        VariantScanner.of(index, lang)


def _judge(entry: Entry, lang: str | None) -> tuple[frozenset[str], bool]:
    """The forms of ``entry`` that ``lang`` copy allows (case-folded; with ``True``: every
    form may be a TL101 problem, since the entry is a person with a given name that
    ``lang`` does not allow, or the entry has no forms for ``lang``)."""
    given = entry.given
    if given is not None and any(map(given.disfavoured_test(lang), given.known())):
        return frozenset(), True
    allowed = entry.name.allowed(lang)
    if allowed is None:  # only the variants are disfavoured (``NameForms.is_disfavoured``)
        variants = {variant.casefold() for variant in entry.name.variants}
        return frozenset(form.casefold() for form in entry.name.known()
                         if form.casefold() not in variants), False
    return frozenset(form.casefold() for form in allowed), False
