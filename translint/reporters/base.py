"""What every reporter does, and how paths are shown safely."""

from __future__ import annotations

import os
import re
from typing import TextIO

from translint.findings import Finding, Report

# A file name that is not valid UTF-8 comes from the operating system with each bad byte
# as a lone surrogate (U+DC80–U+DCFF): it cannot be written as UTF-8 text.
_SURROGATE = re.compile("[\ud800-\udfff]")


def printable_path(path: str) -> str:
    """``path`` with each byte that is not UTF-8 shown as ``\\xNN``, as ``ls -b`` does."""
    if path.isascii() or not _SURROGATE.search(path):
        return path
    return _SURROGATE.sub(lambda match: f"\\x{ord(match.group()) - 0xDC00:02x}"
                          if 0xDC80 <= ord(match.group()) <= 0xDCFF
                          else f"\\u{ord(match.group()):04x}", path)


def json_escape_surrogates(encoded: str) -> str:
    """A JSON string (as ``json.dumps`` writes it, non-ASCII kept) with lone surrogates
    written as ``\\udcNN`` escapes, so that the output is valid UTF-8."""
    if encoded.isascii() or not _SURROGATE.search(encoded):
        return encoded
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", encoded)


def path_uri(path: str) -> str:
    """A relative or absolute path as a URI reference: percent-encoded bytes, ``/``
    separators (what SARIF's ``artifactLocation.uri`` needs)."""
    from urllib.parse import quote  # SARIF only: not every run pays for it

    raw = os.fsencode(path).replace(os.sep.encode(), b"/")
    return quote(raw, safe="/")


class Reporter:
    """Writes one output format to a stream as a run goes."""

    def __init__(self, out: TextIO, color: bool = False, quiet: bool = False) -> None:
        self.out = out
        self.color = color
        self.quiet = quiet

    def begin(self) -> None:
        """Before the first input."""

    def file(self, findings: list[Finding]) -> None:
        """The findings of one input, in order."""

    def end(self, report: Report) -> None:
        """After the last input: ``report`` has the counts and the errors."""
