"""House style: a desk's own preferred forms, laid over the glossaries it loads.

A configuration's ``[house.<lang>]`` table maps entry ids to forms (``kyiv = "Kyjiw"``);
each becomes the entry's preferred form in that language, and the old preferred form an
accepted one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from translint.errors import ConfigError
from translint.glossary.model import Entry, Glossary, LanguageForms
from translint.names.fold import form_identity


@dataclass(frozen=True)
class HouseRule:
    """A house-style override: in ``lang`` copy, ``form`` is the preferred form of an entry."""

    lang: str
    entry_id: str
    form: str
    line: int | None = None


def apply_house_style(glossaries: Sequence[Glossary], house: Sequence[HouseRule],
                      config_path: str | None = None) -> list[Glossary]:
    """Make each house-style form the preferred one; the old preferred form becomes accepted.

    A form the entry does not know is added; an unknown entry id, or a form that
    belongs to another entry, is a ``ConfigError`` at the rule's line of ``config_path``
    (the configuration file the rules come from).
    """
    result = list(glossaries)
    source = f"house style ({Path(config_path).name})" if config_path else "house style"
    for rule in house:
        place = _find_entry(result, rule.entry_id)
        if place is None:
            raise ConfigError(f'house.{rule.lang}: no glossary entry "{rule.entry_id}"',
                              config_path, rule.line)
        glossary_index, entry_index = place
        glossary = result[glossary_index]
        entry = glossary.entries[entry_index]
        owner = _owner(result, rule.form, entry)
        if owner is not None:
            raise ConfigError(f'house.{rule.lang}: "{rule.form}" is a form of "{owner.id}", '
                              f'not of "{entry.id}"', config_path, rule.line)
        entries = list(glossary.entries)
        entries[entry_index] = prefer(entry, rule.lang, rule.form, source)
        result[glossary_index] = replace(glossary, entries=tuple(entries))
    return result


def prefer(entry: Entry, lang: str, form: str, source: str | None = None) -> Entry:
    """``entry`` with ``form`` preferred in ``lang`` and the old preferred form accepted."""
    forms = dict(entry.name.forms)
    current = forms.get(lang)
    identity = form_identity(form)
    if current is None:
        forms[lang] = LanguageForms(preferred=form, source=source)
    elif form_identity(current.preferred) == identity:
        return entry
    else:
        accepted = tuple(item for item in current.accepted if form_identity(item) != identity)
        variants = tuple(item for item in current.variants if form_identity(item) != identity)
        forms[lang] = LanguageForms(preferred=form, accepted=(current.preferred, *accepted),
                                    variants=variants, source=source)
    return replace(entry, name=replace(entry.name, forms=forms))


def _find_entry(glossaries: Sequence[Glossary], entry_id: str) -> tuple[int, int] | None:
    for glossary_index, glossary in enumerate(glossaries):
        for entry_index, entry in enumerate(glossary.entries):
            if entry.id == entry_id:
                return glossary_index, entry_index
    return None


def _owner(glossaries: Sequence[Glossary], form: str, entry: Entry) -> Entry | None:
    identity = form_identity(form)
    for glossary in glossaries:
        for other in glossary.entries:
            if other.id != entry.id and identity in {form_identity(known)
                                                     for known in other.name.known()}:
                return other
    return None
