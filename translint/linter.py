"""Run the selected checks over documents and turn what they report into findings."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
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
from translint.settings import Selection, UnknownRules
from translint.text.document import Document, make_document
from translint.text.langcodes import language_of, language_tag

_SIC = re.compile(r"\s*\[sic\]", re.IGNORECASE)
_KNOWN_CODES = frozenset(check.code for check in CHECKS)


# A finding keeps its source line for reporters; of a long line (a paragraph), only this
# much around the span, so that the findings of a large run stay small.
SOURCE_CONTEXT = 120


def _is_prose(document: Document, start: int, end: int) -> bool:
    """Tell whether ``text[start:end]`` is prose throughout (but its spaces): a fix never
    rewrites markup, such as an HTML tag or entity between the words of a name."""
    text = document.text[start:end]
    prose = document.prose[start:end]
    return text == prose or all(
        char == kept or char.isspace() for char, kept in zip(text, prose, strict=True))


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


def _suppressed(finding: Finding, document: Document, silenced_by: list[int]) -> Finding:
    """``finding`` marked as silenced, with the first reason its directives give."""
    reasons = (document.suppressions.items[index].reason for index in silenced_by)
    return replace(finding, suppressed=True,
                   justification=next((reason for reason in reasons if reason), None))


def _checks_of_rules(selection: Selection, resources: Resources) -> set[str]:
    """The codes of the checks that a rule id of ``select`` names a rule of; an
    ``UnknownRules`` error when a rule id of ``select`` or ``ignore`` names none."""
    wanted = selection.rule_ids
    if not wanted:
        return set()
    known = {check.code: frozenset(check.rule_ids(resources))
             for check in CHECKS if check.rule_ids is not None}
    unknown = tuple(value for value in wanted
                    if not any(value in ids for ids in known.values()))
    if unknown:
        raise UnknownRules(f"{', '.join(unknown)}: no check and no rule has such an id; rule "
                           "ids are a phrasing pack or pack/rule (es-en/it-transpired-that, "
                           "TL201) or a wire rule (attention-editors, TL401; `translint "
                           "checks` lists the checks)", unknown)
    return {code for code, ids in known.items()
            if any(value in ids for value in selection.select)}


def _settings(pack_paths: Iterable[str | Path] | None, source_langs: Iterable[str],
              options: Iterable[str], disabled_rules: Iterable[str]) -> Settings:
    return Settings(
        pack_paths=tuple(map(str, pack_paths)) if pack_paths is not None else None,
        source_langs=tuple(source_langs), options=frozenset(options),
        disabled_rules=frozenset(disabled_rules))


def resource_settings(options: CheckOptions) -> Settings:
    """The settings a linter ``Linter.from_config`` builds from ``options`` gives its
    resources: linters with equal ones can share them (``from_config(like=…)``)."""
    return _settings(options.pack_paths, options.source_langs, options.rule_options,
                     options.disabled_rules)


class Linter:
    """Glossaries and selected checks, ready to check any number of documents."""

    def __init__(self, glossaries: Iterable[Glossary], selection: Selection | None = None,
                 lang: str | None = None, *, pack_paths: Iterable[str | Path] | None = None,
                 source_langs: Iterable[str] = (), disabled_rules: Iterable[str] = (),
                 options: Iterable[str] = (), shared: Resources | None = None,
                 cache_dir: Path | None = None) -> None:
        """``pack_paths``: phrasing packs (default: the bundled ones); ``source_langs``: only
        packs for copy translated from these, or ``["auto"]``: every pack runs and TL201
        keeps, per document, the packs its calques fit best; ``disabled_rules``: pack or
        pack/rule ids to leave out; ``options``: rule switches (strip-credits); ``shared``:
        the resources of another linter built from the same glossaries and settings (the
        name index and what checks build from it, built once for both); ``cache_dir``: where
        the phrasing packs and indexes built are cached (``translint.rules.pack_cache``).

        Packs named explicitly, or rules disabled, are loaded and checked now, so that a bad
        pack or an unknown rule id is an error before any file is read.
        """
        self.glossaries = list(glossaries)
        self.selection = selection or Selection()
        unknown = unknown_codes((*self.selection.codes, *self.selection.severities))
        if unknown:
            raise ConfigError(f"{', '.join(unknown)}: no check has such a code; the checks are "
                              f"{', '.join(sorted(_KNOWN_CODES))}")
        # A tag with a region or script (de-CH): its language is checked, its locale's
        # glossary forms win (``Document.names_lang``).
        tag = language_tag(lang) if lang is not None else None
        self.lang = language_of(tag) if tag is not None else lang
        self.locale = tag if tag is not None and tag != self.lang else None
        settings = _settings(pack_paths, source_langs, options, disabled_rules)
        if shared is not None and shared.settings != settings:
            raise ValueError("shared resources were built with other settings")
        self.resources = (shared if shared is not None
                          else Resources(NameIndex.of(self.glossaries), settings, cache_dir))
        # Checks a selected rule id belongs to run for it, whatever their code's selection.
        by_rule = _checks_of_rules(self.selection, self.resources)
        self.checks: tuple[Check, ...] = tuple(
            check for check in CHECKS
            if (self.selection.selects(check.code) and (
                check.on_by_default or self.selection.names(check.code)))
            or check.code in by_rule)
        self._codes_run = frozenset(check.code for check in self.checks)
        self._full_scan = any(check.scans_every_form for check in self.checks)
        # By identity: ``in`` compares the checks field by field (0.03 s of CPU on 9,260 texts).
        self._unused_directives = any(check is UNUSED_DIRECTIVE for check in self.checks)
        self._by_rule = bool(self.selection.rule_ids)  # findings filtered by rule id
        # Return silenced findings too, marked ``suppressed`` (SARIF reports them).
        self.keep_suppressed = False
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
                    *, cache_dir: Path | None = None,
                    glossaries: Iterable[Glossary] | None = None,
                    like: Linter | None = None) -> Linter:
        """The linter ``translint check`` would use: the configured glossaries with the
        house style, the selection and severities, packs and rule switches.

        ``config``: a configuration read with ``read_config`` (default: the one found from
        the current folder, as the command finds it); ``options``: what the command line
        changes (``check_options(config, lang="de", …)``); ``cache_dir``: the glossary
        and phrasing pack cache folder (default: none); ``glossaries``: the configured
        glossaries, already loaded (a server building linters for several selections loads
        them once);
        ``like``: a linter built from the same glossaries and settings (the same
        configuration but for its selection or language), whose glossaries and resources
        are reused rather than built again. A ``disabled_rules`` id that names no pack or
        rule is a ``ConfigError`` at the configuration's line.
        """
        config = config if config is not None else load_config()
        options = options if options is not None else check_options(config)
        if like is not None:
            glossaries = like.glossaries
        elif glossaries is None:
            glossaries = load_configured_glossaries(config, options.glossaries, cache_dir)
        try:
            return cls(glossaries, options.selection, options.lang,
                       pack_paths=options.pack_paths, source_langs=options.source_langs,
                       disabled_rules=options.disabled_rules, options=options.rule_options,
                       shared=like.resources if like is not None else None,
                       cache_dir=cache_dir)
        except RuleError as error:
            if error.path is None and config.path is not None and options.disabled_rules:
                raise ConfigError(error.message, config.path,
                                  config.key_lines.get("disabled_rules")) from None
            raise
        except UnknownRules as error:
            # A rule id from the configuration file: say where it is written.
            for key, values in (("select", config.select), ("ignore", config.ignore)):
                if config.path is not None and set(error.ids) & set(values or ()) and (
                        values in (options.selection.select, options.selection.ignore)):
                    raise ConfigError(f"{key}: {error.message}", config.path,
                                      config.key_lines.get(key)) from None
            option = "--ignore" if set(error.ids) & set(options.selection.ignore) else "--select"
            raise ConfigError(f"{option}: {error.message}") from None

    def prepare(self) -> None:
        """Build now what the selected checks would build on their first document, so that
        worker processes forked afterwards share it instead of each building its own."""
        for check in self.checks:
            if check.prepare is not None:
                check.prepare(self.resources, self.lang)

    def make_document(self, text: str, path: str = "<text>", format: str | None = None, *,
                      source_text: str | None = None,
                      source_path: str = "<source>") -> Document:
        """Build a document, with the language forced by this linter if it has one.

        ``source_text``: the source ``text`` translates, aligned line for line (one segment
        a line, for the bilingual checks; ``text`` is then read as plain text); its
        language is this linter's one source language (``--source-lang``), else detected.
        """
        return make_document(text, path, lang=self.lang, format=format, locale=self.locale,
                             source_text=source_text, source_lang=self.source_lang,
                             source_path=source_path)

    @property
    def source_lang(self) -> str | None:
        """The one language the copy was translated from, when given (``--source-lang
        es``), else ``None`` (several, ``auto`` or none: detected per document)."""
        langs = self.resources.settings.source_langs
        return langs[0] if len(langs) == 1 and langs[0] != "auto" else None

    def context(self, document: Document) -> Context:
        """What the checks of ``document`` share (its glossary matches, names, sentences),
        each part computed once, when first asked for: give it to ``check_document`` and
        read it after, as ``translint audit`` reads the forms and names the checks found."""
        return Context(document, self.resources, self._codes_run, _KNOWN_CODES,
                       full_scan=self._full_scan)

    def check_document(self, document: Document,
                       context: Context | None = None) -> list[Finding]:
        """Run every selected check on ``document`` and return its findings, sorted
        (``context``: one made by ``self.context(document)``, to read after).

        Findings under a directive that silences them are dropped; then, if selected, TL001
        reports the directives that silenced nothing (a report of an unused directive is
        not silenced by that directive).
        """
        if context is None:
            context = self.context(document)
        elif context.document is not document:
            raise ValueError("check_document: the context was made for another document")
        findings: list[Finding] = []
        for check in self.checks:
            if check is UNUSED_DIRECTIVE:
                continue
            for problem in self._problems(document, check, context):
                finding = self._finding(document, check, problem)
                silenced_by = document.suppressions.covering(finding.code, finding.line)
                if silenced_by:
                    context.silenced.update(silenced_by)
                    if self.keep_suppressed and self._keeps(check.code, problem.rule):
                        findings.append(_suppressed(finding, document, silenced_by))
                elif self._keeps(check.code, problem.rule):
                    findings.append(finding)
        if self._unused_directives:
            findings.extend(self._finding(document, UNUSED_DIRECTIVE, problem)
                            for problem in self._problems(document, UNUSED_DIRECTIVE, context))
        findings.sort(key=Finding.sort_key)
        return findings

    def _keeps(self, code: str, rule: str | None) -> bool:
        """Tell whether a finding of a check that runs is reported (by its rule id)."""
        return not self._by_rule or self.selection.keeps(code, rule)

    @staticmethod
    def _problems(document: Document, check: Check, context: Context) -> Iterator[Problem]:
        """What ``check`` reports, less the spans an editor marked [sic]."""
        for problem in check.run(document, context):
            if not _SIC.match(document.text, problem.end):
                yield problem

    def check_text(self, text: str, path: str = "<text>", format: str | None = None, *,
                   source_text: str | None = None,
                   source_path: str = "<source>") -> list[Finding]:
        """Check a text given as a string (``source_text``: its source, aligned line for
        line; see ``make_document``)."""
        return self.check_document(self.make_document(
            text, path, format, source_text=source_text, source_path=source_path))

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
            fixable=(check.fixable and problem.suggestion is not None
                     and _is_prose(document, problem.start, problem.end)),
            rule=problem.rule,
            **_source(document, line, column, end_column if end_line == line else None),
        )
