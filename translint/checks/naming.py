"""What the name checks (TL101–TL103) share: how a message cites an entry and says whose
form it gives, an entry's preferred given name, and the tables and near variants they read."""

from __future__ import annotations

import re

from translint.checks.base import Context, Resources
from translint.glossary.model import Entry
from translint.names.variants import NearVariant, SpellingTables, find_near_variants

_NEWLINES = re.compile(r"\s*\n\s*")


def spelling_tables(resources: Resources, lang: str | None) -> SpellingTables:
    """The name tables for near variants and spelling clusters in ``lang`` copy."""
    return SpellingTables(resources.names, lang)


def prepare_spellings(resources: Resources, lang: str | None) -> None:
    """Build the spelling tables for ``lang`` copy; with the language detected per copy,
    what every language shares."""
    if lang is not None:
        resources.get(spelling_tables, lang)
    else:
        resources.names.prepare_keys()


def near_variants(context: Context) -> list[NearVariant]:
    """Names close to a glossary entry but written in none of its forms."""
    document = context.document
    return find_near_variants(document.prose, context.names,
                              context.resources.get(spelling_tables, document.names_lang),
                              context.taken)


def where(entry: Entry, lang: str | None, resolved: str | None) -> str:
    """ " in en copy", or where the document's language has no forms, whose form is given
    (forms of a locale of the language, ``en-us``, are its own)."""
    if lang is not None and resolved is not None and \
            lang.split("-", 1)[0] == resolved.split("-", 1)[0]:
        return f" in {lang} copy"
    return f" (no {lang} form in the glossary; the {resolved} form is given)" if lang else (
        f" (language not detected; the {resolved} form is given)")


def cite(entry: Entry, lang: str | None) -> str:
    """ " per SOURCE" when the entry names a source for ``lang``."""
    source = entry.source_for(lang)
    return f" per {source}" if source else ""


def preferred_given(entry: Entry, lang: str | None, fallback: str) -> str | None:
    """The preferred given name of a person entry in ``lang`` (else ``fallback``) copy."""
    if entry.given is None:
        return None
    for code in (lang, fallback):
        forms = entry.given.for_lang(code)
        if forms is not None:
            return forms.preferred
    return None


def one_line(text: str) -> str:
    """``text`` with its line breaks (and the space around them) as one space."""
    return _NEWLINES.sub(" ", text) if "\n" in text else text
