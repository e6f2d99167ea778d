"""A finding's fingerprint: the same finding gets the same one after edits elsewhere in
the file, so that a dashboard (SARIF ``partialFingerprints``) follows it across runs.

It hashes what a baseline keys a finding on (``translint.baseline``), never its line or
column, which move whenever a paragraph is added above it: the path, the check, the
glossary entry or rule, and the finding's text with the words around it on its line
(``finding_context``).
"""

from __future__ import annotations

import hashlib

from translint.findings import Finding, finding_context


def fingerprint_key(finding: Finding) -> str:
    """What the fingerprint hashes, fields joined by a unit separator."""
    return "\x1f".join((finding.path.replace("\\", "/"), finding.code, finding.entry or "",
                        finding.rule or "", finding_context(finding)))


def fingerprint(finding: Finding) -> str:
    """32 hexadecimal digits of the SHA-256 of ``fingerprint_key``."""
    key = fingerprint_key(finding).encode("utf-8", "surrogatepass")
    return hashlib.sha256(key).hexdigest()[:32]
