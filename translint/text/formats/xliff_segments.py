"""The segments of an XLIFF 1.2 or 2.x file, for the bilingual checks (TL110, TL112).

A segment is a 1.2 ``<trans-unit>`` or a 2.x ``<segment>``: its ``<source>`` and
``<target>`` as plain text (entities decoded, inline codes removed: see ``xliff_xml``),
the source language (``source-language`` of its ``<file>``, 1.2; ``srcLang`` of
``<xliff>``, 2.x) and where the target lies in the file (``Segment``). Only the source and
target that are children of the unit count: those of ``<alt-trans>`` (earlier or machine
suggestions, 1.2) are not the file's translation. A unit without a ``<source>`` is left out.
"""

from __future__ import annotations

from translint.text.bilingual import Segment
from translint.text.formats.xliff_xml import CODE_ELEMENTS, local_name, new_parser, parse
from translint.text.formats.xml_text import CharOffsets

UNITS = frozenset({"trans-unit", "segment"})


class _Reader:
    """Walks the file once, collecting each unit's source and target."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = text.encode("utf-8")
        self.chars = CharOffsets(self.data)
        self.segments: list[Segment] = []
        self.stack: list[str] = []
        self.file_lang: str | None = None
        self.document_lang: str | None = None
        self.unit_id: str | None = None
        self.segment_id: str | None = None
        self._reset_unit()
        self._collecting: str | None = None  # "source" or "target"
        self._parts: list[str] = []
        self._code = 0
        self._element_start = 0
        self._first_event: int | None = None
        self._parser = parser = new_parser()
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._characters

    def _reset_unit(self) -> None:
        self.source: str | None = None
        self.source_span = (0, 0)
        self.target: str | None = None
        self.target_span = (0, 0)
        self.content_span: tuple[int, int] | None = None

    def read(self) -> tuple[Segment, ...]:
        parse(self._parser, self.data)
        return tuple(self.segments)

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        local = local_name(name)
        index = self._parser.CurrentByteIndex
        values = {local_name(key): value for key, value in attributes.items()}
        if self._collecting is not None:
            if self._first_event is None:
                self._first_event = index
            if local in CODE_ELEMENTS:
                self._code += 1
        elif local in ("source", "target") and self.stack and self.stack[-1] in UNITS:
            self._collecting, self._parts, self._code = local, [], 0
            self._element_start, self._first_event = index, None
        elif local == "xliff":
            self.document_lang = values.get("srcLang")
        elif local == "file":
            self.file_lang = values.get("source-language")
        elif local == "trans-unit" or local == "unit":
            self.unit_id = values.get("id")
            self._reset_unit()
        elif local == "segment":
            self.segment_id = values.get("id")
            self._reset_unit()
        self.stack.append(local)

    def _end(self, name: str) -> None:
        local = local_name(name)
        index = self._parser.CurrentByteIndex
        self.stack.pop()
        if self._collecting is not None and local == self._collecting and \
                (not self.stack or self.stack[-1] in UNITS):
            self._close(local, index)
        elif self._collecting is not None and local in CODE_ELEMENTS:
            self._code -= 1
        elif local in UNITS and self.source is not None:
            self._emit(local)

    def _close(self, local: str, end: int) -> None:
        """Keep the source or target just read: its text, element and content spans."""
        start = self._element_start
        start_tag_end = self.data.index(b">", start) + 1
        tag_end = (start_tag_end if self.data[start_tag_end - 2] == ord("/")  # <target/>
                   else self.data.index(b">", end) + 1)
        text = "".join(self._parts)
        if local == "source":
            self.source, self.source_span = text, (start, tag_end)
        else:
            self.target, self.target_span = text, (start, tag_end)
            self.content_span = (None if self._first_event is None
                                 else (self._first_event, end))
        self._collecting = None

    def _characters(self, data: str) -> None:
        if self._collecting is not None and not self._code:
            if self._first_event is None:
                self._first_event = self._parser.CurrentByteIndex
            self._parts.append(data)
        elif self._collecting is not None and self._first_event is None:
            self._first_event = self._parser.CurrentByteIndex

    def _emit(self, local: str) -> None:
        assert self.source is not None
        start, end = self._span()
        unit = self.unit_id
        ident = f"{unit}/{self.segment_id}" if local == "segment" and self.segment_id else unit
        self.segments.append(Segment(id=ident, source=self.source,
                                     source_lang=self.file_lang or self.document_lang,
                                     target=self.target, start=start, end=end))
        self._reset_unit()

    def _span(self) -> tuple[int, int]:
        """Where the finding about this segment goes, in characters (see ``Segment``)."""
        if self.target is None:
            byte_start, byte_end = self.source_span
        elif self.content_span is not None:
            start, end = (self.chars.of(byte) for byte in self.content_span)
            while start < end and self.text[start].isspace():
                start += 1
            while end > start and self.text[end - 1].isspace():
                end -= 1
            if start < end:
                return start, end
            byte_start, byte_end = self.target_span
        else:
            byte_start, byte_end = self.target_span
        return self.chars.of(byte_start), self.chars.of(byte_end)


def segments(text: str) -> tuple[Segment, ...]:
    """The segments of an XLIFF file (a file that cannot be read has none: ``prose``
    reports it)."""
    try:
        return _Reader(text).read()
    except ValueError:
        return ()

