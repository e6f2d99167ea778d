"""The registry of checks: one line per check module, each declaring its ``CHECK``.

Adding a check: a module here declaring ``CHECK`` (code, name, severity, docs, run and
hooks; see ``translint.checks.base``), its line below, and its cases file in
``tests/cases/checks/``.
"""

from __future__ import annotations

from collections.abc import Iterable

from translint.checks import (
    calque,
    caption_in_body,
    disfavoured_variant,
    foreign_number_format,
    foreign_punctuation,
    inconsistent_spelling,
    mixed_script_word,
    number_mismatch,
    source_name_mismatch,
    translation_source,
    unknown_variant,
    untranslated_residue,
    untranslated_segment,
    unused_directive,
    wire_boilerplate,
)
from translint.checks.base import Check, CheckDocs, Context, Problem, Resources, Settings

# In the order `translint checks` lists them; the order does not change what they find.
CHECKS: tuple[Check, ...] = (
    disfavoured_variant.CHECK,
    inconsistent_spelling.CHECK,
    unknown_variant.CHECK,
    calque.CHECK,
    translation_source.CHECK,
    foreign_punctuation.CHECK,
    foreign_number_format.CHECK,
    untranslated_residue.CHECK,
    mixed_script_word.CHECK,
    wire_boilerplate.CHECK,
    caption_in_body.CHECK,
    source_name_mismatch.CHECK,
    number_mismatch.CHECK,
    untranslated_segment.CHECK,
    unused_directive.CHECK,
)

CHECKS_BY_CODE: dict[str, Check] = {check.code: check for check in CHECKS}
assert len(CHECKS_BY_CODE) == len(CHECKS), "check codes must be unique"
assert len({check.name for check in CHECKS}) == len(CHECKS), "check names must be unique"

# Runs after every other check of a document (it reads what their findings silenced).
UNUSED_DIRECTIVE = unused_directive.CHECK


def unknown_codes(codes: Iterable[str]) -> list[str]:
    """The codes or code prefixes among ``codes`` that name no check."""
    return [code for code in codes if not any(check.code.startswith(code) for check in CHECKS)]


__all__ = ["CHECKS", "CHECKS_BY_CODE", "UNUSED_DIRECTIVE", "Check", "CheckDocs", "Context",
           "Problem", "Resources", "Settings", "unknown_codes"]
