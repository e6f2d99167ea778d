"""The forms of a verb, for ``verb:assure`` tokens in phrasing patterns.

A pattern names a verb once and matches every form of it: ``verb:assure`` is *assure*,
*assures*, *assured*, *assuring*. The forms come from the language's ``[verbs]`` table
(``translint/languages/<code>.toml``): its ``scheme`` names the regular inflection below,
and ``irregular`` lists the verbs whose past differs ("say said", "hold held").

Regular forms are generated leniently: where English spelling hesitates (doubling a final
consonant: *travelled*/*traveled*, *admitted*), both spellings are kept, since a form that
no one writes costs nothing to match.
"""

from __future__ import annotations

from translint.languages import language

VOWELS = frozenset("aeiou")
SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh", "o")


def verb_forms(base: str, lang: str) -> tuple[str, ...]:
    """Every form of the verb ``base`` in ``lang``, sorted; a ValueError when the language
    has no verb data or ``base`` is not a single lower-case word."""
    data = language(lang)
    if data.verb_scheme is None:
        raise ValueError(f"verb: tokens need verb data for {lang!r} (a [verbs] table in "
                         f"translint/languages/{lang}.toml)")
    if not base.isalpha() or not base.islower():
        raise ValueError(f"verb:{base} must name a verb in lower-case letters")
    past = data.irregular_verbs.get(base)
    return tuple(sorted(_english_forms(base, past)))


def _english_forms(base: str, past: tuple[str, ...] | None) -> set[str]:
    forms = {base, _third_person(base), *_present_participles(base)}
    forms.update(past if past is not None else _regular_pasts(base))
    return forms


def _third_person(base: str) -> str:
    if _consonant_y(base):
        return base[:-1] + "ies"
    if base.endswith(SIBILANT_ENDINGS):
        return base + "es"
    return base + "s"


def _regular_pasts(base: str) -> set[str]:
    if base.endswith("e"):
        return {base + "d"}
    if _consonant_y(base):
        return {base[:-1] + "ied"}
    pasts = {base + "ed"}
    if _doubles(base):
        pasts.add(base + base[-1] + "ed")
    return pasts


def _present_participles(base: str) -> set[str]:
    if base.endswith("ie"):
        return {base[:-2] + "ying"}
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return {base[:-1] + "ing"}
    participles = {base + "ing"}
    if _doubles(base):
        participles.add(base + base[-1] + "ing")
    return participles


def _consonant_y(base: str) -> bool:
    return len(base) > 1 and base.endswith("y") and base[-2] not in VOWELS


def _doubles(base: str) -> bool:
    """Consonant, vowel, consonant at the end (admit, travel): the final letter may double."""
    return (len(base) >= 3 and base[-1] not in VOWELS and base[-1] not in "wxy"
            and base[-2] in VOWELS and base[-3] not in VOWELS)
