"""TL203 foreign-number-format: thousands or decimal separators of another language's
convention.

It flags only what is unambiguous, because a number read the wrong way is worse than one
not flagged: a decimal point is right in English and wrong in German, so every finding
names the document's language and the convention it saw. Suggestions are our own (sacremoses
knows nothing of decimal commas).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from translint.checks.base import Check, CheckDocs, Context, Problem
from translint.findings import Severity
from translint.languages import NumberStyle, language, union
from translint.text.document import Document

# Unit symbols are the same in every language; a language file lists its unit words.
_UNIT_SYMBOLS = frozenset("km kg cm mm ha m² km² km/h mph kw mw gw kwh mwh gwh °c °f".split())
_CURRENCY_SIGNS = "$€£¥₴₽"
_DECIMAL_NAMES = {".": "decimal point", ",": "decimal comma"}
_GROUP_NAMES = {".": "dot", ",": "comma"}
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_ANY_SEPARATED_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)+")
# Literal first characters keep these scans fast: a candidate separator, then a lookbehind.
_CANDIDATES = {
    # A separator the language does not use as its decimal sign, before other than 3 digits.
    ".": re.compile(r"\.(?<=[0-9]\.)(?![0-9]{3}(?![0-9]))[0-9]"),
    ",": re.compile(r",(?<=[0-9],)(?![0-9]{3}(?![0-9]))[0-9]"),
}
_GROUP_CANDIDATES = {
    # The language's own decimal sign before exactly 3 digits: 12.000 in English.
    ".": re.compile(r"\.(?<=[0-9]\.)[0-9]{3}(?![0-9])"),
    ",": re.compile(r",(?<=[0-9],)[0-9]{3}(?![0-9])"),
}
_NOT_BEFORE_NUMBER = frozenset(".,:/+#@'’_")
_NOT_AFTER_NUMBER = frozenset(":/")
_FOLLOWING = re.compile(r"[ \u00a0\u202f]?(%|[^\W\d_]+\.?|°[CF])"
                        r"(?:[ \u00a0\u202f]([^\W\d_]+))?(?:[ \u00a0\u202f]([^\W\d_]+))?")


@functools.cache
def _range() -> re.Pattern[str]:
    """A range after a number, as in "1.000 to 2.000 people" (the first number counts what
    the second does); its words are every language file's ``range_words``."""
    words = union(lambda each: each.numbers.range_words if each.numbers else frozenset())
    joins = "|".join(map(re.escape, sorted(words, key=lambda word: (-len(word), word))))
    return re.compile(rf"[ \u00a0\u202f]?(?:[-–]|{joins})[ \u00a0\u202f]?[0-9]+(?:[.,][0-9]+)*")


@dataclass(frozen=True)
class _Shape:
    """What a number with separators can be read as."""

    kind: str  # decimal | ambiguous (one separator, 3 digits after) | grouped | mixed
    separator: str  # the decimal separator (decimal, mixed) or the group separator
    integer: str
    fraction: str


_GROUPED = {separator: re.compile(rf"[1-9][0-9]{{0,2}}(?:\{separator}[0-9]{{3}})+")
            for separator in ".,"}


def _shape(token: str) -> _Shape | None:
    """Read a number's separators; ``None`` for dates, versions, addresses and other codes."""
    separators = [char for char in token if char in ".,"]
    first, last = separators[0], separators[-1]
    if first == last and len(separators) == 1:
        integer, fraction = token.split(first)
        kind = "ambiguous" if len(fraction) == 3 else "decimal"
        return _Shape(kind, first, integer, fraction)
    if first == last:
        return _Shape("grouped", first, token, "") if _GROUPED[first].fullmatch(token) else None
    integer, fraction = token.rsplit(last, 1)
    if separators.count(last) == 1 and _GROUPED[first].fullmatch(integer):
        return _Shape("mixed", last, integer, fraction)
    return None


