"""TL101 disfavoured-variant: a name written in a form the document's language does not use."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from translint.checks.base import (
    Check,
    CheckDocs,
    Context,
    Problem,
    Resources,
    variant_scanner,
)
from translint.checks.naming import cite, one_line, preferred_given, where
from translint.findings import Severity
from translint.languages import union
from translint.names.declension import decline_to
from translint.names.fold import keep_separators, match_case
from translint.names.index import FormMatch
from translint.names.variant_scan import GLOSS_REACH
from translint.text.document import Document


def _one_of(words: frozenset[str]) -> str:
    """A regex group matching one of ``words`` (one that never matches if there are none)."""
    ordered = sorted(words, key=lambda word: (-len(word), word))  # a fixed order
    return f"(?:{'|'.join(map(re.escape, ordered))})" if ordered else "(?!)"


@functools.cache
def _gloss_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What may stand between an allowed form and a disfavoured one glossing it, from
    every language file's [gloss] words: before an older form ("Kyiv (Kiev)", "Kyiv
    (formerly Kiev)", "Kyiv, formerly known as Kiev", "Kiew (früher Kiev)"), and after one
    ("Kiev (now Kyiv)", "Kiev, now Kyiv")."""
    former = _one_of(union(lambda each: each.gloss_former))
    called = _one_of(union(lambda each: each.gloss_called))
    as_ = _one_of(union(lambda each: each.gloss_as))
    or_ = _one_of(union(lambda each: each.gloss_or))
    now = _one_of(union(lambda each: each.gloss_now))
    older = re.compile(
        rf"\s*(?:\(|,|–|—)\s*(?:{former}\s+)?(?:{called}\s+)?(?:{as_}\s+)?(?:{or_}\s+)?"
        rf"[\"“‘'«„]?\s*", re.IGNORECASE)
    newer = re.compile(
        rf"\s*(?:\(|,|–|—)\s*{now}\s+(?:{called}\s+(?:{as_}\s+)?)?[\"“‘'«„]?",
        re.IGNORECASE)
    return older, newer


def _is_gloss(match: FormMatch, matches: list[FormMatch], position: int, document: Document,
              lang: str | None) -> bool:
    """Tell whether a disfavoured form only glosses an allowed form next to it."""
    prose = document.prose
    gloss_before, gloss_after = _gloss_patterns()
    for neighbour_position in (position - 1, position + 1):
        if not 0 <= neighbour_position < len(matches):
            continue
        neighbour = matches[neighbour_position]
        if neighbour.entry is not match.entry or match.entry.name.is_disfavoured(neighbour.form,
                                                                                   lang):
            continue
        if neighbour.end <= match.start:
            gap = prose[neighbour.end:match.start]
            if len(gap) <= GLOSS_REACH and gloss_before.fullmatch(gap):
                return True
        elif match.end <= neighbour.start:
            gap = prose[match.end:neighbour.start]
            if len(gap) <= GLOSS_REACH and gloss_after.fullmatch(gap):
                return True
    return False


def disfavoured_variants(document: Document, context: Context) -> Iterator[Problem]:
    """TL101: a form the document's language does not allow."""
    lang = document.names_lang
    index = context.resources.names
    matches = context.variant_matches
    # The others are forms the language allows, with a given name it allows.
    for position in context.resources.get(variant_scanner, lang).reportable(matches):
        match = matches[position]
        entry = match.entry
        fallback = index.fallback[entry.id]
        family_bad = entry.name.is_disfavoured(match.form, lang)
        given_bad = (match.given is not None and entry.given is not None
                     and entry.given.is_disfavoured(match.given, lang))
        if not (family_bad or given_bad) or _is_gloss(match, matches, position, document, lang):
            continue
        written = document.text[match.start:match.end]
        preferred = entry.preferred(lang, fallback) or match.form
        if match.cases is not None:
            yield _inflected(match, written, preferred, lang, fallback, given_bad)
            continue
        if match.given_end is not None and match.split is not None:
            given_written = document.text[match.start:match.given_end]
            given_preferred = preferred_given(entry, lang, fallback)
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
            f'"{one_line(wrong)}" is a disfavoured {what}{where(entry, lang, resolved)}; '
            f'use "{one_line(suggestion)}"{cite(entry, resolved)}',
            suggestion, entry.id,
        )


