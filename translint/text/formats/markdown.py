"""Markdown: code, comments, HTML tags, link targets and front matter are not prose.

A Markdown file's front matter (YAML between ``---`` lines, or TOML between ``+++``
lines, at the very start) is data — slugs, dates, URLs, tags — except the values of
the keys in ``PROSE_KEYS`` (title, description …), which are checked as prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from translint.text.formats.base import Format
from translint.text.mask import blank, non_prose_spans

_MARKDOWN_NOT_PROSE = re.compile(
    r"^[ ]{0,3}(?P<fence>`{3,}|~{3,})[^\n]*\n.*?(?:^[ ]{0,3}(?P=fence)[ \t]*$|\Z)"  # fenced code
    r"|<!--.*?-->"                                                               # comments
    r"|(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`)"             # inline code
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"                                 # HTML tags
    r"|(?<=\])\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)"                 # link targets
    r"|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S.*$",                                       # link definitions
    re.MULTILINE | re.DOTALL,
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
PROSE_KEYS = frozenset({"title", "subtitle", "headline", "description", "summary", "excerpt",
                        "caption", "dek", "standfirst", "lede", "abstract", "teaser"})
_FRONT_MATTER = re.compile(r"\A(?P<fence>---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)"
                           r"^(?P=fence)[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)
# key: value (YAML) or key = value (TOML), the value's quotes outside the group.
_FRONT_MATTER_ITEM = re.compile(
    r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*[:=][ \t]*"
    r"(?:(?P<quote>[\"'])(?P<quoted>.*?)(?P=quote)|(?P<block>[|>][-+]?)|(?P<plain>.*?))"
    r"[ \t]*(?:#.*)?$")


def prose(text: str) -> str:
    """``text`` with what is not prose in Markdown blanked out."""
    return blank(text, not_prose(text))


def not_prose(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of every part of a Markdown text that is not prose."""
    yield from non_prose_spans(text)
    front_end = 0
    if text.startswith(("---", "+++")):
        front_matter = list(_front_matter(text))
        if front_matter:
            front_end = front_matter[-1][1]
            yield from front_matter
    for match in _MARKDOWN_NOT_PROSE.finditer(text, front_end):
        yield match.span()
    yield from _indented_code(text)


def _front_matter(text: str) -> Iterator[tuple[int, int]]:
    """The parts of a front matter block that are not prose: all of it but the values of
    ``PROSE_KEYS`` (single-line values, and the indented lines of a YAML block scalar);
    the last span ends where the block ends."""
    block = _FRONT_MATTER.match(text)
    if block is None:
        return
    position = 0
    offset = block.start("body")
    prose_block = False
    for line in block.group("body").splitlines(keepends=True):
        content = line.rstrip("\r\n")
        if prose_block and content[:1] in (" ", "\t") and content.strip():
            start = offset + len(content) - len(content.lstrip())
            yield position, start
            position = offset + len(content)
        else:
            prose_block = False
            item = _FRONT_MATTER_ITEM.match(content)
            if item is not None and item.group("key").lower() in PROSE_KEYS:
                prose_block = item.group("block") is not None
                group = "quoted" if item.group("quote") else "plain"
                if item.group(group):
                    yield position, offset + item.start(group)
                    position = offset + item.end(group)
        offset += len(line)
    yield position, block.end()


def _indented_code(text: str) -> Iterator[tuple[int, int]]:
    """Indented code blocks: indented lines after a blank line that is not inside a list."""
    if "\n    " not in text and "\n\t" not in text:
        return
    offset = 0
    previous_blank = True
    in_code = False
    in_list = False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        indented = line.startswith(("    ", "\t")) and bool(stripped)
        if stripped and not indented:
            in_list = bool(_LIST_ITEM.match(line))
        if indented and (in_code or (previous_blank and not in_list)):
            in_code = True
            yield offset, offset + len(line)
        elif stripped:
            in_code = False
        previous_blank = not stripped
        offset += len(line)


FORMAT = Format(name="markdown", suffixes=(".md", ".markdown", ".mdown", ".mkd"), prose=prose,
                description="Markdown: code, comments, HTML tags, link targets and front "
                            "matter (but its titles and descriptions) are not prose.")
