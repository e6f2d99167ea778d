"""Helpers shared by the glossary import and export tests."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from translint.glossary.load import parse_glossary
from translint.glossary.model import Glossary

from ..conftest import CASES

GLOSSARY_IO = CASES / "glossary_io"
BUNDLED = CASES.parent.parent / "glossaries" / "ukraine-russia.toml"


def comparable(glossary: Glossary) -> Glossary:
    """``glossary`` without what depends on the file it came from (path, entry locations)."""
    entries = tuple(dataclasses.replace(entry, location=None) for entry in glossary.entries)
    return dataclasses.replace(glossary, entries=entries, path=None)


def expected_glossary(source: Path) -> Glossary:
    """The glossary ``X.expected.toml`` says ``source`` (X.tbx, X.csv) must read as."""
    expected = source.with_name(source.stem + ".expected.toml")
    return comparable(parse_glossary(expected.read_text(encoding="utf-8"), str(expected)))
