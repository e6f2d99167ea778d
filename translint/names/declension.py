"""Inflected forms of glossary names: *Києва*, *Киеве*, *Зеленського* found as their entry.

The forms of every language whose file declines names (``[[declension]]``, see
``translint.languages.declension``) are declined once per name index; a word of a document
in such a language that is one of them is a match of its entry, with the nominative as its
form and the cases the ending may stand for. A form followed by one of the language's
``name_endings`` that no row explains is found too, with no case known. A disfavoured
inflected form is fixed to the preferred form in the same case when that case gives one
form; otherwise there is no fix (precision first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from translint.glossary.model import Entry
from translint.languages import Language, bundled_languages, language
from translint.languages.declension import DeclensionRow
from translint.names.index import FormMatch, NameIndex, longest_first

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Inflected:
    """An inflected written form: its entry, the nominative form, the cases it may be."""

    entry: Entry
    form: str
    cases: tuple[str, ...]


def _row(form: str, kind: str, lang: Language) -> DeclensionRow | None:
    """The row of ``lang`` that declines ``form`` (the longest nominative ending), if any."""
    rows = [row for row in lang.declension if row.applies(form, kind, lang.vowels)]
    return max(rows, key=lambda row: len(row.nominative), default=None)


def declined(form: str, kind: str, lang: Language) -> dict[str, tuple[str, ...]]:
    """The forms of ``form`` per case in ``lang`` (none if no row declines it), the case of
    the text kept: *Київ* → {"gen": ("Києва",), …}."""
    row = _row(form, kind, lang)
    if row is None:
        return {}
    stem = form[:len(form) - len(row.nominative)]
    upper = form.isupper()
    return {case: tuple((stem + ending.upper()) if upper else stem + ending
                        for ending in endings) for case, endings in row.cases}


def decline_to(form: str, kind: str, lang: str | None, cases: tuple[str, ...],
               written: str) -> str | None:
    """``form`` in a form right for every case of ``cases`` in ``lang``: the one they share,
    or of several the one ending as ``written`` does; ``None`` when there is no such single
    form, no case is known, or a case is ``unsure`` in ``lang`` (*Резникову*, dative or
    locative → *Резнікову*, right for both; *Захаровой*, four cases → none)."""
    if not cases or lang is None:
        return None
    target = language(lang.split("-", 1)[0])
    row = _row(form, kind, target)
    if row is None or row.unsure & set(cases):
        return None  # an ending the word decides (Криму, not Крима): no fix
    table = declined(form, kind, target)
    if any(case not in table for case in cases):
        return None
    shared = set.intersection(*(set(table[case]) for case in cases))
    if len(shared) > 1:
        shared = {each for each in shared
                  if _common_ending(each, written) == max(_common_ending(other, written)
                                                         for other in shared)}
    return shared.pop() if len(shared) == 1 else None


def _common_ending(left: str, right: str) -> int:
    """How many letters ``left`` and ``right`` share at their ends (any case)."""
    count = 0
    for one, other in zip(reversed(left.lower()), reversed(right.lower()), strict=False):
        if one != other:
            break
        count += 1
    return count


class InflectionTable:
    """Every inflected form of the index's forms in the languages that decline names."""

    def __init__(self, index: NameIndex) -> None:
        self.forms: dict[str, list[Inflected]] = {}
        declining = [each for each in bundled_languages() if each.declension]
        for entry in index.entries:
            kind = "person" if entry.kind == "person" else "place"
            for each in declining:
                forms = entry.name.forms.get(each.code)
                if forms is None:
                    continue
                # A form declined by the rules of every language of its script too: the
                # Russian spelling with Ukrainian endings (*Резниковим*) in Ukrainian copy.
                rules = [each, *(other for other in declining
                                 if other is not each and other.script == each.script)]
                for form in (*forms.allowed, *forms.variants):
                    self._add(entry, form, kind, rules)

    def _add(self, entry: Entry, form: str, kind: str, rules: list[Language]) -> None:
        by_written: dict[str, set[str]] = {}
        for position, lang in enumerate(rules):
            # The form's own language first: another's rows only add what it does not write.
            own = set(by_written)
            for case, written_forms in declined(form, kind, lang).items():
                for written in written_forms:
                    if position == 0 or written.lower() not in own:
                        by_written.setdefault(written.lower(), set()).add(case)
        if " " not in form and "-" not in form:
            for ending in rules[0].name_endings:
                by_written.setdefault((form + ending).lower(), set())
        for written, cases in by_written.items():
            if written == form.lower():
                continue
            found = self.forms.setdefault(written, [])
            if not any(known.entry is entry and known.form == form for known in found):
                found.append(Inflected(entry, form, tuple(sorted(cases))))


def declines(lang: str | None) -> bool:
    """Tell whether copy in ``lang`` has inflected names to find."""
    return lang is not None and bool(language(lang.split("-", 1)[0]).declension)


def with_inflected(matches: list[FormMatch], prose: str, table: InflectionTable,
                   lang: str | None) -> list[FormMatch]:
    """``matches`` with the inflected glossary forms of ``prose`` added, in ``lang`` copy
    (a word already matched is left alone; a word two entries decline alike is skipped)."""
    if not declines(lang):
        return matches
    taken = {(match.start, match.end) for match in matches}
    added: list[FormMatch] = []
    for word in _WORD.finditer(prose):
        found = table.forms.get(word.group().lower())
        if not found or word.span() in taken or len({each.entry.id for each in found}) > 1:
            continue
        best = _preferred(found, lang)
        added.append(FormMatch(word.start(), word.end(), best.entry, best.form,
                               cases=best.cases))
    if not added:
        return matches
    return longest_first(matches + added)


def _preferred(found: list[Inflected], lang: str | None) -> Inflected:
    """Of one entry's forms a word inflects, one ``lang`` allows, else the first."""
    for each in found:
        if not each.entry.name.is_disfavoured(each.form, lang):
            return each
    return found[0]
