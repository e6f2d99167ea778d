"""What is not prose in any text — URLs, e-mail addresses, handles, bare domains — and
blanking spans out, keeping every other character (and every line break) in place.

What a format adds (Markdown code and markup, front matter) lives with the format in
``translint.text.formats``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_TLDS = ("com|org|net|gov|edu|int|info|io|eu|ua|ru|uk|de|fr|es|it|pl|by|kz|ch|at|be|nl|news"
         "|рф|укр|бел|срб|мкд|қаз|рус|москва")
# What is not prose, wherever it stands (``non_prose_spans`` looks for it only in the
# tokens that hold a hint of it, and finds the same).
NOT_PROSE = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"]+"          # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"                        # e-mail addresses
    r"|(?<![\w@])@\w+"                                       # social-media handles
    rf"|\b[\w-]+(?:\.[\w-]+)*\.(?:{_TLDS})\b(?:/[^\s<>\"]*)?"  # bare domain names
)
_DOMAIN_HINT = re.compile(rf"\.(?:{_TLDS})\b")  # starts with a literal: a fast scan
_HINTS = ("://", "www.", "@")
_NOT_NEWLINE = re.compile(r"[^\r\n]")


def non_prose_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of every URL, address, handle or domain in ``text``."""
    for start, end in sorted(_hinted_tokens(text)):
        for match in NOT_PROSE.finditer(text, start, end):
            yield match.span()


def _hinted_tokens(text: str) -> set[tuple[int, int]]:
    """The (start, end) of every space-delimited token holding "://", "www.", "@" or a
    domain ending: URLs, addresses, handles and domains never hold a space, so looking for
    them only there finds what a scan of the whole text finds, much faster."""
    tokens = set()
    for hint in _HINTS:
        position = text.find(hint)
        while position != -1:
            token = token_at(text, position)
            tokens.add(token)
            position = text.find(hint, token[1])  # the next hint in another token
    match = _DOMAIN_HINT.search(text)
    while match is not None:
        token = token_at(text, match.start())
        tokens.add(token)
        match = _DOMAIN_HINT.search(text, token[1])
    return tokens


def token_at(text: str, position: int) -> tuple[int, int]:
    """The span of the token around ``position``, between spaces or line breaks (looked
    for only as far as the nearest space, so that a line of megabytes is not read again
    for every token in it)."""
    space = text.rfind(" ", 0, position)
    start = max(space, text.rfind("\n", space + 1, position)) + 1
    space = text.find(" ", position)
    limit = space if space != -1 else len(text)
    newline = text.find("\n", position, limit)
    return start, newline if newline != -1 else limit


def mask_non_prose(text: str) -> str:
    """Return ``text`` with every URL, address, handle and domain replaced by spaces."""
    return blank(text, non_prose_spans(text))


def blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Return ``text`` with the characters of ``spans`` (which may overlap) replaced by
    spaces, line breaks kept."""
    ordered = sorted(spans)
    if not ordered:
        return text
    parts: list[str] = []
    position = 0
    for start, end in ordered:
        if end <= position:
            continue
        start = max(start, position)
        parts.append(text[position:start])
        parts.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        position = end
    parts.append(text[position:])
    return "".join(parts)
