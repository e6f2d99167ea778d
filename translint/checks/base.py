"""What a check is, what it yields, and what it may read while it runs.

A check is one module of ``translint/checks/`` declaring one ``Check``: its code, name,
severity, documentation (``CheckDocs``) and the function that runs it, with optional hooks:
``load`` reads the data files a user gave the check, at once, so that a bad one is an error
before any copy is read; ``prepare`` builds the tables the check needs for copy in a
language, before worker processes are forked, so that they share them; ``rule_ids``, of a
check made of rules, lists the ids of its rules (and packs) that ``--select``/``--ignore``
may name. What checks build
is kept in ``Resources`` (one per run) and ``Context`` (one per document), each a cache
keyed by the function that builds the thing: ``resources.get(phrasing_index, "en")``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from translint.findings import Severity
from translint.names.declension import InflectionTable, declines, with_inflected
from translint.names.extract import count_names
from translint.names.fold import lower_text, spaced_text
from translint.names.index import FormMatch, NameIndex
from translint.names.variant_scan import VariantScanner
from translint.text.document import Document
from translint.text.segment import sentences

T = TypeVar("T")


class Problem(NamedTuple):
    """What a check reports: a span of the document, why it is wrong, and the fix."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    entry: str | None = None
    severity: Severity | None = None
    rule: str | None = None  # of a rule-based check: the rule's stable id


@dataclass(frozen=True)
class Settings:
    """What a run's configuration tells the checks beyond the glossaries.

    ``pack_paths``: the phrasing packs (``None``: the bundled ones); ``source_langs``: only
    packs for copy translated from these (``("auto",)``: per document, the packs that fit
    it best); ``options``: rule switches (``strip-credits``);
    ``disabled_rules``: pack or ``pack/rule`` ids to leave out.
    """

    pack_paths: tuple[str, ...] | None = None
    source_langs: tuple[str, ...] = ()
    options: frozenset[str] = frozenset()
    disabled_rules: frozenset[str] = frozenset()


class Resources:
    """What checks share across every document of a run: the glossaries' name index, the
    run's settings, and whatever a check builds from them (built once, then read only)."""

    def __init__(self, names: NameIndex, settings: Settings | None = None,
                 cache_dir: Path | None = None) -> None:
        """``cache_dir``: where built packs and indexes are cached (``None``: nowhere)."""
        self.names = names
        self.settings = settings or Settings()
        self.cache_dir = cache_dir
        self._built: dict[tuple[Callable[..., Any], str | None], Any] = {}

    def get(self, build: Callable[[Resources, str | None], T], lang: str | None = None) -> T:
        """What ``build(self, lang)`` returns, built on the first call for ``lang``."""
        key = (build, lang)
        if key not in self._built:
            self._built[key] = build(self, lang)
        value: T = self._built[key]
        return value


