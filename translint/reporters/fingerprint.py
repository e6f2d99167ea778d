"""A finding's fingerprint: the same finding gets the same one after edits elsewhere in
the file, so that a dashboard (SARIF ``partialFingerprints``) follows it across runs.

It hashes what the finding is and where it stands in the prose, never its line or column,
which move whenever a paragraph is added above it: the path, the check, the glossary entry,
the finding's text, and the words just before and after it on its line.
"""

from __future__ import annotations

import hashlib
import re

from translint.findings import Finding

CONTEXT_WORDS = 3  # on each side of the span
_WORD = re.compile(r"\w+")


def context_words(finding: Finding) -> tuple[str, str]:
    """The ``CONTEXT_WORDS`` words before the span and after it, on its line."""
    line = finding.source_line
    start = finding.column - finding.source_column
    end = (finding.end_column - finding.source_column if finding.end_line == finding.line
           else len(line))
    before = _WORD.findall(line[:max(0, start)])[-CONTEXT_WORDS:]
    after = _WORD.findall(line[max(0, end):])[:CONTEXT_WORDS]
    return " ".join(before), " ".join(after)


def fingerprint_key(finding: Finding) -> str:
    """What the fingerprint hashes, fields joined by a unit separator."""
    before, after = context_words(finding)
    return "\x1f".join((finding.path.replace("\\", "/"), finding.code, finding.entry or "",
                        finding.rule or "", " ".join(finding.text.split()), before, after))


def fingerprint(finding: Finding) -> str:
    """32 hexadecimal digits of the SHA-256 of ``fingerprint_key``."""
    key = fingerprint_key(finding).encode("utf-8", "surrogatepass")
    return hashlib.sha256(key).hexdigest()[:32]
