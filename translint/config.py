"""Project configuration: ``translint.toml``, or ``[tool.translint]`` in ``pyproject.toml``.

The file is found by walking up from a path (``translint check``: from each file, see
``translint.scopes``; the glossary commands: from the first path, or the current
directory); in each directory ``translint.toml`` wins over ``pyproject.toml``, and a
``pyproject.toml`` without ``[tool.translint]`` is passed over. Paths in the file are
relative to the file. Precedence: command-line options > configuration file > defaults;
an option given on the command line replaces the file's value for that key.

    glossaries = ["glossaries/desk.toml", "@bundled"]   # "@bundled": the bundled ones
    lang = "en"
    select = ["TL1"]
    ignore = ["TL103", "es-en/it-transpired-that"]   # codes, prefixes or rule ids
    fail_on = "warning"
    include = ["*.md"]
    exclude = ["archive/*"]
    packs = ["rules/house-de.toml"]           # phrasing packs added to the bundled ones
    source_lang = ["es"]                      # only the packs for these sources ("auto")
    disabled_rules = ["en-de", "es-en/it-transpired-that"]   # packs or pack/rule ids
    strip_credits = true                      # (Reporting by …) lines are boilerplate
    max_file_size = "200MB"                   # a larger input is an error, not read
    respect_gitignore = false                 # walk what .gitignore ignores too
    [severity]
    TL102 = "error"
    [house.de]
    kyiv = "Kyjiw"                            # house style: Kyjiw preferred, Kiew accepted

Every problem is a ``ConfigError`` located at ``file:line``.

Size: one reader for every key, each with its checks and its error; the CLI merges them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from translint.checks import CHECKS, unknown_codes
from translint.checks.calque_packs import AUTO
from translint.errors import ConfigError
from translint.findings import Severity
from translint.glossary.house import HouseRule, apply_house_style
from translint.glossary.load import LANG_PATTERN, bundled_glossary_paths, load_glossaries
from translint.glossary.model import Glossary
from translint.rules.packs import bundled_pack_paths
from translint.settings import Selection, is_rule_id, parse_codes
from translint.text.formats import DEFAULT_INCLUDE
from translint.text.langcodes import bad_language_message, language_tag
from translint.text.read import DEFAULT_MAX_BYTES, parse_size, read_bytes, read_text_file
from translint.tomldata import parse_toml

CONFIG_NAME = "translint.toml"
PYPROJECT_NAME = "pyproject.toml"
BUNDLED = "@bundled"
FAIL_ON = ("error", "warning", "info", "never")
KEYS = ("glossaries", "lang", "select", "ignore", "severity", "fail_on", "include", "exclude",
        "house", "packs", "source_lang", "disabled_rules", "strip_credits", "max_file_size",
        "respect_gitignore")
AUTO_ALONE = '{key}: "auto" finds the source language itself: give it alone, without codes'
_CODE = re.compile(r"TL\d{3}")
_KNOWN = tuple(check.code for check in CHECKS)
_HEADER = re.compile(r"\s*\[([^\[\]]+)\]\s*(?:#.*)?$")


@dataclass(frozen=True)
class Config:
    """The settings of a configuration file; ``None`` means the file does not set the key.

    ``packs`` lists extra rule-pack files (resolved paths) for the rules engine to load.
    """

    path: str | None = None
    glossaries: tuple[str, ...] | None = None
    lang: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    severities: dict[str, Severity] = field(default_factory=dict)
    fail_on: str | None = None
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] | None = None
    house: tuple[HouseRule, ...] = ()
    packs: tuple[str, ...] = ()
    source_langs: tuple[str, ...] | None = None
    disabled_rules: tuple[str, ...] = ()
    strip_credits: bool | None = None
    max_file_size: int | None = None
    respect_gitignore: bool = True
    key_lines: dict[str, int] = field(default_factory=dict)  # where each key is set


@dataclass(frozen=True)
class CheckOptions:
    """What ``translint check`` runs with once options and configuration are merged."""

    glossaries: tuple[str, ...] | None
    lang: str | None
    selection: Selection
    fail_on: Severity | None
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    pack_paths: tuple[str, ...] | None = None
    source_langs: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    rule_options: tuple[str, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    respect_gitignore: bool = True


# -- finding and reading -------------------------------------------------------------


def find_config(start: str | Path | None = None) -> Path | None:
    """The configuration file for ``start`` (a file or directory; default: the current one)."""
    here = Path.cwd() if start is None or str(start) in ("", "-") else Path(start).absolute()
    if not _is_dir(here):
        here = here.parent
    for folder in (here, *here.parents):
        found = config_in_folder(folder)
        if found is not None:
            return found
    return None


def config_in_folder(folder: Path) -> Path | None:
    """The configuration file of ``folder`` itself: its ``translint.toml``, else its
    ``pyproject.toml`` if that has ``[tool.translint]``; ``None`` when it has neither."""
    candidate = folder / CONFIG_NAME
    if _is_file(candidate):
        return candidate
    pyproject = folder / PYPROJECT_NAME
    if _is_file(pyproject) and _has_tool_table(pyproject):
        return pyproject
    return None


def _is_dir(path: Path) -> bool:
    """``path.is_dir()``, false where the path cannot be looked at (unreadable, too long):
    reading the inputs reports those."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def load_config(config_file: str | None = None, no_config: bool = False,
                start: str | Path | None = None) -> Config:
    """The configuration to use: ``config_file``, else the one found from ``start``, else none."""
    if no_config and config_file is not None:
        raise ConfigError("--config and --no-config contradict each other; give one of them")
    if no_config:
        return Config()
    if config_file is not None:
        return read_config(config_file)
    found = find_config(start)
    return read_config(display_path(found)) if found is not None else Config()


