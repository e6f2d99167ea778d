"""Errors translint reports to its users instead of tracebacks.

    TranslintError          a problem the user can fix; knows where it is
    ├── GlossaryError       a glossary file is malformed or inconsistent
    ├── ConfigError         a configuration file or option value is wrong
    ├── InputError          an input file cannot be read as text
    └── RuleError           a rule pack is malformed
        └── RuleTimeout     a rule's expression ran past its time limit on a text

The CLI prints ``str(error)`` (``path:line: message``) and exits with code 2.
"""

from __future__ import annotations


class TranslintError(Exception):
    """A user-facing error with an optional file location."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        if self.line is None:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"


class GlossaryError(TranslintError):
    """A glossary file cannot be used as it is."""


class ConfigError(TranslintError):
    """A configuration file or an option has a bad value."""


class InputError(TranslintError):
    """An input file cannot be read as UTF-8 text."""


class GlossaryErrors(GlossaryError):
    """Several problems found in glossary files at once; ``problems`` lists them all."""

    def __init__(self, problems: list[GlossaryError]) -> None:
        first = problems[0]
        super().__init__(first.message, first.path, first.line)
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


class RuleError(TranslintError):
    """A rule pack (phrasing or boilerplate rules) is malformed."""


class RuleTimeout(RuleError):
    """A rule's expression ran past its time limit on one text: the text is reported as an
    error naming the rule, never as checked."""
