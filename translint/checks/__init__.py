"""The catalogue of checks: every check, with its stable code, in one explicit tuple."""

from __future__ import annotations

from translint.checks.base import Check, Context, Problem, Resources
from translint.checks.names import disfavoured_variants, inconsistent_spellings, unknown_variants
from translint.findings import Severity

CHECKS: tuple[Check, ...] = (
    Check(
        code="TL101",
        name="disfavoured-variant",
        summary="A name written in a form the document's language does not use",
        severity=Severity.ERROR,
        run=disfavoured_variants,
        fixable=True,
        description=(
            "A glossary variant, or another language's form, where the document's language "
            "prefers another form: Kiev, Kiev's, pro-Kiev → Kyiv in English copy. Not flagged "
            "inside the entry's exceptions (chicken Kiev) or as a gloss right after the "
            "preferred form (Kyiv (formerly Kiev)). A person's given name is checked only "
            "next to the family name."
        ),
    ),
    Check(
        code="TL102",
        name="inconsistent-spelling",
        summary="One name written two or more ways in the same document",
        severity=Severity.WARNING,
        run=inconsistent_spellings,
        description=(
            "Two forms of a glossary entry that are each allowed (Kiew and Kyjiw in German), "
            "or a name outside the glossaries whose spellings fold to one transliteration key "
            "(Syrskyi and Syrsky) or differ only by hyphenation. Points to the preferred form, "
            "else the most frequent one, else the first. Not fixed automatically."
        ),
    ),
    Check(
        code="TL103",
        name="unknown-variant",
        summary="A name close to a glossary entry but written in none of its forms",
        severity=Severity.WARNING,
        run=unknown_variants,
        fixable=True,
        description=(
            "A capitalised name whose transliteration key (unidecode, y/i/j, kh/h, doubled "
            "letters, apostrophes) is that of a glossary entry, written in none of its listed "
            "forms: Podoljak, Zaporizhzhya, Kyïv; also a hyphenated form written with a space."
        ),
    ),
)

CHECKS_BY_CODE: dict[str, Check] = {check.code: check for check in CHECKS}
assert len(CHECKS_BY_CODE) == len(CHECKS), "check codes must be unique"
assert len({check.name for check in CHECKS}) == len(CHECKS), "check names must be unique"

__all__ = ["CHECKS", "CHECKS_BY_CODE", "Check", "Context", "Problem", "Resources"]
