"""A document: its text, the prose the checks read, its language, and positions.

``text`` is what the checks read: the text as written (``source``), normalised to NFC
and without invisible characters (see ``translint.text.normalise``). ``prose`` has the
length of ``text``; parts that are not prose (URLs, e-mail addresses, Markdown code and
markup) are replaced by spaces, so an offset means the same character in both.
``offsets`` takes an offset in ``text`` back to ``source`` when the two differ;
line:column positions and source lines are those of ``source``.

Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``, as editors count them.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

from translint.text.aligned import aligned_segments
from translint.text.bilingual import Segment
from translint.text.directives import Suppressions, parse_suppressions
from translint.text.formats import PLAIN, format_for
from translint.text.langcodes import language_of
from translint.text.langid import detect_language
from translint.text.lines import line_starts
from translint.text.normalise import OffsetMap, normalise


@dataclass
class Document:
    """One text to check."""

    path: str
    text: str
    prose: str
    lang: str | None
    format: str = "text"
    suppressions: Suppressions = field(default_factory=Suppressions)
    source: str = ""
    offsets: OffsetMap | None = None
    # The locale the copy was declared in (``--lang de-CH``: ``de-ch``), when more than its
    # language: glossary forms given for it win over the language's (``names_lang``).
    locale: str | None = None
    # Of a bilingual file (XLIFF): its segments, source and target (``Segment``), which
    # the bilingual checks compare; other formats have none.
    segments: tuple[Segment, ...] = ()
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self.source:
            self.source = self.text
        if not self._line_starts:
            self._line_starts = line_starts(self.source)

    @property
    def names_lang(self) -> str | None:
        """The code glossary forms are looked up by: the locale if one was given, else the
        language (a locale without forms of its own falls back to its language's)."""
        return self.locale or self.lang

    @cached_property
    def declared_source_lang(self) -> str | None:
        """The language a bilingual file says its copy was translated from (its segments'
        source language, as a language code, when they all agree), else ``None``; read
        once, though TL201 and TL210 both ask."""
        tags = {segment.source_lang for segment in self.segments}
        if len(tags) != 1:
            return None
        tag = tags.pop()
        return language_of(tag) if tag else None

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``source`` that ``text[start:end]`` stands for."""
        if self.offsets is None:
            return start, end
        source_start = self.offsets.start(start)
        return source_start, max(source_start, self.offsets.end(end))

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of a character offset in ``source``."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def line_bounds(self, line: int) -> tuple[int, int]:
        """The offsets in ``source`` where 1-based ``line`` starts and where its text ends
        (before its line break)."""
        start = self._line_starts[line - 1]
        end = (self._line_starts[line] if line < len(self._line_starts)
               else len(self.source))
        if end > start and self.source[end - 1] == "\n":
            end -= 1
        if end > start and self.source[end - 1] == "\r":
            end -= 1
        return start, end

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` of ``source`` without its line ending."""
        start, end = self.line_bounds(line)
        return self.source[start:end]


def make_document(text: str, path: str = "<text>", *, lang: str | None = None,
                  format: str | None = None, locale: str | None = None,
                  source_text: str | None = None, source_lang: str | None = None,
                  source_path: str = "<source>") -> Document:
    """Build a document: choose the format (by name, else by the path's suffix),
    normalise, mask what is not prose, detect the language (``locale``: the copy's locale
    when given with its language, ``de-ch``).

    ``source_text``: the text the document translates, aligned with it line for line
    (``translint.text.aligned``): the document is read as plain text and each line is a
    segment, its source language ``source_lang`` or detected from the source.
    """
    chosen = PLAIN if source_text is not None else format_for(path, format)
    normal, offsets = normalise(text)
    segments: tuple[Segment, ...] = ()
    if chosen.read is not None:
        reading = chosen.read(normal, locale or lang)
        prose, declared, segments = reading.prose, reading.language, reading.segments
    else:
        prose = chosen.prose(normal)
        declared = (chosen.declared_language(normal) if lang is None and
                    chosen.declared_language is not None else None)
        if chosen.segments is not None:
            segments = chosen.segments(normal)
    if lang is None:
        lang = language_of(declared) if declared else None
    if lang is None:
        lang = detect_language(prose)
    if source_text is not None:
        source = normalise(source_text)[0]
        if source_lang is None:
            source_lang = detect_language(PLAIN.prose(source))
        segments = aligned_segments(source, normal, source_lang, source_path=source_path,
                                    target_path=path)
    return Document(path=path, text=normal, prose=prose, lang=lang, format=chosen.name,
                    suppressions=parse_suppressions(normal), source=text, offsets=offsets,
                    locale=locale, segments=segments)
