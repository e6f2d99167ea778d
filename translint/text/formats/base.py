"""What an input format is: how to recognise its files and what of them is prose."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from translint.text.bilingual import Segment


@dataclass(frozen=True)
class Reading:
    """What a format that chooses its copy by language (TMX) read of a file: the prose,
    the copy's language, the segments."""

    prose: str
    language: str | None
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Format:
    """An input format.

    ``prose`` returns the text with everything that is not prose blanked out by spaces
    (same length, line breaks kept), so that an offset means the same character in both
    and findings and fixes point into the file as written. Where markup ends a block
    (an HTML ``<p>``), the blanked part may begin with line breaks of its own, so that
    words of two blocks never read as one name or sentence.
    """

    name: str
    suffixes: tuple[str, ...]
    prose: Callable[[str], str]
    description: str = ""
    # A format whose files are not text (DOCX): the text checked, made from the file's
    # bytes (a ``ValueError`` says why it cannot be). Such files are read-only: ``--fix``
    # cannot write them back.
    extract: Callable[[bytes], str] | None = None
    # A format whose files say their language (XLIFF's target language): used unless the
    # language is given, before any detection.
    declared_language: Callable[[str], str | None] | None = None
    # A bilingual format (XLIFF): the file's segments, source and target, read from the
    # same text ``prose`` reads (``Document.segments``; the bilingual checks compare them).
    segments: Callable[[str], tuple[Segment, ...]] | None = None
    # A format whose copy is one language of several (TMX): everything read at once, for
    # the language asked for (``--lang``; ``None``: the file's own choice). When set,
    # ``make_document`` uses it instead of ``prose``, ``declared_language`` and ``segments``.
    read: Callable[[str, str | None], Reading] | None = None

    @property
    def writable(self) -> bool:
        """Tell whether fixes can be written back into files of this format."""
        return self.extract is None

    def matches(self, path: str) -> bool:
        """Tell whether ``path`` has one of this format's suffixes (in any case)."""
        return path.lower().endswith(self.suffixes)

    @property
    def globs(self) -> tuple[str, ...]:
        """The globs that find this format's files in a directory."""
        return tuple(f"*{suffix}" for suffix in self.suffixes)
