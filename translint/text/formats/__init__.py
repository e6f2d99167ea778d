"""The input formats, one module each, and how a file's format is chosen.

A format (``Format``) says which files it reads (by suffix) and what of them is prose.
A new format is one module and one line in ``FORMATS``; the default ``--include`` globs
are the suffixes of every format. A file whose suffix no format claims is read as plain
text (a file named on the command line is checked whatever its name).
"""

from __future__ import annotations

from translint.errors import ConfigError
from translint.text.formats import docx, html, markdown, plain, tmx, xliff
from translint.text.formats.base import Format

FORMATS: tuple[Format, ...] = (
    plain.FORMAT,
    markdown.FORMAT,
    html.FORMAT,
    docx.FORMAT,
    xliff.FORMAT,
    tmx.FORMAT,
)
FORMATS_BY_NAME: dict[str, Format] = {format.name: format for format in FORMATS}
PLAIN = plain.FORMAT
DEFAULT_INCLUDE: tuple[str, ...] = tuple(glob for format in FORMATS for glob in format.globs)


def format_for(path: str, name: str | None = None) -> Format:
    """The format named ``name``, else the one whose suffix ``path`` has, else plain text."""
    if name is not None:
        try:
            return FORMATS_BY_NAME[name]
        except KeyError:
            known = ", ".join(FORMATS_BY_NAME)
            raise ConfigError(f'no input format "{name}"; the formats are {known}') from None
    for candidate in FORMATS:
        if candidate.matches(path):
            return candidate
    return PLAIN


__all__ = ["DEFAULT_INCLUDE", "FORMATS", "FORMATS_BY_NAME", "PLAIN", "Format", "format_for"]
