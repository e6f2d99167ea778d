"""Cross-language name keys: one key for Stefanchuk, Stefantchouk, Stefantschuk and Стефанчук.

``name_key`` (``translint.names.fold``) folds English romanisation habits only. Here a name
is first folded by the transliteration conventions of the language it was written in
(French *tch*, *ou*; German *sch*, *w*; Polish *cz*, *sz*; read from the ``[transliteration]``
table of ``translint/languages/<code>.toml``), Cyrillic through the project's romanisation
(``translint.names.translit``), then by ``name_key``'s English folding. Two names are *the
same name* when their ``sound_key`` (a consonant skeleton with Daitch–Mokotoff-like classes:
b/p/f/v/w alike, d/t alike, the sibilants alike, k/g/h/kh alike …) is equal **and** the
edit-distance similarity of their folded spellings (``rapidfuzz``'s normalised Indel score)
is at least ``MIN_SIMILARITY``: the skeleton alone joins Putin and Biden (p-t-n), the score
keeps them apart.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from translint.languages import language
from translint.names.fold import form_identity, name_key
from translint.names.translit import romanise

# Lowest normalised Indel similarity of two folded spellings of one name (measured on
# benchmarks/names_eval: see README "Names, measured").
MIN_SIMILARITY = 0.75
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# Consonant classes of the skeleton, longest spelling first (after cross_fold, so only the
# letters a-z, with y and j already folded to i).
_SOUND_CLASSES: tuple[tuple[str, str], ...] = (
    ("shch", "s"), ("sh", "s"), ("zh", "s"), ("ch", "s"), ("ts", "s"), ("tz", "s"),
    ("kh", "k"), ("ck", "k"), ("ph", "p"), ("th", "t"),
    ("b", "p"), ("p", "p"), ("f", "p"), ("v", "p"), ("w", "p"),
    ("d", "t"), ("t", "t"), ("s", "s"), ("z", "s"), ("c", "s"),
    ("k", "k"), ("g", "k"), ("h", "k"), ("q", "k"), ("x", "k"),
    ("m", "n"), ("n", "n"), ("l", "l"), ("r", "r"),
)
_SOUNDS = re.compile("|".join(spelling for spelling, _ in _SOUND_CLASSES) + "|[aeiou]")
_SOUND_OF = dict(_SOUND_CLASSES)


@functools.cache
def _rules(lang: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """The language's transliteration rules as one expression (longest spelling first)."""
    table = language(lang).transliteration
    if not table:
        return None
    spellings = sorted(table, key=lambda spelling: (-len(spelling), spelling))
    return re.compile("|".join(re.escape(spelling) for spelling in spellings)), table


def has_cyrillic(text: str) -> bool:
    """Tell whether ``text`` has a Cyrillic letter."""
    return _CYRILLIC.search(text) is not None


def cross_fold(name: str, lang: str | None) -> str:
    """Fold ``name``, written in copy of ``lang``, to English romanisation and then to its
    ``name_key`` (``Stefantchouk``, fr → ``stefanchuk``; ``Стефанчук`` → ``stefanchuk``)."""
    return _cross_fold(name, lang.split("-", 1)[0] if lang else None)


@functools.lru_cache(maxsize=1 << 16)
def _cross_fold(name: str, lang: str | None) -> str:
    if _CYRILLIC.search(name):
        return name_key(romanise(name, press=True))
    rules = _rules(lang) if lang else None
    written = form_identity(name)
    if rules is not None:
        pattern, table = rules
        written = pattern.sub(lambda match: table[match.group()], written)
    return name_key(written)


@functools.lru_cache(maxsize=1 << 16)
def sound_key(folded: str) -> str:
    """The consonant skeleton of a ``cross_fold``-ed name: a leading vowel as ``a``, each
    consonant by its class, vowels dropped, a class repeated in a row written once."""
    classes: list[str] = []
    for match in _SOUNDS.finditer(folded):
        sound = _SOUND_OF.get(match.group(), "a" if match.start() == 0 else "")
        if sound and (not classes or classes[-1] != sound):
            classes.append(sound)
    return "".join(classes)


def similarity(first: str, second: str) -> float:
    """The normalised Indel similarity (0 to 1) of two folded spellings."""
    # Imported here: 80-120 ms of start-up that `check` (which keys names with cross_fold
    # alone) does not need.
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity(first, second)


def same_name(first: str, first_lang: str | None, second: str,
              second_lang: str | None) -> bool:
    """Tell whether two written names, each in copy of its language, are one name."""
    one, other = cross_fold(first, first_lang), cross_fold(second, second_lang)
    return one == other or (sound_key(one) == sound_key(other)
                            and similarity(one, other) >= MIN_SIMILARITY)


# Fewest letters of a name that sound alone may join to another spelling in one document.
MIN_SOUND_LETTERS = 7


def sound_joins(keys: list[str]) -> dict[str, str]:
    """Of the distinct ``keys`` of one document's unlisted names, those that sound like an
    earlier one, each mapped to it (*wolodomir* → *wolodimir*). Strict, as one text's names
    are compared with no glossary to confirm them: both keys of ``MIN_SOUND_LETTERS`` or
    more, one ``sound_key``, a ``similarity`` of at least ``MIN_SIMILARITY``, one letter
    added, dropped, changed or two swapped, and the same first two and last two letters
    (*Ivanov* and *Ivanova*, *Business* and *Businesses* are not one name)."""
    joined: dict[str, str] = {}
    # Keys are compared only within their first and last two letters: few ever share them.
    by_ends: dict[tuple[str, str], list[str]] = {}
    for key in keys:
        if len(key) < MIN_SOUND_LETTERS:
            continue
        heard = by_ends.setdefault((key[:2], key[-2:]), [])
        earlier = next((other for other in heard if _one_slip(other, key)), None)
        if earlier is None:
            heard.append(key)
        else:
            joined[key] = earlier
    return joined


def sounds_like(one: str, other: str) -> bool:
    """Tell whether two keys are one name by ``sound_joins``' strict test: both of
    ``MIN_SOUND_LETTERS`` or more, the same first two and last two letters, one slip."""
    return (len(one) >= MIN_SOUND_LETTERS and len(other) >= MIN_SOUND_LETTERS
            and one[:2] == other[:2] and one[-2:] == other[-2:] and _one_slip(one, other))


def _one_slip(one: str, other: str) -> bool:
    """Tell whether two keys of one sound differ by one slip of the pen, away from their
    first two and last two letters."""
    # Imported here, as in ``similarity``.
    from rapidfuzz.distance import OSA

    return (OSA.distance(one, other) == 1 and sound_key(one) == sound_key(other)
            and similarity(one, other) >= MIN_SIMILARITY)


class SoundIndex:
    """Keys of ``MIN_SOUND_LETTERS`` or more, each with what it stands for (an entry id),
    filed by their first and last two letters: what a key ``sounds_like``."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._by_ends: dict[tuple[str, str], dict[str, set[str]]] = {}
        for key, item in pairs:
            if len(key) >= MIN_SOUND_LETTERS:
                self._by_ends.setdefault((key[:2], key[-2:]), {}).setdefault(key, set()).add(item)

    def heard(self, key: str) -> set[str]:
        """What the keys that ``key`` sounds like stand for."""
        found: set[str] = set()
        for other, items in self._by_ends.get((key[:2], key[-2:]), {}).items():
            if sounds_like(other, key):
                found |= items
        return found
