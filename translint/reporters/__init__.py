"""Reporters turn findings into output, one input at a time.

Each format is a ``Reporter`` class: ``begin()``, then ``file(findings)`` for each input
in turn, then ``end(report)`` with the run's counts and errors. A run streams through
it, so memory does not grow with the number of findings; ``render(report)`` gives the
whole output of a report held in memory as one string.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from typing import TextIO

from translint.findings import Report
from translint.reporters import github, json, sarif, text
from translint.reporters.base import Reporter

Renderer = Callable[[Report, bool], str]

REPORTER_CLASSES: dict[str, type[Reporter]] = {
    "text": text.TextReporter,
    "json": json.JsonReporter,
    "jsonl": json.JsonLinesReporter,
    "sarif": sarif.SarifReporter,
    "github": github.GithubReporter,
}


def make_reporter(name: str, out: TextIO, color: bool = False,
                  quiet: bool = False) -> Reporter:
    """The reporter for format ``name`` writing to ``out``."""
    return REPORTER_CLASSES[name](out, color=color, quiet=quiet)


def render(name: str, report: Report, color: bool = False) -> str:
    """The whole output of format ``name`` for a report held in memory."""
    out = io.StringIO()
    reporter = make_reporter(name, out, color)
    reporter.begin()
    reporter.file(report.findings)
    reporter.end(report)
    return out.getvalue()


REPORTERS: dict[str, Renderer] = {name: functools.partial(render, name)
                                   for name in REPORTER_CLASSES}

__all__ = ["REPORTERS", "REPORTER_CLASSES", "Renderer", "Reporter", "make_reporter", "render"]
