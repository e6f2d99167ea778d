"""Run the selected checks over documents and turn what they report into findings."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from translint.checks import (
    CHECKS,
    UNUSED_DIRECTIVE,
    Check,
    Context,
    Problem,
    Resources,
    Settings,
    unknown_codes,
)
from translint.config import (
    CheckOptions,
    Config,
    check_options,
    load_config,
    load_configured_glossaries,
)
from translint.errors import ConfigError, RuleError
from translint.findings import Finding
from translint.glossary.load import bundled_glossary_paths, load_glossaries
from translint.glossary.model import Glossary
from translint.names.index import NameIndex
from translint.settings import Selection
from translint.text.document import Document, make_document
from translint.text.langcodes import language_of, language_tag

_SIC = re.compile(r"\s*\[sic\]", re.IGNORECASE)
_KNOWN_CODES = frozenset(check.code for check in CHECKS)


# A finding keeps its source line for reporters; of a long line (a paragraph), only this
# much around the span, so that the findings of a large run stay small.
SOURCE_CONTEXT = 120


def _source(document: Document, line: int, column: int,
            end_column: int | None) -> dict[str, Any]:
    """The ``source_line`` and ``source_column`` fields for a finding on ``line``: the
    whole line, or of a long one only the part around the span (read without copying the
    line: a document may be one line of megabytes)."""
    start, end = document.line_bounds(line)
    length = end - start
    span_end = length + 1 if end_column is None else end_column
    if length <= 2 * SOURCE_CONTEXT + (span_end - column):
        return {"source_line": document.source[start:end], "source_column": 1}
    first = max(0, column - 1 - SOURCE_CONTEXT)
    last = min(length, span_end - 1 + SOURCE_CONTEXT)
    return {"source_line": document.source[start + first:start + last],
            "source_column": first + 1}


class Linter:
    """Glossaries and selected checks, ready to check any number of documents."""

    def __init__(self, glossaries: Iterable[Glossary], selection: Selection | None = None,
                 lang: str | None = None, *, pack_paths: Iterable[str | Path] | None = None,
                 source_langs: Iterable[str] = (), disabled_rules: Iterable[str] = (),
                 options: Iterable[str] = ()) -> None:
        """``pack_paths``: phrasing packs (default: the bundled ones); ``source_langs``: only
        packs for copy translated from these, or ``["auto"]``: every pack runs and TL201
        keeps, per document, the packs its calques fit best; ``disabled_rules``: pack or
        pack/rule ids to leave out; ``options``: rule switches (strip-credits).

        Packs named explicitly, or rules disabled, are loaded and checked now, so that a bad
        pack or an unknown rule id is an error before any file is read.
        """
        self.glossaries = list(glossaries)
        self.selection = selection or Selection()
        unknown = unknown_codes((*self.selection.select, *self.selection.ignore,
                                 *self.selection.severities))
        if unknown:
            raise ConfigError(f"{', '.join(unknown)}: no check has such a code; the checks are "
                              f"{', '.join(sorted(_KNOWN_CODES))}")
        # A tag with a region or script (de-CH): its language is checked, its locale's
        # glossary forms win (``Document.names_lang``).
        tag = language_tag(lang) if lang is not None else None
        self.lang = language_of(tag) if tag is not None else lang
        self.locale = tag if tag is not None and tag != self.lang else None
        self.checks: tuple[Check, ...] = tuple(
            check for check in CHECKS if self.selection.selects(check.code)
            and (check.on_by_default or self.selection.names(check.code)))
        self._codes_run = frozenset(check.code for check in self.checks)
        settings = Settings(
            pack_paths=tuple(map(str, pack_paths)) if pack_paths is not None else None,
            source_langs=tuple(source_langs), options=frozenset(options),
            disabled_rules=frozenset(disabled_rules))
        self.resources = Resources(NameIndex.of(self.glossaries), settings)
        for check in self.checks:
            if check.load is not None:
                check.load(self.resources)

    @classmethod
    def from_paths(cls, glossary_paths: Iterable[str | Path] | None = None,
                   selection: Selection | None = None, lang: str | None = None, *,
                   pack_paths: Iterable[str | Path] | None = None,
                   source_langs: Iterable[str] = (), disabled_rules: Iterable[str] = (),
                   options: Iterable[str] = ()) -> Linter:
        """Build a linter from glossary files (the bundled ones when ``None``)."""
        paths = list(glossary_paths) if glossary_paths is not None else bundled_glossary_paths()
        return cls(load_glossaries(paths), selection, lang, pack_paths=pack_paths,
                   source_langs=source_langs, disabled_rules=disabled_rules, options=options)

    @classmethod
    def from_config(cls, config: Config | None = None, options: CheckOptions | None = None,
                    *, cache_dir: Path | None = None) -> Linter:
        """The linter ``translint check`` would use: the configured glossaries with the
        house style, the selection and severities, packs and rule switches.

        ``config``: a configuration read with ``read_config`` (default: the one found from
        the current folder, as the command finds it); ``options``: what the command line
        changes (``check_options(config, lang="de", …)``); ``cache_dir``: the glossary
        cache folder (default: none). A ``disabled_rules`` id that names no pack or rule
        is a ``ConfigError`` at the configuration's line.
        """
        config = config if config is not None else load_config()
        options = options if options is not None else check_options(config)
        glossaries = load_configured_glossaries(config, options.glossaries, cache_dir)
        try:
            return cls(glossaries, options.selection, options.lang,
                       pack_paths=options.pack_paths, source_langs=options.source_langs,
                       disabled_rules=options.disabled_rules, options=options.rule_options)
        except RuleError as error:
            if error.path is None and config.path is not None and options.disabled_rules:
                raise ConfigError(error.message, config.path,
                                  config.key_lines.get("disabled_rules")) from None
            raise

    def prepare(self) -> None:
        """Build now what the selected checks would build on their first document, so that
        worker processes forked afterwards share it instead of each building its own."""
        for check in self.checks:
            if check.prepare is not None:
                check.prepare(self.resources, self.lang)

    def make_document(self, text: str, path: str = "<text>",
                      format: str | None = None) -> Document:
        """Build a document, with the language forced by this linter if it has one."""
        return make_document(text, path, lang=self.lang, format=format, locale=self.locale)

    def check_document(self, document: Document) -> list[Finding]:
        """Run every selected check on ``document`` and return its findings, sorted.

        Findings under a directive that silences them are dropped; then, if selected, TL001
        reports the directives that silenced nothing (a report of an unused directive is
        not silenced by that directive).
        """
        context = Context(document, self.resources, self._codes_run, _KNOWN_CODES)
        findings: list[Finding] = []
        for check in self.checks:
            if check is UNUSED_DIRECTIVE:
                continue
            for problem in self._problems(document, check, context):
                finding = self._finding(document, check, problem)
                silenced_by = document.suppressions.covering(finding.code, finding.line)
                if silenced_by:
                    context.silenced.update(silenced_by)
                else:
                    findings.append(finding)
        if UNUSED_DIRECTIVE in self.checks:
            findings.extend(self._finding(document, UNUSED_DIRECTIVE, problem)
                            for problem in self._problems(document, UNUSED_DIRECTIVE, context))
        findings.sort(key=Finding.sort_key)
        return findings

    @staticmethod
    def _problems(document: Document, check: Check, context: Context) -> Iterator[Problem]:
        """What ``check`` reports, less the spans an editor marked [sic]."""
        for problem in check.run(document, context):
            if not _SIC.match(document.text, problem.end):
                yield problem

    def check_text(self, text: str, path: str = "<text>",
                   format: str | None = None) -> list[Finding]:
        """Check a text given as a string."""
        return self.check_document(self.make_document(text, path, format))

    def _finding(self, document: Document, check: Check, problem: Problem) -> Finding:
        start, end = document.source_span(problem.start, problem.end)
        line, column = document.position(start)
        end_line, end_column = document.position(end)
        return Finding(
            path=document.path, line=line, column=column, end_line=end_line,
            end_column=end_column, start=start, end=end, code=check.code,
            name=check.name,
            severity=self.selection.severity(check.code, problem.severity or check.severity),
            message=problem.message, text=document.source[start:end],
            suggestion=problem.suggestion, entry=problem.entry, lang=document.lang,
            fixable=check.fixable and problem.suggestion is not None,
            **_source(document, line, column, end_column if end_line == line else None),
        )
