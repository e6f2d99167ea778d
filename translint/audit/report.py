"""``report.html``: one self-contained page an editor-in-chief reads, made from the
summary. Charts are inline SVG (``translint.audit.svg``); no script, no style sheet or
font from elsewhere, no link out: the file opens the same offline."""

from __future__ import annotations

from html import escape
from typing import Any

from translint.audit.svg import bars, line

TOP = 15
_STYLE = """body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#222}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}table{border-collapse:
collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left;
vertical-align:top}td.n{text-align:right}.note{color:#555}pre{white-space:pre-wrap;
font-size:.8rem}"""


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(header)}</th>" for header in headers)
    body = "".join("<tr>" + "".join(cells) + "</tr>" for cells in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _cell(value: object, number: bool = False) -> str:
    shown = f"{value:,}" if isinstance(value, int) else str(value if value is not None else "")
    return f'<td class="n">{escape(shown)}</td>' if number else f"<td>{escape(shown)}</td>"


def _spellings(cluster: dict[str, Any]) -> str:
    shown = []
    for spelling in cluster["spellings"]:
        dates = (f" ({spelling['first']} – {spelling['last']})"
                 if spelling.get("first") else "")
        mark = " ✓" if spelling.get("preferred") else ""
        shown.append(f"{spelling['form']}{mark} ×{spelling['count']:,}{dates}")
    return "; ".join(shown)


def render_report(summary: dict[str, Any]) -> str:
    """The page, from a summary made by ``build_summary``."""
    months = summary["months"]
    names = [cluster for cluster in summary["names"] if cluster["off_form"] > 0][:TOP]
    entries = list(summary["by_entry"].items())[:TOP]
    sections = sorted(summary["sections"], key=lambda item: -item["findings"])[:TOP]
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             "<title>translint audit</title>", f"<style>{_STYLE}</style></head><body>",
             "<h1>Archive audit</h1>",
             f'<p>{summary["documents"]:,} documents ({summary["characters"]:,} characters) in '
             f'{escape(", ".join(summary["archive"]))}; {summary["findings"]:,} findings; '
             f'{len(summary["unreadable"]):,} inputs could not be read. Generated '
             f'{escape(summary["generated"])}.</p>',
             "<h2>Findings over time</h2>"]
    if months:
        parts.append('<p class="note">Findings per 1,000 documents, by month.</p>')
        parts.append(line([(item["month"], item["per_1000"]) for item in months],
                          title="findings per 1,000 documents by month"))
    else:
        parts.append('<p class="note">No document had a date.</p>')
    parts.append("<h2>Names spelled several ways across the archive</h2>")
    if names:
        parts.append('<p class="note">Occurrences not in the preferred form (or, for a name '
                     "no glossary has, not in its most used spelling). ✓ marks the "
                     "glossary's preferred form.</p>")
        parts.append(bars([(cluster["name"], cluster["off_form"]) for cluster in names],
                          title="occurrences not in the preferred spelling"))
        parts.append(_table(["name", "glossary entry", "spellings", "months with two or more"],
                            [[_cell(cluster["name"]), _cell(cluster["entry"] or "none: "
                                                            "proposed below"),
                              _cell(_spellings(cluster)),
                              _cell(len(cluster["mixed_months"]), True)]
                             for cluster in names]))
        proposals = [cluster["proposed_entry"] for cluster in names
                     if cluster["proposed_entry"]]
        if proposals:
            parts.append("<h3>Proposed glossary entries</h3><pre>"
                         + escape("\n".join(proposals)) + "</pre>")
    else:
        parts.append('<p class="note">None found.</p>')
    parts.append("<h2>Glossary entries most often violated</h2>")
    if entries:
        parts.append(bars([(entry, count) for entry, count in entries],
                          title="findings per glossary entry"))
    else:
        parts.append('<p class="note">No finding names a glossary entry.</p>')
    parts.append("<h2>By section</h2>")
    if sections:
        parts.append(bars([(item["section"] or "(none)", item["per_1000"]) for item in sections],
                          title="findings per 1,000 documents by section"))
        parts.append(_table(["section", "documents", "findings", "per 1,000"], [
            [_cell(item["section"] or "(none)"), _cell(item["documents"], True),
             _cell(item["findings"], True), _cell(item["per_1000"], True)]
            for item in sections]))
    parts.append("<h2>By check</h2>")
    parts.append(_table(["check", "name", "findings"], [
        [_cell(code), _cell(item["name"]), _cell(item["count"], True)]
        for code, item in summary["by_check"].items()]))
    if summary["unreadable"]:
        parts.append("<h2>Inputs that could not be read</h2>")
        parts.append(_table(["input", "error"], [
            [_cell(item["path"]), _cell(item["error"])] for item in summary["unreadable"]]))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