class Context:
    """One document's analysis, computed on first use by whichever check needs it.

    The properties are what several kinds of check read; ``get`` keeps anything else a
    check builds from the document, keyed by the function that builds it. ``codes_run``
    (the checks of this run), ``known_codes`` (every check's code) and ``silenced`` (the
    indexes of the document's directives that silenced a finding so far) serve TL001.
    """

    def __init__(self, document: Document, resources: Resources,
                 codes_run: frozenset[str] = frozenset(),
                 known_codes: frozenset[str] = frozenset(), *,
                 full_scan: bool = False) -> None:
        """``full_scan``: a check of the run reads ``form_matches`` (``variant_matches``
        reads them too)."""
        self.document = document
        self.full_scan = full_scan
        self.resources = resources
        self.codes_run = codes_run
        self.known_codes = known_codes
        self.silenced: set[int] = set()
        self._built: dict[Callable[..., Any], Any] = {}

    def get(self, build: Callable[[Context], T]) -> T:
        """What ``build(self)`` returns, built on the first call for this document."""
        if build not in self._built:
            self._built[build] = build(self)
        value: T = self._built[build]
        return value

    @cached_property
    def lowered(self) -> str:
        """The prose in lower case, offsets unchanged."""
        return lower_text(self.document.prose)

    @cached_property
    def spaced(self) -> str:
        """The lowered prose with a space for what ends a word (``spaced_text``)."""
        return spaced_text(self.lowered)

    @cached_property
    def form_matches(self) -> list[FormMatch]:
        """Every glossary form in the prose, inflected ones too in copy of a language that
        declines names (``translint.names.declension``)."""
        matches = self.resources.names.scan(self.document.prose, self.lowered, self.spaced)
        lang = self.document.names_lang
        if not declines(lang):
            return matches
        return with_inflected(matches, self.document.prose,
                              self.resources.get(_inflection_table), lang)

    @cached_property
    def variant_matches(self) -> list[FormMatch]:
        """The glossary matches TL101 reads: ``form_matches`` where they are at hand, will
        be (``full_scan``: on 21 MB of news the two scans cost 0.48 s and 0.59 s of CPU)
        or the language declines names; else those around the forms the document's
        language may not use (``translint.names.variant_scan``), which give the same
        problems at a cost that grows with the variants in the text, not with the
        glossary's other forms."""
        lang = self.document.names_lang
        if self.full_scan or "form_matches" in self.__dict__ or declines(lang):
            return self.form_matches
        scanner = self.resources.get(variant_scanner, lang)
        return scanner.matches(self.document.prose, self.lowered, self.spaced)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """The (start, end) of every sentence of the prose."""
        return list(sentences(self.document.prose))

    @cached_property
    def names(self) -> Counter[str]:
        """Capitalised names as written, with their counts."""
        return count_names(self.document.prose)

    @cached_property
    def taken(self) -> list[tuple[int, int]]:
        """Spans of the glossary forms found, which other name checks leave alone."""
        return [(match.start, match.end) for match in self.form_matches]


@dataclass(frozen=True)
class CheckDocs:
    """A check's documentation in ruff's four sections. The test suite runs the example:
    the check must flag ``example`` and leave ``instead`` alone, in ``lang`` copy, with the
    bundled glossaries, read as ``format`` (plain text unless given)."""

    what: str  # What it does
    why: str  # Why is this bad?
    example: str  # Example: copy the check flags
    instead: str  # Use instead: the same copy as it should be
    lang: str = "en"
    options: tuple[str, ...] = ()  # rule switches the example needs (strip-credits)
    # The input format of the example and the copy under "Use instead" (a bilingual check's
    # are XLIFF files); ``None``: plain text.
    format: str | None = None


Run = Callable[[Document, Context], Iterable[Problem]]
Prepare = Callable[[Resources, "str | None"], None]
Load = Callable[[Resources], None]
RuleIds = Callable[[Resources], Iterable[str]]


@dataclass(frozen=True)
class Check:
    """A check: a stable code and name, its default severity, its documentation, the
    function that runs it and its hooks (see the module's docstring)."""

    code: str
    name: str
    summary: str
    severity: Severity
    run: Run
    docs: CheckDocs
    fixable: bool = False
    on_by_default: bool = True  # else it runs only when --select names it
    prepare: Prepare | None = None
    load: Load | None = None
    rule_ids: RuleIds | None = None
    # It reads every glossary form of every document (``Context.form_matches``): TL101
    # then reads that scan too, rather than scanning again around the variants.
    scans_every_form: bool = False

    @property
    def description(self) -> str:
        """What the check does, in a paragraph (the first section of its docs)."""
        return self.docs.what


def variant_scanner(resources: Resources, lang: str | None) -> VariantScanner:
    """The run's forms that TL101 may report in ``lang`` copy, ready to be found."""
    return VariantScanner.of(resources.names, lang)


def _inflection_table(resources: Resources, _lang: str | None) -> InflectionTable:
    """The inflected forms of the run's glossary forms (one table for every language)."""
    return InflectionTable(resources.names)
