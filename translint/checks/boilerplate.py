"""Boilerplate checks (TL4xx): agency notes and captions that leaked into published copy."""

from __future__ import annotations

from collections.abc import Iterator

from translint.checks.base import Context, Problem
from translint.text.document import Document


def _wire(document: Document, context: Context, code: str) -> Iterator[Problem]:
    for match in context.wire_matches:
        if match.rule.code != code:
            continue
        written = " ".join(document.text[match.start:match.end].split())
        yield Problem(match.start, match.end,
                      f'{match.rule.message}: "{written}" [{match.rule.id}]', "")


def wire_boilerplate(document: Document, context: Context) -> Iterator[Problem]:
    """TL401: notes meant for editors (ATTENTION EDITORS, FILE PHOTO:, TK, translator's notes)."""
    return _wire(document, context, "TL401")


def captions(document: Document, context: Context) -> Iterator[Problem]:
    """TL402: photo captions and credits pasted into the running text."""
    return _wire(document, context, "TL402")
