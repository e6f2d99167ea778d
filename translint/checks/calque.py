"""TL201 calque: phrasing that betrays a literal translation, from the phrasing packs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from translint.checks.base import Check, CheckDocs, Context, Problem, Resources
from translint.errors import RuleError
from translint.findings import Severity
from translint.names.fold import match_case
from translint.rules.packs import Pack, PhrasingIndex, bundled_pack_paths, load_pack, rules_for
from translint.text.document import Document


def phrasing_packs(resources: Resources, lang: str | None = None) -> list[Pack]:
    """The phrasing packs of the run (every language): the bundled ones, or those
    configured. A pack id used twice is an error."""
    bundled = bundled_pack_paths()
    configured = resources.settings.pack_paths
    paths = list(configured) if configured is not None else bundled
    # The bundled packs are compiled by the test suite; anything else is compiled now.
    packs = [load_pack(path, compile_now=Path(path) not in bundled) for path in paths]
    seen: dict[str, str] = {}
    for pack in packs:
        if pack.id in seen:
            raise RuleError(f'pack id "{pack.id}" is also used by {seen[pack.id]}', pack.path)
        seen[pack.id] = pack.path
    return packs


def phrasing_index(resources: Resources, lang: str | None) -> PhrasingIndex:
    """The rules for copy in ``lang``, less the disabled ones."""
    disabled = resources.settings.disabled_rules
    packs = resources.get(phrasing_packs)
    return PhrasingIndex(
        rule for rule in rules_for(packs, lang or "", resources.settings.source_langs or None)
        if rule.pack not in disabled and rule.qualified_id not in disabled)


def load(resources: Resources) -> None:
    """Load packs a user gave now, and refuse disabled ids that name no pack and no rule
    (the bundled packs alone load on first use: a run may never need them)."""
    settings = resources.settings
    if settings.pack_paths is None and not settings.disabled_rules:
        return
    packs = resources.get(phrasing_packs)
    known = {pack.id for pack in packs} | {
        rule.qualified_id for pack in packs for rule in pack.rules}
    unknown = sorted(settings.disabled_rules - known)
    if unknown:
        raise RuleError(f"disabled_rules names no pack or rule: {', '.join(unknown)}")


def prepare(resources: Resources, lang: str | None) -> None:
    """Build the rules for ``lang`` copy (nothing when the language is detected per copy)."""
    if lang is not None:
        resources.get(phrasing_index, lang)


def calques(document: Document, context: Context) -> Iterator[Problem]:
    """TL201: phrasing that betrays a literal translation, per the packs for this language."""
    if document.lang is None:
        return
    index = context.resources.get(phrasing_index, document.lang)
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


CHECK = Check(
    code="TL201",
    name="calque",
    summary="Phrasing that betrays a literal translation (calque or false friend)",
    severity=Severity.WARNING,
    run=calques,
    load=load,
    prepare=prepare,
    docs=CheckDocs(
        what=(
            "Phrasing that betrays a literal translation, from the phrasing packs for the copy's "
            "language: *it transpired that* (Spanish *trascendió que*), *perceive certain points "
            "of contact*, *there is still a long way to come*, *aplicar para*, *jugar un rol*, "
            "*Sinn machen*, *faire du sens* …. The message names the likely source phrase and the "
            "rule (`[es-en/it-transpired-that]`); the suggestion is the usual native wording. "
            "Shown, never applied by `--fix`: a rewording needs an editor. Some rules report "
            "at info."
        ),
        why=(
            "A phrase carried over word for word from the source language reads as "
            "translated, and a false friend says something the source did not."
        ),
        example="It transpired that the talks had failed.",
        instead="It emerged that the talks had failed.",
    ),
)
