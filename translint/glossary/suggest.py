"""Mine an archive of copy for names written several ways, and propose glossary entries.

The words of capitalised names (``translint.names.extract``) are grouped by transliteration key
(``translint.names.fold.name_key``), as the TL102 check does within one text, but over
the whole archive: Podoliak, Podolyak and Podoljak share the key ``podoliak``. Texts
are grouped by their detected language first (``translint.text.langid``), so that
the English "Russia" and the Spanish "Rusia" are not taken for two spellings of one
name. A group becomes a proposal when it has two or more different spellings
(apostrophe style and case do not make a spelling different) and occurs at least
``min_count`` times, and when none of these holds:

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
from dataclasses import dataclass

from translint.errors import InputError
from translint.glossary.serialise import make_id, toml_array, toml_string
from translint.names.extract import count_names, letter_count, words_of
from translint.names.fold import form_identity, name_key
from translint.names.index import NameIndex
from translint.names.variants import MIN_LETTERS, titles
from translint.text.formats import format_for
from translint.text.langid import detect_language
from translint.text.normalise import normalise

MAX_FILES_SHOWN = 5
_LOWER_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?!\w)")


@dataclass(frozen=True)
class Proposal:
    """A name written several ways in an archive: the spellings, how often, and where.

    ``lang`` is the language of the texts it was found in (``None``: undetected).
    """

    key: str
    forms: list[tuple[str, int]]
    files: dict[str, list[tuple[str, int]]]
    total: int
    lang: str | None = None


@dataclass
class _Spelling:
    """What the archive says about one spelling (one form identity in one language)."""

    lang: str | None
    key: str
    written: Counter[str]
    files: Counter[str]
    neighbours: set[str]


def suggest_entries(texts: Iterable[tuple[str, str]], known: NameIndex | None,
                    min_count: int = 2) -> list[Proposal]:
    """Propose entries for names spelled several ways in ``texts`` ((path, text) pairs)."""
    spellings: dict[tuple[str | None, str], _Spelling] = {}
    ordinary: dict[str | None, set[str]] = {}
    for path, text in texts:
        try:
            prose = format_for(path).prose(normalise(text)[0])
        except InputError as error:  # an XLIFF or TMX file that cannot be read: name it
            error.path = error.path or path
            raise
        lang = detect_language(prose)
        ordinary.setdefault(lang, set()).update(
            word for word in _LOWER_WORD.findall(prose) if word.islower())
        for name, count in count_names(prose).items():
            _add_name(spellings, lang, name, count, path, known)
    groups: dict[tuple[str | None, str], list[_Spelling]] = {}
    for spelling in spellings.values():
        groups.setdefault((spelling.lang, spelling.key), []).append(spelling)
    proposals = [_proposal(key, lang, group) for (lang, key), group in groups.items()
                 if len(group) > 1 and not _rejected(group, ordinary[lang])]
    proposals = [proposal for proposal in proposals if proposal.total >= min_count]
    proposals.sort(key=lambda proposal: (-proposal.total, proposal.key, proposal.lang or ""))
    return proposals


def _add_name(spellings: dict[tuple[str | None, str], _Spelling], lang: str | None, name: str,
              count: int, path: str, known: NameIndex | None) -> None:
    words = [word.text for word in words_of(name)]
    lowered = [word.lower() for word in words]
    not_names = titles()
    for position, written in enumerate(words):
        if letter_count(written) < MIN_LETTERS or written.isupper():
            continue
        key, identity = name_key(written), form_identity(written)
        if known is not None and (key in known.keys or key in known.given_keys
                                  or identity in known.identities):
            continue
        spelling = spellings.get((lang, identity))
        if spelling is None:
            spelling = spellings[lang, identity] = _Spelling(lang, key, Counter(), Counter(),
                                                             set())
        spelling.written[written] += count
        spelling.files[path] += count
        spelling.neighbours.update(other for index, other in enumerate(lowered)
                                   if index != position and other not in not_names)


def _rejected(group: list[_Spelling], ordinary: set[str]) -> bool:
    """Tell whether a group is ordinary words or different people, not one name."""
    if any(written.lower() in ordinary for spelling in group for written in spelling.written):
        return True
    neighbours = [spelling.neighbours for spelling in group]
    return all(neighbours) and not set.intersection(*neighbours)


def _proposal(key: str, lang: str | None, group: list[_Spelling]) -> Proposal:
    counted = []
    for spelling in group:
        written = max(spelling.written, key=lambda form: (spelling.written[form], form))
        files = sorted(spelling.files.items(), key=lambda item: (-item[1], item[0]))
        counted.append((written, spelling.written.total(), files))
    counted.sort(key=lambda item: (-item[1], item[0]))
    return Proposal(key=key, forms=[(written, count) for written, count, _ in counted],
                    files={written: files for written, _, files in counted},
                    total=sum(count for _, count, _ in counted), lang=lang)


def render_proposals_toml(proposals: Iterable[Proposal]) -> str:
    """Write proposals as commented-out glossary entries, ready to review and uncomment.

    Every line starts with "# "; removing that prefix gives valid glossary TOML, with the
    counts and files as comments. The most frequent spelling is proposed as the preferred
    form of the proposal's language (English when it is unknown), the others as variants.
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
        lines = [f"{proposal.key}: {len(proposal.forms)} spellings, "
                 f"{proposal.total} occurrences{where}"]
        lines += [f"  {written} ×{count}: {_files(proposal.files[written])}"
                  for written, count in proposal.forms]
        block = ["# " + line for line in lines]
        block += ["[[entry]]", f"id = {toml_string(entry_id)}",
                  'kind = "term"  # or place, person, organisation',
                  f"variants = {toml_array(written for written, _ in proposal.forms[1:])}",
                  f"  [entry.forms.{proposal.lang or 'en'}]",
                  f"  preferred = {toml_string(preferred)}"]
        blocks.append("\n".join("# " + line for line in block) + "\n")
    return "\n".join(blocks)


def _files(files: list[tuple[str, int]]) -> str:
    shown = ", ".join(f"{path} ({count})" for path, count in files[:MAX_FILES_SHOWN])
    hidden = len(files) - MAX_FILES_SHOWN
    return shown + (f" and {hidden} more files" if hidden > 0 else "")
