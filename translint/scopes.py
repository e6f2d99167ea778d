"""The configuration of each file: the nearest one, as ruff finds it.

A file is checked with the configuration nearest to it: walking up from its folder, the
first folder holding a ``translint.toml`` (or a ``pyproject.toml`` with
``[tool.translint]``) gives it; a file below none is checked with the defaults. Paths in a
configuration (glossaries, packs, include and exclude globs) are relative to its file.
``--config FILE`` applies that file to every input and ``--no-config`` none: discovery is
off. Command-line options override the value of every configuration. Standard input takes
the configuration of its ``--stdin-filename`` (else of the current folder).

One ``Linter`` is built per configuration used, once (``Scopes.plan``): a run with one
configuration builds one linter, as it always did.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translint.config import (
    CheckOptions,
    Config,
    check_options,
    config_in_folder,
    display_path,
    load_config,
    read_config,
)
from translint.linter import Linter
from translint.runner import STDIN, FilePlan, FileRules


@dataclass(frozen=True)
class Scope:
    """One configuration of a run (``config.path`` is ``None`` for the defaults), merged
    with the command-line options; ``rules``: which files its folders' walks take."""

    config: Config
    options: CheckOptions
    rules: FileRules


class Scopes:
    """The configurations of a run, found per folder and read once each.

    ``overrides``: the command-line options, as keyword arguments of ``check_options``;
    ``cache_dir``: the glossary cache (``None``: none). A configuration that cannot be read
    or checked is a ``ConfigError`` naming its file, wherever it sits.
    """

    def __init__(self, config_file: str | None = None, no_config: bool = False,
                 overrides: dict[str, Any] | None = None,
                 cache_dir: Path | None = None) -> None:
        self.overrides = overrides or {}
        self.cache_dir = cache_dir
        self._fixed: Scope | None = None
        if no_config or config_file is not None:
            self._fixed = self._scope(load_config(config_file, no_config))
        self._nearest: dict[str, Path | None] = {}  # folder -> its configuration file
        self._read: dict[Path | None, Scope] = {}
        self._linters: dict[int, Linter] = {}  # id(scope) -> its linter
        self._built: list[tuple[tuple[Any, ...], Linter]] = []  # each with its settings
        self.planned: list[Scope] = []  # the scopes of the last plan, in its order

    def for_path(self, path: str, stdin_name: str | None = None) -> Scope:
        """The scope of a file or directory to check (``-``: of ``stdin_name``, else of
        the current folder)."""
        if path == STDIN:
            return self.for_path(stdin_name) if stdin_name else self.for_folder(os.curdir)
        absolute = os.path.abspath(path)
        return self.for_folder(absolute if os.path.isdir(absolute)
                               else os.path.dirname(absolute))

    def for_folder(self, folder: str) -> Scope:
        """The scope of the files in ``folder``."""
        if self._fixed is not None:
            return self._fixed
        found = self._find(os.path.abspath(folder))
        scope = self._read.get(found)
        if scope is None:
            scope = self._scope(read_config(display_path(found)) if found else Config())
            self._read[found] = scope
        return scope

    def rules(self, folder: str) -> FileRules:
        """Which files of ``folder`` a walk takes (``find_inputs(rules_for=…)``)."""
        return self.for_folder(folder).rules

    def linter(self, scope: Scope) -> Linter:
        """The linter of ``scope``, built the first time it is asked for; configurations
        that differ only in what the linter does not read (include, exclude, fail_on, …)
        share one."""
        linter = self._linters.get(id(scope))
        if linter is None:
            wanted = _linter_settings(scope)
            linter = next((built for settings, built in self._built if settings == wanted),
                          None)
            if linter is None:
                # Same glossaries and settings, another selection or language: the name
                # index and what the checks build from it (packs, indexes) are shared.
                like = next((built for settings, built in self._built
                             if settings[_RESOURCES] == wanted[_RESOURCES]), None)
                linter = Linter.from_config(scope.config, scope.options,
                                            cache_dir=self.cache_dir, like=like)
                self._built.append((wanted, linter))
            self._linters[id(scope)] = linter
        return linter

    def plan(self, files: list[str], stdin_name: str | None = None) -> FilePlan:
        """Each file's linter, built now for every configuration the files use (so that a
        broken glossary or pack stops the run before any file is checked)."""
        scopes: dict[int, int] = {}  # id(scope) -> index in the plan
        self.planned = []
        linters: list[Linter] = []
        limits: list[int] = []
        chosen: dict[str, int] = {}
        for path in files:
            # A file found or named (never a directory): its folder, without a stat.
            scope = (self.for_path(path, stdin_name) if path == STDIN
                     else self.for_folder(os.path.dirname(os.path.abspath(path))))
            index = scopes.get(id(scope))
            if index is None:
                index = scopes[id(scope)] = len(linters)
                linters.append(self.linter(scope))
                self.planned.append(scope)
                limits.append(scope.options.max_bytes)
            chosen[path] = index
        return FilePlan(tuple(linters), tuple(limits), chosen)

    def _find(self, folder: str) -> Path | None:
        """The configuration file nearest to ``folder``, each folder looked at once."""
        unknown: list[str] = []  # folders looked at, nearest first, until one is known
        found: Path | None = None
        while folder not in self._nearest:
            unknown.append(folder)
            found = config_in_folder(Path(folder))
            parent = os.path.dirname(folder)
            if found is not None or parent == folder:
                break
            folder = parent
        else:
            found = self._nearest[folder]
        for each in unknown:
            self._nearest[each] = found
        return found

    def _scope(self, config: Config) -> Scope:
        options = check_options(config, **self.overrides)
        base = (os.path.dirname(os.path.abspath(config.path)) if config.path is not None
                else None)
        if base == os.getcwd():
            base = None  # the paths as given are already relative to it
        return Scope(config, options, FileRules(options.include, options.exclude,
                                                options.respect_gitignore, base))


def _linter_settings(scope: Scope) -> tuple[Any, ...]:
    """What ``Linter.from_config`` reads of a scope (compared with ``==``: a ``Selection``
    holds a dict), what its resources are built from first (``_RESOURCES``). House rules
    cite their file, so a configuration with some is its own."""
    options, config = scope.options, scope.config
    return (options.glossaries, config.house, config.path if config.house else None,
            options.pack_paths, options.source_langs, options.disabled_rules,
            options.rule_options, options.selection, options.lang)


_RESOURCES = slice(0, 7)  # the glossaries and the settings of ``checks.Settings``
