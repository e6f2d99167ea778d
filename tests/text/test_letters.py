"""``letters_spaced`` finds the words ``[^\\W\\d_]+`` finds, and TL301's automaton of
foreign stop words the words its lower-case expression finds."""

from __future__ import annotations

import random
import re
import sys

from translint.checks.untranslated_residue import (
    _LOWER_WORD,
    _common_foreign_words,
    _foreign_words,
)
from translint.languages import bundled_codes
from translint.text.langid import profiled
from translint.text.letters import is_letter, letter_words, letters_spaced

LETTER = re.compile(r"[^\W\d_]")
WORDS = re.compile(r"[^\W\d_]+")


def test_every_code_point_is_a_letter_as_the_expression_reads_it() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert is_letter(char) == bool(LETTER.fullmatch(char)), hex(code)


def test_every_code_point_is_kept_or_spaced() -> None:
    # In batches, each code point between two letters.
    chars = [chr(code) for code in range(sys.maxunicode + 1)]
    for first in range(0, len(chars), 4096):
        text = "a".join(chars[first:first + 4096])
        assert letters_spaced(text) == " " + "".join(
            char if LETTER.fullmatch(char) else " " for char in text) + " "


def _random_text(rng: random.Random, pieces: list[str]) -> str:
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))


PIECES = ["de", "la", "Le", "der", "und", "the", "ÿes", "ß", "é", "É", "İ", " ", "  ", "-", "_",
          "2", "٣", "²", "½", "’", "'", "\u0301", "\u00a0", "\n", "Київ", "的", ".", ",",
          "\ud800", "ǅ", "ⅻ", "el", "les", "y", "e", "o", "dé", "Straße", "naïve", "über"]


def test_letter_words_are_the_expression_s_words() -> None:
    rng = random.Random(11)
    for _ in range(3000):
        text = _random_text(rng, PIECES)
        assert letter_words(text) == WORDS.findall(text), repr(text)


def test_common_foreign_words_are_the_lower_case_words_counted() -> None:
    rng = random.Random(12)
    langs = [code for code in bundled_codes() if profiled(code)]
    for lang in langs:
        pieces = PIECES + sorted(_foreign_words(lang))[:80]
        foreign = _foreign_words(lang)
        for _ in range(300):
            text = _random_text(rng, pieces)
            expected = [word for word in _LOWER_WORD.findall(text) if word in foreign]
            assert _common_foreign_words(text, lang) == expected, (lang, repr(text))
