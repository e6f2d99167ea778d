"""Apply the suggestions of fixable findings to texts and files."""

from __future__ import annotations

import codecs
import difflib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from translint.errors import InputError
from translint.findings import Finding
from translint.text.read import decode_text


def fix_text(text: str, findings: Iterable[Finding]) -> tuple[str, list[Finding]]:
    """Apply every fixable finding whose span does not overlap an earlier one.

    Returns the new text and the findings that were applied. A finding whose span no
    longer holds its matched text (the text changed since it was checked) is skipped.
    """
    applied: list[Finding] = []
    parts: list[str] = []
    position = 0
    for finding in sorted(findings, key=lambda item: (item.start, item.end)):
        if not finding.fixable or finding.suggestion is None or finding.start < position:
            continue
        if text[finding.start:finding.end] != finding.text:
            continue
        parts.append(text[position:finding.start])
        parts.append(finding.suggestion)
        position = finding.end
        applied.append(finding)
    parts.append(text[position:])
    return "".join(parts), applied


def write_atomically(path: str | Path, text: str, bom: bool = False) -> None:
    """Replace the file at ``path`` with ``text`` in one step, keeping its permissions."""
    target = Path(path)
    mode = target.stat().st_mode & 0o7777 if target.exists() else None
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                             dir=target.parent)
    try:
        encoding = "utf-8-sig" if bom else "utf-8"
        with os.fdopen(descriptor, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def fix_file(path: str, findings: list[Finding], write: bool = True) -> tuple[str, list[Finding]]:
    """Fix one file; return a unified diff of the change and the findings applied."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path) from None
    original = decode_text(data, path)
    fixed, applied = fix_text(original, findings)
    if not applied:
        return "", []
    diff = "".join(difflib.unified_diff(original.splitlines(keepends=True),
                                        fixed.splitlines(keepends=True),
                                        fromfile=f"a/{path}", tofile=f"b/{path}"))
    if write:
        try:
            write_atomically(path, fixed, bom=data.startswith(codecs.BOM_UTF8))
        except OSError as error:
            raise InputError(f"cannot write the fixed file: {error.strerror}", path) from None
    return diff, applied
