"""The calques of a document pack by pack, which TL201 and TL210 share.

The phrasing packs of a run and the rules for copy in a language are built once a run
(``Resources``); a document's calques are found once, in one pass of the rules of every
pack that runs, and kept in its ``Context``: each pack's matches (overlaps resolved within
the pack, longest first) and the packs ranked by how many calques they found. With
``source_lang = ["auto"]`` every pack for the copy's language runs and TL201 reports only
the best-fitting ones. A bilingual file that declares its source language (XLIFF
``srcLang``) runs that language's packs, whatever the run's ``source_lang``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from translint.checks.base import Context, Resources, Settings
from translint.errors import RuleError
from translint.languages import language
from translint.rules.anchored import AnchoredIndex, RuleMatch
from translint.rules.pack_cache import cached, packs_digest
from translint.rules.packs import (
    Pack,
    PhrasingIndex,
    Rule,
    bundled_pack_paths,
    load_pack,
    rules_for,
)
from translint.spans import SpanSet, longest_first

# ``source_lang = ["auto"]``: every pack runs, TL201 keeps the best-fitting ones per document.
AUTO = "auto"


def is_auto(settings: Settings) -> bool:
    """Tell whether the run picks each document's source language from its calques."""
    return AUTO in settings.source_langs


def phrasing_packs(resources: Resources, lang: str | None = None) -> list[Pack]:
    """The phrasing packs of the run (every language): the bundled ones, or those
    configured (from the pack cache when they were loaded before). A pack id used twice is
    an error."""
    paths, content = resources.get(_pack_files)
    bundled = bundled_pack_paths()
    # The bundled packs are compiled by the test suite; anything else is compiled now.
    packs = cached(resources.cache_dir, ("packs", *paths), content,
                   lambda: [load_pack(path, compile_now=Path(path) not in bundled)
                            for path in paths], list)
    seen: dict[str, str] = {}
    for pack in packs:
        if pack.id in seen:
            raise RuleError(f'pack id "{pack.id}" is also used by {seen[pack.id]}', pack.path)
        seen[pack.id] = pack.path
    return packs


def _pack_files(resources: Resources, lang: str | None = None,
                ) -> tuple[tuple[str, ...], str | None]:
    """The run's pack files, and a digest of their bytes for the pack cache (``None``: no
    caching)."""
    configured = resources.settings.pack_paths
    paths = tuple(map(str, configured if configured is not None else bundled_pack_paths()))
    return paths, packs_digest(paths) if resources.cache_dir is not None else None


def _rules_index(resources: Resources, lang: str | None,
                 sources: tuple[str, ...] | None) -> PhrasingIndex:
    """The rules for copy in ``lang`` of the packs for ``sources`` (``None``: every
    pack), less the disabled ones (from the pack cache when built before)."""
    disabled = resources.settings.disabled_rules
    paths, content = resources.get(_pack_files)
    key = ("index", lang or "", ",".join(sources) if sources is not None else "*",
           ",".join(sorted(disabled)), *paths)
    return cached(resources.cache_dir, key, content, lambda: PhrasingIndex(
        rule for rule in rules_for(resources.get(phrasing_packs), lang or "", sources)
        if rule.pack not in disabled and rule.qualified_id not in disabled), AnchoredIndex)


def phrasing_index(resources: Resources, lang: str | None) -> PhrasingIndex:
    """The rules for copy in ``lang``, less the disabled ones: of the packs for the
    configured source languages, or of every pack (none configured, or ``auto``)."""
    settings = resources.settings
    sources = None if is_auto(settings) else settings.source_langs or None
    return _rules_index(resources, lang, sources)


class DeclaredSourceIndexes:
    """The rules for copy in one language by the source language a bilingual file
    declares (XLIFF ``srcLang``): that source's packs only, whatever the run's
    ``source_lang``; each built on first use."""

    def __init__(self, resources: Resources, lang: str | None) -> None:
        self._resources = resources
        self._lang = lang
        self._built: dict[str, PhrasingIndex] = {}

    def for_source(self, source: str) -> PhrasingIndex:
        """The rules of the packs from ``source`` into this language."""
        if source not in self._built:
            self._built[source] = _rules_index(self._resources, self._lang, (source,))
        return self._built[source]


