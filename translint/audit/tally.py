"""What one partition of an audit found, in a form that merges: counts per check, entry,
rule, month and section; the forms of each glossary entry used, with dates; the names
outside the glossaries (``translint.glossary.suggest.NameTally``); files that could not be
read. The findings themselves go to the partition's part file, not here."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from translint.findings import Finding
from translint.glossary.suggest import NameTally


@dataclass
class FormUse:
    """One form of a glossary entry across documents: occurrences, documents, first and
    last date, occurrences per month."""

    count: int = 0
    documents: int = 0
    first: str | None = None
    last: str | None = None
    months: Counter[str] = field(default_factory=Counter)

    def add(self, count: int, date: str | None) -> None:
        """One document using the form ``count`` times."""
        self.count += count
        self.documents += 1
        if date:
            self.months[date[:7]] += count
            self.first = date if self.first is None else min(self.first, date)
            self.last = date if self.last is None else max(self.last, date)

    def merge(self, other: FormUse) -> None:
        """Add ``other``'s counts."""
        self.count += other.count
        self.documents += other.documents
        self.months.update(other.months)
        for date in (other.first, other.last):
            if date:
                self.first = date if self.first is None else min(self.first, date)
                self.last = date if self.last is None else max(self.last, date)


@dataclass
class Tally:
    """The counts of a partition, or of several merged."""

    documents: int = 0
    characters: int = 0
    findings: int = 0
    undated: int = 0
    out_of_range: int = 0
    by_code: Counter[str] = field(default_factory=Counter)
    by_severity: Counter[str] = field(default_factory=Counter)
    by_entry: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)
    month_documents: Counter[str] = field(default_factory=Counter)
    month_findings: Counter[str] = field(default_factory=Counter)
    section_documents: Counter[str] = field(default_factory=Counter)
    section_findings: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    # entry id → form (as the glossary writes it) → its use; entry id → document languages
    entries: dict[str, dict[str, FormUse]] = field(default_factory=dict)
    entry_languages: dict[str, Counter[str]] = field(default_factory=dict)
    unreadable: list[dict[str, object]] = field(default_factory=list)
    names: NameTally = field(default_factory=NameTally)

    def add_document(self, findings: list[Finding], characters: int, date: str | None,
                     section: str, lang: str | None) -> None:
        """Count one checked document and its findings."""
        self.documents += 1
        self.characters += characters
        self.findings += len(findings)
        self.languages[lang or "undetected"] += 1
        month = date[:7] if date else None
        if month is None:
            self.undated += 1
        else:
            self.month_documents[month] += 1
            self.month_findings[month] += len(findings)
        self.section_documents[section] += 1
        self.section_findings[section] += len(findings)
        for finding in findings:
            self.by_code[finding.code] += 1
            self.by_severity[finding.severity.label] += 1
            if finding.entry:
                self.by_entry[finding.entry] += 1
            if finding.rule:
                self.by_rule[finding.rule] += 1

    def add_forms(self, forms: dict[str, Counter[str]], date: str | None,
                  lang: str | None) -> None:
        """The glossary forms one document uses: entry id → form → occurrences."""
        for entry_id, used in forms.items():
            uses = self.entries.setdefault(entry_id, {})
            for form, count in used.items():
                uses.setdefault(form, FormUse()).add(count, date)
            self.entry_languages.setdefault(entry_id, Counter())[lang or ""] += 1

    def merge(self, other: Tally) -> None:
        """Add ``other``'s counts to these."""
        self.documents += other.documents
        self.characters += other.characters
        self.findings += other.findings
        self.undated += other.undated
        self.out_of_range += other.out_of_range
        for name in ("by_code", "by_severity", "by_entry", "by_rule", "month_documents",
                     "month_findings", "section_documents", "section_findings", "languages"):
            getattr(self, name).update(getattr(other, name))
        for entry_id, uses in other.entries.items():
            mine = self.entries.setdefault(entry_id, {})
            for form, use in uses.items():
                mine.setdefault(form, FormUse()).merge(use)
        for entry_id, langs in other.entry_languages.items():
            self.entry_languages.setdefault(entry_id, Counter()).update(langs)
        self.unreadable.extend(other.unreadable)
        self.names.merge(other.names)


@dataclass
class PartResult:
    """One partition's outcome: its findings as JSON lines, and its tally."""

    number: int
    lines: list[str]
    tally: Tally
