"""The catalogue of checks: every check, with its stable code, in one explicit tuple."""

from __future__ import annotations

from collections.abc import Iterable

from translint.checks.base import Check, Context, Problem, Resources
from translint.checks.boilerplate import captions, wire_boilerplate
from translint.checks.conventions import foreign_number_formats, foreign_punctuation
from translint.checks.directives import unused_directives
from translint.checks.language import mixed_script_words, untranslated_residue
from translint.checks.names import disfavoured_variants, inconsistent_spellings, unknown_variants
from translint.checks.phrasing import calques
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
    Check(
        code="TL201",
        name="calque",
        summary="Phrasing that betrays a literal translation (calque or false friend)",
        severity=Severity.WARNING,
        run=calques,
        description=(
            "A rule of the phrasing packs for the document's language matched: it transpired "
            "that (Spanish trascendió que), perceive points of contact, aplicar para (English "
            "apply for), Sinn machen (make sense). The message names the likely source phrase "
            "and the rule ([pack/rule]); the suggestion is the usual native wording. Some rules "
            "are info only. Suggestions are shown, not applied: a rewording needs an editor."
        ),
    ),
    Check(
        code="TL202",
        name="foreign-punctuation",
        summary="Quotation marks, spacing or signs of another language's typography",
        severity=Severity.WARNING,
        run=foreign_punctuation,
        fixable=True,
        description=(
            "In English copy: guillemets « » and »…« (→ “ ”), German low-high „…“ and ‚…‘, "
            "a no-break or thin space before : ; ? ! (French; plain spaces only when the "
            "copy does it twice), a space before %. ¿ and ¡ opening a clause in the copy's "
            "own language outside Spanish, Catalan and Galician. In French copy that spaces "
            "its marks, one it left unspaced (info). Quotes follow the copy's own style, "
            "curly or straight."
        ),
    ),
    Check(
        code="TL203",
        name="foreign-number-format",
        summary="Thousands or decimal separators of another language's convention",
        severity=Severity.WARNING,
        run=foreign_number_formats,
        fixable=True,
        description=(
            "12.000 people, 1.234.567, 3,5 million, 2,5% in English copy; 3.5 Millionen, "
            "2.5 %, 12,000 Menschen, 1,234,567 in German, French, Italian, Portuguese and "
            "Dutch copy; in Spanish only where the copy also writes the European way. A "
            "number with one separator and three digits (12.000) counts thousands only "
            "before a count of people or things or a round sum of money. Never versions, "
            "times, dates, IP addresses or scores. French thousands take a narrow no-break "
            "space."
        ),
    ),
)

CHECKS += (
    Check(
        code="TL301",
        name="untranslated-residue",
        summary="A sentence in another language, or non-Latin words, left in the copy",
        severity=Severity.WARNING,
        run=untranslated_residue,
        fixable=True,
        description=(
            "A sentence of at least eight words whose stop words are clearly another "
            "language's, confirmed by langdetect (probability 0.95 or more); or Cyrillic, Greek, "
            "Arabic, Hebrew or CJK words left inside Latin-script copy. The fix is the "
            "glossary's form where it has one, else for Cyrillic the national romanisation "
            "(ua-2010, BGN/PCGN); other scripts get no fix: an editor translates or romanises "
            "them. A non-Latin gloss in parentheses — Kyiv (Київ) — is deliberate and not "
            "flagged."
        ),
    ),
    Check(
        code="TL302",
        name="mixed-script-word",
        summary="A word that mixes Latin with Cyrillic or Greek letters",
        severity=Severity.ERROR,
        run=mixed_script_words,
        fixable=True,
        description=(
            "Latin Kyiv with a Cyrillic і or о inside looks right and breaks search and every "
            "other check. The fix replaces the stray letters with their look-alikes from the "
            "word's main script."
        ),
    ),
    Check(
        code="TL401",
        name="wire-boilerplate",
        summary="A note meant for editors left in published copy",
        severity=Severity.ERROR,
        run=wire_boilerplate,
        description=(
            "ATTENTION EDITORS …, EDITORIAL USE ONLY, NO RESALES. NO ARCHIVES, FILE PHOTO:, "
            "a TK (to come) placeholder, a translator's note (N. del T., Translator's note, "
            "Anm. d. Übers.); with the strip-credits option also (Reporting by …; Editing "
            "by …). The suggestion is to delete the span (shown as (delete); not applied "
            "automatically)."
        ),
    ),
    Check(
        code="TL402",
        name="caption-in-body",
        summary="A photo caption or credit pasted into the running text",
        severity=Severity.INFO,
        run=captions,
        description=(
            "(REUTERS/Alexander Ermochenko), Sputnik/…/Kremlin via REUTERS, File photo of …, "
            "(Photo: …). Often right in a caption field, so it informs and does not gate."
        ),
    ),
)

# Last: it reads which directives the other checks' findings were silenced by.
CHECKS += (
    Check(
        code="TL001",
        name="unused-directive",
        summary="An inline translint-disable directive that silences nothing",
        severity=Severity.WARNING,
        run=unused_directives,
        on_by_default=False,
        description=(
            "A <!-- translint-disable… --> comment under which no finding was silenced in "
            "this run (the spelling was corrected, the glossary changed), or that names no "
            "check. Judged only when every check the directive covers ran. Off by default: "
            "--select TL001 (or TL, every check) turns it on."
        ),
    ),
)

CHECKS_BY_CODE: dict[str, Check] = {check.code: check for check in CHECKS}
assert len(CHECKS_BY_CODE) == len(CHECKS), "check codes must be unique"
assert len({check.name for check in CHECKS}) == len(CHECKS), "check names must be unique"



def unknown_codes(codes: Iterable[str]) -> list[str]:
    """The codes or code prefixes among ``codes`` that name no check."""
    return [code for code in codes if not any(check.code.startswith(code) for check in CHECKS)]


__all__ = ["CHECKS", "CHECKS_BY_CODE", "Check", "Context", "Problem", "Resources",
           "unknown_codes"]
