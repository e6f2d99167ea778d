"""What a check is, what it yields, and what it may read while it runs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from translint.errors import RuleError
from translint.findings import Severity
from translint.names.extract import count_names
from translint.names.fold import lower_text
from translint.names.index import FormMatch, NameIndex
from translint.names.variants import NearVariant, SpellingTables, find_near_variants
from translint.rules.anchored import AnchoredIndex, RuleMatch
from translint.rules.packs import Pack, PhrasingIndex, bundled_pack_paths, load_pack, rules_for
from translint.rules.wire import WireRule, load_wire_rules, wire_index
from translint.text.document import Document
from translint.text.segment import sentences


class Problem(NamedTuple):
    """What a check reports: a span of the document, why it is wrong, and the fix."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    entry: str | None = None
    severity: Severity | None = None


class Resources:
    """What checks share across every document of a run (built once, read only).

    Phrasing packs are loaded on first use, so a run without TL201 never reads them.
    """

    def __init__(self, names: NameIndex, pack_paths: Iterable[str | Path] | None = None,
                 source_langs: Iterable[str] = (), options: Iterable[str] = (),
                 disabled_rules: Iterable[str] = ()) -> None:
        self.names = names
        self.pack_paths = list(pack_paths) if pack_paths is not None else None
        self.source_langs = tuple(source_langs)
        self.options = frozenset(options)
        self.disabled_rules = frozenset(disabled_rules)
        self._phrasing: dict[str, PhrasingIndex] = {}
        self._spellings: dict[str | None, SpellingTables] = {}

    @cached_property
    def packs(self) -> list[Pack]:
        """The phrasing packs: the bundled ones, or those configured."""
        bundled = bundled_pack_paths()
        paths = self.pack_paths if self.pack_paths is not None else bundled
        # The bundled packs are compiled by the test suite; anything else is compiled now.
        packs = [load_pack(path, compile_now=Path(path) not in bundled) for path in paths]
        seen: dict[str, str] = {}
        for pack in packs:
            if pack.id in seen:
                raise RuleError(f'pack id "{pack.id}" is also used by {seen[pack.id]}',
                                pack.path)
            seen[pack.id] = pack.path
        return packs

    def check_disabled_rules(self) -> None:
        """Load the packs and refuse disabled ids that name no pack and no rule."""
        known = {pack.id for pack in self.packs} | {
            rule.qualified_id for pack in self.packs for rule in pack.rules}
        unknown = sorted(self.disabled_rules - known)
        if unknown:
            raise RuleError(f"disabled_rules names no pack or rule: {', '.join(unknown)}")

    @cached_property
    def wire_rules(self) -> list[WireRule]:
        """The bundled wire boilerplate and caption rules."""
        return load_wire_rules()

    @cached_property
    def wire(self) -> AnchoredIndex[WireRule]:
        """The wire rules (boilerplate and captions) that the options switch on."""
        return wire_index(self.wire_rules, self.options)

    def spellings(self, lang: str | None) -> SpellingTables:
        """The name tables for near variants and spelling clusters in ``lang`` copy."""
        if lang not in self._spellings:
            self._spellings[lang] = SpellingTables(self.names, lang)
        return self._spellings[lang]

    def phrasing(self, lang: str) -> PhrasingIndex:
        """The phrasing rules for copy in ``lang``."""
        if lang not in self._phrasing:
            self._phrasing[lang] = PhrasingIndex(
                rule for rule in rules_for(self.packs, lang, self.source_langs or None)
                if rule.pack not in self.disabled_rules
                and rule.qualified_id not in self.disabled_rules)
        return self._phrasing[lang]


class Context:
    """One document's shared analysis, computed on first use by whichever check needs it."""

    def __init__(self, document: Document, resources: Resources,
                 codes_run: frozenset[str] = frozenset(),
                 known_codes: frozenset[str] = frozenset()) -> None:
        """``codes_run``: the checks of this run; ``known_codes``: every check's code."""
        self.document = document
        self.resources = resources
        self.codes_run = codes_run
        self.known_codes = known_codes
        # Indexes of the document's directives that silenced a finding so far.
        self.silenced: set[int] = set()

    @cached_property
    def lowered(self) -> str:
        """The prose in lower case, offsets unchanged."""
        return lower_text(self.document.prose)

    @cached_property
    def form_matches(self) -> list[FormMatch]:
        """Every glossary form in the prose."""
        return self.resources.names.scan(self.document.prose, self.lowered)

    @cached_property
    def wire_matches(self) -> list[RuleMatch[WireRule]]:
        """Every wire boilerplate or caption rule that matches the prose."""
        return self.resources.wire.find(self.document.prose, self.lowered)

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

    @cached_property
    def near_variants(self) -> list[NearVariant]:
        """Names close to a glossary entry but written in none of its forms."""
        return find_near_variants(self.document.prose, self.names,
                                  self.resources.spellings(self.document.lang), self.taken)


Run = Callable[[Document, Context], Iterable[Problem]]


@dataclass(frozen=True)
class Check:
    """A check: a stable code and name, its default severity, and the function that runs it."""

    code: str
    name: str
    summary: str
    severity: Severity
    run: Run
    fixable: bool = False
    description: str = ""
    on_by_default: bool = True  # else it runs only when --select names it
