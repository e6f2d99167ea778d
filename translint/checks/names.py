"""Name checks (TL1xx): disfavoured, inconsistent and unknown spellings of names."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from translint.checks.base import Context, Problem
from translint.glossary.model import Entry
from translint.names.fold import form_identity, keep_separators, match_case
from translint.names.index import FormMatch
from translint.names.variants import find_spelling_clusters
from translint.text.document import Document

# What may stand between a form and a gloss of an older form right after it:
# "Kyiv (Kiev)", "Kyiv (formerly Kiev)", "Kyiv, formerly known as Kiev", "Kiew (früher Kiev)".
_GLOSS_BEFORE = re.compile(
    r"\s*(?:\(|,|–|—)\s*"
    r"(?:(?:formerly|previously|once|earlier|also|then|früher|ehemals|auch|anciennement|"
    r"autrefois|anteriormente|antes|antiguamente|già|prima|ex)\s+)?"
    r"(?:(?:known|spelled|spelt|written|called|transliterated|genannt|geschrieben|appelée?|"
    r"écrit|conocida|conocido|llamada|llamado|escrito|detta|chiamata|scritto)\s+)?"
    r"(?:(?:as|als|comme|como|come)\s+)?(?:or\s+)?[\"“‘'«„]?\s*",
    re.IGNORECASE,
)
# "Kiev (now Kyiv)", "Kiev, now Kyiv".
_GLOSS_AFTER = re.compile(
    r"\s*(?:\(|,|–|—)\s*(?:now|today|nowadays|heute|aujourd'hui|hoy|oggi|actualmente)\s+"
    r"(?:(?:known|spelled|spelt|written|called)\s+(?:as\s+)?)?[\"“‘'«„]?",
    re.IGNORECASE,
)
_GLOSS_REACH = 40
_NEWLINES = re.compile(r"\s*\n\s*")


def _where(entry: Entry, lang: str | None, resolved: str | None) -> str:
    """ " in en copy", or where the document's language has no forms, whose form is given."""
    if lang is not None and lang == resolved:
        return f" in {lang} copy"
    return f" (no {lang} form in the glossary; the {resolved} form is given)" if lang else (
        f" (language not detected; the {resolved} form is given)")


def _cite(entry: Entry, lang: str | None) -> str:
    source = entry.source_for(lang)
    return f" per {source}" if source else ""


def _preferred_given(entry: Entry, lang: str | None, fallback: str) -> str | None:
    if entry.given is None:
        return None
    for code in (lang, fallback):
        if code is not None and code in entry.given.forms:
            return entry.given.forms[code].preferred
    return None


def _is_gloss(match: FormMatch, matches: list[FormMatch], position: int, document: Document,
              lang: str | None) -> bool:
    """Tell whether a disfavoured form only glosses an allowed form next to it."""
    prose = document.prose
    for neighbour_position in (position - 1, position + 1):
        if not 0 <= neighbour_position < len(matches):
            continue
        neighbour = matches[neighbour_position]
        if neighbour.entry is not match.entry or match.entry.name.is_disfavoured(neighbour.form,
                                                                                   lang):
            continue
        if neighbour.end <= match.start:
            gap = prose[neighbour.end:match.start]
            if len(gap) <= _GLOSS_REACH and _GLOSS_BEFORE.fullmatch(gap):
                return True
        elif match.end <= neighbour.start:
            gap = prose[match.end:neighbour.start]
            if len(gap) <= _GLOSS_REACH and _GLOSS_AFTER.fullmatch(gap):
                return True
    return False


def disfavoured_variants(document: Document, context: Context) -> Iterator[Problem]:
    """TL101: a form the document's language does not allow."""
    lang = document.lang
    index = context.resources.names
    matches = context.form_matches
    for position, match in enumerate(matches):
        entry = match.entry
        fallback = index.fallback[entry.id]
        family_bad = entry.name.is_disfavoured(match.form, lang)
        given_bad = (match.given is not None and entry.given is not None
                     and entry.given.is_disfavoured(match.given, lang))
        if not (family_bad or given_bad) or _is_gloss(match, matches, position, document, lang):
            continue
        written = document.text[match.start:match.end]
        preferred = entry.preferred(lang, fallback) or match.form
        if match.given_end is not None and match.split is not None:
            given_written = document.text[match.start:match.given_end]
            given_preferred = _preferred_given(entry, lang, fallback)
            new_given = (match_case(given_preferred, given_written)
                         if given_bad and given_preferred else given_written)
            new_family = (match_case(preferred, document.text[match.split:match.end])
                          if family_bad else document.text[match.split:match.end])
            suggestion = new_given + document.text[match.given_end:match.split] + new_family
        else:
            suggestion = keep_separators(match_case(preferred, written), written)
        resolved = entry.resolve_lang(lang, fallback)
        what = "given name" if given_bad and not family_bad else "spelling"
        wrong = (document.text[match.start:match.given_end] if what == "given name"
                 and match.given_end is not None else written)
        yield Problem(
            match.start, match.end,
            f'"{_one_line(wrong)}" is a disfavoured {what}{_where(entry, lang, resolved)}; '
            f'use "{_one_line(suggestion)}"{_cite(entry, resolved)}',
            suggestion, entry.id,
        )


