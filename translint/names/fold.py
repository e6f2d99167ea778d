"""Folding rules, in one place: how text and names are compared.

Three levels, from strict to loose:

* ``lower_text`` lowercases a whole text without changing its length, so offsets in
  the lowered text are offsets in the original (the matching engine scans it);
  ``spaced_text`` turns what ends a word in it into spaces, so that an automaton finds
  words in whole-word places only.
* ``form_identity`` decides when two written forms are *the same form*: case,
  apostrophe style, hyphen-or-space and Unicode normalisation do not count.
* ``name_key`` decides when two forms are *the same name*: it transliterates with
  unidecode and folds the usual romanisation differences (y/i/j, kh/h, x/ks,
  doubled letters, yo/e between consonants), so Podoliak, Podolyak and Podoljak
  share the key ``podoliak``.
"""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode

from translint.memo import BoundedMemo

APOSTROPHES = "'’ʼ‘`´"
HYPHENS = "\u2010\u2011-"


def _apostrophes_to(replacement: str) -> dict[int, str]:
    """A translation table turning every apostrophe style into ``replacement``."""
    return {ord(char): replacement for char in APOSTROPHES}


_APOSTROPHE_TABLE = _apostrophes_to("'")
_SEPARATOR_RUN = re.compile(rf"[\s{HYPHENS}]+")
_ANY_APOSTROPHE = re.compile(f"[{APOSTROPHES}]")
_NOT_LETTER = re.compile(r"[^a-z]+")
_CONSONANT_IO = re.compile(r"(?<=[bcdfghklmnprstvz])io(?=[bcdfghklmnprstvz])")
_DOUBLED_INSIDE = re.compile(r"([a-z])\1+(?=[a-z])")
_DOUBLED_FINAL_VOWEL = re.compile(r"([aeiou])\1+$")


def lower_text(text: str) -> str:
    """Lowercase ``text`` keeping every character at its offset."""
    if "\u0130" in text:  # 'İ'.lower() is two code points; fold it to a plain I first
        text = text.replace("\u0130", "I")
    return text.lower()


# What ``spaced_text`` turns into spaces: what is not a letter or digit (``str.isalnum``).
_ASCII_NOT_WORD = bytes(code for code in range(128) if not chr(code).isalnum())
_ASCII_SPACED = bytes.maketrans(_ASCII_NOT_WORD, b" " * len(_ASCII_NOT_WORD))
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def spaced_text(lowered: str) -> str:
    """``lowered`` between two spaces, with a space for each character that is not a letter
    or digit (a combining mark too): offsets shift by one, ``result[i + 1]`` stands for
    ``lowered[i]``. Every place where a word stands in ``lowered`` with no word character
    (``translint.names.index.is_word_character``) on either side, ``spaced_text(word)``
    stands in the result (as it does in a few more places: next to a combining mark, or
    where another word marks the same): an automaton of words so marked finds them in
    whole-word places only.

    A character that is not a word character is one here, in lower case as in the original
    text (tests/checks/test_variant_scan.py tries every code point). In C: the few other
    characters than ASCII ones a text holds are replaced one by one, then the ASCII ones
    in the UTF-8 bytes, where every byte of another character is above 127."""
    if not lowered.isascii():
        for char in set(_NOT_ASCII.findall(lowered)):
            if not char.isalnum():
                lowered = lowered.replace(char, " ")
        return f" {lowered.encode().translate(_ASCII_SPACED).decode()} "
    return f" {lowered.encode('ascii').translate(_ASCII_SPACED).decode('ascii')} "


def form_identity(form: str) -> str:
    """Fold a written form to what distinguishes it from other forms of a name."""
    form = unicodedata.normalize("NFC", form).translate(_APOSTROPHE_TABLE)
    return _SEPARATOR_RUN.sub(" ", form).strip().lower()


def name_key(name: str) -> str:
    """Fold a name to its transliteration key (``Zelenskyy`` → ``zelenski``).

    Each word is transliterated with unidecode and lowered to its letters; then kh → h,
    x → ks, y and j → i, io between consonants → e (Ogaryovo, Ogarevo), and doubled
    letters become one — except a doubled consonant ending a word (Scott is not Scot).
    """
    return _NAME_KEYS.value_of(name, _fold_name)


