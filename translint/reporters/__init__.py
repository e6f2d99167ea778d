"""Reporters turn a report into text: one pure ``render`` function per format name."""

from __future__ import annotations

from collections.abc import Callable

from translint.findings import Report
from translint.reporters import github, json, sarif, text

Renderer = Callable[[Report, bool], str]

REPORTERS: dict[str, Renderer] = {
    "text": text.render,
    "json": json.render,
    "sarif": sarif.render,
    "github": github.render,
}

__all__ = ["REPORTERS", "Renderer"]