def _inflected(match: FormMatch, written: str, preferred: str, lang: str | None,
               fallback: str, given_bad: bool) -> Problem:
    """TL101 on an inflected form (*до Киева*, *Владимира Зеленского*): the preferred form
    in the same case, or, when the case is ambiguous or the preferred form does not
    decline, no fix. Of a full name, each part is declined (and replaced only if wrong)."""
    entry = match.entry
    resolved = entry.resolve_lang(lang, fallback)
    kind = "person" if entry.kind == "person" else "place"
    cases = match.cases or ()
    nominative, preferred_whole = match.form, preferred
    declined: str | None
    if match.given is not None and match.given_end is not None and match.split is not None:
        given_preferred = preferred_given(entry, lang, fallback) or match.given
        nominative = f"{match.given} {match.form}"
        preferred_whole = f"{given_preferred} {preferred}"
        given_at, split_at = match.given_end - match.start, match.split - match.start
        given_written, family_written = written[:given_at], written[split_at:]
        new_given = (decline_to(given_preferred, "given", resolved, cases, given_written)
                     if given_bad else given_written)
        new_family = (decline_to(preferred, kind, resolved, cases, family_written)
                      if entry.name.is_disfavoured(match.form, lang) else family_written)
        declined = (None if new_given is None or new_family is None else
                    match_case(new_given, given_written) + written[given_at:split_at]
                    + match_case(new_family, family_written))
    else:
        declined = decline_to(preferred, kind, resolved, cases, written)
    if declined is not None:
        suggestion = match_case(declined, written) if match.given is None else declined
        return Problem(match.start, match.end,
                       f'"{one_line(written)}" ({nominative}) is a disfavoured spelling'
                       f'{where(entry, lang, resolved)}; use "{one_line(suggestion)}" '
                       f'({preferred_whole}){cite(entry, resolved)}', suggestion, entry.id)
    why_not = "a name of several words" if " " in match.form else "the case is ambiguous"
    return Problem(match.start, match.end,
                   f'"{one_line(written)}" is a form of "{nominative}", a disfavoured spelling'
                   f'{where(entry, lang, resolved)}; use "{preferred_whole}" in the same case '
                   f"({why_not}: no automatic fix){cite(entry, resolved)}",
                   None, entry.id)


def _prepare(resources: Resources, lang: str | None) -> None:
    """Build the forms TL101 looks for in ``lang`` copy before worker processes fork."""
    resources.get(variant_scanner, lang)


CHECK = Check(
    code="TL101",
    name="disfavoured-variant",
    summary="A name written in a form the document's language does not use",
    severity=Severity.ERROR,
    run=disfavoured_variants,
    prepare=_prepare,
    fixable=True,
    docs=CheckDocs(
        what=(
            "A glossary variant, or another language's form, where the document's language "
            "prefers another form: *Kiev*, *Kiev's*, *pro-Kiev*, *Kiev-based* → *Kyiv* in "
            "English; *Kyiv* → *Kiew* in German. In Ukrainian and Russian copy inflected forms "
            "count, and the fix keeps the case: *до Киева* → *до Києва*, *в Киеве* → *в Києві*; "
            "where the case is ambiguous there is no fix."
        ),
        why=(
            "A desk's style decides one spelling per name and language; the other spellings "
            "read as dated, as another language's, or as a different place or person."
        ),
        example="Talks between Moscow and Kiev resumed.",
        instead="Talks between Moscow and Kyiv resumed.",
    ),
)
