#!/usr/bin/env python3
"""How well the phrasing checks find what an editor marks, and what they cost.

Run it with ``make bench-phrasing`` or ``python benchmarks/phrasing.py [--part dev]``.
It prints a Markdown report (also written to ``benchmarks/work/phrasing/results.md``):

* **Labels**: recall and precision of the phrasing findings (TL2xx with a span; TL210, one
  per document, is not a span) against our labels of ``../shared/phrasing-dev/``
  (``benchmarks/labels/<part>/*.jsonl``), per source language and overall. A label is found
  when a finding overlaps it; a finding is right when it overlaps a label of its document.
  Only labelled documents count, and a labelled document is labelled completely. Info
  findings count: an editor sees them. Modes: ``known`` (``--source-lang`` set to the
  document's source language, as a desk that knows its copy sets it), ``all`` (every pack,
  no source language given) and ``auto`` (``--source-lang auto``, when this translint has
  it).
* **Native copy**: phrasing findings per 1,000 articles of ``../shared/bench/news.jsonl``
  (2,315 native English articles), warnings and info apart, every pack on.
* **Source naming** (TL210): every document of the part, its source language against the
  one TL210 names (or none), every pack on; and the native articles TL210 names a source for.
* **Clean corpus**: findings of the default check set on ``tests/corpus/clean/`` (must be 0).
* **Speed**: ``translint check --jobs 2`` with the default check set over the news articles
  as files (four copies of each, 21 MB, as ``benchmarks/run.py`` does), median of
  ``--runs``, against the same run without the phrasing checks (the baseline, measured in
  the same run).

The held-out part is for measuring only: rules are never written from its labels or texts.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from phrasing_data import NEWS, Document, by_id
from run import MB, WORK, run_series, status, tool

from translint.config import check_options, load_config
from translint.errors import TranslintError
from translint.findings import Finding, Severity
from translint.linter import Linter
from translint.rules.packs import bundled_pack_paths, load_pack

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "benchmarks" / "labels"
CLEAN = REPO / "tests" / "corpus" / "clean"
OUT = WORK / "phrasing"
MODES = ("known", "all", "auto")
# How the report groups source languages: the targets are set for es and for ru/uk.
GROUPS = {"es": "es", "ru": "ru/uk", "uk": "ru/uk", "fr": "fr", "de": "de", "it": "it",
          "en": "native"}
DOCUMENT_LEVEL = frozenset({"TL210"})
PASSES = 4
RULE_NAMED = re.compile(r"\[([\w-]+/[\w-]+)\]$")


@dataclass
class Labelled:
    """One labelled document: its text and the spans an editor marks."""

    document: Document
    spans: list[tuple[int, int, str]]


@dataclass
class Tally:
    """Counts for one group of documents."""

    documents: int = 0
    labels: int = 0
    found: int = 0
    findings: int = 0
    right: int = 0
    families: Counter[str] = field(default_factory=Counter)
    families_found: Counter[str] = field(default_factory=Counter)

    @property
    def recall(self) -> float | None:
        return self.found / self.labels if self.labels else None

    @property
    def precision(self) -> float | None:
        return self.right / self.findings if self.findings else None


def read_labels(part: str) -> list[Labelled]:
    """The labelled documents of ``part``; a label whose text changed is an error."""
    documents = by_id()
    labelled = []
    for path in sorted((LABELS / part).glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            document = documents.get(row["doc"])
            if document is None or document.sha256 != row["sha256"]:
                raise SystemExit(f"{path}:{number}: {row['doc']} is missing or its text changed")
            if document.part != part:
                raise SystemExit(f"{path}:{number}: {row['doc']} is in the {document.part} part")
            labelled.append(Labelled(document, [(start, end, family)
                                                for start, end, family in row["spans"]]))
    return labelled


def linter_for(mode: str, source_lang: str | None) -> Linter | None:
    """The linter of one mode (None when this translint has no ``auto``)."""
    config = load_config(no_config=True)
    sources = {"known": [source_lang] if source_lang and source_lang != "en" else None,
               "all": None, "auto": ["auto"]}[mode]
    try:
        options = check_options(config, lang="en", select=["TL2"], source_langs=sources)
        return Linter.from_config(config, options)
    except TranslintError:
        if mode == "auto":
            return None
        raise


def spans_of(findings: Iterable[Finding]) -> list[Finding]:
    """The phrasing findings that mark a span."""
    return [finding for finding in findings if finding.code not in DOCUMENT_LEVEL]


def score(labelled: Sequence[Labelled], mode: str) -> dict[str, Tally] | None:
    """Tallies per group and overall for one mode."""
    linters: dict[str | None, Linter | None] = {}
    tallies: dict[str, Tally] = defaultdict(Tally)
    for item in labelled:
        source = item.document.source_lang if mode == "known" else None
        if source not in linters:
            linters[source] = linter_for(mode, source)
        linter = linters[source]
        if linter is None:
            return None
        findings = spans_of(linter.check_text(item.document.text, item.document.doc))
        group = GROUPS.get(item.document.source_lang, item.document.source_lang)
        for tally in (tallies[group], tallies["overall"]):
            tally.documents += 1
            tally.labels += len(item.spans)
            tally.findings += len(findings)
            tally.right += sum(any(f.start < end and start < f.end for start, end, _ in item.spans)
                               for f in findings)
            for start, end, family in item.spans:
                found = any(f.start < end and start < f.end for f in findings)
                tally.found += found
                tally.families[family] += 1
                tally.families_found[family] += found
    return dict(tallies)


def rule_of(finding: Finding) -> str:
    """The ``pack/rule`` a TL201 message ends with, else the entry (or nothing)."""
    named = RULE_NAMED.search(finding.message)
    return named.group(1) if named else finding.entry or ""


def native_rates() -> tuple[dict[str, float], Counter[str]]:
    """Phrasing findings per 1,000 native articles, by severity (every pack on), and the
    findings by code and rule (``TL201 es-en/…``) with their severity."""
    linter = linter_for("all", None)
    assert linter is not None
    counts: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    articles = 0
    with NEWS.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                articles += 1
                for finding in spans_of(linter.check_text(json.loads(line)["text"])):
                    counts[finding.severity.label] += 1
                    by_rule[f"{finding.code} {rule_of(finding)} "
                            f"({finding.severity.label})"] += 1
    rates = {severity.label: 1000 * counts[severity.label] / articles for severity in Severity}
    return rates | {"articles": articles}, by_rule


def source_table(part: str) -> list[str]:
    """TL210 on every document of ``part`` (every pack): true source against named source,
    and the native articles of ``news.jsonl`` it names a source for."""
    config = load_config(no_config=True)
    linter = Linter.from_config(config, check_options(config, lang="en", select=["TL210"]))
    named_as = re.compile(r"from (.+) \(\d+ calques of ([\w-]+)\)$")
    table: Counter[tuple[str, str]] = Counter()
    for document in by_id(part).values():
        found = linter.check_text(document.text, document.doc)
        named = named_as.search(found[0].message) if found else None
        table[GROUPS.get(document.source_lang, document.source_lang),
              named.group(2) if named else "none"] += 1
    english = {pack.id for pack in map(load_pack, bundled_pack_paths()) if pack.target == "en"}
    columns = [*sorted(english | {named for _, named in table} - {"none"}), "none"]
    rows = ["| source \\ named | " + " | ".join(columns) + " | documents |",
            "|---" + "|---:" * (len(columns) + 1) + "|"]
    for group in sorted({group for group, _ in table}):
        counts = [table[group, named] for named in columns]
        rows.append(f"| {group} | " + " | ".join(map(str, counts)) + f" | {sum(counts)} |")
    with NEWS.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    native = sum(bool(linter.check_text(text)) for text in texts)
    return [*rows, "", f"Native articles with TL210: {native} of {len(texts)}.", ""]


def clean_findings() -> list[str]:
    """Findings of the default check set on the clean corpus (there should be none)."""
    linter = Linter.from_config(load_config(no_config=True))
    return [f"{path.relative_to(REPO)}:{f.line} {f.code} {f.text!r}"
            for path in sorted(CLEAN.glob("*/*.md"))
            for f in linter.check_text(path.read_text(encoding="utf-8"), str(path))]


def speed(runs: int) -> list[str]:
    """MB/s of the default check set on two cores, and without the phrasing checks."""
    translint = tool("translint")
    if translint is None:
        raise SystemExit("benchmark: no translint command; run `make bench-phrasing`")
    corpus = OUT / "news"
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    size = 0
    with NEWS.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    for copy in range(PASSES):  # as benchmarks/run.py: throughput, not start-up, dominates
        for number, text in enumerate(texts):
            (corpus / f"{copy}-{number:05d}.txt").write_text(text, encoding="utf-8")
            size += len(text.encode("utf-8"))
    # --no-respect-gitignore: the work folder is git-ignored.
    base = [translint, "check", str(corpus), "--no-config", "--no-respect-gitignore",
            "--format", "json", "--jobs", "2"]
    full = run_series("default check set, --jobs 2", base, OUT / "default.json", runs)
    without = run_series("without TL2xx, --jobs 2", [*base, "--ignore", "TL2"],
                         OUT / "without.json", runs)
    return [f"| default check set | {full.median:.2f} | {size / MB / full.median:.1f} |",
            f"| without phrasing (baseline) | {without.median:.2f} | "
            f"{size / MB / without.median:.1f} |",
            "", f"{size / MB:.1f} MB in {len(list(corpus.iterdir()))} files; the phrasing "
            f"checks cost {full.median / without.median:.2f}× the baseline's time."]


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def label_table(tallies: dict[str, Tally], mode: str) -> list[str]:
    rows = [f"### Mode `{mode}`", "",
            "| source | documents | labels | found | recall | findings | right | precision |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for group in [*sorted(set(tallies) - {"overall"}), "overall"]:
        tally = tallies[group]
        rows.append(f"| {group} | {tally.documents} | {tally.labels} | {tally.found} | "
                    f"{_ratio(tally.recall)} | {tally.findings} | {tally.right} | "
                    f"{_ratio(tally.precision)} |")
    overall = tallies["overall"]
    rows += ["", "| family | labels | found | recall |", "|---|---:|---:|---:|"]
    for family, count in overall.families.most_common():
        rows.append(f"| {family} | {count} | {overall.families_found[family]} | "
                    f"{overall.families_found[family] / count:.2f} |")
    return [*rows, ""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("dev", "heldout"), default="heldout")
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--labels-only", action="store_true",
                        help="only the label scores (for rule writers on the dev part)")
    parser.add_argument("--sources-only", action="store_true",
                        help="only the TL210 source naming table (needs no labels)")
    options = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    sources = ["## Source naming (TL210)", "", *source_table(options.part)]
    if options.sources_only:
        print("\n".join(sources))
        return 0
    labelled = read_labels(options.part)
    if not labelled:
        raise SystemExit(f"benchmark: no labels in {LABELS / options.part}")
    report = [f"## Phrasing: the {options.part} labels", ""]
    for mode in options.modes.split(","):
        status(f"scoring mode {mode}")
        tallies = score(labelled, mode)
        report += (label_table(tallies, mode) if tallies is not None
                   else [f"### Mode `{mode}`: not available in this translint", ""])
    if not options.labels_only:
        report += sources
        status("native copy")
        rates, by_rule = native_rates()
        report += ["## Native copy", "",
                   f"Phrasing findings per 1,000 of {rates['articles']:.0f} native articles "
                   f"(every pack): warnings {rates['warning']:.2f}, info {rates['info']:.2f}, "
                   f"errors {rates['error']:.2f}.", "", "| code, rule | findings |",
                   "|---|---:|", *[f"| {rule} | {count} |" for rule, count
                                    in by_rule.most_common(15)], ""]
        status("clean corpus")
        clean = clean_findings()
        report += ["## Clean corpus", "", f"{len(clean)} findings on tests/corpus/clean/.",
                   *[f"- {item}" for item in clean], ""]
        if not options.skip_speed:
            report += ["## Speed", "", "| run | median s | MB/s |", "|---|---:|---:|",
                       *speed(options.runs), ""]
    text = "\n".join(report)
    (OUT / "results.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
