"""TL103 unknown-variant: a name close to a glossary entry but written in none of its forms."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translint.checks.base import Check, CheckDocs, Context, Problem
from translint.checks.naming import (
    cite,
    near_variants,
    one_line,
    preferred_given,
    prepare_spellings,
)
from translint.findings import Severity
from translint.names.fold import keep_separators, match_case
from translint.names.variants import GIVEN_NAME, NAME
from translint.text.document import Document
from translint.text.scripts import OTHER_SCRIPT_CHAR


def unknown_variants(document: Document, context: Context) -> Iterator[Problem]:
    """TL103: a name close to a glossary entry but written in none of its forms."""
    lang = document.names_lang
    index = context.resources.names
    for near in context.get(near_variants):
        entry = near.entry
        fallback = index.fallback[entry.id]
        preferred = entry.preferred(lang, fallback)
        if preferred is None:
            continue
        if near.part != NAME:
            given = preferred_given(entry, lang, fallback)
            if near.part == GIVEN_NAME:
                if given is None:
                    continue
                preferred = given
            elif given:
                preferred = f"{given} {preferred}"
        if _other_script(near.written, preferred):
            continue  # never a Latin answer for a Cyrillic word (nor the reverse)
        suggestion = keep_separators(match_case(preferred, near.written), near.written)
        resolved = entry.resolve_lang(lang, fallback)
        yield Problem(near.start, near.end,
                      f'"{one_line(near.written)}" looks like an unlisted spelling of '
                      f'"{preferred}"; use "{one_line(suggestion)}"{cite(entry, resolved)}',
                      suggestion, entry.id)
    yield from _separator_variants(document, context)


def _separator_variants(document: Document, context: Context) -> Iterator[Problem]:
    """Allowed forms written with a space where the glossary has a hyphen, or the reverse."""
    lang = document.names_lang
    for match in context.form_matches:
        if match.given is not None or match.cases is not None or (
                " " not in match.form and "-" not in match.form):
            continue  # an inflected form (Нижньому Новгороді) is spelled as its case wants
        if match.entry.name.is_disfavoured(match.form, lang):
            continue
        written = document.text[match.start:match.end]
        if _hyphenation(written) == _hyphenation(match.form):
            continue
        suggestion = match_case(match.form, written)
        yield Problem(match.start, match.end,
                      f'"{one_line(written)}" is hyphenated differently from "{match.form}"; '
                      f'use "{suggestion}"{cite(match.entry, lang)}',
                      suggestion, match.entry.id)


def _other_script(written: str, preferred: str) -> bool:
    """Tell whether one of ``written`` and ``preferred`` is in Latin letters and the other
    in another script (Cyrillic, Greek …)."""
    return bool(OTHER_SCRIPT_CHAR.search(written)) != bool(OTHER_SCRIPT_CHAR.search(preferred))


def _hyphenation(text: str) -> str:
    return re.sub(r"\s*[-\u2010\u2011]\s*", "-", re.sub(r"\s+", " ", text)).lower()


CHECK = Check(
    code="TL103",
    name="unknown-variant",
    summary="A name close to a glossary entry but written in none of its forms",
    severity=Severity.WARNING,
    run=unknown_variants,
    fixable=True,
    prepare=prepare_spellings,
    scans_every_form=True,
    docs=CheckDocs(
        what=(
            "A capitalised name that folds to a glossary entry's transliteration key but is none "
            "of its forms (*Podoljak*, *Zaporizhzhya*, *Kyïv*, *Mikhailo Podoljak*), that is "
            "one slipped letter from a form of 7 letters or more with the same first two and "
            "last two letters (*Podalyak*; *Wolodomyr* in German copy, before *Selenskyj*), or "
            "an allowed form hyphenated differently (*Novo Ogaryovo* for *Novo-Ogaryovo*). "
            "Suggests the preferred form."
        ),
        why=(
            "A new transliteration of a known name is the glossary's spelling gone astray: "
            "the reader and the archive see a name the desk never decided on."
        ),
        example="Shelling hit Zaporizzhia overnight.",
        instead="Shelling hit Zaporizhzhia overnight.",
    ),
)
