"""Phrasing checks (TL2xx): calques and false friends from the rule packs."""

from __future__ import annotations

from collections.abc import Iterator

from translint.checks.base import Context, Problem
from translint.names.fold import match_case
from translint.text.document import Document


def calques(document: Document, context: Context) -> Iterator[Problem]:
    """TL201: phrasing that betrays a literal translation, per the packs for this language."""
    if document.lang is None:
        return
    index = context.resources.phrasing(document.lang)
    if not index.rules:
        return
    for match in index.find(document.prose, context.lowered):
        rule = match.rule
        written = document.text[match.start:match.end]
        suggestion = match_case(rule.suggestions[0], written) if rule.suggestions else None
        others = [f'"{other}"' for other in rule.suggestions[1:]]
        also = f" (or {', '.join(others)})" if others else ""
        yield Problem(match.start, match.end, f"{rule.message}{also} [{rule.qualified_id}]",
                      suggestion, severity=rule.severity)
