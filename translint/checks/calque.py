"""TL201 calque: phrasing that betrays a literal translation, from the phrasing packs."""

from __future__ import annotations

from collections.abc import Iterator

from translint.checks.base import Check, CheckDocs, Context, Problem, Resources
from translint.checks.calque_packs import (
    document_calques,
    phrasing_packs,
    picks_best,
    prepare_index,
    reported,
    source_name,
)
from translint.errors import RuleError
from translint.findings import Severity
from translint.names.fold import match_case
from translint.text.document import Document


def load(resources: Resources) -> None:
    """Load packs a user gave now, and refuse disabled ids that name no pack and no rule
    (the bundled packs alone load on first use: a run may never need them)."""
    settings = resources.settings
    if settings.pack_paths is None and not settings.disabled_rules:
        return
    unknown = sorted(settings.disabled_rules - rule_ids(resources))
    if unknown:
        raise RuleError(f"disabled_rules names no pack or rule: {', '.join(unknown)}")


def rule_ids(resources: Resources) -> set[str]:
    """The ids ``--select``/``--ignore`` may name: every pack's, and every rule's."""
    packs = resources.get(phrasing_packs)
    return {pack.id for pack in packs} | {rule.qualified_id for pack in packs
                                          for rule in pack.rules}


def calques(document: Document, context: Context) -> Iterator[Problem]:
    """TL201: phrasing that betrays a literal translation, per the packs for this language
    (with ``auto``, only the packs that fit the document best)."""
    found = context.get(document_calques)
    packs = found.best if picks_best(context) else found.ranked
    for match, also_from in reported(packs):
        rule = match.rule
        written = document.text[match.start:match.end]
        suggestion = match_case(rule.suggestions[0], written) if rule.suggestions else None
        others = [f'"{other}"' for other in rule.suggestions[1:]]
        also = f" (or {', '.join(others)})" if others else ""
        shared = (f" (also a calque from {', '.join(source_name(pack) for pack in also_from)})"
                  if also_from else "")
        yield Problem(match.start, match.end,
                      f"{rule.message}{also}{shared} [{rule.qualified_id}]",
                      suggestion, severity=rule.severity, rule=rule.qualified_id)


CHECK = Check(
    code="TL201",
    name="calque",
    summary="Phrasing that betrays a literal translation (calque or false friend)",
    severity=Severity.WARNING,
    run=calques,
    load=load,
    rule_ids=rule_ids,
    prepare=prepare_index,
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
