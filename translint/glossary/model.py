"""The glossary model: entries, their written forms per language, and whole glossaries.

In a document of language L an entry *allows* ``forms[L].preferred`` and
``forms[L].accepted``; every other form it knows (entry variants, ``forms[L].variants``
and the forms of other languages) is *disfavoured* there. When L has no forms, only
the variants are disfavoured and the glossary's fallback language gives the fix.

Forms may be given for a locale (``forms.en-us``, as a TBX or CSV import from a CAT tool
writes them): they are the forms of its language too, when the entry has none for the
language itself (``key_for``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

KINDS = ("place", "person", "organisation", "term")


@dataclass(frozen=True)
class LanguageForms:
    """How one language writes a name: the preferred form and what else it tolerates."""

    preferred: str
    accepted: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    source: str | None = None

    @property
    def allowed(self) -> tuple[str, ...]:
        """The preferred form followed by the accepted ones."""
        return (self.preferred, *self.accepted)


@dataclass(frozen=True)
class NameForms:
    """The forms of one name (a place, a term, or a person's family or given name)."""

    forms: dict[str, LanguageForms] = field(default_factory=dict)
    variants: tuple[str, ...] = ()

    def known(self) -> tuple[str, ...]:
        """Every written form, without duplicates, in a stable order."""
        seen: dict[str, None] = {}
        for language_forms in self.forms.values():
            for form in (*language_forms.allowed, *language_forms.variants):
                seen.setdefault(form, None)
        for form in self.variants:
            seen.setdefault(form, None)
        return tuple(seen)

    def key_for(self, lang: str | None) -> str | None:
        """The key of ``forms`` that copy in ``lang`` uses: ``lang`` itself; else, for a
        locale (``de-ch``), its language (``de``); else the first locale of the language
        (``en-gb``, then ``en-us``: sorted); ``None`` when there is none."""
        if lang is None:
            return None
        if lang in self.forms:
            return lang
        language = lang.split("-", 1)[0]
        if language in self.forms:
            return language
        return next((key for key in sorted(self.forms)
                     if key.split("-", 1)[0] == language), None)

    def for_lang(self, lang: str | None) -> LanguageForms | None:
        """The forms copy in ``lang`` uses (see ``key_for``), or ``None``."""
        key = self.key_for(lang)
        return None if key is None else self.forms[key]

    def allowed(self, lang: str | None) -> tuple[str, ...] | None:
        """The forms ``lang`` allows, or ``None`` when the name has no forms for it."""
        language_forms = self.for_lang(lang)
        return None if language_forms is None else language_forms.allowed

    def is_disfavoured(self, form: str, lang: str | None) -> bool:
        """Tell whether ``form`` (any case) is wrong in a document of language ``lang``."""
        return self.disfavoured_test(lang)(form)

    def disfavoured_test(self, lang: str | None) -> Callable[[str], bool]:
        """``is_disfavoured`` for ``lang``, built once for many forms."""
        allowed = self.allowed(lang)
        if allowed is None:
            variants = frozenset(variant.casefold() for variant in self.variants)
            return lambda form: form.casefold() in variants
        folded = frozenset(candidate.casefold() for candidate in allowed)
        return lambda form: form.casefold() not in folded


@dataclass(frozen=True)
class Location:
    """Where something was defined: a file and a 1-based line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Entry:
    """One name with its forms; for a person, ``name`` is the family name."""

    id: str
    kind: str
    name: NameForms
    given: NameForms | None = None
    exceptions: tuple[str, ...] = ()
    note: str | None = None
    source: str | None = None
    location: Location | None = None

    def resolve_lang(self, lang: str | None, fallback: str) -> str | None:
        """The key of the forms that apply: ``lang``'s if the entry has forms for it (or for
        a locale of it), else the fallback language's, else its first."""
        return (self.name.key_for(lang) or self.name.key_for(fallback)
                or next(iter(self.name.forms), None))

    def preferred(self, lang: str | None, fallback: str) -> str | None:
        """The preferred form for ``lang`` (or the fallback language)."""
        resolved = self.resolve_lang(lang, fallback)
        return None if resolved is None else self.name.forms[resolved].preferred

    def source_for(self, lang: str | None) -> str | None:
        """The source to cite for ``lang``: the language's own, else the entry's; but not
        the entry's for forms in another script (a Cyrillic ``uk`` form without a source of
        its own: the entry's source, a style guide for its Latin forms, does not rule on it)."""
        forms = self.name.for_lang(lang)
        if forms is not None and forms.source:
            return forms.source
        if forms is not None and not _latin(forms.preferred):
            return None
        return self.source


def _latin(text: str) -> bool:
    """Tell whether every letter of ``text`` is a Latin one (*Kyiv*, *Kyjiw*, *Kijów*)."""
    return text.isascii() or all(unicodedata.name(char, "").startswith("LATIN") for char in text
               if char.isalpha())


@dataclass(frozen=True)
class Glossary:
    """A named set of entries loaded from one file."""

    name: str
    entries: tuple[Entry, ...]
    description: str | None = None
    fallback_lang: str = "en"
    path: str | None = None
    # Tables the engine builds from this glossary (its name index), keyed by their type:
    # built on first use and kept with the glossary in the glossary cache. A changed copy
    # (``dataclasses.replace``) starts with none.
    derived: dict[type, object] = field(default_factory=dict, init=False, repr=False,
                                        compare=False)

    def get(self, entry_id: str) -> Entry | None:
        """The entry with id ``entry_id``, or ``None``."""
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        return None
