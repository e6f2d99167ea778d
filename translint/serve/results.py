"""The JSON the /v1 endpoints answer with: the finding objects of ``translint check
--format json`` plus their offsets in UTF-16 code units, the summary, and the glossary
entries the findings name."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from translint.findings import Finding, Severity
from translint.glossary.model import Entry, Glossary
from translint.reporters.json import FORMAT_VERSION, finding_to_dict
from translint.serve.engine import Checked, Engine, Fixed


class Utf16Offsets:
    """Character offsets of a text as UTF-16 code units (what browsers and LSP count): a
    character beyond the Basic Multilingual Plane is two of them."""

    def __init__(self, text: str) -> None:
        self.astral = ([] if text.isascii() else
                       [index for index, char in enumerate(text) if ord(char) > 0xFFFF])

    def __call__(self, offset: int) -> int:
        """The UTF-16 offset of character offset ``offset``."""
        return offset + bisect_left(self.astral, offset) if self.astral else offset


def finding_json(finding: Finding, utf16: Utf16Offsets) -> dict[str, Any]:
    """A finding's object of ``--format json`` with ``offset_utf16`` and
    ``end_offset_utf16``."""
    data = finding_to_dict(finding)
    data["offset_utf16"] = utf16(finding.start)
    data["end_offset_utf16"] = utf16(finding.end)
    return data


def entry_summary(entry: Entry, glossary: Glossary, lang: str | None) -> dict[str, Any]:
    """What a finding's reader needs of its glossary entry, for the copy's language."""
    return {"id": entry.id, "kind": entry.kind,
            "preferred": entry.preferred(lang, glossary.fallback_lang),
            "source": entry.source_for(lang), "note": entry.note}


def summary(findings: list[Finding]) -> dict[str, int]:
    """The number of findings of each severity."""
    counts = {severity.label: 0 for severity in sorted(Severity, reverse=True)}
    for finding in findings:
        counts[finding.severity.label] += 1
    return counts


def checked_json(checked: Checked, engine: Engine) -> dict[str, Any]:
    """The answer of ``POST /v1/check``."""
    utf16 = Utf16Offsets(checked.text)
    findings = sorted(checked.findings, key=lambda finding: (finding.start, finding.end))
    entries: dict[str, Any] = {}
    for finding in findings:
        if finding.entry is not None and finding.entry not in entries:
            known = engine.entries.get(finding.entry)
            if known is not None:
                entries[finding.entry] = entry_summary(*known, finding.lang)
    return {"version": FORMAT_VERSION, "language": checked.language,
            "findings": [finding_json(finding, utf16) for finding in findings],
            "summary": summary(findings), "fails": checked.fails, "entries": entries}


def fixed_json(fixed: Fixed, engine: Engine) -> dict[str, Any]:
    """The answer of ``POST /v1/fix``: the fixed text, the number of fixes applied, and
    the check of the fixed text (its findings are those left)."""
    return {"text": fixed.text, "applied": len(fixed.applied),
            **checked_json(fixed.checked, engine)}
