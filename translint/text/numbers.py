"""Numbers in a text as values, read with its language's conventions, so that numbers in
two languages can be compared (TL111).

A ``Mention`` is one number as written (``3,5 %``, ``11.000 millones``, ``2,5 Mrd.``,
``1 234,5``, ``15.00 Uhr``, ``05.05.2024``'s day, month and year, ``three`` and *a
million* when spelled out) with its *keys*: the values it may mean. A token that the
language's convention reads one way has one value; one it does not (``3.5`` in German
copy) is read the other convention's way; where both conventions are native (``always =
false``: Latin American Spanish) or the language is unknown, both readings are keys. Scale
words multiply (``11.000 millones`` and ``11 billion`` are both 11,000,000,000), and one
with no number before it is one of it (``a million``, ``mil``); a scale word that is also
a unit (``m``: million or metres) gives both values. Signs are left out (a fall of 2% is
``-2 %`` or ``2%``); a time is a key of its own, on a twelve-hour clock (``15.00 Uhr`` =
``3 p.m.``); a month is its number and ``("month", n)``, which a month's name also gives.
Versions (``1.2.3``) and codes glued to letters (``G7``, ``F-16``, ``COVID-19``) are not
numbers. The words come from ``[numbers]`` of ``translint/languages/<code>.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from translint.languages import NumberStyle, language

Key = Decimal | tuple[str, int, int]

_SPACES = " \u00a0\u202f"
# Not after a letter, nor a letter and a hyphen (G7, F-16, COVID-19), nor a digit or separator.
_NOT_A_CODE = r"(?<![^\W_])(?<![^\W\d_][-‑])(?<![.,]\d)(?<!\d[.,])"
_DATE = re.compile(_NOT_A_CODE + r"(?<![.,/-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})"
                   r"(?![\d]|[.,/-]\d)")
_ISO_DATE = re.compile(_NOT_A_CODE + r"(\d{4})-(\d{2})-(\d{2})(?!\d)")
_TIME = re.compile(_NOT_A_CODE + r"(\d{1,2})(:|\.|[ \u00a0\u202f]?h[ \u00a0\u202f]?)(\d{2})"
                   r"(?![\d]|[.,]\d)")
# Thousands grouped by a no-break space in any language; by a space only in a language
# that groups with one (French, Russian), since elsewhere "in 2024 150 people" is two.
_NUMBER = re.compile(_NOT_A_CODE + r"(?:\d{1,3}(?:[\u00a0\u202f]\d{3}(?!\d))+(?:[.,]\d+)?"
                     r"|\d+(?:[.,]\d+)*)")
_NUMBER_SPACED = re.compile(_NOT_A_CODE + r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+"
                            r"(?:[.,]\d+)?|\d+(?:[.,]\d+)*)")
_NEXT_WORD = re.compile(r"[ \u00a0\u202f]?([^\W\d_][\w.]*)")
_WORD = re.compile(r"[^\W\d_]+(?:[-‑][^\W\d_]+)?")
_THOUSANDS_BEFORE_SCALE = re.compile(r"(?<![\d.,])\d{1,3}[.,]\d{3}$")
_MAX_HOUR, _MAX_MINUTE, _CLOCK = 24, 59, 12
_DAYS, _MONTHS, _SHORT_YEAR = 31, 12, 2
_CENTURY = 100
_SCALE_WORDS_IN_A_ROW = 2  # 3 mil millones


@dataclass(frozen=True)
class Mention:
    """One number as written, ``text[start:end]``, and the values it may mean."""

    start: int
    end: int
    text: str
    keys: frozenset[Key]


def _style(lang: str | None) -> NumberStyle | None:
    return language(lang).numbers if lang else None


def _conventions(style: NumberStyle | None) -> list[tuple[str, str]]:
    """The (decimal, group) conventions to read with, the language's own first."""
    if style is None:
        return [(".", ","), (",", ".")]
    own = (style.decimal, style.group)
    return [own, (style.foreign_decimal, "," if style.foreign_decimal == "." else ".")]


