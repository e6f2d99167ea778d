"""TL402 caption-in-body: a photo caption or credit pasted into the running text."""

from __future__ import annotations

from collections.abc import Iterator

from translint.checks.base import Check, CheckDocs, Context, Problem
from translint.checks.wire_boilerplate import prepare_wire_rules, wire_problems, wire_rule_ids
from translint.findings import Severity
from translint.text.document import Document


def captions(document: Document, context: Context) -> Iterator[Problem]:
    """TL402: photo captions and credits pasted into the running text."""
    return wire_problems(document, context, "TL402")


CHECK = Check(
    code="TL402",
    name="caption-in-body",
    summary="A photo caption or credit pasted into the running text",
    severity=Severity.INFO,
    run=captions,
    prepare=prepare_wire_rules,
    rule_ids=wire_rule_ids("TL402"),
    docs=CheckDocs(
        what=(
            "A photo caption or credit pasted into the running text: *(REUTERS/Alexander "
            "Ermochenko)*, *Sputnik/…/Kremlin via REUTERS*, *File photo of …*, */File Photo*, "
            "*(Photo: …)*. Right in a caption field, so it informs and never gates by default."
        ),
        why=(
            "A credit or caption in the body interrupts the story and belongs in the photo's "
            "own field."
        ),
        example="Rescuers searched the rubble (REUTERS/Alexander Ermochenko) until dawn.",
        instead="Rescuers searched the rubble until dawn.",
    ),
)
