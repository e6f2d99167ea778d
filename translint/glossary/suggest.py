"""Mine an archive of copy for names written several ways, and propose glossary entries.

The words of capitalised names (``translint.names.extract``) are grouped by their
cross-language key (``translint.names.crosskey``) over the whole archive and across its
languages: each word is folded by the transliteration conventions of its text's detected
language (``translint.text.langid``), so Podoliak, Podolyak and Podoljak, and Stefanchuk
(English), Stefantchouk (French) and Stefantschuk (German) each make one group. Spellings
with the same consonant skeleton are joined when their folded spellings are close enough
(``crosskey.same_name``): Putin and Biden are not. A group becomes a proposal when it has
two or more different spellings (apostrophe style and case do not make a spelling
different) and occurs at least ``min_count`` times, and when none of these holds:

* the word is in a glossary already (its key or its written form is known);
* the word is shorter than four letters or written in capitals (acronyms, headlines);
* a spelling also occurs as a lower-case word in the archive's texts of that language
  (an ordinary word: "Marks" and "marks");
* every spelling stands beside other names, and never beside the same one (two people:
  "Karl Marx" and "Michael Marks").

Texts are read as prose: URLs, e-mail addresses and, in Markdown files, code and markup
are left out (``translint.text.mask``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from translint.errors import InputError
from translint.glossary.serialise import make_id, toml_array, toml_string
from translint.memo import BoundedMemo
from translint.names.crosskey import (
    MIN_SIMILARITY,
    cross_fold,
    has_cyrillic,
    similarity,
    sound_key,
)
from translint.names.extract import count_names, letter_count, words_of
from translint.names.fold import form_identity, name_key
from translint.names.index import NameIndex
from translint.names.variants import MIN_LETTERS, titles
from translint.text.formats import format_for
from translint.text.langid import detect_language
from translint.text.normalise import normalise

MAX_FILES_SHOWN = 5
# Files kept per spelling, the most frequent: an archive's commonest names are in
# millions of documents, and a count of each would grow without bound.
MAX_FILES_KEPT = 20
# Names whose words ``NameTally`` remembers (per language): an archive's names recur.
MEMO_SIZE = 1 << 16
_LOWER_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?!\w)")


@dataclass(frozen=True)
class Proposal:
    """A name written several ways in an archive: the spellings, how often, and where.

    ``lang`` is the language of the texts it was found in (``None``: undetected, or
    several); ``languages`` gives each spelling's language.
    """

    key: str
    forms: list[tuple[str, int]]
    files: dict[str, list[tuple[str, int]]]
    total: int
    lang: str | None = None
    languages: dict[str, tuple[str | None, ...]] = field(default_factory=dict, compare=False)
    # With dates: each spelling's first and last date, and occurrences per month.
    dates: dict[str, tuple[str, str]] = field(default_factory=dict, compare=False)
    months: dict[str, Counter[str]] = field(default_factory=dict, compare=False)
    # Each spelling's number of documents (``files`` keeps the ``MAX_FILES_KEPT`` most
    # frequent of them).
    documents: dict[str, int] = field(default_factory=dict, compare=False)


@dataclass
class _Spelling:
    """What the archive says about one spelling (one form identity in one language)."""

    lang: str | None
    key: str
    written: Counter[str]
    files: Counter[str]
    neighbours: set[str]
    # Its language's transliteration conventions change it (Stefantchouk in French copy),
    # or it is written in Cyrillic (the original of a romanised name).
    transliterated: bool = False
    # With dates (an archive audit): occurrences per month (YYYY-MM), first and last date.
    months: Counter[str] = field(default_factory=Counter)
    first: str | None = None
    last: str | None = None
    documents: int = 0  # ``files`` keeps the most frequent of them (``_add_file``)


class NameTally:
    """Capitalised names counted over texts, mergeable: an archive audit counts each part
    of an archive apart (on other machines) and merges the tallies. ``date``: the text's
    date (YYYY-MM-DD), kept per spelling as its first and last date and its months."""

    def __init__(self) -> None:
        self.spellings: dict[tuple[str | None, str], _Spelling] = {}
        self.ordinary: dict[str | None, set[str]] = {}
        self._forget_words(None)

    def _forget_words(self, known: NameIndex | None) -> None:
        """Start remembering the words of names afresh, for the glossary ``known``."""
        self._words: BoundedMemo[tuple[str | None, str], tuple[_Word, ...]] = BoundedMemo(
            MEMO_SIZE)
        self._known = known

    def __getstate__(self) -> dict[str, Any]:
        """What is pickled (to merge tallies): the counts, not the memo of words."""
        state = dict(self.__dict__)
        del state["_words"], state["_known"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._forget_words(None)

    def add(self, path: str, text: str, known: NameIndex | None,
            date: str | None = None) -> None:
        """Count the names of one text (read by its path's format)."""
        try:
            prose = format_for(path).prose(normalise(text)[0])
        except InputError as error:  # an XLIFF or TMX file that cannot be read: name it
            error.path = error.path or path
            raise
        self.add_prose(path, prose, known, date)

    def add_prose(self, path: str, prose: str, known: NameIndex | None,
                  date: str | None = None) -> None:
        """Count the names of one text's prose."""
        self.add_names(path, prose, detect_language(prose), count_names(prose), known, date)

    def add_names(self, path: str, prose: str, lang: str | None, names: Counter[str],
                  known: NameIndex | None, date: str | None = None) -> None:
        """Count ``names`` (as ``count_names`` gives them) of a prose of language ``lang``
        already read, as a check of it did (``translint audit``)."""
        self.ordinary.setdefault(lang, set()).update(
            word for word in _LOWER_WORD.findall(prose) if word.islower())
        if known is not self._known:
            self._forget_words(known)
        memo = self._words
        for name, count in names.items():
            words = memo.entries.get((lang, name))
            if words is None:
                words = memo.remember((lang, name), _name_words(name, lang, known))
            for word in words:
                _add_word(self.spellings, lang, word, count, path, date)

    def merge(self, other: NameTally) -> None:
        """Add ``other``'s counts to these."""
        for lang, words in other.ordinary.items():
            self.ordinary.setdefault(lang, set()).update(words)
        for key, theirs in other.spellings.items():
            mine = self.spellings.get(key)
            if mine is None:
                self.spellings[key] = theirs
                continue
            mine.written.update(theirs.written)
            mine.documents += theirs.documents
            mine.files.update(theirs.files)
            if len(mine.files) > 2 * MAX_FILES_KEPT:
                mine.files = _most_frequent(mine.files)
            mine.months.update(theirs.months)
            mine.neighbours.update(theirs.neighbours)
            mine.first = _earliest(mine.first, theirs.first)
            mine.last = _latest(mine.last, theirs.last)

    def proposals(self, min_count: int = 2) -> list[Proposal]:
        """Names written several ways, most frequent first (see the module's rules)."""
        proposals = [_proposal(group) for group in _groups(self.spellings.values())
                     if _several_ways(group) and not _rejected(group, self.ordinary)]
        proposals = [proposal for proposal in proposals if proposal.total >= min_count]
        proposals.sort(key=lambda proposal: (-proposal.total, proposal.key, proposal.lang or ""))
        return proposals


def suggest_entries(texts: Iterable[tuple[str, str]], known: NameIndex | None,
                    min_count: int = 2) -> list[Proposal]:
    """Propose entries for names spelled several ways in ``texts`` ((path, text) pairs)."""
    tally = NameTally()
    for path, text in texts:
        tally.add(path, text, known)
    return tally.proposals(min_count)


def _earliest(one: str | None, other: str | None) -> str | None:
    return min(one, other) if one and other else one or other


def _latest(one: str | None, other: str | None) -> str | None:
    return max(one, other) if one and other else one or other


class _Word(NamedTuple):
    """A word of a name that is counted: as written, its keys, and its name's other words."""

    written: str
    key: str  # cross-language key
    identity: str
    transliterated: bool  # see ``_Spelling.transliterated``
    neighbours: tuple[str, ...]  # the other words' cross-language keys


def _name_words(name: str, lang: str | None, known: NameIndex | None) -> tuple[_Word, ...]:
    """The words of ``name`` (in ``lang`` copy) that are counted: long enough, not all
    capitals, and none of the glossary ``known``'s names."""
    words = [word.text for word in words_of(name)]
    lowered = [word.lower() for word in words]
    not_names = titles()
    counted = []
    for position, written in enumerate(words):
        if letter_count(written) < MIN_LETTERS or written.isupper():
            continue
        key, identity = cross_fold(written, lang), form_identity(written)
        if known is not None and (key in known.keys or key in known.given_keys
                                  or name_key(written) in known.keys
                                  or identity in known.identities):
            continue
        # Neighbours by their cross-language key: Rouslan in French copy is Ruslan.
        neighbours = tuple(cross_fold(other, lang) for index, other in enumerate(lowered)
                           if index != position and other not in not_names)
        counted.append(_Word(written, key, identity,
                             key != name_key(written) or has_cyrillic(written), neighbours))
    return tuple(counted)


def _add_word(spellings: dict[tuple[str | None, str], _Spelling], lang: str | None,
              word: _Word, count: int, path: str, date: str | None) -> None:
    """Count ``count`` occurrences of ``word`` in ``path``."""
    spelling = spellings.get((lang, word.identity))
    if spelling is None:
        spelling = spellings[lang, word.identity] = _Spelling(
            lang, word.key, Counter(), Counter(), set(), word.transliterated)
    spelling.written[word.written] += count
    _add_file(spelling, path, count)
    if date:
        spelling.months[date[:7]] += count
        spelling.first = _earliest(spelling.first, date)
        spelling.last = _latest(spelling.last, date)
    spelling.neighbours.update(word.neighbours)


def _add_file(spelling: _Spelling, path: str, count: int) -> None:
    """Count ``count`` occurrences of ``spelling`` in ``path``. A document's names are
    counted together, so the files already kept have their final counts when a new one
    comes: cutting them to the most frequent then loses none of the final most frequent."""
    if path not in spelling.files:
        spelling.documents += 1
        if len(spelling.files) >= 2 * MAX_FILES_KEPT:
            spelling.files = _most_frequent(spelling.files)
    spelling.files[path] += count


def _most_frequent(files: Counter[str]) -> Counter[str]:
    """The ``MAX_FILES_KEPT`` files of the most occurrences (ties: by path)."""
    return Counter(dict(sorted(files.items(), key=lambda item: (-item[1], item[0]))
                        [:MAX_FILES_KEPT]))


def _groups(spellings: Iterable[_Spelling]) -> list[list[_Spelling]]:
    """The spellings of one name together: the same consonant skeleton, and each close
    enough to one already in the group (``crosskey.same_name``'s rule)."""
    by_sound: dict[str, list[list[_Spelling]]] = {}
    for spelling in sorted(spellings, key=lambda each: -each.written.total()):
        groups = by_sound.setdefault(sound_key(spelling.key), [])
        for group in groups:
            if any(other.key == spelling.key
                   or similarity(other.key, spelling.key) >= MIN_SIMILARITY
                   for other in group):
                group.append(spelling)
                break
        else:
            groups.append([spelling])
    return [group for groups in by_sound.values() for group in groups]


def _several_ways(group: list[_Spelling]) -> bool:
    """Tell whether a group is one name written several ways: two spellings in one
    language, or spellings in several languages of which one follows its language's
    transliteration conventions (Stefantchouk beside Stefanchuk) — not one name translated
    (the Spanish "Rusia" beside the English "Russia": a glossary entry's other forms)."""
    if len(group) < 2:
        return False
    languages = [spelling.lang for spelling in group]
    return (len(set(languages)) < len(languages)
            or any(spelling.transliterated for spelling in group))


def _rejected(group: list[_Spelling], ordinary: dict[str | None, set[str]]) -> bool:
    """Tell whether a group is ordinary words or different people, not one name."""
    if any(written.lower() in ordinary[spelling.lang] for spelling in group
           for written in spelling.written):
        return True
    neighbours = [spelling.neighbours for spelling in group]
    return all(neighbours) and not set.intersection(*neighbours)


def _proposal(group: list[_Spelling]) -> Proposal:
    """One proposal of a group; a spelling used in several languages counts once, with its
    most frequent way of writing it."""
    written_as: dict[str, Counter[str]] = {}
    files: dict[str, Counter[str]] = {}
    documents: Counter[str] = Counter()
    languages: dict[str, set[str | None]] = {}
    keys: dict[str, str] = {}
    months: dict[str, Counter[str]] = {}
    firsts: dict[str, str | None] = {}
    lasts: dict[str, str | None] = {}
    for spelling in group:
        identity = form_identity(next(iter(spelling.written)))
        written_as.setdefault(identity, Counter()).update(spelling.written)
        files.setdefault(identity, Counter()).update(spelling.files)
        documents[identity] += spelling.documents
        languages.setdefault(identity, set()).add(spelling.lang)
        keys.setdefault(identity, spelling.key)
        months.setdefault(identity, Counter()).update(spelling.months)
        firsts[identity] = _earliest(firsts.get(identity), spelling.first)
        lasts[identity] = _latest(lasts.get(identity), spelling.last)
    counted = []
    for identity, written in written_as.items():
        shown = max(written, key=lambda form: (written[form], form))
        where = sorted(files[identity].items(),
                       key=lambda item: (-item[1], item[0]))[:MAX_FILES_KEPT]
        counted.append((shown, written.total(), where, identity))
    counted.sort(key=lambda item: (-item[1], item[0]))
    seen = set().union(*languages.values())
    return Proposal(key=keys[counted[0][3]], forms=[(shown, total) for shown, total, *_ in counted],
                    files={shown: where for shown, _, where, _ in counted},
                    total=sum(total for _, total, *_ in counted),
                    lang=seen.pop() if len(seen) == 1 else None,
                    languages={shown: tuple(sorted(languages[identity], key=str))
                               for shown, _, _, identity in counted},
                    dates={shown: (first, last) for shown, _, _, identity in counted
                           if (first := firsts[identity]) and (last := lasts[identity])},
                    months={shown: months[identity] for shown, _, _, identity in counted},
                    documents={shown: documents[identity] for shown, _, _, identity in counted})


def render_proposals_toml(proposals: Iterable[Proposal]) -> str:
    """Write proposals as commented-out glossary entries, ready to review and uncomment.

    Every line starts with "# "; removing that prefix gives valid glossary TOML, with the
    counts and files as comments. In each language seen (English for texts whose language
    is unknown) the most frequent spelling is proposed as the preferred form, and the
    other spellings as variants.
    """
    blocks = []
    taken: set[str] = set()
    for proposal in proposals:
        preferred = proposal.forms[0][0]
        entry_id = base = make_id(preferred) or proposal.key
        number = 1
        while entry_id in taken:
            number += 1
            entry_id = f"{base}-{number}"
        taken.add(entry_id)
        where = f" in {proposal.lang} copy" if proposal.lang else ""
        seen = {lang or "undetected" for langs in proposal.languages.values() for lang in langs}
        if len(seen) > 1:
            where = " in " + ", ".join(sorted(seen)) + " copy"
        preferred_in = _preferred_by_language(proposal)
        variants = [written for written, _ in proposal.forms
                    if written not in preferred_in.values()]
        lines = [f"{proposal.key}: {len(proposal.forms)} spellings, "
                 f"{proposal.total} occurrences{where}"]
        lines += [f"  {written} ×{count}: "
                  f"{_files(proposal.files[written], proposal.documents.get(written, 0))}"
                  for written, count in proposal.forms]
        block = ["# " + line for line in lines]
        block += ["[[entry]]", f"id = {toml_string(entry_id)}",
                  'kind = "term"  # or place, person, organisation',
                  f"variants = {toml_array(variants)}"]
        for lang, written in preferred_in.items():
            block += [f"  [entry.forms.{lang}]", f"  preferred = {toml_string(written)}"]
        blocks.append("\n".join("# " + line for line in block) + "\n")
    return "\n".join(blocks)


def _preferred_by_language(proposal: Proposal) -> dict[str, str]:
    """The most frequent spelling of each language seen (forms are most frequent first)."""
    preferred: dict[str, str] = {}
    for written, _ in proposal.forms:
        for lang in proposal.languages.get(written, (proposal.lang,)):
            preferred.setdefault(lang or "en", written)
    return preferred


def _files(files: list[tuple[str, int]], documents: int) -> str:
    shown = ", ".join(f"{path} ({count})" for path, count in files[:MAX_FILES_SHOWN])
    hidden = max(documents, len(files)) - min(len(files), MAX_FILES_SHOWN)
    return shown + (f" and {hidden} more files" if hidden > 0 else "")