def _value(token: str, decimal: str, group: str) -> Decimal | None:
    """``token`` read as a number with these separators; ``None`` if it cannot be one."""
    if group in _SPACES:
        group = " "
    token = "".join(" " if char in _SPACES else char for char in token)
    if token.count(decimal) > 1:
        return None
    integer, _, fraction = token.partition(decimal)
    if decimal in token and not fraction.isdigit():
        return None
    groups = integer.split(group) if group in integer else [integer]
    if not all(part.isdigit() for part in groups) or (
            len(groups) > 1 and (len(groups[0]) > 3 or any(len(part) != 3
                                                           for part in groups[1:]))):
        return None
    try:
        return Decimal("".join(groups) + ("." + fraction if fraction else ""))
    except InvalidOperation:
        return None


def readings(token: str, style: NumberStyle | None) -> frozenset[Decimal]:
    """The values ``token`` (digits and separators) may mean in copy of this style."""
    conventions = _conventions(style)
    if any(char in _SPACES for char in token):
        conventions = [(",", " "), (".", " ")]
    values = [_value(token, decimal, group) for decimal, group in conventions]
    own = values[0]
    if own is not None and style is not None and style.always:
        return frozenset({own.normalize()})
    return frozenset(value.normalize() for value in values if value is not None)


def _following_words(text: str, end: int) -> Iterator[tuple[str, int]]:
    """The words after ``end`` (glued or one space away), lower case, without dots, with
    where each ends."""
    while True:
        match = _NEXT_WORD.match(text, end)
        if match is None:
            return
        word = match.group(1).lower().replace(".", "")
        yield word, match.end()
        end = match.end()


def _scaled(text: str, end: int, values: frozenset[Decimal],
            style: NumberStyle | None) -> tuple[frozenset[Key], int, str | None]:
    """The values after the scale words that follow (``millones``, ``Mrd.``), where the
    mention ends, and the first word after it."""
    scale_end = end
    factor = 0
    after = None
    for count, (word, word_end) in enumerate(_following_words(text, end)):
        power = style.scales.get(word) if style else None
        if power is None or count >= _SCALE_WORDS_IN_A_ROW:
            after = word
            break
        factor += power
        scale_end = word_end
    if not factor:
        return frozenset(values), end, after
    token = text[:end].rsplit(None, 1)[-1] if text[:end].strip() else ""
    thousands = _THOUSANDS_BEFORE_SCALE.search(token)
    if thousands:
        # 1.500 millones, 1,500 million: three decimals before a scale word are not written.
        values = frozenset({Decimal(re.sub(r"[.,]", "", thousands.group()))})
    keys: set[Key] = {value.scaleb(factor).normalize() for value in values}
    words = text[end:scale_end].lower().replace(".", "").split()
    if style is not None and any(word in style.units for word in words):
        keys |= values  # 100m: a hundred million, or a hundred metres
    return frozenset(keys), scale_end, after


def mentions(text: str, lang: str | None, *, spelled: bool = False,
             bare_hours: bool = False) -> list[Mention]:
    """The numbers of ``text`` in copy of ``lang``, in order; with ``spelled``, numbers
    and months written as words too (``three``, ``fifth``, ``May``); with ``bare_hours``,
    a whole number up to 24 may also be an hour (``alle 18`` = ``6pm``)."""
    style = _style(lang)
    found = list(_dates(text))
    taken = list(_date_spans(text))

    def free(start: int, end: int) -> bool:
        return not any(start < done_end and done_start < end for done_start, done_end in taken)

    for match in _TIME.finditer(text):
        hour, minute = int(match.group(1)), int(match.group(3))
        if hour > _MAX_HOUR or minute > _MAX_MINUTE or not free(*match.span()):
            continue
        keys: set[Key] = {("time", hour % _CLOCK, minute)}
        if match.group(2) == ".":
            keys.update(readings(match.group(), style))
        found.append(Mention(match.start(), match.end(), match.group(), frozenset(keys)))
        taken.append(match.span())
    number = _NUMBER_SPACED if _spaced_groups(style) else _NUMBER
    for match in number.finditer(text):
        token = match.group()
        values = readings(token, style)
        if not values or not free(*match.span()):
            continue
        scaled, end, after = _scaled(text, match.end(), values, style)
        hours: frozenset[Key] = frozenset(
            ("time", int(value) % _CLOCK, 0) for value in values
            if bare_hours and token.isdigit() and value <= _MAX_HOUR)
        found.append(Mention(match.start(), end, text[match.start():end],
                             scaled | hours | _extra_keys(token, values, after, style)))
    if spelled and style is not None:
        found.extend(_spelled(text, style))
        spans = [(mention.start, mention.end) for mention in found]
        found.extend(mention for mention in _alone(text, style) if not any(
            mention.start < end and start < mention.end for start, end in spans))
    return sorted(found, key=lambda mention: mention.start)


