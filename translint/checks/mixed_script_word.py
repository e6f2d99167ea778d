"""TL302 mixed-script-word: a word that mixes Latin with Cyrillic or Greek letters."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from translint.checks.base import Check, CheckDocs, Context, Problem
from translint.findings import Severity
from translint.text.document import Document
from translint.text.scripts import LATIN, LATIN_CHAR, OTHER_SCRIPT_CHAR

_MIXED_WORD = re.compile(
    rf"\w*(?:[{LATIN}]\w*[\u0370-\u03ff\u0400-\u052f]|[\u0370-\u03ff\u0400-\u052f]\w*[{LATIN}])\w*"
)
# Letters that look alike across scripts: what a stray letter should have been.
_TO_LATIN = dict(zip("аеорсухіјѕԁӏАВЕКМНОРСТХІЈЅУοαινρκΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
                     "aeopcyxijsdlABEKMHOPCTXIJSYoaivpkABEZHIKMNOPTYX", strict=True))
_TO_CYRILLIC = dict(zip("aeopcyxiABEKMHOPCTXI", "аеорсухіАВЕКМНОРСТХІ", strict=True))


def mixed_script_words(document: Document, context: Context) -> Iterator[Problem]:
    """TL302: a word mixing Latin with Cyrillic or Greek letters (Kyіv with a Cyrillic і)."""
    prose = document.prose
    if not OTHER_SCRIPT_CHAR.search(prose):
        return
    for match in _MIXED_WORD.finditer(prose):
        word = match.group()
        latin = [char for char in word if LATIN_CHAR.match(char)]
        other = [char for char in word if char.isalpha() and not LATIN_CHAR.match(char)]
        strays, table = (other, _TO_LATIN) if len(latin) >= len(other) else (latin, _TO_CYRILLIC)
        fixed = "".join(table.get(char, char) if char in strays else char for char in word)
        clean = all(char in table for char in strays)
        names = ", ".join(f"{char} {unicodedata.name(char, hex(ord(char)))}"
                          for char in dict.fromkeys(strays))
        yield Problem(match.start(), match.end(),
                      f'"{word}" mixes scripts ({names}); it looks right but breaks search '
                      "and every other check", fixed if clean else None)


CHECK = Check(
    code="TL302",
    name="mixed-script-word",
    summary="A word that mixes Latin with Cyrillic or Greek letters",
    severity=Severity.ERROR,
    run=mixed_script_words,
    fixable=True,
    docs=CheckDocs(
        what=(
            "A word mixing Latin with Cyrillic or Greek letters — *Kyіv* with a Cyrillic *і* "
            "looks right and breaks search and every other check. The fix replaces the stray "
            "letters with their look-alikes from the word's main script."
        ),
        why=(
            "The word looks right on screen but is another string: search, the archive and "
            "every name check miss it."
        ),
        example="Talks resumed in Kyіv on Monday.",
        instead="Talks resumed in Kyiv on Monday.",
    ),
)
