"""TL401 wire-boilerplate: a note meant for editors left in published copy.

The wire rules (``translint/rules/wire.toml``) serve this check and TL402: both read the
matches ``wire_matches`` finds once per document.
"""

from __future__ import annotations

from collections.abc import Iterator

from translint.checks.base import Check, CheckDocs, Context, Problem, Resources, RuleIds
from translint.findings import Severity
from translint.rules.anchored import AnchoredIndex, RuleMatch
from translint.rules.wire import WireRule, load_wire_rules, wire_index
from translint.text.document import Document


def wire_rules(resources: Resources, lang: str | None = None) -> AnchoredIndex[WireRule]:
    """The wire rules (boilerplate and captions) that the run's options switch on."""
    return wire_index(load_wire_rules(), resources.settings.options)


def prepare_wire_rules(resources: Resources, lang: str | None) -> None:
    """Build the wire rules (the same for every language)."""
    resources.get(wire_rules)


def wire_matches(context: Context) -> list[RuleMatch[WireRule]]:
    """Every wire boilerplate or caption rule that matches the prose."""
    return context.resources.get(wire_rules).find(context.document.prose, context.lowered)


def wire_rule_ids(code: str) -> RuleIds:
    """The ids of the wire rules of the check ``code``."""
    def ids(resources: Resources) -> list[str]:
        return [rule.id for rule in load_wire_rules() if rule.code == code]
    return ids


def wire_problems(document: Document, context: Context, code: str) -> Iterator[Problem]:
    """The wire rule matches of the check ``code``, as problems whose fix is deletion."""
    for match in context.get(wire_matches):
        if match.rule.code != code:
            continue
        written = " ".join(document.text[match.start:match.end].split())
        yield Problem(match.start, match.end,
                      f'{match.rule.message}: "{written}" [{match.rule.id}]', "",
                      rule=match.rule.id)


def wire_boilerplate(document: Document, context: Context) -> Iterator[Problem]:
    """TL401: notes meant for editors (ATTENTION EDITORS, FILE PHOTO:, TK, translator's notes)."""
    return wire_problems(document, context, "TL401")


CHECK = Check(
    code="TL401",
    name="wire-boilerplate",
    summary="A note meant for editors left in published copy",
    severity=Severity.ERROR,
    run=wire_boilerplate,
    prepare=prepare_wire_rules,
    rule_ids=wire_rule_ids("TL401"),
    docs=CheckDocs(
        what=(
            "Notes meant for editors: *ATTENTION EDITORS – THIS IMAGE WAS PROVIDED BY A THIRD "
            "PARTY*, *EDITORIAL USE ONLY*, *NO RESALES. NO ARCHIVES*, *MANDATORY CREDIT*, *FILE "
            "PHOTO:*, a *TK* (to come) placeholder, a translator's note (*N. del T.*, *NdT*, "
            "*Translator's note*, *Anm. d. Übers.*); with `--strip-credits` also *(Reporting by "
            "…; Editing by …)*. Suggestion: delete (shown as `→ (delete)`, not applied by "
            "`--fix`)."
        ),
        why=(
            "Agency notes are instructions to the desk, not news: published, they tell the "
            "reader the copy went out unedited."
        ),
        example="The minister resigned on Friday. EDITORIAL USE ONLY.",
        instead="The minister resigned on Friday.",
    ),
)
