"""XLIFF 1.2 and 2.x, a translator's bilingual file: the *target* text is the copy.

Only the character data of ``<target>`` elements is prose; the source segments, notes,
attributes and markup are blanked, and so are the targets of ``<alt-trans>`` (1.2: an
earlier or machine suggestion, not the translation). Inline codes are not prose either:
the content of ``ph``, ``bpt``, ``ept``, ``it`` and ``sub``-free placeholders (1.2) and
the empty ``x``, ``bx``, ``ex`` (1.2), ``ph``, ``sc``, ``ec`` (2.x) hold no text of the copy; ``g``,
``mrk`` and ``pc`` wrap prose and stay. Offsets are the file's own (the XML is parsed with
expat, which reports where each piece of text starts), so line:column point into the file
and ``--fix`` changes only target text; an entity such as ``&amp;`` stays as written.

The copy's language is the file's: ``target-language`` of the first ``<file>`` (1.2) or
``trgLang`` of ``<xliff>`` (2.x) (``declared_language``), unless ``--lang`` says otherwise.

The file's segments (``segments``: each unit's source text and language and where its
target lies) feed the bilingual checks (TL110, TL112); see ``xliff_segments``.

The XML is parsed with expat, entity declarations refused (as defusedxml does: no entity
expansion, no external entities). A file that is not well-formed XML raises a ``ValueError``
naming the line; ``prose`` turns it into an ``InputError`` the run reports for that file.
"""

from __future__ import annotations

import functools

from translint.errors import InputError
from translint.text.formats.base import Format
from translint.text.formats.xliff_segments import segments
from translint.text.formats.xliff_xml import CODE_ELEMENTS, local_name, new_parser, parse
from translint.text.formats.xml_text import prose_of_runs


class _Targets:
    """Where the target text of an XLIFF file lies: character offsets of its runs."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = text.encode("utf-8")
        self.runs: list[tuple[int, int]] = []  # byte offsets
        self.language: str | None = None
        self._depth_in_target = 0
        self._depth_in_alternative = 0  # <alt-trans>: suggestions, not the translation
        self._code = 0
        self._open_run: int | None = None
        self._parser = parser = new_parser()
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._characters

    def parse(self) -> None:
        parse(self._parser, self.data)

    def _close_run(self) -> None:
        if self._open_run is not None:
            self.runs.append((self._open_run, self._parser.CurrentByteIndex))
            self._open_run = None

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        self._close_run()
        local = local_name(name)
        if self.language is None:
            for key, value in attributes.items():
                if local_name(key) in ("target-language", "trgLang"):
                    self.language = value
        if local == "alt-trans":
            self._depth_in_alternative += 1
        elif local == "target":
            self._depth_in_target += 1
        elif self._depth_in_target and local in CODE_ELEMENTS:
            self._code += 1

    def _end(self, name: str) -> None:
        self._close_run()
        local = local_name(name)
        if local == "alt-trans":
            self._depth_in_alternative -= 1
        elif local == "target":
            self._depth_in_target -= 1
        elif self._depth_in_target and local in CODE_ELEMENTS:
            self._code -= 1

    def _characters(self, _data: str) -> None:
        if self._depth_in_target and not self._depth_in_alternative and not self._code \
                and self._open_run is None:
            self._open_run = self._parser.CurrentByteIndex

    def prose(self) -> str:
        """The file with everything but target text blanked (same length, line breaks kept)."""
        return prose_of_runs(self.text, self.runs)


@functools.lru_cache(maxsize=1)
def _parsed(text: str) -> _Targets | ValueError:
    """The file parsed once: ``make_document`` asks for its prose and its language."""
    targets = _Targets(text)
    try:
        targets.parse()
    except ValueError as error:
        return error
    return targets


def xliff_prose(text: str) -> str:
    """The target text of an XLIFF file, everything else blanked."""
    targets = _parsed(text)
    if isinstance(targets, ValueError):
        raise InputError(f"cannot read as XLIFF: {targets}")
    return targets.prose()


def declared_language(text: str) -> str | None:
    """The target language the file declares, or ``None``."""
    targets = _parsed(text)
    return None if isinstance(targets, ValueError) else targets.language


FORMAT = Format(name="xliff", suffixes=(".xlf", ".xliff"), prose=xliff_prose,
                description="XLIFF 1.2 and 2.x: the target text is the copy, in the file's "
                            "target language.", declared_language=declared_language,
                segments=segments)