def foreign_number_formats(document: Document, context: Context) -> Iterator[Problem]:
    """TL203: thousands and decimal separators of another language's convention."""
    lang = document.lang
    style = language(lang).numbers if lang is not None else None
    if style is None or lang is None:
        return
    prose = document.prose
    candidates = sorted(
        [match.start() for match in _CANDIDATES[style.foreign_decimal].finditer(prose)]
        + [match.start() for match in _GROUP_CANDIDATES[style.decimal].finditer(prose)])
    if not candidates:
        return
    problems: list[Problem] = []
    done = -1
    for position in candidates:
        if position < done:
            continue
        start, end = _number_around(prose, position)
        done = end
        problem = _foreign_number(document, style, lang, start, end)
        if problem is not None:
            problems.append(problem)
    if problems and (style.always or _writes_natively(prose, style)):
        yield from problems


def _number_around(prose: str, position: int) -> tuple[int, int]:
    start = position
    while start > 0 and ("0" <= prose[start - 1] <= "9" or (
            prose[start - 1] in ".," and start > 1 and "0" <= prose[start - 2] <= "9")):
        start -= 1
    match = _NUMBER.match(prose, start)
    return start, match.end() if match else position + 1


def _foreign_number(document: Document, style: NumberStyle, lang: str, start: int,
                    end: int) -> Problem | None:
    """The finding for the number at ``start:end``, if it is in the other convention."""
    prose = document.prose
    token = prose[start:end]
    if document.text[start:end] != token:
        return None
    before = prose[start - 1] if start else " "
    after = prose[end] if end < len(prose) else " "
    if before.isalnum() or before in _NOT_BEFORE_NUMBER or after in _NOT_AFTER_NUMBER:
        return None  # v2.10, 1:53,42, 25.11.2026/…, +49 30 123.456
    if before == "-" and not prose[start - 2:start - 1].isdigit():
        return None  # a minus sign or a code (CVE-2024-…); after a digit, a range
    shape = _shape(token)
    if shape is None or (shape.kind == "decimal" and after == "-"
                         and prose[end + 1:end + 2].isdigit()):
        return None  # a tennis score: 6,4-6
    foreign = _is_foreign(prose, style, shape, start, end)
    if foreign is None:
        return None
    suggestion = _native(shape, style)
    return Problem(start, end, f'"{token}" {foreign}; {language(lang).name} copy writes '
                   f"{suggestion}", suggestion)


def _is_foreign(prose: str, style: NumberStyle, shape: _Shape, start: int,
                end: int) -> str | None:
    """Why the number is in the other convention (for the message), or ``None``."""
    foreign_style = "English style" if style.decimal == "," else "continental European style"
    if shape.kind == "mixed":
        if shape.separator != style.foreign_decimal:
            return None
        return f"is written in {foreign_style}"
    if shape.kind == "grouped":
        if shape.separator != style.decimal or _looks_like_address(shape.integer):
            return None
        return f"groups thousands with {_GROUP_NAMES[shape.separator]}s ({foreign_style})"
    words = _following_words(prose, end)
    if shape.kind == "decimal":
        if shape.separator != style.foreign_decimal:
            return None
        if not (_is_percent(words, style) or _is_magnitude(words, style)
                or (words and (words[0] in style.units or words[0] in _UNIT_SYMBOLS))
                or _is_money(prose, start, words, style, shape)):
            return None
        return f"has a {_DECIMAL_NAMES[shape.separator]} ({foreign_style})"
    if shape.separator != style.decimal or not _counts_thousands(prose, style, shape, start,
                                                                 end, words):
        return None
    return f"groups thousands with a {_GROUP_NAMES[shape.separator]} ({foreign_style})"


def _counts_thousands(prose: str, style: NumberStyle, shape: _Shape, start: int, end: int,
                      words: tuple[str, ...]) -> bool:
    """Tell whether ``12.000`` (one separator, three digits) counts thousands of something.

    It is a decimal with three places as often as not — 4.375%, 43.305 per dollar, 42.195
    km — so only a count of people or things, or a round sum of money, reads as thousands.
    """
    if shape.integer.startswith("0") or _is_percent(words, style) \
            or _is_magnitude(words, style):
        return False
    range_end = _range().match(prose, end)
    if range_end is not None:
        words = _following_words(prose, range_end.end())
    noun = _counted_noun(words, style)
    if noun is not None:
        rest = words[noun + 1:]
        # 2.375 children per woman is a rate, which may well have three decimals.
        return not (rest and rest[0] in style.rates) or shape.fraction == "000" \
            or len(shape.integer) >= 2
    return shape.fraction == "000" and _names_money(prose, start, words, style)


