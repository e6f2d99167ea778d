"""TL112 untranslated-segment: a segment of a bilingual file (XLIFF, TMX, aligned plain
files) left untranslated.

A segment is untranslated when its target is empty or missing while its source has a
word, or when its target is its source (compared ignoring case, white space and inline
codes) and the source is worth translating: two words or more, or one of four letters or
more, not counting the words of glossary names (a name alone, *Kyiv*, is often the same
in both languages) or numbers. The finding spans the target's text; for an empty target,
the ``<target>`` element; without a target, the ``<source>`` element (see ``Segment``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from translint.checks.base import Check, CheckDocs, Context, Problem
from translint.findings import Severity
from translint.names.fold import lower_text
from translint.text.bilingual import Segment
from translint.text.document import Document

_WORD = re.compile(r"[^\W\d_]+")
_SPACE = re.compile(r"\s+")
_LONG_WORD = 4


def _compared(text: str) -> str:
    """Segment text as it is compared: case folded, without white space."""
    return _SPACE.sub("", text).casefold()


def _worth_translating(source: str, context: Context) -> bool:
    """Tell whether ``source`` has two words or one long one outside glossary names."""
    names = context.resources.names.scan(source, lower_text(source))
    words = [word.group() for word in _WORD.finditer(source)
             if not any(name.start <= word.start() and word.end() <= name.end
                        for name in names)]
    return len(words) >= 2 or any(len(word) >= _LONG_WORD for word in words)


def _label(segment: Segment) -> str:
    return f'segment "{segment.id}"' if segment.id else "a segment"


def untranslated_segments(document: Document, context: Context) -> Iterator[Problem]:
    """TL112: segments whose target is empty, missing, or the source itself."""
    for segment in document.segments:
        if not _WORD.search(segment.source):
            continue
        if segment.target is None:
            yield Problem(segment.start, segment.end,
                          f"{_label(segment)} has no target: its source is untranslated")
        elif not segment.target.strip():
            yield Problem(segment.start, segment.end,
                          f"{_label(segment)} has an empty target: its source is untranslated")
        elif _compared(segment.target) == _compared(segment.source) and \
                _worth_translating(segment.source, context):
            lang = f" ({segment.source_lang})" if segment.source_lang else ""
            yield Problem(segment.start, segment.end,
                          f"the target of {_label(segment)} is its source{lang}, "
                          "untranslated")


CHECK = Check(
    code="TL112",
    name="untranslated-segment",
    summary="A segment of a bilingual file whose target is empty, missing or its source",
    severity=Severity.WARNING,
    run=untranslated_segments,
    docs=CheckDocs(
        what=(
            "In a bilingual file (XLIFF 1.2 or 2.x, TMX, or a target checked against its "
            "source with `--source`, line for line), a segment whose target is empty or "
            "missing while its source has words, or whose target is the source itself "
            "(ignoring case, white space and inline codes) when the source has two words or "
            "more, or one of four letters or more, besides glossary names and numbers. The "
            "finding spans the target's text; for an empty target the `<target>` element, "
            "without a target the `<source>` element. Plain text, Markdown and HTML have no "
            "segments: the check finds nothing there."
        ),
        why=(
            "A segment copied across, or skipped, ships source-language copy in the middle "
            "of a translated story; a segment that is only a name or a number (*Kyiv*, "
            "*2024*) is often rightly the same and is left alone."
        ),
        example=(
            '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" '
            'srcLang="de" trgLang="en">\n'
            '  <file id="f1"><unit id="u1"><segment>\n'
            "    <source>Die Gespräche dauern an.</source>\n"
            "    <target>Die Gespräche dauern an.</target>\n"
            "  </segment></unit></file>\n"
            "</xliff>"
        ),
        instead=(
            '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" '
            'srcLang="de" trgLang="en">\n'
            '  <file id="f1"><unit id="u1"><segment>\n'
            "    <source>Die Gespräche dauern an.</source>\n"
            "    <target>The talks continue.</target>\n"
            "  </segment></unit></file>\n"
            "</xliff>"
        ),
        format="xliff",
    ),
)
