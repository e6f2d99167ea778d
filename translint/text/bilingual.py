"""A segment of a bilingual file (XLIFF): the source text, its language, and where the
target text lies in the document, which the bilingual checks (TL110, TL111, TL112) compare."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """One source segment and its translation.

    ``source`` and ``target`` are plain text: entities decoded, inline codes (placeholders,
    tags) removed, the text of wrapping elements (``g``, ``pc``, ``mrk``) kept; ``target``
    is ``None`` when the segment has no ``<target>``. ``start``/``end`` are offsets into the
    document's text: of the target's content, trimmed of surrounding white space; for an
    empty target, of the whole ``<target>`` element; without a target, of the whole
    ``<source>`` element. ``id`` is the unit's (and, in XLIFF 2, segment's) id.
    """

    id: str | None
    source: str
    source_lang: str | None
    target: str | None
    start: int
    end: int

    @property
    def target_is_empty(self) -> bool:
        """Tell whether the segment has no target, or one without any text."""
        return self.target is None or not self.target.strip()
