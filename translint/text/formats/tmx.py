"""TMX 1.4 (a translation memory, as CAT tools export it): the *target* language's text is
the copy.

A TMX file holds translation units (``<tu>``), each with one variant (``<tuv xml:lang=…>``)
per language and its text in ``<seg>``. The source language is the header's ``srclang``;
the copy is the text of the one other language the file holds, or, when it holds several,
the one ``--lang`` names (else an error naming the file and its languages). Only that
language's ``<seg>`` text is prose: the source, headers, ``<prop>``, ``<note>``, attributes
and markup are blanked, and so is the content of the inline codes ``<bpt>``, ``<ept>``,
``<ph>``, ``<it>``, ``<ut>`` (native markup); ``<hi>`` wraps prose and stays. Offsets are
the file's own, so line:column point into it and ``--fix`` changes only target text.

Each ``<tu>`` with a source variant is a segment (``Segment``: its ``tuid``, the source
text and language, the target text without inline codes, where the target lies) for the
bilingual checks. The XML is parsed with the safe expat setup of ``xml_text``; bad XML, a
missing ``srclang`` or ``srclang="*all*"`` raise an ``InputError`` the run reports for that
file.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from translint.errors import InputError
from translint.text.bilingual import Segment
from translint.text.formats.base import Format, Reading
from translint.text.formats.xml_text import (
    CharOffsets,
    local_name,
    new_parser,
    parse,
    prose_of_runs,
)
from translint.text.langcodes import language_of

# Inline elements whose content is native code, not text of the copy.
CODE_ELEMENTS = frozenset({"bpt", "ept", "ph", "it", "ut"})
_LANG_KEYS = ("http://www.w3.org/XML/1998/namespace lang", "lang")  # xml:lang; TMX 1.1 lang


def _code(tag: str) -> str:
    return tag.strip().replace("_", "-").lower()


@dataclass
class _Variant:
    """One ``<tuv>``: its language, its ``<seg>`` text and where the text lies (bytes)."""

    lang: str  # lower case, hyphens (``_code``)
    written: str = ""  # as the file writes it
    text: str = ""
    runs: list[tuple[int, int]] = field(default_factory=list)
    element: tuple[int, int] = (0, 0)  # the whole <seg>
    content: tuple[int, int] | None = None  # from its first text or tag to </seg>


@dataclass
class _Unit:
    id: str | None
    variants: list[_Variant] = field(default_factory=list)


class _Reader:
    """Walks the file once, collecting every unit's variants."""

    def __init__(self, text: str) -> None:
        self.data = text.encode("utf-8")
        self.srclang: str | None = None
        self.units: list[_Unit] = []
        self.root: str | None = None
        self._stack: list[str] = []
        self._variant: _Variant | None = None
        self._in_seg = False
        self._code = 0
        self._seg_start = 0
        self._parts: list[str] = []
        self._open_run: int | None = None
        self._parser = parser = new_parser()
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._characters

    def read(self) -> None:
        parse(self._parser, self.data)

    def _close_run(self) -> None:
        if self._open_run is not None and self._variant is not None:
            self._variant.runs.append((self._open_run, self._parser.CurrentByteIndex))
        self._open_run = None

    def _touch(self) -> None:
        """Mark where the seg's content starts (its first text or tag)."""
        if self._variant is not None and self._variant.content is None:
            self._variant.content = (self._parser.CurrentByteIndex, 0)

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        local = local_name(name)
        if self.root is None:
            self.root = local
        if self._in_seg:
            self._close_run()
            self._touch()
            if local in CODE_ELEMENTS:
                self._code += 1
        elif local == "header":
            self.srclang = attributes.get("srclang")
        elif local == "tu":
            self.units.append(_Unit(attributes.get("tuid")))
        elif local == "tuv" and self.units and self._stack[-1:] == ["tu"]:
            lang = next((attributes[key] for key in _LANG_KEYS if key in attributes), "")
            self._variant = _Variant(_code(lang), lang.strip())
        elif local == "seg" and self._variant is not None and self._stack[-1:] == ["tuv"]:
            self._in_seg, self._code, self._parts = True, 0, []
            self._seg_start = self._parser.CurrentByteIndex
        self._stack.append(local)

    def _end(self, name: str) -> None:
        local = local_name(name)
        self._stack.pop()
        if self._in_seg and local == "seg" and self._stack[-1:] == ["tuv"]:
            self._close_run()
            self._close_seg()
        elif self._in_seg:
            self._close_run()
            self._touch()
            if local in CODE_ELEMENTS:
                self._code -= 1
        elif local == "tuv" and self._variant is not None:
            if self._variant.lang and self.units:
                self.units[-1].variants.append(self._variant)
            self._variant = None

    def _close_seg(self) -> None:
        assert self._variant is not None
        end = self._parser.CurrentByteIndex
        start = self._seg_start
        start_tag_end = self.data.index(b">", start) + 1
        empty = self.data[start_tag_end - 2] == ord("/")  # <seg/>
        tag_end = start_tag_end if empty else self.data.index(b">", end) + 1
        variant = self._variant
        variant.text = "".join(self._parts)
        variant.element = (start, tag_end)
        if variant.content is not None:
            variant.content = (variant.content[0], end)
        self._in_seg = False

    def _characters(self, data: str) -> None:
        if not self._in_seg:
            return
        self._touch()
        if not self._code:
            self._parts.append(data)
            if self._open_run is None:
                self._open_run = self._parser.CurrentByteIndex


