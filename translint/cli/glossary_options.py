"""What the ``translint glossary`` commands share: option types and choices, and how they
find the glossary to work on.

Exit codes: 0 done; 1 ``glossary validate`` found problems; 2 a usage, configuration,
glossary or input error (printed as ``translint: path:line: message``), in which case
no file was changed.
"""

from __future__ import annotations

import enum
import os
from typing import Annotated

import typer

from translint.config import Config, glossary_paths, load_config
from translint.errors import ConfigError
from translint.glossary.load import load_glossaries, load_glossary
from translint.glossary.model import KINDS, Glossary
from translint.names.translit import SCHEMES

# The modules that write and validate glossaries (with tomlkit and filelock) are imported
# by the commands that use them: every `translint check` would pay for them otherwise.

# The choices of --kind and --scheme: the kinds of entry and the romanisation schemes.
Kind = enum.Enum("Kind", {kind: kind for kind in KINDS}, type=str)  # type: ignore[misc]
Scheme = enum.Enum(  # type: ignore[misc]
    "Scheme", {scheme.replace("-", "_"): scheme for scheme in SCHEMES}, type=str)


class ListFormat(str, enum.Enum):
    """The output formats of ``glossary list`` and ``glossary show``."""

    text = "text"
    json = "json"


ListFormatOption = Annotated[ListFormat, typer.Option("--format", "-f", help="text or json.")]

GlossaryOption = Annotated[str | None, typer.Option(
    "--glossary", "-g", help="The glossary file to edit (default: the one glossary of the "
                             "configuration).")]
GlossariesOption = Annotated[list[str] | None, typer.Option(
    "--glossary", "-g", help="Glossary file (repeatable; @bundled for the bundled ones). "
                             "Default: the configuration's, else the bundled ones.")]
ConfigOption = Annotated[str | None, typer.Option(
    "--config", help="Use this configuration file (translint.toml or pyproject.toml).")]
NoConfigOption = Annotated[bool, typer.Option(
    "--no-config", help="Ignore any configuration file.")]
LangOption = Annotated[str | None, typer.Option(
    "--lang", help="Language of the forms given (default: the configuration's lang, else en).")]


def choice(value: enum.Enum | None) -> str | None:
    """The string an option's choice stands for."""
    return None if value is None else str(value.value)


def count(number: int, one: str, many: str) -> str:
    """``1 entry``, ``2 entries``."""
    return f"{number} {one if number == 1 else many}"


def config_for(config_file: str | None, no_config: bool, start: str | None = None) -> Config:
    """The configuration the options name, or the one found from ``start``."""
    return load_config(config_file, no_config, start)


def target_glossary(glossary: str | None, config: Config) -> str:
    """The one glossary file a command edits."""
    if glossary is not None:
        return glossary
    configured = [path for path in config.glossaries or () if not path.startswith("@")]
    if len(configured) == 1:
        return configured[0]
    if configured:
        raise ConfigError("the configuration names several glossaries; choose one with "
                          "--glossary FILE", config.path)
    raise ConfigError("no glossary to edit: give --glossary FILE (or name one in "
                      "translint.toml)")


def other_glossaries(target: str, config: Config) -> list[Glossary]:
    """The configured glossaries other than ``target``, to check an edit against."""
    if config.glossaries is None:
        return []
    return [load_glossary(path) for path in glossary_paths(config.glossaries)
            if not _same_file(path, target)]


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return os.path.abspath(first) == os.path.abspath(second)


def read_glossaries(glossary: list[str] | None, config: Config) -> list[Glossary]:
    """The glossaries the options name, else the configuration's, else the bundled ones."""
    return load_glossaries(glossary_paths(glossary or config.glossaries))
