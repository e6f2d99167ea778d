"""The reference page of the checks, generated from each check's own docs (``CheckDocs``).

``translint checks --format markdown`` prints it; ``docs/checks.md`` is that output, and a
test keeps the two the same (``make docs-checks`` rewrites the page).
"""

from __future__ import annotations

from collections.abc import Iterable

from translint.checks.base import Check
from translint.languages import language

HEADER = """\
# The checks

<!-- Generated from the checks' own docs (translint/checks/*.py) by `make docs-checks`;
edit those, not this page. -->

`translint checks` lists them (`--format json` for tools). Codes are stable: `--select` and
`--ignore` take a code or a prefix (`TL1` for the name checks). Each check's example below is
run by the test suite: the check flags it, leaves the copy under *Use instead* alone, and a
fixable check's fix turns the one into the other.

How the name checks (TL1xx) find names, and how a document's language is decided:
[Names and languages](names.md). The rule data behind TL201, TL301, TL202 and TL4xx:
[Translation artefacts](phrasing.md). Keeping a finding on purpose:
[`[sic]` and directives](configuration.md#keeping-a-finding-sic-and-directives); changing a
check's severity: [`[severity]`](configuration.md).
"""


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
    copy = f"In {language(docs.lang).name} copy"
    if docs.format == "xliff":
        copy = f"An XLIFF file with {language(docs.lang).name} targets"
    if docs.options:
        copy += f", with {', '.join(f'`--{option}`' for option in docs.options)}"
    fence = "xml" if docs.format == "xliff" else "text"
    return [
        f"## {check.code} {check.name}", "",
        f"{check.summary}. Severity: {' · '.join(facts)}.", "",
        "### What it does", "", docs.what, "",
        "### Why is this bad?", "", docs.why, "",
        "### Example", "", f"{copy}:", "", f"```{fence}", docs.example, "```", "",
        "### Use instead", "", f"```{fence}", docs.instead, "```",
    ]
