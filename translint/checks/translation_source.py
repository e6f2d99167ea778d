"""TL210 translation-source: a document whose calques point to one source language.

Reads the calques TL201 finds (``document_calques``: one matching pass a document, shared
through the document's ``Context``). Evidence, measured on the development part of
``../shared/phrasing-dev/`` and on 2,315 native articles (``benchmarks/README.md``): no
native article holds calques of two different rules of one pack, while translated ones
often do; a phrase several packs share counts for each of them, so the best pack must
also lead the next one by ``MARGIN``.
"""

from __future__ import annotations

from collections.abc import Iterator

from translint.checks.base import Check, CheckDocs, Context, Problem
from translint.checks.calque_packs import document_calques, prepare_index, source_name
from translint.findings import Severity
from translint.text.document import Document

# A source is named when its pack found at least MIN_CALQUES calques, of at least
# MIN_RULES different rules, and MARGIN more than any other pack.
MIN_CALQUES = 2
MIN_RULES = 2
MARGIN = 2


def translation_source(document: Document, context: Context) -> Iterator[Problem]:
    """TL210: once a document, on its first calque of the named pack (not for a
    bilingual file that declares its source language: there is nothing to guess)."""
    if document.declared_source_lang is not None:
        return
    ranked = context.get(document_calques).ranked
    if not ranked:
        return
    best = ranked[0]
    runner_up = ranked[1].count if len(ranked) > 1 else 0
    if best.count < MIN_CALQUES or len(best.rules) < MIN_RULES or \
            best.count - runner_up < MARGIN:
        return
    first = best.matches[0]
    yield Problem(first.start, first.end,
                  f"Reads like a translation from {source_name(best.pack)} "
                  f"({best.count} calques of {best.pack.id})")


CHECK = Check(
    code="TL210",
    name="translation-source",
    summary="The copy reads like a translation from one source language (its calques)",
    severity=Severity.INFO,
    run=translation_source,
    prepare=prepare_index,
    docs=CheckDocs(
        what=(
            "Once a document, when its calques (TL201) point to one source language: "
            f"at least {MIN_CALQUES} calques of one phrasing pack, from at least {MIN_RULES} "
            f"of its rules, and {MARGIN} more than any other pack: *reads like a translation "
            "from Spanish (9 calques of es-en)*. The finding sits on the first calque of "
            "that pack. It runs over the packs TL201 runs (all of them for the copy's "
            "language unless `source_lang` narrows them), and finds the same calques "
            "without matching the document again. With `--source-lang auto` it names the "
            "source TL201 keeps. A bilingual file that declares its source language "
            "(XLIFF `srcLang`) gets no TL201 guess: its packs are that language's."
        ),
        why=(
            "Copy translated without saying so, or from another language than the desk "
            "believes, deserves an editor's second look; the source language also tells "
            "which phrasing pack to run (`--source-lang`)."
        ),
        example=("It transpired that the plan had failed, and the mayor perceived certain "
                 "points of contact with the opposition."),
        instead=("It emerged that the plan had failed, and the mayor saw some common ground "
                 "with the opposition."),
    ),
)
