"""TL110 source-name-mismatch: a glossary name of a segment's source missing from its target.

For each segment of a bilingual document with a target, the glossary entries named in the
source (any form of any language, found by the name index as in copy) must be named in the
target by some form of the entry: its preferred, accepted or variant forms in any language.
A target holding a disfavoured form is TL101's finding (with its fix), so it counts as
present here and is never reported twice. A form may also carry one of its language's
``name_endings``: in the target, the target language's (German *Kiewer*, *Putins*); in the
source, the source language's (Russian *Киеве*), added to what the index finds. A
person's given name alone does not name the person; a source naming someone only by the
given name is not matched by the index, so is not checked. The finding spans the target's
text and gives the entry's preferred form in the target language, without a fix: where it
goes in the sentence is for a person to decide.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from translint.checks.base import Check, CheckDocs, Context, Problem, Resources
from translint.checks.naming import cite, one_line, where
from translint.findings import Severity
from translint.glossary.model import Entry
from translint.languages import language
from translint.names.fold import APOSTROPHES, lower_text
from translint.names.index import SEPARATOR, FormMatch
from translint.text.bilingual import Segment
from translint.text.document import Document

_WORD_SPLIT = re.compile(r"[\s\u2010\u2011-]+")
_WORD = re.compile(r"[^\W\d_]+")


class _TargetForms:
    """Per target language: each entry's forms as one regex over lower-case text, a form
    possibly followed by one of the language's name endings (built per entry on use)."""

    def __init__(self, lang: str | None) -> None:
        ordered = _endings(lang)
        self._ending = f"(?:{'|'.join(map(re.escape, ordered))})?" if ordered else ""
        self._patterns: dict[str, re.Pattern[str]] = {}

    def pattern(self, entry: Entry) -> re.Pattern[str]:
        """The regex finding any form of ``entry``, on word boundaries."""
        found = self._patterns.get(entry.id)
        if found is None:
            forms = sorted({_form_pattern(form) for form in entry.name.known()},
                           key=lambda source: (-len(source), source))
            found = self._patterns[entry.id] = re.compile(
                rf"(?<![\w{APOSTROPHES}])(?:{'|'.join(forms)}){self._ending}(?!\w)")
        return found


def _form_pattern(form: str) -> str:
    """A lower-case form as a regex: any separators between its words, any apostrophe."""
    words = [word for word in _WORD_SPLIT.split(form.lower()) if word]
    return SEPARATOR.join(
        "".join(f"[{APOSTROPHES}]?" if char in APOSTROPHES else re.escape(char)
                for char in word)
        for word in words)


def _target_forms(resources: Resources, lang: str | None) -> _TargetForms:
    return _TargetForms(lang)


def _endings(lang: str | None) -> list[str]:
    """The name endings of ``lang``'s copy, longest first."""
    endings = language(lang.split("-", 1)[0].lower()).name_endings if lang else frozenset()
    return sorted(endings, key=lambda ending: (-len(ending), ending))


def _source_endings(resources: Resources, lang: str | None) -> tuple[str, ...]:
    """The name endings of a source language (built once per language)."""
    return tuple(_endings(lang))


def _source_names(segment: Segment, resources: Resources) -> list[FormMatch]:
    """The glossary names of a segment's source: the forms the name index finds, and, in
    a language with name endings, a word that is a one-word form followed by one of them
    (*Киеве*, *Putins*); a form of several words is found only as the index finds it."""
    lowered = lower_text(segment.source)
    named = resources.names.scan(segment.source, lowered)
    endings = resources.get(_source_endings, segment.source_lang)
    if not endings:
        return named
    identities = resources.names.identities
    for word in _WORD.finditer(lowered):
        text = word.group()
        for ending in endings:
            if len(text) > len(ending) and text.endswith(ending):
                entry = identities.get(text[:-len(ending)])
                if entry is not None:
                    named.append(FormMatch(word.start(), word.end(), entry, text))
                    break
    return sorted(named, key=lambda match: match.start)