def read_config(path: str | Path) -> Config:
    """Read and check a ``translint.toml`` or the ``[tool.translint]`` of a ``pyproject.toml``."""
    display = str(path)
    text = read_text_file(path, error=ConfigError, what="configuration file")
    data: Any = parse_toml(text, display, ConfigError)
    prefix: tuple[str, ...] = ()
    if Path(path).name == PYPROJECT_NAME:
        prefix = ("tool", "translint")
        tool = data.get("tool", {})
        data = tool.get("translint") if isinstance(tool, dict) else None
        if not isinstance(data, dict):
            raise ConfigError("has no [tool.translint] table", display)
    return _ConfigReader(text, display, prefix).read(data)


def _has_tool_table(pyproject: Path) -> bool:
    try:
        text = read_bytes(pyproject, error=ConfigError).decode("utf-8", "replace")
    except ConfigError:
        return False  # not a file that can be read: not a configuration
    if "translint" not in text:
        return False
    try:
        tool = parse_toml(text, str(pyproject), ConfigError).get("tool", {})
    except ConfigError:
        return "[tool.translint" in text  # report its syntax error rather than ignore it
    return isinstance(tool, dict) and "translint" in tool


def display_path(path: Path) -> str:
    """``path`` relative to the current directory when it lies below it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class _ConfigReader:
    """Checks the values of a configuration table, locating problems by line."""

    def __init__(self, text: str, path: str, prefix: tuple[str, ...]) -> None:
        self.lines = text.split("\n")
        self.path = path
        self.prefix = prefix
        self.folder = os.path.dirname(path)

    def line_of(self, table: tuple[str, ...], key: str | None = None) -> int | None:
        """The line of ``key`` in ``table`` (or of the table's header), if it can be found."""
        header = ".".join((*self.prefix, *table))
        start = 0
        header_line: int | None = None
        if header:
            for number, line in enumerate(self.lines):
                match = _HEADER.match(line)
                if match and re.sub(r"[\s\"']", "", match.group(1)) == header:
                    start, header_line = number + 1, number + 1
                    break
        if key is None:
            return header_line
        pattern = re.compile(rf"""^\s*(?:[\w."' -]+\.)?["']?{re.escape(key)}["']?\s*=""")
        for number in range(start, len(self.lines)):
            if start and _HEADER.match(self.lines[number]):
                break
            if pattern.match(self.lines[number]):
                return number + 1
        for number, line in enumerate(self.lines):
            if pattern.match(line):
                return number + 1
        return header_line

    def fail(self, message: str, table: tuple[str, ...] = (),
             key: str | None = None) -> ConfigError:
        return ConfigError(message, self.path, self.line_of(table, key))

    def read(self, data: dict[str, Any]) -> Config:
        for key in data:
            if key not in KEYS:
                raise self.fail(f'unknown key "{key}"; known keys: {", ".join(KEYS)}', (), key)
        lang = self.string(data, "lang")
        if lang is not None:
            lang = self.language(lang, "lang")
        fail_on = self.string(data, "fail_on")
        if fail_on is not None and fail_on not in FAIL_ON:
            raise self.fail(f'fail_on "{fail_on}" is not one of {", ".join(FAIL_ON)}', (),
                            "fail_on")
        glossaries = self.strings(data, "glossaries")
        packs = self.strings(data, "packs") or ()
        source_langs = self.strings(data, "source_lang")
        if source_langs is not None and AUTO in source_langs and len(source_langs) > 1:
            raise self.fail(AUTO_ALONE.format(key="source_lang"), (), "source_lang")
        if source_langs is not None and AUTO not in source_langs:
            source_langs = tuple(self.language(code, "source_lang") for code in source_langs)
        strip_credits = data.get("strip_credits")
        if strip_credits is not None and not isinstance(strip_credits, bool):
            raise self.fail("strip_credits must be true or false", (), "strip_credits")
        max_file_size = self.size(data, "max_file_size")
        respect_gitignore = data.get("respect_gitignore", True)
        if not isinstance(respect_gitignore, bool):
            raise self.fail("respect_gitignore must be true or false", (), "respect_gitignore")
        return Config(
            path=self.path,
            glossaries=None if glossaries is None else tuple(
                value if value == BUNDLED else self.resolve(value) for value in glossaries),
            lang=lang,
            select=self.codes(data, "select"),
            ignore=self.codes(data, "ignore"),
            severities=self.severities(data.get("severity")),
            fail_on=fail_on,
            include=self.strings(data, "include"),
            exclude=self.strings(data, "exclude"),
            house=self.house(data.get("house")),
            packs=tuple(self.resolve(value) for value in packs),
            source_langs=source_langs,
            disabled_rules=self.strings(data, "disabled_rules") or (),
            strip_credits=strip_credits,
            max_file_size=max_file_size,
            respect_gitignore=respect_gitignore,
            key_lines={key: line for key in data
                       if (line := self.line_of((), key)) is not None},
        )

    def language(self, value: str, key: str) -> str:
        tag = language_tag(value)
        if tag is None:
            raise self.fail(bad_language_message(key, value), (), key)
        return tag

    def size(self, data: dict[str, Any], key: str) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        try:
            if isinstance(value, bool) or not isinstance(value, (int, str)):
                raise ValueError(f"{value!r} is not a size")
            size = value if isinstance(value, int) else parse_size(value)
        except ValueError:
            raise self.fail(f'{key} must be a size such as "200MB" or a number of bytes', (),
                            key) from None
        if size <= 0:
            raise self.fail(f"{key} must be more than 0 bytes", (), key)
        return size

    def resolve(self, value: str) -> str:
        return os.path.normpath(os.path.join(self.folder, os.path.expanduser(value)))

    def string(self, data: dict[str, Any], key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{key} must be a non-empty string", (), key)
        return value.strip()

    def strings(self, data: dict[str, Any], key: str) -> tuple[str, ...] | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(
                isinstance(item, str) and item.strip() for item in value):
            raise self.fail(f"{key} must be a list of non-empty strings", (), key)
        return tuple(item.strip() for item in value)

    def codes(self, data: dict[str, Any], key: str) -> tuple[str, ...] | None:
        values = self.strings(data, key)
        if values is None:
            return None
        try:
            return known_codes(parse_codes(values, key), key)
        except ConfigError as error:
            raise self.fail(error.message, (), key) from None

    def severities(self, table: Any) -> dict[str, Severity]:
        if table is None:
            return {}
        if not isinstance(table, dict):
            raise self.fail("severity must be a table: [severity] TL102 = \"error\"", (),
                            "severity")
        severities: dict[str, Severity] = {}
        for code, label in table.items():
            if not _CODE.fullmatch(code):
                raise self.fail(f'"{code}" is not a check code such as TL102', ("severity",),
                                code)
            if code not in _KNOWN:
                raise self.fail(f'[severity]: {code} is no check; the checks are '
                                f'{", ".join(_KNOWN)}', ("severity",), code)
            try:
                severities[code] = Severity.parse(label if isinstance(label, str) else "")
            except ValueError:
                raise self.fail(f'severity of {code} must be "error", "warning" or "info"',
                                ("severity",), code) from None
        return severities

    def house(self, table: Any) -> tuple[HouseRule, ...]:
        if table is None:
            return ()
        if not isinstance(table, dict):
            raise self.fail('house must hold one table per language: [house.de] kyiv = "Kyjiw"',
                            (), "house")
        rules: list[HouseRule] = []
        for lang, overrides in table.items():
            if not isinstance(overrides, dict):
                raise self.fail(f"house.{lang} must be a table of entry ids and forms",
                                ("house",), lang)
            if not LANG_PATTERN.fullmatch(lang):
                raise ConfigError(f'[house.{lang}]: "{lang}" is not a language code such as '
                                  '"de"', self.path, self.line_of(("house", lang))
                                  or self.line_of(("house",), lang))
            for entry_id, form in overrides.items():
                line = self.line_of(("house", lang), entry_id)
                if not isinstance(form, str) or not form.strip() or form != form.strip():
                    raise ConfigError(f"house.{lang}.{entry_id} must be a form such as "
                                      '"Kyjiw", without spaces around it', self.path, line)
                rules.append(HouseRule(lang, entry_id, form, line))
        return tuple(rules)


# -- merging with the command line ----------------------------------------------------


def check_options(config: Config, *, glossaries: Sequence[str] | None = None,
                  lang: str | None = None, select: Sequence[str] | None = None,
                  ignore: Sequence[str] | None = None, fail_on: str | None = None,
                  include: Sequence[str] | None = None,
                  exclude: Sequence[str] | None = None,
                  source_langs: Sequence[str] | None = None,
                  strip_credits: bool | None = None,
                  max_file_size: str | None = None,
                  respect_gitignore: bool | None = None) -> CheckOptions:
    """Merge command-line options (``None`` when not given) over ``config``."""
    chosen_select = (known_codes(parse_codes(list(select), "--select"), "--select") if select
                     else config.select or ())
    chosen_ignore = (known_codes(parse_codes(list(ignore), "--ignore"), "--ignore") if ignore
                     else config.ignore or ())
    if lang is not None:
        lang = _language(lang, "--lang")
    if source_langs and AUTO in source_langs and len(source_langs) > 1:
        raise ConfigError(AUTO_ALONE.format(key="--source-lang"))
    if source_langs and AUTO not in source_langs:
        source_langs = [_language(code, "--source-lang") for code in source_langs]
    max_bytes = config.max_file_size or DEFAULT_MAX_BYTES
    if max_file_size is not None:
        try:
            max_bytes = parse_size(max_file_size)
        except ValueError as error:
            raise ConfigError(f"--max-file-size: {error}") from None
        if max_bytes <= 0:
            raise ConfigError("--max-file-size must be more than 0 bytes")
    chosen_fail_on = fail_on or config.fail_on or "error"
    return CheckOptions(
        glossaries=tuple(glossaries) if glossaries else config.glossaries,
        lang=lang or config.lang,
        selection=Selection(select=chosen_select, ignore=chosen_ignore,
                            severities=dict(config.severities)),
        fail_on=None if chosen_fail_on == "never" else Severity.parse(chosen_fail_on),
        include=tuple(include) if include else config.include or DEFAULT_INCLUDE,
        exclude=tuple(exclude) if exclude else config.exclude or (),
        pack_paths=(*map(str, bundled_pack_paths()), *config.packs) if config.packs else None,
        source_langs=tuple(source_langs) if source_langs else config.source_langs or (),
        disabled_rules=config.disabled_rules,
        rule_options=("strip-credits",) if (strip_credits if strip_credits is not None
                                            else config.strip_credits) else (),
        max_bytes=max_bytes,
        respect_gitignore=(respect_gitignore if respect_gitignore is not None
                           else config.respect_gitignore),
    )


def known_codes(codes: tuple[str, ...], option: str) -> tuple[str, ...]:
    """``codes`` when each names at least one check (as a code or a prefix); a
    ``ConfigError`` listing the checks otherwise (rule ids: the linter checks them)."""
    unknown = unknown_codes(code for code in codes if not is_rule_id(code))
    if unknown:
        raise ConfigError(f"{option}: {', '.join(unknown)} "
                          f"{'matches' if len(unknown) == 1 else 'match'} no check; the checks "
                          f"are {', '.join(_KNOWN)}")
    return codes


def _language(value: str, option: str) -> str:
    tag = language_tag(value)
    if tag is None:
        raise ConfigError(bad_language_message(option, value))
    return tag


def glossary_paths(paths: Sequence[str] | None) -> list[str]:
    """Glossary files to load: ``paths`` with ``@bundled`` expanded; the bundled ones if None."""
    if paths is None:
        return [str(path) for path in bundled_glossary_paths()]
    expanded: dict[str, str] = {}  # a file given twice is loaded once
    for path in paths:
        for one in ([str(bundled) for bundled in bundled_glossary_paths()] if path == BUNDLED
                    else [path]):
            expanded.setdefault(os.path.realpath(one), one)
    return list(expanded.values())


def load_configured_glossaries(config: Config, paths: Sequence[str] | None,
                               cache_dir: Path | None = None) -> list[Glossary]:
    """Load the glossaries at ``paths`` (see ``glossary_paths``) with the house style applied;
    ``cache_dir``: see ``load_glossary``."""
    return apply_house_style(load_glossaries(glossary_paths(paths), cache_dir), config.house,
                             config.path)
