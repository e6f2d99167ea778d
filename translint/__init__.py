"""translint: a translation-consistency checker for news copy.

    >>> from translint import check_text
    >>> [f.suggestion for f in check_text("Talks between Moscow and Kiev resumed.", lang="en")]
    ['Kyiv']
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from translint.config import check_options, read_config
from translint.errors import ConfigError, GlossaryError, InputError, TranslintError
from translint.findings import Finding, Report, Severity
from translint.fix import fix_text
from translint.glossary import Entry, Glossary
from translint.glossary.load import load_glossaries, load_glossary
from translint.linter import Linter
from translint.settings import Selection

__version__ = "0.1.0"


def check_text(text: str, *, glossaries: Iterable[str | Path] | None = None,
               lang: str | None = None, path: str = "<text>", format: str | None = None,
               select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Finding]:
    """Check one text against glossary files (the bundled ones by default)."""
    selection = Selection(select=tuple(select), ignore=tuple(ignore))
    linter = Linter.from_paths(glossaries, selection, lang)
    return linter.check_text(text, path, format)


def check_paths(paths: Iterable[str], *, glossaries: Iterable[str | Path] | None = None,
                lang: str | None = None, select: Iterable[str] = (),
                ignore: Iterable[str] = (), jobs: int | None = None) -> Report:
    """Check files and directories (recursively) and return the report; directories that
    cannot be read are among its errors."""
    from translint.runner import find_inputs, run

    selection = Selection(select=tuple(select), ignore=tuple(ignore))
    linter = Linter.from_paths(glossaries, selection, lang)
    inputs = find_inputs(paths)
    report = run(linter, inputs.files, jobs=jobs)
    report.errors[:0] = inputs.errors
    return report


__all__ = [
    "ConfigError",
    "Entry",
    "Finding",
    "Glossary",
    "GlossaryError",
    "InputError",
    "Linter",
    "Report",
    "Selection",
    "Severity",
    "TranslintError",
    "__version__",
    "check_options",
    "check_paths",
    "check_text",
    "fix_text",
    "load_glossaries",
    "load_glossary",
    "read_config",
]
