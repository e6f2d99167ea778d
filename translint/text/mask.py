"""Find what is not prose — URLs, e-mail addresses, handles, Markdown code and markup —
and blank it out, keeping every other character (and every line break) in place.

A Markdown file's front matter (YAML between ``---`` lines, or TOML between ``+++``
lines, at the very start) is data — slugs, dates, URLs, tags — except the values of
the keys in ``PROSE_KEYS`` (title, description …), which are checked as prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_TLDS = ("com|org|net|gov|edu|int|info|io|eu|ua|ru|uk|de|fr|es|it|pl|by|kz|ch|at|be|nl|news"
         "|рф|укр|бел|срб|мкд|қаз|рус|москва")
_NOT_PROSE = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"]+"          # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"                        # e-mail addresses
    r"|(?<![\w@])@\w+"                                       # social-media handles
    rf"|\b[\w-]+(?:\.[\w-]+)*\.(?:{_TLDS})\b(?:/[^\s<>\"]*)?"  # bare domain names
)
_DOMAIN_HINT = re.compile(rf"\.(?:{_TLDS})\b")  # starts with a literal: a fast scan
_HINTS = ("://", "www.", "@")
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
_NOT_NEWLINE = re.compile(r"[^\r\n]")


def non_prose_spans(text: str, markdown: bool) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of every part of ``text`` that is not prose."""
    for start, end in sorted(_hinted_tokens(text)):
        for match in _NOT_PROSE.finditer(text, start, end):
            yield match.span()
    if markdown:
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


def _hinted_tokens(text: str) -> set[tuple[int, int]]:
    """The (start, end) of every space-delimited token holding "://", "www.", "@" or a
    domain ending: URLs, addresses, handles and domains never hold a space, so looking for
    them only there finds what a scan of the whole text finds, much faster."""
    tokens = set()
    for hint in _HINTS:
        position = text.find(hint)
        while position != -1:
            token = _token_at(text, position)
            tokens.add(token)
            position = text.find(hint, token[1])  # the next hint in another token
    match = _DOMAIN_HINT.search(text)
    while match is not None:
        token = _token_at(text, match.start())
        tokens.add(token)
        match = _DOMAIN_HINT.search(text, token[1])
    return tokens


def _token_at(text: str, position: int) -> tuple[int, int]:
    """The span of the token around ``position``, between spaces or line breaks."""
    start = max(text.rfind(" ", 0, position), text.rfind("\n", 0, position)) + 1
    ends = [end for end in (text.find(" ", position), text.find("\n", position)) if end != -1]
    return start, min(ends, default=len(text))


def mask_non_prose(text: str, markdown: bool = False) -> str:
    """Return ``text`` with every non-prose span replaced by spaces."""
    spans = sorted(non_prose_spans(text, markdown))
    if not spans:
        return text
    parts: list[str] = []
    position = 0
    for start, end in spans:
        if end <= position:
            continue
        start = max(start, position)
        parts.append(text[position:start])
        parts.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        position = end
    parts.append(text[position:])
    return "".join(parts)


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