def _entries_in(matches: list[FormMatch], starts: list[int], segment: Segment) -> set[str]:
    """The ids of the entries whose forms the name index found in the segment's target."""
    first = bisect.bisect_left(starts, segment.start)
    last = bisect.bisect_left(starts, segment.end)
    return {match.entry.id for match in matches[first:last] if match.end <= segment.end}


def _starts(context: Context) -> list[int]:
    return [match.start for match in context.form_matches]


def source_name_mismatches(document: Document, context: Context) -> Iterator[Problem]:
    """TL110: glossary names of a segment's source that its target does not name."""
    if not document.segments:
        return
    lang = document.names_lang
    index = context.resources.names
    for segment in document.segments:
        if segment.target_is_empty:
            continue  # TL112's case
        named = _source_names(segment, context.resources)
        if not named:
            continue
        present = _entries_in(context.form_matches, context.get(_starts), segment)
        reported: set[str] = set()
        for match in named:
            entry = match.entry
            if entry.id in present or entry.id in reported:
                continue
            pattern = context.resources.get(_target_forms, lang).pattern(entry)
            if pattern.search(context.lowered, segment.start, segment.end):
                present.add(entry.id)
                continue
            reported.add(entry.id)
            yield _problem(segment, match, lang, index.fallback[entry.id])


def _problem(segment: Segment, match: FormMatch, lang: str | None, fallback: str) -> Problem:
    entry = match.entry
    written = one_line(segment.source[match.start:match.end])
    resolved = entry.resolve_lang(lang, fallback)
    preferred = entry.preferred(lang, fallback) or match.form
    source_lang = f" ({segment.source_lang})" if segment.source_lang else ""
    return Problem(
        segment.start, segment.end,
        f'the source{source_lang} names "{written}" but the target has no form of it; '
        f'write "{preferred}"{where(entry, lang, resolved)}{cite(entry, resolved)}',
        None, entry.id,
    )


CHECK = Check(
    code="TL110",
    name="source-name-mismatch",
    summary="A glossary name of a segment's source that its target does not name",
    severity=Severity.ERROR,
    run=source_name_mismatches,
    docs=CheckDocs(
        what=(
            "In a bilingual file (XLIFF 1.2 or 2.x), a glossary name found in a segment's "
            "source (any form the glossary knows, in any language) whose target holds none "
            "of the entry's forms: the name was dropped or mistranslated. Any form counts "
            "as present, so a target giving another accepted form is clean, and a target "
            "with a disfavoured form is left to TL101, which reports it with its fix. A "
            "form may be in any case, across a line break, or carry an ending of its "
            "language, source or target (`name_endings` of the language's file: German "
            "*Kiewer*, *Putins*, Russian *Киеве*, *Путиным*). The finding spans the target's "
            "text and gives the entry's preferred form in the target language, without a "
            "fix. Segments with an empty or missing target are TL112's. Not found: a name "
            "whose stem changes when inflected (Ukrainian *Києва* for *Київ*, Russian "
            "*Зеленского*), a person named in the source by the given name alone."
        ),
        why=(
            "A translator who drops or garbles a name (*Kyiv* rendered as *the capital*, or "
            "left out of a long sentence) changes the facts of the story; a segment-by-"
            "segment comparison with the glossary finds it where reading the target alone "
            "cannot."
        ),
        example=(
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            '  <file source-language="de" target-language="en" datatype="plaintext" '
            'original="story.txt"><body>\n'
            '    <trans-unit id="1">\n'
            "      <source>Die Gespräche in Kyjiw dauern an.</source>\n"
            "      <target>The talks continue.</target>\n"
            "    </trans-unit>\n"
            "  </body></file>\n"
            "</xliff>"
        ),
        instead=(
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            '  <file source-language="de" target-language="en" datatype="plaintext" '
            'original="story.txt"><body>\n'
            '    <trans-unit id="1">\n'
            "      <source>Die Gespräche in Kyjiw dauern an.</source>\n"
            "      <target>The talks in Kyiv continue.</target>\n"
            "    </trans-unit>\n"
            "  </body></file>\n"
            "</xliff>"
        ),
        format="xliff",
    ),
)
