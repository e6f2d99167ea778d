"""Glossaries in other formats: which format a file is in or is to be written in, and
reading or writing it (TBX for terminology tools, CSV for spreadsheets)."""

from __future__ import annotations

from pathlib import Path

from translint.errors import ConfigError, GlossaryError
from translint.glossary.model import Glossary

EXPORT_FORMATS = ("tbx", "tbx2", "csv")
FORMATS_SAID = "tbx, tbx2 or csv"
IMPORT_SUFFIXES = {".tbx": "tbx", ".xml": "tbx", ".csv": "csv"}


def import_format(source: str) -> str:
    """The format of the file to import, by its suffix: ``tbx`` or ``csv``."""
    chosen = IMPORT_SUFFIXES.get(Path(source).suffix.lower())
    if chosen is None:
        raise ConfigError("cannot import this file: give a .tbx, .xml or .csv file", source)
    return chosen


def read_foreign(source: str) -> Glossary:
    """Read a TBX (``.tbx``, ``.xml``) or CSV (``.csv``) glossary file."""
    chosen = import_format(source)
    from translint.text.read import decode_text, read_bytes

    data = read_bytes(source, error=GlossaryError)
    if chosen == "csv":
        from translint.glossary.csvio import read_csv

        return read_csv(decode_text(data, source, GlossaryError), source)
    from translint.glossary.tbx import read_tbx

    return read_tbx(data, source)


def export_format(requested: str | None, output: str | None) -> str:
    """The format to export in: the one requested, else by the suffix of the output
    file (``.csv``), else TBX."""
    if requested is not None:
        if requested not in EXPORT_FORMATS:
            raise ConfigError(f"cannot export as {requested}: use {FORMATS_SAID}")
        return requested
    return "csv" if output is not None and output.lower().endswith(".csv") else "tbx"


def write_foreign(glossary: Glossary, chosen: str, strict: bool = False) -> str:
    """``glossary`` as the text of a ``tbx`` (v3), ``tbx2`` (v2, ``martif``) or ``csv``
    file; ``strict``: TBX without translint's own data categories."""
    if strict and chosen not in ("tbx", "tbx2"):
        raise ConfigError("--strict applies to TBX exports (tbx, tbx2)")
    if chosen == "csv":
        from translint.glossary.csvio import write_csv

        return write_csv(glossary)
    if chosen in ("tbx", "tbx2"):
        from translint.glossary.tbx import write_tbx

        return write_tbx(glossary, version=3 if chosen == "tbx" else 2, strict=strict)
    raise ConfigError(f"cannot export as {chosen}: use {FORMATS_SAID}")
