"""TL111 number-mismatch: a number of a segment's source missing or changed in its target.

Each number of the source (digits: ``3,5 %``, ``11.000 millones``, a date's parts, a time)
is read with the source language's conventions and looked for among the target's numbers,
read with the target language's, digits or words (``translint.text.numbers``): it matches
when they may mean the same value (``11.000 millones`` = ``11 billion`` = ``11,000
million``; ``3`` = ``three``; ``15.00 horas`` = ``3 p.m.``, and a source's bare ``alle 18`` =
``6pm``; the month of ``05.05.2024`` = ``May``). A source number with no equal is reported,
spanning the target's text, with the target's numbers that matched none of the source's.
A target number with no source equal is not reported on its own: a year, a conversion or
a total added for the reader is too common for that to be precise.
"""

from __future__ import annotations

from collections.abc import Iterator

from translint.checks.base import Check, CheckDocs, Context, Problem
from translint.findings import Severity
from translint.text.document import Document
from translint.text.numbers import Key, Mention, mentions


def _listed(found: list[Mention]) -> str:
    texts = list(dict.fromkeys(mention.text for mention in found))
    return ", ".join(f'"{text}"' for text in texts)


def number_mismatches(document: Document, context: Context) -> Iterator[Problem]:
    """TL111: source numbers with no equal among the target's numbers."""
    for segment in document.segments:
        if segment.target_is_empty or segment.target is None:
            continue
        source = mentions(segment.source, segment.source_lang, bare_hours=True)
        if not source:
            continue
        target = mentions(segment.target, document.lang, spelled=True)
        target_keys: set[Key] = set().union(*(mention.keys for mention in target))
        missing = [mention for mention in source if not mention.keys & target_keys]
        if not missing:
            continue
        source_keys: set[Key] = set().union(*(mention.keys for mention in source))
        unmatched = [mention for mention in target if not mention.keys & source_keys
                     and mention.text[:1].isdigit()]
        has = (f"the target has {_listed(unmatched)}" if unmatched
               else "the target has no other number")
        lang = f" ({segment.source_lang})" if segment.source_lang else ""
        for text in dict.fromkeys(mention.text for mention in missing):
            yield Problem(segment.start, segment.end,
                          f'the source{lang} number "{text}" is not in the target; {has}')


CHECK = Check(
    code="TL111",
    name="number-mismatch",
    summary="A number of a bilingual file's source segment missing or changed in its target",
    severity=Severity.WARNING,
    run=number_mismatches,
    docs=CheckDocs(
        what=(
            "In a bilingual file (XLIFF 1.2 or 2.x), a number of a segment's source with no "
            "equal in its target. Each language's conventions are understood: decimal comma "
            "or point and thousands separators (*3,5 %* = *3.5%*, *11.000* = *11,000*, "
            "*1 234,5* with a no-break space), scale words (*11.000 millones* = *11 billion* "
            "= *11,000 million*, *2,5 Mrd.*, *3 тыс.*, *5 mil*; *1 millón* = *a million*), "
            "small numbers, ordinals and "
            "months written as words in the target (*3* = *three*, *5.* = *5th* = *fifth*, "
            "*05.05.2024* = *May 5, 2024*), times (*15.00 Uhr* = *3 p.m.*), decades (*los "
            "años 90* = *the 1990s*), ranges and signs (*-2 %* = *fell 2%*). Versions and "
            "codes glued to letters (*G7*, *F-16*) are not numbers. The finding spans the "
            "target's text and names the source number and the target's numbers that match "
            "none of the source's; a number only in the target (a year added for context) "
            "is not reported. The words are each language's `[numbers]` in "
            "`translint/languages/`. Plain text, Markdown and HTML have no segments."
        ),
        why=(
            "A figure changed in translation is the costliest error a desk ships: 1.500 "
            "millones is 1.5 billion, not 1.5 million, and a dropped percentage changes the "
            "story. How a scale is phrased (*11,000 million* or *11 billion*) is a phrasing "
            "matter (TL201), not a mismatch."
        ),
        example=(
            '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" '
            'srcLang="es" trgLang="en">\n'
            '  <file id="f1"><unit id="u1"><segment>\n'
            "    <source>La deuda llegó a 1.500 millones de euros.</source>\n"
            "    <target>The debt reached 1.5 million euros.</target>\n"
            "  </segment></unit></file>\n"
            "</xliff>"
        ),
        instead=(
            '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" '
            'srcLang="es" trgLang="en">\n'
            '  <file id="f1"><unit id="u1"><segment>\n'
            "    <source>La deuda llegó a 1.500 millones de euros.</source>\n"
            "    <target>The debt reached 1.5 billion euros.</target>\n"
            "  </segment></unit></file>\n"
            "</xliff>"
        ),
        format="xliff",
    ),
)
