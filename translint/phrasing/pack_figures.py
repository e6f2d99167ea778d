"""Writing measured figures into a pack file: each rule's ``measured = {…}`` line and the
pack's ``measured_on`` line are replaced where they are, or inserted after the last line of
their table; every other byte stays as it was. The result is parsed and compared with the
original before the file is replaced (atomically, as ``--fix`` writes)."""

from __future__ import annotations

import codecs
import copy
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from translint.errors import RuleError
from translint.fix import write_atomically
from translint.phrasing.gate import RuleFigures
from translint.text.read import decode_text, read_bytes
from translint.tomldata import parse_toml

_HEADER = re.compile(r"\s*\[\[?\s*([\w.\"' -]+?)\s*\]\]?\s*(?:#.*)?")
_KEY = re.compile(r"(\s*)([\w.-]+)\s*=")
# A one-line value of a figures line (a basic string or an inline table without nested
# braces), and what follows it: spaces, a comment, the line ending.
_VALUE = re.compile(r'\s*[\w.-]+\s*=\s*(?:"(?:[^"\\\n]|\\.)*"|\{[^{}\n]*\})(\s*(?:#.*)?\r?\n?)$',
                    re.DOTALL)


def measured_value(figures: RuleFigures) -> dict[str, Any]:
    """The ``measured`` table of a rule: native rate (two decimals) and, when a translated
    corpus was read, the translated documents hit."""
    value: dict[str, Any] = {"native_per_1000": round(figures.native_per_1000, 2)}
    if figures.translated_docs is not None:
        value["translated_docs"] = figures.translated_docs
    return value


def _inline(value: Mapping[str, Any]) -> str:
    return "{ " + ", ".join(f"{key} = {item!r}" for key, item in value.items()) + " }"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def record_figures(text: str, measured: Mapping[str, Mapping[str, Any]], measured_on: str,
                   path: str = "<pack>") -> str:
    """``text`` (a pack file) with each rule's ``measured`` (by rule id) and the pack's
    ``measured_on`` set; rules not in ``measured`` are left alone."""
    ending = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    lines = text.splitlines(keepends=True)
    headers = [(number, match.group(1)) for number, line in enumerate(lines)
               if (match := _HEADER.fullmatch(line.rstrip("\r\n")))]
    data = parse_toml(text, path, RuleError)
    rules = data.get("rule", [])
    edits: list[tuple[int, int, str, str]] = []  # block start, end, key, its new line
    rule_number = 0
    for position, (start, name) in enumerate(headers):
        end = headers[position + 1][0] if position + 1 < len(headers) else len(lines)
        is_array = lines[start].strip().startswith("[[")
        if name == "pack" and not is_array:
            edits.append((start, end, "measured_on", "measured_on = " + _quoted(measured_on)))
        elif name == "rule" and is_array:
            rule = rules[rule_number] if rule_number < len(rules) else {}
            rule_number += 1
            if rule.get("id") in measured:
                edits.append((start, end, "measured",
                              "measured = " + _inline(measured[rule["id"]])))
    if not any(key == "measured_on" for _start, _end, key, _new in edits):
        raise RuleError("no [pack] table to record measured_on in", path)
    for start, end, key, new in reversed(edits):  # from the bottom: insertions shift lines
        _apply(lines, start, end, key, new, ending)
    result = "".join(lines)
    _check(data, result, measured, measured_on, path)
    return result


def _apply(lines: list[str], start: int, end: int, key: str, new: str, ending: str) -> None:
    """Replace the ``key = …`` line of the table in ``lines[start:end]`` (a header and its
    lines), or insert one after its last key line, with that line's indentation."""
    last = start
    indent = ""
    for number in range(start + 1, end):
        stripped = lines[number].strip()
        if not stripped or stripped.startswith("#"):
            continue
        found = _KEY.match(lines[number])
        if found and found.group(2) == key:
            old = _VALUE.match(lines[number])  # keep a comment after the old value
            rest = old.group(1) if old else lines[number][len(lines[number].rstrip("\r\n")):]
            lines[number] = found.group(1) + new + rest
            return
        if found:
            indent = found.group(1)
        last = number
    if not lines[last].endswith("\n"):
        lines[last] += ending
    lines.insert(last + 1, indent + new + ending)


def _check(before: dict[str, Any], text: str, measured: Mapping[str, Mapping[str, Any]],
           measured_on: str, path: str) -> None:
    """Refuse a rewrite whose data is not the original's with the figures set (a layout
    this writer misread): nothing is written then."""
    expected = copy.deepcopy(before)
    expected["pack"]["measured_on"] = measured_on
    for rule in expected.get("rule", []):
        if rule.get("id") in measured:
            rule["measured"] = dict(measured[rule["id"]])
    if parse_toml(text, path, RuleError) != expected:
        raise RuleError("could not record the figures without changing other data; "
                        "edit the file by hand", path)


def write_figures(path: str | Path, measured: Mapping[str, Mapping[str, Any]],
                  measured_on: str) -> None:
    """Record the figures in the pack file at ``path``, atomically."""
    display = str(path)
    data = read_bytes(path, error=RuleError, what="rule pack")
    text = decode_text(data, display, RuleError)
    updated = record_figures(text, measured, measured_on, display)
    if updated != text:
        try:
            write_atomically(path, updated, bom=data.startswith(codecs.BOM_UTF8))
        except OSError as error:
            raise RuleError(f"figures not written: {error.strerror or error}", display) \
                from None