def _counted_noun(words: tuple[str, ...], style: NumberStyle) -> int | None:
    """The index of the counted noun among the next words (one adjective may come first)."""
    if words and words[0] in style.counted:
        return 0
    if len(words) > 1 and words[1] in style.counted and words[0] not in style.magnitudes:
        return 1
    return None


def _following_words(prose: str, end: int) -> tuple[str, ...]:
    match = _FOLLOWING.match(prose, end)
    if match is None:
        return ()
    return tuple(word.lower().rstrip(".") for word in match.groups() if word)


def _is_percent(words: tuple[str, ...], style: NumberStyle) -> bool:
    if words[:1] == ("%",):
        return True
    return any(words[:len(phrase)] == phrase for phrase in style.percent)


def _is_magnitude(words: tuple[str, ...], style: NumberStyle) -> bool:
    return bool(words) and words[0] in style.magnitudes


def _is_money(prose: str, start: int, words: tuple[str, ...], style: NumberStyle,
              shape: _Shape) -> bool:
    """A sum with cents: $110,00 is more likely $110,000 with a digit lost, so not that."""
    return shape.fraction != "00" and _names_money(prose, start, words, style)


def _names_money(prose: str, start: int, words: tuple[str, ...], style: NumberStyle) -> bool:
    """Tell whether a currency sign stands before the number or a currency name after it."""
    sign = prose[start - 1:start]
    return (sign != "" and sign in _CURRENCY_SIGNS) or (bool(words)
                                                          and words[0] in style.currencies)


def _looks_like_address(grouped: str) -> bool:
    """Four groups of at most 255, such as 192.168.100.200, are an IP address."""
    parts = grouped.split(".")
    return len(parts) == 4 and all(int(part) <= 255 for part in parts)


def _native(shape: _Shape, style: NumberStyle) -> str:
    if shape.kind == "decimal":
        return f"{shape.integer}{style.decimal}{shape.fraction}"
    if shape.kind == "ambiguous":
        return f"{shape.integer}{style.group}{shape.fraction}"
    if shape.kind == "grouped":
        return shape.integer.replace(style.decimal, style.group)
    return f"{shape.integer.replace(style.decimal, style.group)}{style.decimal}{shape.fraction}"


def _writes_natively(prose: str, style: NumberStyle) -> bool:
    """Tell whether the document also writes numbers in its language's own convention."""
    for match in _ANY_SEPARATED_NUMBER.finditer(prose):
        shape = _shape(match.group())
        if shape is None:
            continue
        if shape.kind in ("decimal", "mixed") and shape.separator == style.decimal:
            return True
        if shape.kind == "grouped" and shape.separator == style.group:
            return True
        if shape.kind == "ambiguous" and shape.separator == style.group \
                and shape.fraction == "000":
            return True
    return False


CHECK = Check(
    code="TL203",
    name="foreign-number-format",
    summary="Thousands or decimal separators of another language's convention",
    severity=Severity.WARNING,
    run=foreign_number_formats,
    fixable=True,
    docs=CheckDocs(
        what=(
            "Separators of the other convention. In English copy *12.000 people*, *1.234.567*, "
            "*3,5 million*, *2,5%*, *€2,50*, *1.234,5* → *12,000*, *3.5*, …; in German, French, "
            "Italian, Portuguese and Dutch copy *3.5 Millionen*, *2.5 %*, *12,000 Menschen*, "
            "*1,234,567* → *3,5*, *12.000* (French: *12 000* with a narrow no-break space); in "
            "Spanish only when the copy also writes numbers the European way (Latin American copy "
            "writes *3.5 millones*). A number with one separator and three digits (*12.000*, "
            "*4.375*) counts thousands only before a count of people or things or a round sum of "
            "money; a decimal needs a *%*, *million*, unit or currency next to it. Versions, "
            "times, dates, IP addresses, scores and phone numbers are never flagged."
        ),
        why=(
            "A separator read the other language's way changes the number: 3,5 million is "
            "three and a half million in German and nonsense in English."
        ),
        example="The war has displaced 3,5 million people.",
        instead="The war has displaced 3.5 million people.",
    ),
)
