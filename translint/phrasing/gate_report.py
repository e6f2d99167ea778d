"""Reports of ``translint phrasing gate``: a table for a terminal, JSON for tools, and the
``measured_on`` line that records which corpora the figures come from."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from translint.phrasing.gate import RuleFigures, Thresholds, is_warning


def _number(value: float | None, digits: int) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def render_table(figures: Sequence[RuleFigures], thresholds: Thresholds) -> str:
    """One line a rule: severity, native and translated documents hit (and per 1,000),
    estimated precision, cost, and the verdict of the gate; then a summary."""
    width = max([len("rule"), *(len(each.rule.qualified_id) for each in figures)])
    lines = [f"{'rule':<{width}}  {'severity':<8}  {'native':>11}  {'/1000':>6}  "
             f"{'translated':>11}  {'/1000':>6}  {'precision':>9}  {'µs/doc':>7}  gate"]
    for each in figures:
        severity = "warning" if is_warning(each.rule) else "info"
        native = f"{each.native_docs}/{each.native_total}"
        translated = ("-" if each.translated_docs is None
                      else f"{each.translated_docs}/{each.translated_total}")
        lines.append(
            f"{each.rule.qualified_id:<{width}}  {severity:<8}  {native:>11}  "
            f"{each.native_per_1000:>6.2f}  {translated:>11}  "
            f"{_number(each.translated_per_1000, 2):>6}  {_number(each.precision, 2):>9}  "
            f"{each.microseconds:>7.1f}  {each.verdict or 'pass'}")
    failing = sum(1 for each in figures if each.verdict)
    slow = ("" if thresholds.microseconds is None else
            f", or searching more than {thresholds.microseconds:g} µs a native document")
    lines.append(f"{len(figures)} rules; {failing} fail the gate (native documents hit per "
                 f"1,000 above {thresholds.warning:g} for a warning, {thresholds.info:g} "
                 f"for info{slow})")
    lines.append(_cost_summary(figures))
    return "\n".join(lines) + "\n"


def _cost_summary(figures: Sequence[RuleFigures]) -> str:
    """The rules' search time per native document in all, and the costliest rules."""
    shared: dict[str, float] = {}  # rules that share an expression share its time
    for each in figures:
        shared[each.rule.source] = each.microseconds
    costliest = sorted(figures, key=lambda each: -each.microseconds)[:3]
    named = ", ".join(f"{each.rule.qualified_id} {each.microseconds:.1f}"
                      for each in costliest if each.microseconds > 0)
    return (f"searches: {sum(shared.values()):.0f} µs of CPU a native document"
            + (f"; the costliest: {named}" if named else ""))


def as_dict(figures: RuleFigures) -> dict[str, Any]:
    """One rule's figures as JSON-ready data."""
    return {
        "rule": figures.rule.qualified_id,
        "severity": "warning" if is_warning(figures.rule) else "info",
        "native_docs": figures.native_docs, "native_documents": figures.native_total,
        "native_per_1000": round(figures.native_per_1000, 3),
        "translated_docs": figures.translated_docs,
        "translated_documents": figures.translated_total,
        "translated_per_1000": (None if figures.translated_per_1000 is None
                                else round(figures.translated_per_1000, 3)),
        "precision": None if figures.precision is None else round(figures.precision, 3),
        "microseconds_per_native_document": round(figures.microseconds, 2),
        "verdict": figures.verdict,
    }


def render_json(figures: Sequence[RuleFigures], thresholds: Thresholds,
                measured_on: str) -> str:
    """The corpora, the thresholds and every rule's figures."""
    return json.dumps({
        "measured_on": measured_on,
        "thresholds": {"warning_native_per_1000": thresholds.warning,
                       "info_native_per_1000": thresholds.info,
                       "microseconds_per_native_document": thresholds.microseconds},
        "rules": [as_dict(each) for each in figures],
    }, ensure_ascii=False, indent=2) + "\n"


def describe_corpora(date: str, native: Sequence[tuple[str, int]],
                     translated: Sequence[tuple[str, int]], where: Sequence[str] = (),
                     note: str = "") -> str:
    """The ``measured_on`` text: the date, each corpus with its documents, the record
    conditions and a note (``2025-03-01: native news.jsonl (2,315 documents); …``)."""

    def listed(corpora: Sequence[tuple[str, int]]) -> str:
        return ", ".join(f"{path} ({count:,} documents)" for path, count in corpora)

    parts = [f"{date}: native {listed(native)}"]
    parts.append(f"translated {listed(translated)}" if translated else "no translated corpus")
    if where:
        parts.append("records where " + ", ".join(where))
    if note:
        parts.append(note)
    return "; ".join(parts)
