"""``summary.json`` of an audit, from the merged tally: counts per check, entry, rule,
month and section; the names the archive spells several ways; what could not be read.

A name cluster is a glossary entry whose forms the archive writes two or more ways
(forms told apart as TL102 tells them, by ``form_identity``), or a name outside the
glossaries whose spellings ``glossary suggest`` groups (its cross-language key): TL102's
question asked across documents. Each lists its spellings with counts and first and last
dates, the months in which two or more of them were used, and the glossary's preferred form
or, for a name without an entry, a proposed entry (commented-out TOML).
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import replace
from typing import Any

from translint.audit.tally import FormUse, Tally
from translint.checks import CHECKS
from translint.glossary.model import Entry
from translint.glossary.suggest import Proposal, render_proposals_toml
from translint.linter import Linter
from translint.names.crosskey import cross_fold
from translint.names.fold import form_identity

SUMMARY_VERSION = 1
_NAMES = {check.code: check.name for check in CHECKS}


def per_1000(findings: int, documents: int) -> float:
    """Findings per 1,000 documents, to two decimals."""
    return round(1000 * findings / documents, 2) if documents else 0.0


def build_summary(tally: Tally, linter: Linter, meta: dict[str, Any],
                  top_names: int = 200) -> dict[str, Any]:
    """The summary as a JSON-ready dict (``meta``: the run's inputs and settings)."""
    months = sorted(tally.month_documents)
    names = _glossary_clusters(tally, linter) + _proposed_clusters(
        tally.names.proposals(min_count=2))
    names.sort(key=lambda cluster: (-cluster["off_form"], -cluster["total"], cluster["name"]))
    return {
        "version": SUMMARY_VERSION,
        "generated": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        **meta,
        "documents": tally.documents,
        "characters": tally.characters,
        "findings": tally.findings,
        "undated_documents": tally.undated,
        "out_of_range_documents": tally.out_of_range,
        "by_check": {code: {"name": _NAMES.get(code, ""), "count": count}
                     for code, count in sorted(tally.by_code.items())},
        "by_severity": dict(sorted(tally.by_severity.items())),
        "by_entry": dict(tally.by_entry.most_common()),
        "by_rule": dict(tally.by_rule.most_common()),
        "languages": dict(tally.languages.most_common()),
        "months": [{"month": month, "documents": tally.month_documents[month],
                    "findings": tally.month_findings[month],
                    "per_1000": per_1000(tally.month_findings[month],
                                         tally.month_documents[month])}
                   for month in months],
        "sections": [{"section": section, "documents": count,
                      "findings": tally.section_findings[section],
                      "per_1000": per_1000(tally.section_findings[section], count)}
                     for section, count in sorted(tally.section_documents.items())],
        "names": names[:top_names],
        "names_total": len(names),
        "unreadable": sorted(tally.unreadable, key=lambda item: (str(item["path"]),
                                                                  int(str(item.get("line", 0))))),
    }


def _spelling(form: str, use: FormUse, **extra: Any) -> dict[str, Any]:
    return {"form": form, "count": use.count, "documents": use.documents,
            "first": use.first, "last": use.last, **extra}


def _mixed_months(months: list[Counter[str]]) -> list[str]:
    """The months in which two or more of the spellings were used."""
    seen: Counter[str] = Counter()
    for per_month in months:
        seen.update(month for month, count in per_month.items() if count)
    return sorted(month for month, spellings in seen.items() if spellings >= 2)


def _glossary_clusters(tally: Tally, linter: Linter) -> list[dict[str, Any]]:
    entries: dict[str, Entry] = {entry.id: entry for glossary in linter.glossaries
                                 for entry in glossary.entries}
    clusters = []
    for entry_id, uses in tally.entries.items():
        entry = entries.get(entry_id)
        if entry is None:
            continue
        by_identity: dict[str, tuple[str, FormUse]] = {}
        for form, use in uses.items():
            key = form_identity(form)
            if key in by_identity:
                by_identity[key][1].merge(use)
            else:
                merged = FormUse()
                merged.merge(use)
                by_identity[key] = (form, merged)
        if len(by_identity) < 2:
            continue
        lang = tally.entry_languages.get(entry_id, Counter()).most_common(1)
        lang_code = lang[0][0] or None if lang else None
        preferred = entry.preferred(lang_code, linter.resources.names.fallback[entry_id])
        forms = sorted(by_identity.values(), key=lambda item: (-item[1].count, item[0]))
        spellings = [_spelling(form, use, preferred=form == preferred,
                               disfavoured=entry.name.is_disfavoured(form, lang_code))
                     for form, use in forms]
        total = sum(use.count for _, use in forms)
        kept = next((use.count for form, use in forms if form == preferred), forms[0][1].count)
        clusters.append({"name": preferred or forms[0][0], "entry": entry_id,
                         "preferred": preferred, "proposed_entry": None, "total": total,
                         "off_form": total - kept, "spellings": spellings,
                         "mixed_months": _mixed_months([use.months for _, use in forms])})
    return clusters


def _one_key(proposal: Proposal) -> Proposal | None:
    """``proposal`` with only the spellings that fold to its first spelling's
    transliteration key (TL102's rule: Syrskyi and Syrsky, not February and Ferrari, which
    ``glossary suggest`` groups by sound for a desk to review); ``None`` when fewer than
    two are left."""
    def key(form: str) -> str:
        langs = proposal.languages.get(form) or (proposal.lang,)
        return cross_fold(form, langs[0])

    first = key(proposal.forms[0][0])
    forms = [(form, count) for form, count in proposal.forms if key(form) == first]
    if len(forms) < 2:
        return None
    kept = {form for form, _ in forms}
    return replace(proposal, forms=forms, total=sum(count for _, count in forms),
                   files={form: where for form, where in proposal.files.items() if form in kept},
                   languages={form: langs for form, langs in proposal.languages.items()
                              if form in kept},
                   dates={form: dates for form, dates in proposal.dates.items() if form in kept},
                   months={form: months for form, months in proposal.months.items()
                           if form in kept},
                   documents={form: count for form, count in proposal.documents.items()
                              if form in kept})


def _proposed_clusters(proposals: list[Proposal]) -> list[dict[str, Any]]:
    clusters = []
    for found in proposals:
        proposal = _one_key(found)
        if proposal is None:
            continue
        spellings = []
        for form, count in proposal.forms:
            first, last = proposal.dates.get(form, (None, None))
            spellings.append({"form": form, "count": count,
                              "documents": proposal.documents.get(form, 0),
                              "first": first, "last": last, "preferred": False,
                              "disfavoured": False})
        clusters.append({"name": proposal.forms[0][0], "entry": None, "preferred": None,
                         "proposed_entry": render_proposals_toml([proposal]),
                         "total": proposal.total,
                         "off_form": proposal.total - proposal.forms[0][1],
                         "spellings": spellings,
                         "mixed_months": _mixed_months(list(proposal.months.values()))})
    return clusters
