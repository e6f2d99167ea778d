"""The reference page of the checks, generated from each check's own docs (``CheckDocs``).

``translint checks --format markdown`` prints it; ``docs/checks.md`` is that output, and a
test keeps the two the same (``make docs-checks`` rewrites the page).
"""

from __future__ import annotations

from collections.abc import Iterable

from translint.checks.base import Check
from translint.text.langcodes import language_name

HEADER = (
    "# Checks\n\n"
    "<!-- Generated from the checks' own docs (translint/checks/*.py) by "
    "`make docs-checks`; edit those, not this page. -->\n\n"
    "Every check has a stable code and name; `--select` and `--ignore` take either, or a "
    "code prefix (`TL1` for the name checks). Severities can be changed in the "
    "configuration (`[severity]`). Each check's example is run by the test suite: the check "
    "flags it, leaves the copy under *Use instead* alone, and a fixable check's fix turns "
    "the one into the other.\n"
)


def anchor(check: Check) -> str:
    """The heading anchor of a check's section (GitHub's and MkDocs' slug)."""
    return f"{check.code.lower()}-{check.name}"


def checks_markdown(checks: Iterable[Check]) -> str:
    """The checks' reference page, in Markdown."""
    checks = list(checks)
    lines = [HEADER, "| Code | Name | Severity | Fixable | Summary |",
             "|------|------|----------|---------|---------|"]
    for check in checks:
        default = "" if check.on_by_default else " (off by default)"
        lines.append(f"| [{check.code}](#{anchor(check)}) | {check.name} | "
                     f"{check.severity.label} | {'yes' if check.fixable else 'no'} | "
                     f"{check.summary}{default} |")
    for check in checks:
        lines.extend(["", *_section(check)])
    return "\n".join(lines) + "\n"


def _section(check: Check) -> list[str]:
    docs = check.docs
    facts = [check.severity.label, "fixable" if check.fixable else "not fixed automatically",
             "on by default" if check.on_by_default else
             f"off by default (`--select {check.code}` turns it on)"]
    copy = f"In {language_name(docs.lang)} copy"
    if docs.options:
        copy += f", with {', '.join(f'`--{option}`' for option in docs.options)}"
    return [
        f"## {check.code} {check.name}", "",
        f"{check.summary}. Severity: {' · '.join(facts)}.", "",
        "### What it does", "", docs.what, "",
        "### Why is this bad?", "", docs.why, "",
        "### Example", "", f"{copy}:", "", "```text", docs.example, "```", "",
        "### Use instead", "", "```text", docs.instead, "```",
    ]