def declared_source_indexes(resources: Resources, lang: str | None) -> DeclaredSourceIndexes:
    """The per-declared-source rules for copy in ``lang`` (``resources.get``)."""
    return DeclaredSourceIndexes(resources, lang)


def document_index(context: Context) -> PhrasingIndex:
    """The rules a document runs: of its declared source language's packs when a
    bilingual file declares one, else the run's (``phrasing_index``)."""
    lang = context.document.lang
    source = context.document.declared_source_lang
    if source is not None:
        return context.resources.get(declared_source_indexes, lang).for_source(source)
    return context.resources.get(phrasing_index, lang)


def picks_best(context: Context) -> bool:
    """Tell whether TL201 reports only the best-fitting packs: with ``auto``, unless the
    document declares its source language."""
    return is_auto(context.resources.settings) and context.document.declared_source_lang is None


def prepare_index(resources: Resources, lang: str | None) -> None:
    """Build the rules for ``lang`` copy; when the language is detected per document, the
    rules for every language a pack is for (worker processes forked afterwards share them)."""
    langs = [lang] if lang is not None else sorted(
        {pack.target for pack in resources.get(phrasing_packs)})
    for each in langs:
        resources.get(phrasing_index, each)


def source_name(pack: Pack) -> str:
    """The source languages of a pack by name: "Spanish", "Russian or Ukrainian"."""
    return " or ".join(language(code).name for code in pack.source) or pack.id


@dataclass(frozen=True)
class PackCalques:
    """One pack's calques in a document, in text order (overlaps resolved, longest first)."""

    pack: Pack
    matches: tuple[RuleMatch[Rule], ...]

    @property
    def count(self) -> int:
        """How many calques the pack found."""
        return len(self.matches)

    @property
    def rules(self) -> frozenset[str]:
        """The ids of the pack's rules that matched."""
        return frozenset(match.rule.id for match in self.matches)


@dataclass(frozen=True)
class DocumentCalques:
    """The packs that found calques in a document, the most first (ties in pack order)."""

    ranked: tuple[PackCalques, ...]

    @property
    def best(self) -> tuple[PackCalques, ...]:
        """The best-fitting packs: those tied for the most calques (none without calques)."""
        if not self.ranked:
            return ()
        most = self.ranked[0].count
        return tuple(found for found in self.ranked if found.count == most)


def document_calques(context: Context) -> DocumentCalques:
    """The document's calques, pack by pack (built once a document: ``context.get``)."""
    lang = context.document.lang
    if lang is None:
        return DocumentCalques(())
    index = document_index(context)
    if not index.rules:
        return DocumentCalques(())
    by_pack: dict[str, list[RuleMatch[Rule]]] = {}
    for match in index.find_every(context.document.prose, context.lowered):
        by_pack.setdefault(match.rule.pack, []).append(match)
    packs = [pack for pack in context.resources.get(phrasing_packs) if pack.id in by_pack]
    found = [PackCalques(pack, tuple(longest_first(by_pack[pack.id]))) for pack in packs]
    return DocumentCalques(tuple(sorted(found, key=lambda item: -item.count)))


def reported(calques: Sequence[PackCalques]) -> list[tuple[RuleMatch[Rule], list[Pack]]]:
    """The calques to report of these packs (best first): where matches overlap the
    longest stays and, of equal spans, the better pack's; each with the other packs of
    the same count that matched there too (the phrase is their calque as well)."""
    spans = {found.pack.id: SpanSet((match.start, match.end) for match in found.matches)
             for found in calques}
    count = {found.pack.id: found.count for found in calques}
    kept = longest_first(match for found in calques for match in found.matches)
    return [(match, [found.pack for found in calques if found.pack.id != match.rule.pack
                     and found.count == count[match.rule.pack]
                     and spans[found.pack.id].overlaps(match.start, match.end)])
            for match in kept]
