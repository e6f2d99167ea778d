"""Romanise Cyrillic text: the Ukrainian national system (2010) and BGN/PCGN for Russian.

``ua-2010``
    Cabinet of Ministers of Ukraine Resolution No. 55 (27 Jan 2010), letter by letter:
    Є Ї Й Ю Я are Ye Yi Y Yu Ya at the start of a word and ie i i iu ia elsewhere;
    Г is h, Ґ is g, И is y, І is i, Х is kh, Щ is shch; зг is zgh (Zghorany, not
    Zhorany); Ь and the apostrophe (’ ' ʼ between two Cyrillic letters) are dropped.
    Letters of Russian only, should they occur: Ё yo/io, Ы y, Э e, Ъ dropped.

``ru-bgn``
    BGN/PCGN (1947) for Russian: Е is ye at the start of a word and after a vowel,
    Й, Ъ or Ь, else e; Ё is yë or ë in the same positions; Й y, Ы y, Ъ ”, Ь ’, Х kh,
    Щ shch; a middle dot separates т+с (t·s) and ш+ч (sh·ch) from Ц (ts) and Щ (shch).
    Letters of Ukrainian only, should they occur: Є ye, Ї yi, І i, Ґ g.
    ``press=True`` gives the simplification newspapers use: Ё is yo everywhere
    (Ogaryovo, Fyodor), Е after И is e (Kiev, Dmitriev), Ъ and Ь are dropped and no
    middle dots are written.

A word starts after the start of the text or any character that is not a letter (an
apostrophe inside a word does not start one: Мар'їне is Marine). Case is kept: a capital
gives a capitalised romanisation (Щ → Shch), a word in capitals stays in capitals
(КИЇВ → KYIV). Characters that are not Cyrillic are left as they are; Cyrillic letters
neither system covers (ў, ђ, …) are transliterated with unidecode. The text is first
put in Unicode NFC form, so a decomposed й or ї is read as one letter.
"""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode

from translint.errors import ConfigError

SCHEMES = ("ua-2010", "ru-bgn")
UKRAINIAN_LETTERS = frozenset("іїєґ")
RUSSIAN_LETTERS = frozenset("ыэъё")

# Ukrainian letters, then the Russian-only ones a Ukrainian text may quote.
_UA = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia",
    "ё": "io", "ы": "y", "э": "e", "ъ": "",
}
_UA_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya", "ё": "yo"}
# Russian letters, then the Ukrainian-only ones a Russian text may quote.
_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ë", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "”", "ы": "y", "ь": "’", "э": "e", "ю": "yu",
    "я": "ya",
    "і": "i", "є": "ye", "ї": "yi", "ґ": "g",
}
_RU_VOWELS = frozenset("аеёиоуыэюяіїє")
_RU_YE_AFTER = _RU_VOWELS | frozenset("йъь")
_RU_DOTTED = {("т", "с"): "·s", ("ш", "ч"): "·ch"}
_APOSTROPHES = "'’ʼ"
_WORD = re.compile(rf"[^\W\d_]+(?:[{_APOSTROPHES}][^\W\d_]+)*")


def detect_scheme(text: str) -> str:
    """Pick the scheme for ``text`` by its letters.

    Letters only Ukrainian has (і ї є ґ, or an apostrophe inside a Cyrillic word) mean
    ``ua-2010``; letters only Russian has (ы э ъ ё) mean ``ru-bgn``; when both occur the
    more frequent kind wins. Text with neither is taken as Ukrainian (``ua-2010``):
    translint's glossaries are mostly about Ukraine and the 2010 system is the standard
    there — pass the scheme explicitly for Russian names such as Путин.
    """
    lowered = text.lower()
    ukrainian = sum(lowered.count(letter) for letter in UKRAINIAN_LETTERS)
    ukrainian += len(re.findall(rf"(?<=[а-яіїєґ])[{_APOSTROPHES}](?=[а-яіїєґ])", lowered))
    russian = sum(lowered.count(letter) for letter in RUSSIAN_LETTERS)
    return "ru-bgn" if russian > ukrainian else "ua-2010"


def romanise(text: str, scheme: str | None = None, *, press: bool = False) -> str:
    """Romanise the Cyrillic letters of ``text``; ``press`` simplifies ru-bgn as the press does.

    Without ``scheme`` it is detected from the text (see ``detect_scheme``). ``press`` does
    nothing to ua-2010, which has no diacritics, marks or dots to drop.
    """
    text = unicodedata.normalize("NFC", text)
    chosen = scheme if scheme is not None else detect_scheme(text)
    if chosen not in SCHEMES:
        raise ConfigError(f'unknown romanisation scheme "{chosen}"; choose one of '
                          f"{', '.join(SCHEMES)}")
    ukrainian = chosen == "ua-2010"
    return _WORD.sub(lambda match: _romanise_word(match.group(), ukrainian, press), text)


def _romanise_word(word: str, ukrainian: bool, press: bool) -> str:
    if not any(_is_cyrillic(char) for char in word):
        return word
    letters = [char for char in word if char.isalpha()]
    capitals = len(letters) > 1 and all(char.isupper() for char in letters)
    parts: list[str] = []
    previous = ""  # the previous letter in lower case; "" at the start of the word
    for position, char in enumerate(word):
        if not char.isalpha():
            between = (0 < position < len(word) - 1 and _is_cyrillic(word[position - 1])
                       and _is_cyrillic(word[position + 1]))
            parts.append("" if ukrainian and between else char)
            continue
        lower = char.lower()
        if not _is_cyrillic(char):
            latin = char
        else:
            latin = (_ukrainian_letter(lower, previous) if ukrainian
                     else _russian_letter(lower, previous, press))
            latin = _with_case(latin, char.isupper(), capitals)
        parts.append(latin)
        previous = lower
    return "".join(parts)


def _ukrainian_letter(letter: str, previous: str) -> str:
    if letter == "г" and previous == "з":
        return "gh"
    if not previous and letter in _UA_INITIAL:
        return _UA_INITIAL[letter]
    latin = _UA.get(letter)
    return unidecode(letter) if latin is None else latin


def _russian_letter(letter: str, previous: str, press: bool) -> str:
    if press:
        if letter == "ё":
            return "yo"
        if letter in "ъь":
            return ""
        if letter == "е" and previous == "и":
            return "e"
    elif (previous, letter) in _RU_DOTTED:
        return _RU_DOTTED[previous, letter]
    if letter in "её" and (not previous or previous in _RU_YE_AFTER):
        return "y" + _RU[letter]
    latin = _RU.get(letter)
    return unidecode(letter) if latin is None else latin


def _with_case(latin: str, upper: bool, capitals: bool) -> str:
    """Give a romanised letter the case of the Cyrillic one (Щ → Shch, in ЩИТ → SHCH)."""
    if not upper:
        return latin
    if capitals:
        return latin.upper()
    for index, char in enumerate(latin):
        if char.isalpha():
            return latin[:index] + char.upper() + latin[index + 1:]
    return latin


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u052f"
