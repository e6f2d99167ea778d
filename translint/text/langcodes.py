"""Language codes: ISO 639 languages in BCP 47 tags (``en``, ``pt-BR``, ``sr-Latn``).

Two-letter codes are checked against ISO 639-1; three-letter codes (ISO 639-2 and 639-3,
for languages without a two-letter code) are taken as written. A tag's script, region
and variants must have the shapes BCP 47 gives them. Checks work per language, so a
tag is used by its language: ``en-US`` copy is ``en`` copy.
"""

from __future__ import annotations

import re

ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky
la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny
oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss
st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo
za zh zu
""".split())
_TAG = re.compile(
    r"(?P<language>[a-z]{2,3})"
    r"(?:-(?P<script>[a-z]{4}))?"
    r"(?:-(?P<region>[a-z]{2}|\d{3}))?"
    r"(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*",
    re.IGNORECASE,
)


def language_of(tag: str) -> str | None:
    """The ISO 639 language of a BCP 47 tag, lower case (``pt-BR`` → ``pt``), or ``None``
    when ``tag`` is not one."""
    match = _TAG.fullmatch(tag.strip().replace("_", "-"))
    if match is None:
        return None
    language = match.group("language").lower()
    if len(language) == 2 and language not in ISO_639_1:
        return None
    return language


def language_tag(tag: str) -> str | None:
    """A BCP 47 tag in the form translint keeps it, lower case with hyphens (``de_CH`` →
    ``de-ch``), or ``None`` when ``tag`` is not one."""
    if language_of(tag) is None:
        return None
    return tag.strip().replace("_", "-").lower()


def bad_language_message(option: str, value: str) -> str:
    """The error for a value that is not a language code."""
    return (f'{option}: "{value}" is not a language code (ISO 639 / BCP 47) such as en, de, '
            "uk or pt-BR")