@functools.lru_cache(maxsize=256)
def _is_source(lang: str, source: str) -> bool:
    return lang == source or ("-" not in source and language_of(lang) == source)


@dataclass(frozen=True)
class _Memory:
    """A TMX file read: its source language and units, or why it cannot be read."""

    text: str
    srclang: str
    units: tuple[_Unit, ...]

    def is_source(self, lang: str) -> bool:
        """Tell whether a variant of ``lang`` is in the source language (``srclang="en"``
        covers ``en-GB`` too)."""
        return _is_source(lang, _code(self.srclang))

    def target_languages(self) -> list[str]:
        """The languages of the variants that are not the source, in order of appearance."""
        found: dict[str, None] = {}
        for unit in self.units:
            for variant in unit.variants:
                if not self.is_source(variant.lang):
                    found.setdefault(variant.lang)
        return list(found)

    def target(self, wanted: str | None) -> str | None:
        """The target language: the one there is, or the one ``wanted`` names."""
        targets = self.target_languages()
        listed = ", ".join(targets)
        if wanted is not None:
            wanted = _code(wanted)
            chosen = [lang for lang in targets if lang == wanted] or [
                lang for lang in targets if language_of(lang) == language_of(wanted)]
            if len(chosen) == 1:
                return chosen[0]
            if chosen:
                raise InputError(f"--lang {wanted} matches several languages of this TMX "
                                 f"file ({', '.join(chosen)}): give one of them")
            raise InputError(f"this TMX file holds no {wanted} translation (source "
                             f"{self.srclang}; translations: {listed or 'none'})")
        if len(targets) > 1:
            raise InputError(f"this TMX file holds translations into {listed} (source "
                             f"{self.srclang}): give --lang to choose the one to check")
        if not targets and self.units:
            raise InputError(f"this TMX file holds no translation: every <tuv> is in the "
                             f"source language {self.srclang}")
        return targets[0] if targets else None

    def reading(self, wanted: str | None) -> Reading:
        """The prose, language and segments of the target language chosen."""
        target = self.target(wanted)
        offsets = CharOffsets(self.text.encode("utf-8"))
        runs: list[tuple[int, int]] = []
        segments: list[Segment] = []
        for unit in self.units:
            translated = next((variant for variant in unit.variants
                               if variant.lang == target), None)
            if translated is not None:
                runs.extend(translated.runs)
            source = next((variant for variant in unit.variants
                           if self.is_source(variant.lang)), None)
            if source is None:
                continue
            start, end = self._span(source, translated, offsets)
            segments.append(Segment(id=unit.id, source=source.text, source_lang=source.written,
                                    target=None if translated is None else translated.text,
                                    start=start, end=end))
        return Reading(prose_of_runs(self.text, runs), target, tuple(segments))

    def _span(self, source: _Variant, target: _Variant | None,
              offsets: CharOffsets) -> tuple[int, int]:
        """Where a finding about the segment goes: the target's text trimmed, else its
        ``<seg>``, else (no target) the source's ``<seg>``."""
        if target is None:
            return offsets.of(source.element[0]), offsets.of(source.element[1])
        if target.content is not None:
            start, end = (offsets.of(byte) for byte in target.content)
            while start < end and self.text[start].isspace():
                start += 1
            while end > start and self.text[end - 1].isspace():
                end -= 1
            if start < end:
                return start, end
        return offsets.of(target.element[0]), offsets.of(target.element[1])


@functools.lru_cache(maxsize=1)
def _memory(text: str) -> _Memory | InputError:
    """The file parsed once (``make_document`` and ``prose`` may both ask)."""
    reader = _Reader(text)
    try:
        reader.read()
    except ValueError as error:
        return InputError(f"cannot read as TMX: {error}")
    if reader.root != "tmx":
        return InputError(f"not a TMX file: its root element is <{reader.root}>, not <tmx>")
    if not reader.srclang:
        return InputError('cannot read as TMX: the <header> has no srclang; add the source '
                          'language, as in <header srclang="es" …>')
    if reader.srclang.strip() == "*all*":
        return InputError('srclang="*all*" (any language may be the source): set the '
                          "<header>'s srclang to the language the copy was translated from")
    return _Memory(text, reader.srclang.strip(), tuple(reader.units))


def read_tmx(text: str, lang: str | None) -> Reading:
    """The prose, target language and segments of a TMX file, for ``lang`` (``--lang``) or
    the file's one target language."""
    memory = _memory(text)
    if isinstance(memory, InputError):
        raise InputError(memory.message)
    return memory.reading(lang)


def tmx_prose(text: str) -> str:
    """The target text of a TMX file with one target language, everything else blanked."""
    return read_tmx(text, None).prose


FORMAT = Format(name="tmx", suffixes=(".tmx",), prose=tmx_prose,
                description="TMX 1.4: the target language's segments are the copy.",
                read=read_tmx)
