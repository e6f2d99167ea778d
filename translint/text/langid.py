"""Which language a text is written in.

A stop-word profile decides cheaply when the answer is clear (it nearly always is for
a news article); langdetect, seeded so that it is deterministic, decides the rest.
langdetect is imported only when it is needed: loading its profiles is slow. The stop
words are those of the language files (``translint/languages/``).
"""

from __future__ import annotations

import functools
import re
import threading
from collections import Counter

from translint.languages import bundled_languages
from translint.text.letters import letter_words

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN_LETTERS = re.compile(r"[ыэъёЫЭЪЁ]")
SAMPLE_CHARACTERS = 2000
STOP_WORD_SAMPLE = 250
STOP_WORD_CHARACTERS = 1500
# Below this, langdetect guesses (a headline alone comes out as Danish or Norwegian).
MIN_WORDS_FOR_LANGDETECT = 12
# A short text (a headline and a standfirst) has few stop words: a clear lead decides.
SHORT_MINIMUM = 4
SHORT_MARGIN = 3.0
_langdetect_lock = threading.Lock()


def detect_language(text: str) -> str | None:
    """Return the language code of ``text`` (``"en"``, ``"de"`` …), or ``None`` if unclear."""
    sample = text[:SAMPLE_CHARACTERS]
    if _CYRILLIC.search(sample):
        cyrillic = len(_CYRILLIC.findall(sample))
        if cyrillic > len(_LATIN.findall(sample)):
            return _cyrillic_language(sample) or _langdetect(sample)
    words = letter_words(sample[:STOP_WORD_CHARACTERS].lower())
    return (stop_word_language(words)
            or stop_word_language(words, SHORT_MINIMUM, SHORT_MARGIN)
            or (_langdetect(sample) if len(words) >= MIN_WORDS_FOR_LANGDETECT else None))


@functools.cache
def _profiles() -> dict[str, frozenset[str]]:
    """The stop words of every language whose file lists them."""
    return {each.code: each.stop_words for each in bundled_languages() if each.stop_words}


@functools.cache
def _languages_of() -> dict[str, tuple[str, ...]]:
    """For every stop word, the languages it is a stop word of."""
    profiles = _profiles()
    return {word: tuple(lang for lang, words in profiles.items() if word in words)
            for word in {word for words in profiles.values() for word in words}}


def stop_word_scores(words: list[str], limit: int | None = None) -> dict[str, int]:
    """How many of ``words`` (lower case; the first ``limit``) are stop words of each
    profiled language."""
    scores = dict.fromkeys(_profiles(), 0)
    languages_of = _languages_of()
    # Only the stop words counted (a third less CPU than counting every word first).
    for word, count in Counter(filter(languages_of.__contains__, words[:limit])).items():
        for lang in languages_of[word]:
            scores[lang] += count
    return scores


def stop_words_in(words: list[str]) -> dict[str, tuple[str, ...]]:
    """The distinct stop words among ``words`` with the languages each belongs to."""
    languages_of = _languages_of()
    return {word: languages_of[word] for word in languages_of.keys() & set(words)}


def stop_words_of_others(lang: str) -> frozenset[str]:
    """The stop words of the profiled languages other than ``lang`` that are not also
    ``lang``'s own."""
    return frozenset(word for word, langs in _languages_of().items() if lang not in langs)


def is_stop_word(word: str, lang: str) -> bool:
    """Tell whether ``word`` (lower case) is a stop word of ``lang``."""
    return lang in _languages_of().get(word, ())


def stop_word_language(words: list[str], minimum: int = 8, margin: float = 2.0) -> str | None:
    """The language whose stop words clearly dominate ``words`` (lower case), or ``None``."""
    scores = sorted(((score, lang) for lang, score in
                     stop_word_scores(words, STOP_WORD_SAMPLE).items()),
                    reverse=True)
    (best, lang), (second, _) = scores[0], scores[1]
    if best >= minimum and best >= margin * second:
        return lang
    return None


def words_of(text: str) -> list[str]:
    """The words of ``text`` in lower case (letters only)."""
    return letter_words(text.lower())


def profiled(lang: str) -> bool:
    """Tell whether ``lang`` has a stop-word profile."""
    return lang in _profiles()


def language_probabilities(text: str) -> list[tuple[str, float]]:
    """langdetect's languages for ``text`` with their probabilities, most likely first."""
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    with _langdetect_lock:
        DetectorFactory.seed = 0
        try:
            found = detect_langs(text)
        except LangDetectException:
            return []
    return [(item.lang.split("-")[0].lower(), float(item.prob)) for item in found]


def _cyrillic_language(text: str) -> str | None:
    ukrainian = len(_UKRAINIAN_LETTERS.findall(text))
    russian = len(_RUSSIAN_LETTERS.findall(text))
    if ukrainian >= 3 and ukrainian > 3 * russian:
        return "uk"
    if russian >= 3 and russian > 3 * ukrainian:
        return "ru"
    return None


def _langdetect(text: str) -> str | None:
    """Ask langdetect, seeded for repeatable answers; ``None`` if it cannot tell."""
    from langdetect import DetectorFactory, LangDetectException, detect

    with _langdetect_lock:
        DetectorFactory.seed = 0
        try:
            code: str = detect(text)
        except LangDetectException:
            return None
    return code.split("-")[0].lower()
