"""Baselines: the findings a desk has accepted for now, so that a gate fails only on new ones.

A baseline file is versioned JSON (``FORMAT_VERSION``; docs/command-line.md). It keys each
finding on what stays put while copy around it is edited — the file (relative to the
baseline's folder), the check, the glossary entry or rule, and the words around the finding
(``context``: ``finding_context``, a few words of its line either side of the matched
text) — never on line numbers, which move. Keys are a multiset: two identical findings
recorded absorb two identical findings later, not three.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from translint.errors import ConfigError, InputError
from translint.findings import Finding, Severity, finding_context
from translint.text.read import read_text_file

FORMAT_VERSION = 1
_FIELDS = ("path", "code", "entry", "rule", "context")


@dataclass(frozen=True, order=True)
class BaselineKey:
    """What identifies a finding across edits of its file."""

    path: str
    code: str
    entry: str | None
    rule: str | None
    context: str

    def describe(self) -> str:
        """One line for people: ``path: CODE entry "… [text] …"``."""
        subject = " ".join(part for part in (self.entry, self.rule) if part)
        return f"{self.path}: {self.code}{' ' + subject if subject else ''} \"{self.context}\""


class Baseline:
    """The keys of a baseline file, counted, and the folder its paths are relative to."""

    def __init__(self, path: str, keys: Counter[BaselineKey] | None = None) -> None:
        self.path = path
        self.root = os.path.dirname(os.path.abspath(path))
        self.keys: Counter[BaselineKey] = keys if keys is not None else Counter()
        self.known = 0  # findings matched so far
        self.checked: set[str] = set()  # the paths (keys' form) of the files checked

    def relative(self, path: str) -> str:
        """``path`` as a key holds it: relative to the baseline's folder, ``/``-separated."""
        if not path.startswith("<"):  # <stdin>
            path = os.path.relpath(os.path.abspath(path), self.root)
        return path.replace(os.sep, "/")

    def key(self, finding: Finding) -> BaselineKey:
        """The key of ``finding``: its path made relative to the baseline's folder."""
        return BaselineKey(self.relative(finding.path), finding.code, finding.entry,
                           finding.rule, finding_context(finding))

    def record(self, findings: Iterable[Finding]) -> None:
        """Add ``findings`` to the baseline (for ``write``)."""
        self.keys.update(self.key(finding) for finding in findings)

    def split(self, path: str, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
        """The findings of the file ``path`` not in the baseline (``baseline_state`` "new"),
        and those it holds ("unchanged"), each known one using up one count of its key."""
        self.checked.add(self.relative(path))
        new: list[Finding] = []
        unchanged: list[Finding] = []
        for finding in findings:
            key = self.key(finding)
            if self.keys[key] > 0:
                self.keys[key] -= 1
                self.known += 1
                unchanged.append(replace(finding, baseline_state="unchanged"))
            else:
                new.append(replace(finding, baseline_state="new"))
        return new, unchanged

    def absent(self) -> list[BaselineKey]:
        """The keys of the files checked not matched by any of their findings, one per
        count: fixed findings (a file not checked in this run has none)."""
        return sorted(key for key, count in self.keys.items() if key.path in self.checked
                      for _ in range(count))

    def absent_finding(self, key: BaselineKey) -> Finding:
        """A baseline entry that no longer occurs, as a finding with ``baseline_state``
        "absent" and no position (for SARIF, which reports such results)."""
        from translint.checks import CHECKS_BY_CODE

        check = CHECKS_BY_CODE.get(key.code)
        path = key.path if key.path.startswith("<") else os.path.relpath(
            os.path.join(self.root, key.path))
        return Finding(path=path, line=1, column=1, end_line=1, end_column=1, start=0, end=0,
                       code=key.code, name=check.name if check else key.code,
                       severity=check.severity if check else Severity.WARNING,
                       message=f"No longer found: \"{key.context}\"", text="",
                       entry=key.entry, rule=key.rule, baseline_state="absent")

    def to_json(self) -> str:
        """The baseline file's text: entries sorted, so that its diffs are readable."""
        entries = [{"path": key.path, "code": key.code, "entry": key.entry, "rule": key.rule,
                    "context": key.context, "count": count}
                   for key, count in sorted(self.keys.items()) if count > 0]
        return json.dumps({"version": FORMAT_VERSION, "tool": "translint",
                           "findings": entries}, ensure_ascii=False, indent=1) + "\n"

    def write(self) -> None:
        """Write the baseline file safely (a new file replaces the old one whole)."""
        from translint.fix import write_atomically

        try:
            write_atomically(self.path, self.to_json())
        except OSError as error:
            raise InputError(f"cannot write the baseline: {error.strerror or error}",
                             self.path) from None


def load_baseline(path: str) -> Baseline:
    """Read a baseline file; a ``ConfigError`` naming it when it is missing or not one."""
    try:
        text = read_text_file(path, error=ConfigError, what="baseline file")
    except ConfigError as error:
        raise ConfigError(f"cannot read the baseline: {error.message}", path) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ConfigError(f"not a translint baseline: {error.msg} (column {error.colno})",
                          path, error.lineno) from None
    if not isinstance(data, dict) or "version" not in data:
        raise ConfigError("not a translint baseline: no \"version\"; write one with "
                          "--write-baseline", path)
    if data["version"] != FORMAT_VERSION:
        raise ConfigError(f"baseline version {data['version']!r} is not supported (this "
                          f"translint reads version {FORMAT_VERSION}); write it again with "
                          "--write-baseline", path)
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise ConfigError("not a translint baseline: \"findings\" must be a list", path)
    keys: Counter[BaselineKey] = Counter()
    for index, item in enumerate(findings):
        keys[_key(item, index, path)] += _count(item, index, path)
    return Baseline(path, keys)


def _key(item: Any, index: int, path: str) -> BaselineKey:
    if not isinstance(item, dict):
        raise ConfigError(f"findings[{index}] must be an object", path)
    for name in _FIELDS:
        value = item.get(name)
        required = name in ("path", "code", "context")
        if not (isinstance(value, str) or (value is None and not required)):
            raise ConfigError(f"findings[{index}].{name} must be a string"
                              f"{'' if required else ' or null'}", path)
    return BaselineKey(item["path"], item["code"], item.get("entry"), item.get("rule"),
                       item["context"])


def _count(item: dict[str, Any], index: int, path: str) -> int:
    count = item.get("count", 1)
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise ConfigError(f"findings[{index}].count must be a whole number of at least 1",
                          path)
    return count
