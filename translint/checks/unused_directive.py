"""TL001 unused-directive: an inline directive that silences nothing.

Not a check like the others: the linter runs it after every other check of the document,
as ruff computes RUF100, because it reads which directives their findings were silenced by
(``Context.silenced``). Off by default; select it to run it.
"""

from __future__ import annotations

from collections.abc import Iterator

from translint.checks.base import Check, CheckDocs, Context, Problem
from translint.findings import Severity
from translint.text.directives import Suppression
from translint.text.document import Document

# This check's own code: a directive is never needed to silence it for itself.
CODE = "TL001"


def unused_directives(document: Document, context: Context) -> Iterator[Problem]:
    """TL001: a translint-disable directive that silenced no finding of this run.

    Only directives whose every check ran can be judged: with ``--select TL1``, a directive
    for TL201 (or one without codes, which covers every check) is left alone.
    """
    known_codes = context.known_codes
    for index, item in enumerate(document.suppressions.items):
        if index in context.silenced:
            continue
        unknown = [code for code in item.codes if not _checks_of(code, known_codes)]
        if unknown:
            yield Problem(item.start, item.end,
                          f"{', '.join(unknown)}: no translint check has "
                          f"{'this code' if len(unknown) == 1 else 'these codes'}; "
                          "the directive silences nothing")
            continue
        covered = set().union(*(_checks_of(code, known_codes)
                                for code in item.codes or ("",)))
        if covered <= context.codes_run:
            yield Problem(item.start, item.end,
                          f"{_describe(item)} silences no finding; remove it")


def _checks_of(prefix: str, codes: frozenset[str]) -> set[str]:
    """The codes of the checks a directive's code (a prefix) names."""
    return {code for code in codes if code.startswith(prefix) and code != CODE}


def _describe(item: Suppression) -> str:
    codes = f" {' '.join(item.codes)}" if item.codes else ""
    reason = f" (written for: {item.reason})" if item.reason else ""
    return f"translint-{item.verb}{codes}{reason}"


CHECK = Check(
    code=CODE,
    name="unused-directive",
    summary="An inline translint-disable directive that silences nothing",
    severity=Severity.WARNING,
    run=unused_directives,
    on_by_default=False,
    docs=CheckDocs(
        what=(
            "An inline `translint-disable…` directive under which no finding was silenced in this "
            "run — the spelling was corrected or the glossary changed — or one that names no "
            "check (*TL999*). A directive is judged only when every check it covers ran: with "
            "`--select TL1,TL001`, a directive for TL201, or one without codes, is left alone. "
            "Never silenced by the directive it reports."
        ),
        why=(
            "A directive left behind silences the next real finding on its lines without "
            "anyone deciding so."
        ),
        example="<!-- translint-disable-next-line TL999 -->\nTalks resumed in Kyiv.",
        instead="Talks resumed in Kyiv.",
    ),
)
