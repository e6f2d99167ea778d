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

import itertools
import re
from dataclasses import dataclass

from translint.glossary.model import Entry
from translint.languages import Language, bundled_languages, language
from translint.languages.declension import DeclensionRow
from translint.names.index import FormMatch, NameIndex, longest_first
from translint.text.scripts import LATIN_CHAR, OTHER_SCRIPT_CHAR

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Inflected:
    """An inflected written form: its entry, the nominative form, the cases it may be; for
    a person's full name (*Володимира Зеленського*) the given name's nominative too."""

    entry: Entry
    form: str
    cases: tuple[str, ...]
    given: str | None = None


def _row(form: str, kind: str, lang: Language) -> DeclensionRow | None:
    """The row of ``lang`` that declines ``form`` (the longest nominative ending), if any."""
    rows = [row for row in lang.declension if row.applies(form, kind, lang.vowels)]
    return max(rows, key=lambda row: len(row.nominative), default=None)


def declined(form: str, kind: str, lang: Language,
             first_kind: str | None = None) -> dict[str, tuple[str, ...]]:
    """The forms of ``form`` per case in ``lang`` (none if no row declines it), the case of
    the text kept: *Київ* → {"gen": ("Києва",), …}. A form of several words is declined
    word by word, every word in the same case (*Нижній Новгород*, or with ``first_kind =
    "given"`` a person's full name); none if a word does not decline."""
    words = form.split(" ")
    if len(words) == 1:
        return _declined_word(form, kind, lang)
    tables = [_declined_word(word, first_kind if position == 0 and first_kind else kind, lang)
              for position, word in enumerate(words)]
    if not all(tables):
        return {}
    return {case: tuple(" ".join(each) for each in itertools.product(
        *(table[case] for table in tables))) for case in tables[0]
        if all(case in table for table in tables)}


def _declined_word(form: str, kind: str, lang: Language) -> dict[str, tuple[str, ...]]:
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
    locative → *Резнікову*, right for both; *Захаровой*, four cases → none). A form of
    several words is never declined here: a word of it may decline as no row says (*Часів
    Яр*: *Часового Яру*); a full name's parts are declined one by one."""
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
                given = entry.given.forms.get(each.code) if entry.given else None
                for given_form in (*given.allowed, *given.variants) if given else ():
                    for form in (*forms.allowed, *forms.variants):
                        self._add(entry, form, kind, rules, given_form)
            self._add_foreign(entry, kind, declining)
        self.longest = max((written.count(" ") + 1 for written in self.forms), default=1)

    def _add_foreign(self, entry: Entry, kind: str, declining: list[Language]) -> None:
        """Decline the entry's Latin forms of languages that do not decline names (and its
        variants) by the rows of each Latin-script language it has forms in: *Kiew* with a
        Polish ending (*w Kiewie*) is the German form, disfavoured in Polish copy."""
        latin = [each for each in declining
                 if not each.non_latin and each.code in entry.name.forms]
        if not latin:
            return
        codes = {each.code for each in declining}
        foreign = dict.fromkeys(
            form for code, forms in entry.name.forms.items()
            if code.split("-", 1)[0] not in codes
            for form in (*forms.allowed, *forms.variants))
        foreign.update(dict.fromkeys(entry.name.variants))
        for form in foreign:
            if LATIN_CHAR.search(form) and not OTHER_SCRIPT_CHAR.search(form):
                self._add(entry, form, kind, latin)

    def _add(self, entry: Entry, form: str, kind: str, rules: list[Language],
             given: str | None = None) -> None:
        by_written: dict[str, set[str]] = {}
        whole = form if given is None else f"{given} {form}"
        for position, lang in enumerate(rules):
            # The form's own language first: another's rows only add what it does not write.
            own = set(by_written)
            for case, written_forms in declined(whole, kind, lang,
                                                "given" if given else None).items():
                for written in written_forms:
                    if position == 0 or written.lower() not in own:
                        by_written.setdefault(written.lower(), set()).add(case)
        if " " not in whole and "-" not in whole:
            for ending in rules[0].name_endings:
                by_written.setdefault((form + ending).lower(), set())
        for written, cases in by_written.items():
            if written == whole.lower():
                continue
            found = self.forms.setdefault(written, [])
            if not any(known.entry is entry and known.form == form and known.given == given
                       for known in found):
                found.append(Inflected(entry, form, tuple(sorted(cases)), given))


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
    words = list(_WORD.finditer(prose))
    skip_to = 0  # words before it are part of a name of several words found
    for position, word in enumerate(words):
        if position < skip_to:
            continue
        for count in range(min(table.longest, len(words) - position), 0, -1):
            last = words[position + count - 1]
            if count > 1 and not _spaced(prose, words[position:position + count]):
                continue
            found = table.forms.get(" ".join(
                each.group().lower() for each in words[position:position + count]))
            span = (word.start(), last.end())
            if not found or span in taken or len({each.entry.id for each in found}) > 1:
                continue
            best = _preferred(found, lang)
            if best.given is None:
                added.append(FormMatch(*span, best.entry, best.form, cases=best.cases))
            else:  # a full name: given name, then family name
                added.append(FormMatch(*span, best.entry, best.form, best.given,
                                       word.end(), last.start(), cases=best.cases))
            skip_to = position + count
            break
    if not added:
        return matches
    return longest_first(matches + added)


def _spaced(prose: str, words: list[re.Match[str]]) -> bool:
    """Tell whether ``words`` follow each other with only a space (or a line break)."""
    return all(prose[left.end():right.start()] in (" ", "\n", "\u00a0")
               for left, right in itertools.pairwise(words))


def _preferred(found: list[Inflected], lang: str | None) -> Inflected:
    """Of one entry's forms a word inflects, one ``lang`` allows, else the first."""
    for each in found:
        given = each.entry.given
        if not each.entry.name.is_disfavoured(each.form, lang) and (
                each.given is None or given is None or not given.is_disfavoured(each.given, lang)):
            return each
    return found[0]