def _one_line(text: str) -> str:
    return _NEWLINES.sub(" ", text) if "\n" in text else text


def inconsistent_spellings(document: Document, context: Context) -> Iterator[Problem]:
    """TL102: one name written in two or more forms in the same document."""
    yield from _inconsistent_glossary_forms(document, context)
    tables = context.resources.spellings(document.lang)
    taken = context.taken + [(near.start, near.end) for near in context.near_variants]
    for cluster in find_spelling_clusters(document.prose, context.names, tables, taken):
        # Most written first; on a tie, the one written first.
        tally = ", ".join(f"{written} ×{count}" for written, count in sorted(
            cluster.counts.items(),
            key=lambda item: (-item[1], cluster.occurrences[item[0]][0][0])))
        for written, spans in cluster.occurrences.items():
            if written == cluster.chosen:
                continue
            for start, end in spans:
                actual = document.text[start:end]
                yield Problem(start, end,
                              f'"{actual}" and "{cluster.chosen}" look like one name spelled '
                              f"two ways ({tally}); spell it one way",
                              cluster.chosen)


def _inconsistent_glossary_forms(document: Document, context: Context) -> Iterator[Problem]:
    lang = document.lang
    by_entry: dict[str, list[FormMatch]] = {}
    for match in context.form_matches:
        if not match.entry.name.is_disfavoured(match.form, lang):
            by_entry.setdefault(match.entry.id, []).append(match)
    for matches in by_entry.values():
        if len({match.form for match in matches}) < 2:
            continue  # one form throughout: the usual case
        used = Counter(form_identity(match.form) for match in matches)
        if len(used) < 2:
            continue
        entry = matches[0].entry
        preferred = entry.preferred(lang, context.resources.names.fallback[entry.id])
        chosen_identity = (form_identity(preferred) if preferred and
                           form_identity(preferred) in used else used.most_common(1)[0][0])
        chosen = next(match.form for match in matches
                      if form_identity(match.form) == chosen_identity)
        tally = ", ".join(f"{next(m.form for m in matches if form_identity(m.form) == key)}"
                          f" ×{count}" for key, count in used.most_common())
        for match in matches:
            if form_identity(match.form) == chosen_identity:
                continue
            written = document.text[match.start:match.end]
            suggestion = match_case(chosen, written)
            yield Problem(match.start, match.end,
                          f'"{_one_line(written)}" and "{chosen}" are both used for one name '
                          f"in this text ({tally}); keep one form",
                          suggestion, entry.id)


def unknown_variants(document: Document, context: Context) -> Iterator[Problem]:
    """TL103: a name close to a glossary entry but written in none of its forms."""
    lang = document.lang
    index = context.resources.names
    for near in context.near_variants:
        entry = near.entry
        fallback = index.fallback[entry.id]
        preferred = entry.preferred(lang, fallback)
        if preferred is None:
            continue
        if near.full_name:
            given = _preferred_given(entry, lang, fallback)
            preferred = f"{given} {preferred}" if given else preferred
        suggestion = keep_separators(match_case(preferred, near.written), near.written)
        resolved = entry.resolve_lang(lang, fallback)
        yield Problem(near.start, near.end,
                      f'"{_one_line(near.written)}" looks like an unlisted spelling of '
                      f'"{preferred}"; use "{_one_line(suggestion)}"{_cite(entry, resolved)}',
                      suggestion, entry.id)
    yield from _separator_variants(document, context)


def _separator_variants(document: Document, context: Context) -> Iterator[Problem]:
    """Allowed forms written with a space where the glossary has a hyphen, or the reverse."""
    lang = document.lang
    for match in context.form_matches:
        if match.given is not None or (" " not in match.form and "-" not in match.form):
            continue
        if match.entry.name.is_disfavoured(match.form, lang):
            continue
        written = document.text[match.start:match.end]
        if _hyphenation(written) == _hyphenation(match.form):
            continue
        suggestion = match_case(match.form, written)
        yield Problem(match.start, match.end,
                      f'"{_one_line(written)}" is hyphenated differently from "{match.form}"; '
                      f'use "{suggestion}"{_cite(match.entry, lang)}',
                      suggestion, match.entry.id)


def _hyphenation(text: str) -> str:
    return re.sub(r"\s*[-\u2010\u2011]\s*", "-", re.sub(r"\s+", " ", text)).lower()
