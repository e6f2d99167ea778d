"""Lint glossary files: the loader's checks, conflicts between files, and softer problems.

``validate_paths`` loads every file (each loader problem becomes a located problem),
checks the files that load against each other, and lints them for what the loader
accepts but a terminology desk should look at:

* near-duplicate entries: forms of two entries that fold to one transliteration key
  (``translint.names.fold.name_key``), so a near-variant cannot tell them apart;
* a variant of one entry that is an allowed form of another (across files);
* exceptions that contain no form of their entry, so they never apply;
* forms and exceptions with doubled spaces or spaces other than U+0020 (a no-break space,
  say); tabs, line breaks and invisible characters the loader refuses.

Every problem is a ``GlossaryError`` whose ``str()`` is ``path:line: message``.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from translint.errors import GlossaryError, GlossaryErrors
from translint.glossary.load import decode_glossary, parse_glossary, read_glossary_bytes
from translint.glossary.model import Entry, Glossary, NameForms
from translint.names.fold import form_identity, name_key

_ODD_SPACING = re.compile(r"\s{2,}|[^\S ]")
_OTHER_SPACE = re.compile(r"[^\S ]")
_MIN_LETTERS = 4  # as for near-variants in copy


def validate_paths(paths: Sequence[str | Path]) -> list[GlossaryError]:
    """Load, cross-check and lint glossary files; return every problem, sorted by place.

    A file that cannot be read at all (missing, a directory, no permission) raises
    ``GlossaryError``: that is a usage problem, not a problem of the glossary.
    """
    problems: list[GlossaryError] = []
    loaded: list[tuple[Glossary, str]] = []
    for path in paths:
        display = str(path)
        data = read_glossary_bytes(path)
        try:
            text = decode_glossary(data, display)
        except GlossaryError as error:
            problems.append(error)
            continue
        try:
            loaded.append((parse_glossary(text, display), text))
        except GlossaryErrors as error:
            problems.extend(error.problems)
        except GlossaryError as error:
            problems.append(error)
    for glossary, text in loaded:
        problems.extend(lint_glossary(glossary, text))
    problems.extend(conflicts([glossary for glossary, _ in loaded]))
    problems.extend(near_duplicates([glossary for glossary, _ in loaded],
                                    {glossary.path: text for glossary, text in loaded}))
    return sorted(_unique(problems), key=_place)


def lint_glossary(glossary: Glossary, text: str) -> list[GlossaryError]:
    """Problems inside one loaded glossary: idle exceptions and odd spacing."""
    lines = _Lines(glossary, text)
    problems: list[GlossaryError] = []
    for entry in glossary.entries:
        forms = _all_forms(entry)
        folded = [form_identity(form) for form in forms]
        for exception in entry.exceptions:
            phrase = form_identity(exception)
            if not any(form and form in phrase for form in folded):
                problems.append(lines.problem(
                    entry, exception, f'exception "{exception}" of "{entry.id}" contains none '
                    "of the entry's forms, so it never applies"))
        for value in (*forms, *entry.exceptions):
            if _ODD_SPACING.search(value):
                problems.append(lines.problem(
                    entry, value, f'"{_visible(value)}" in "{entry.id}" has doubled spaces or '
                    "a space other than U+0020; use single plain spaces"))
    return problems


def conflicts(glossaries: Sequence[Glossary]) -> list[GlossaryError]:
    """Ids and forms that two glossary files both claim."""
    problems: list[GlossaryError] = []
    for index, glossary in enumerate(glossaries):
        problems.extend(conflicts_with(glossary, glossaries[:index]))
    return problems


def conflicts_with(glossary: Glossary, others: Iterable[Glossary]) -> list[GlossaryError]:
    """Ids and forms of ``glossary`` that an entry of ``others`` already has."""
    ids: dict[str, Entry] = {}
    owners: dict[str, tuple[Entry, bool]] = {}
    for other in others:
        for entry in other.entries:
            ids.setdefault(entry.id, entry)
            for form, allowed in _forms_with_status(entry.name):
                owners.setdefault(form_identity(form), (entry, allowed))
    problems: list[GlossaryError] = []
    for entry in glossary.entries:
        if entry.id in ids:
            problems.append(_at(entry, f'duplicate id "{entry.id}", also defined at '
                                f"{ids[entry.id].location}; ids must be unique"))
        for form, allowed in _forms_with_status(entry.name):
            owner = owners.get(form_identity(form))
            if owner is None or owner[0].id == entry.id:  # a duplicate id says enough
                continue
            owner_entry, owner_allowed = owner
            problems.append(_at(entry, _claim_message(form, entry, allowed, owner_entry,
                                                      owner_allowed)))
    return problems


def near_duplicates(glossaries: Sequence[Glossary],
                    texts: dict[str | None, str] | None = None) -> list[GlossaryError]:
    """Pairs of entries with forms that fold to one transliteration key."""
    keys: dict[str, tuple[Entry, str]] = {}
    reported: set[tuple[str, str]] = set()
    problems: list[GlossaryError] = []
    for glossary in glossaries:
        lines = _Lines(glossary, (texts or {}).get(glossary.path, ""))
        for entry in glossary.entries:
            for form in entry.name.known():
                key = name_key(form)
                if sum(char.isalpha() for char in form) < _MIN_LETTERS or not key:
                    continue
                first, first_form = keys.setdefault(key, (entry, form))
                if first.id == entry.id or (first.id, entry.id) in reported:
                    continue
                reported.add((first.id, entry.id))
                problems.append(lines.problem(
                    entry, form, f'"{entry.id}" may duplicate "{first.id}" ({first.location}): '
                    f'"{form}" and "{first_form}" both fold to "{key}"; merge the entries or '
                    "tell them apart"))
    return problems


def _forms_with_status(name: NameForms) -> list[tuple[str, bool]]:
    """Every form of a name with whether some language allows it."""
    allowed = {form_identity(form) for forms in name.forms.values() for form in forms.allowed}
    return [(form, form_identity(form) in allowed) for form in name.known()]


def _claim_message(form: str, entry: Entry, allowed: bool, other: Entry,
                   other_allowed: bool) -> str:
    if allowed != other_allowed:
        variant_of, allowed_by = (other, entry) if allowed else (entry, other)
        return (f'variant "{form}" of "{variant_of.id}" is an allowed form of '
                f'"{allowed_by.id}" ({other.location}); one entry flags what the other '
                "recommends")
    return (f'"{form}" is a form of both "{other.id}" ({other.location}) and "{entry.id}"; '
            "a written form can belong to one entry only")


def _all_forms(entry: Entry) -> tuple[str, ...]:
    given = entry.given.known() if entry.given is not None else ()
    return (*entry.name.known(), *given)


def _visible(value: str) -> str:
    """``value`` with spaces other than U+0020 written as escapes (``\\u00a0``)."""
    return _OTHER_SPACE.sub(lambda space: f"\\u{ord(space.group()):04x}", value)


def _at(entry: Entry, message: str) -> GlossaryError:
    location = entry.location
    return GlossaryError(message, location.path if location else None,
                         location.line if location else None)


def _place(problem: GlossaryError) -> tuple[str, int]:
    return (problem.path or "", problem.line or 0)


def _unique(problems: list[GlossaryError]) -> list[GlossaryError]:
    seen: dict[str, GlossaryError] = {}
    for problem in problems:
        seen.setdefault(str(problem), problem)
    return list(seen.values())


class _Lines:
    """Finds the line of a value inside an entry of a glossary's text."""

    def __init__(self, glossary: Glossary, text: str) -> None:
        self.lines = text.split("\n")
        starts = sorted(entry.location.line for entry in glossary.entries
                        if entry.location is not None)
        self.ends = dict(itertools.pairwise([*starts, len(self.lines) + 1]))

    def problem(self, entry: Entry, value: str, message: str) -> GlossaryError:
        location = entry.location
        if location is None:
            return GlossaryError(message)
        line = location.line
        quoted = (f'"{value}"', f"'{value}'", json.dumps(value, ensure_ascii=False),
                  json.dumps(value))
        for number in range(location.line, self.ends.get(location.line, location.line)):
            if any(candidate in self.lines[number - 1] for candidate in quoted):
                line = number
                break
        return GlossaryError(message, location.path, line)