# Keys of the names seen, remembered: glossaries and texts repeat names (see translint.memo).
_NAME_KEYS: BoundedMemo[str, str] = BoundedMemo(1 << 16)


def _fold_name(name: str) -> str:
    words = _SEPARATOR_RUN.split(unidecode(name).lower())
    return "".join(_word_key(word) for word in words)


# The steps of ``_word_key`` for many words at once, one word per line.
_NOT_LETTER_LINES = re.compile(r"[^a-z\n]+")
_DOUBLED_FINAL_VOWEL_LINES = re.compile(r"([aeiou])\1+$", re.MULTILINE)


def word_keys(words: list[str]) -> list[str]:
    """``name_key`` of each of ``words``, single words without separators, at once.

    The ASCII words are folded as lines of one text, so that each regular expression runs
    once for all of them rather than once per word; the others (rare, and unidecode may
    turn one into several words) get ``name_key`` one by one.
    """
    if not words:
        return []
    plain = [word for word in words if word.isascii()]
    if len(plain) < len(words):
        keys = dict(zip(plain, word_keys(plain), strict=True)) if plain else {}
        return [keys[word] if word in keys else name_key(word) for word in words]
    lines = _NOT_LETTER_LINES.sub("", "\n".join(words).lower())
    lines = lines.replace("kh", "h").replace("x", "ks").replace("y", "i").replace("j", "i")
    lines = _CONSONANT_IO.sub("e", lines)
    lines = _DOUBLED_INSIDE.sub(_first_letter, lines)
    return _DOUBLED_FINAL_VOWEL_LINES.sub(_first_letter, lines).split("\n")


def _word_key(word: str) -> str:
    key = _NOT_LETTER.sub("", word)
    key = key.replace("kh", "h").replace("x", "ks").replace("y", "i").replace("j", "i")
    key = _CONSONANT_IO.sub("e", key)
    key = _DOUBLED_INSIDE.sub(_first_letter, key)
    return _DOUBLED_FINAL_VOWEL.sub(_first_letter, key)


def _first_letter(match: re.Match[str]) -> str:
    """The letter a run of doubled letters stands for (a function: faster than r"\\1")."""
    return match.group(1)


def apostrophe_variants(form: str) -> set[str]:
    """The spellings of ``form`` with each apostrophe style, and without apostrophes."""
    if not _ANY_APOSTROPHE.search(form):
        return {form}
    variants = {form.translate(_apostrophes_to(""))}
    for style in "'’ʼ":
        variants.add(form.translate(_apostrophes_to(style)))
    return variants


def keep_separators(replacement: str, original: str) -> str:
    """Carry the line breaks of ``original`` into a replacement with as many words.

    "Krivoy\\n  Rog" → "Kryvyi\\n  Rih": a fix must not reflow the text around it.
    """
    if not _SEPARATOR_RUN.search(original):
        return replacement  # one word: the usual case
    original_words = _SEPARATOR_RUN.split(original)
    new_words = _SEPARATOR_RUN.split(replacement)
    if len(original_words) != len(new_words) or len(new_words) < 2:
        return replacement
    original_separators = _SEPARATOR_RUN.findall(original)
    new_separators = _SEPARATOR_RUN.findall(replacement)
    parts = [new_words[0]]
    for old, new, word in zip(original_separators, new_separators, new_words[1:],
                              strict=True):
        parts.append(old if new == " " and not old.strip() else new)
        parts.append(word)
    return "".join(parts)


def match_case(replacement: str, original: str) -> str:
    """Give ``replacement`` the case pattern of ``original``.

    KIEV → KYIV, kiev → kyiv; a capital at the start is kept (It transpired → It emerged).
    """
    if original.isascii():  # every letter is cased: the str methods tell at once
        all_upper = original.isupper() and sum(map(str.isalpha, original)) > 1
        all_lower = original.islower()
    else:
        letters = [char for char in original if char.isalpha()]
        all_upper = len(letters) > 1 and all(char.isupper() for char in letters)
        all_lower = bool(letters) and all(char.islower() for char in letters)
    if all_upper:
        return replacement.upper()
    if all_lower:
        return replacement.lower()
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