def _date_matches(text: str) -> Iterator[tuple[re.Match[str], tuple[int, int, int]]]:
    """Dates (25.11.2026, 5/5/24, 2026-11-25) with the groups of their day, month, year."""
    for match in _DATE.finditer(text):
        if 1 <= int(match.group(1)) <= _DAYS and 1 <= int(match.group(3)) <= _MONTHS:
            yield match, (1, 3, 4)
    for match in _ISO_DATE.finditer(text):
        if 1 <= int(match.group(2)) <= _MONTHS and 1 <= int(match.group(3)) <= _DAYS:
            yield match, (3, 2, 1)


def _date_spans(text: str) -> Iterator[tuple[int, int]]:
    for match, _ in _date_matches(text):
        yield match.span()


def _dates(text: str) -> Iterator[Mention]:
    """A date's day, month and year as three mentions; a month is also ``("month", n)``,
    as its name gives, and a two-digit year also its year in this century."""
    for match, (day, month, year) in _date_matches(text):
        month_number = int(match.group(month))
        year_text = match.group(year)
        years = {Decimal(int(year_text))}
        if len(year_text) == _SHORT_YEAR:
            years.add(Decimal(2000 + int(year_text)))
        keys: list[tuple[int, set[Key]]] = [
            (day, {Decimal(int(match.group(day)))}),
            (month, {Decimal(month_number), ("month", month_number, 0)}),
            (year, set(years))]
        for group, values in keys:
            yield Mention(match.start(group), match.end(group), match.group(group),
                          frozenset(values))


def _spaced_groups(style: NumberStyle | None) -> bool:
    """Tell whether the language groups thousands with a space (French, Russian)."""
    return style is not None and style.group in _SPACES


def _extra_keys(token: str, values: frozenset[Decimal], after: str | None,
                style: NumberStyle | None) -> frozenset[Key]:
    """A decade's short form (1990s: 90) and the hour of ``3 p.m.`` or ``15 Uhr``."""
    keys: set[Key] = set()
    if after is None:
        return frozenset()
    if after in ("s", "'s", "’s") and len(token) == 4 and token.isdigit():
        keys.add(Decimal(int(token) % _CENTURY))
    if style is not None and after in style.time_words:
        keys |= {("time", int(value) % _CLOCK, 0) for value in values
                 if value == int(value) and value <= _MAX_HOUR}
    return frozenset(keys)


def _spelled(text: str, style: NumberStyle) -> Iterator[Mention]:
    """Numbers, ordinals and months written as words (``three million``, ``fifth``)."""
    for match in _WORD.finditer(text):
        word = match.group().lower()
        month = style.months.get(word)
        if month is not None:
            yield Mention(match.start(), match.end(), match.group(),
                          frozenset({("month", month, 0)}))
            continue
        value = _word_value(word, style)
        if value is None:
            continue
        keys, end, _ = _scaled(text, match.end(), frozenset({Decimal(value)}), style)
        yield Mention(match.start(), end, text[match.start():end], keys)


def _alone(text: str, style: NumberStyle) -> Iterator[Mention]:
    """Scale words with no number before them that mean one of them (*a million*, *mil
    personas*), with the scale words after them (*mil millones*); a mention that overlaps
    a number is left out by the caller."""
    if not style.alone:
        return
    taken = 0
    for match in _WORD.finditer(text):
        if match.start() >= taken and match.group().lower() in style.alone:
            keys, taken, _ = _scaled(text, match.start(), frozenset({Decimal(1)}), style)
            yield Mention(match.start(), taken, text[match.start():taken], keys)


def _word_value(word: str, style: NumberStyle) -> int | None:
    """The value of a number word, or a hyphenated one (``twenty-five``, ``thirty-first``)."""
    for table in (style.words, style.ordinals):
        if word in table:
            return table[word]
    tens, _, ones = word.replace("‑", "-").partition("-")
    if ones and tens in style.words:
        unit = style.words.get(ones, style.ordinals.get(ones))
        if unit is not None and unit < 10:
            return style.words[tens] + unit
    return None
