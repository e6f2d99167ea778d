"""``translint glossary import``, ``export`` and ``suggest``: glossaries to and from TBX and
CSV, and proposed entries for names that copy spells several ways."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated

import typer

from translint.cli.exits import EXIT_ERROR, EXIT_OK, run_action, say
from translint.cli.glossary_options import (
    ConfigOption,
    GlossariesOption,
    NoConfigOption,
    choice,
    config_for,
    count,
    other_glossaries,
    read_glossaries,
)
from translint.config import glossary_paths
from translint.errors import ConfigError, GlossaryError, TranslintError
from translint.glossary.exchange import EXPORT_FORMATS, export_format, write_foreign
from translint.glossary.load import load_glossary

# The choices of export --format: the formats translint writes.
ExportFormat = enum.Enum(  # type: ignore[misc]
    "ExportFormat", {name: name for name in EXPORT_FORMATS}, type=str)


def import_(
    source: Annotated[str, typer.Argument(metavar="FILE", help="A .tbx (or .xml) or .csv file.")],
    glossary: Annotated[str | None, typer.Option(
        "--glossary", "-g", help="The TOML glossary to write (default: FILE with the suffix "
                                 ".toml).")] = None,
    merge: Annotated[bool, typer.Option(
        "--merge", help="Add the entries to an existing glossary, as glossary add would.")
    ] = False,
    config_file: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Import a TBX or CSV glossary into a new TOML glossary, or --merge it into one."""

    def action() -> None:
        from translint.glossary.exchange import read_foreign
        from translint.glossary.write import edit_glossary, merge_into_text

        config = config_for(config_file, no_config)
        imported = read_foreign(source)
        target = glossary or str(Path(source).with_suffix(".toml"))
        others = other_glossaries(target, config)
        if merge:
            edit_glossary(target, lambda text: merge_into_text(text, imported, target),
                          others, create=True)
        else:
            from translint.glossary.serialise import glossary_to_toml

            if Path(target).exists():
                raise GlossaryError("exists already; give --merge to add the entries to it, "
                                    "or another --glossary", target)
            edit_glossary(target, lambda _: glossary_to_toml(imported), others, new=True)
        say(f"imported {count(len(imported.entries), 'entry', 'entries')} from {source} "
            f"into {target}")

    run_action(action)


def export(
    output_format: Annotated[ExportFormat | None, typer.Option(
        "--format", "-f", help="tbx (TBX v3), tbx2 (TBX v2, martif: translate-toolkit, "
                                "Weblate) or csv (default: by the suffix of -o, else tbx).")
    ] = None,
    glossary: Annotated[str | None, typer.Option(
        "--glossary", "-g", help="The glossary to export (default: the configuration's one "
                                 "glossary, else the bundled one).")] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="Write to this file (atomically) instead of standard output.")
    ] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="TBX without translint's own data categories, for tools that refuse "
                         "unknown ones (kind, exception phrases and given names are lost).")
    ] = False,
    config_file: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Export a glossary as TBX (for terminology tools) or CSV (for spreadsheets)."""

    def action() -> None:
        config = config_for(config_file, no_config)
        paths = [glossary] if glossary else glossary_paths(config.glossaries)
        if len(paths) != 1:
            raise ConfigError("several glossaries are configured; choose one with --glossary")
        chosen = export_format(choice(output_format), output)
        loaded = load_glossary(paths[0])
        text = write_foreign(loaded, chosen, strict)
        if output is None:
            sys.stdout.write(text)
            return
        from translint.fix import write_atomically

        try:  # a spreadsheet opens a CSV file as UTF-8 only when it starts with a BOM
            write_atomically(output, text, bom=chosen == "csv")
        except OSError as error:
            raise GlossaryError(f"cannot write: {error.strerror}", output) from None
        say(f"exported {count(len(loaded.entries), 'entry', 'entries')} from {paths[0]} "
            f"to {output}")

    run_action(action)


def suggest(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH...", help="Files or directories of copy to read.")],
    min_count: Annotated[int, typer.Option(
        min=1, help="Propose names written at least this many times.")] = 2,
    write: Annotated[str | None, typer.Option(
        "--write", help="Append the proposals to this file as commented-out entries.")
    ] = None,
    glossary: GlossariesOption = None,
    include: Annotated[list[str] | None, typer.Option(
        help="Globs of files to read in directories (default: the configuration's, else "
             "the suffixes of the input formats).")] = None,
    exclude: Annotated[list[str] | None, typer.Option(
        help="Globs of files or directories to skip.")] = None,
    config_file: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Propose glossary entries for names in copy that are spelled several ways."""

    def action() -> int:
        from translint.glossary.suggest import render_proposals_toml, suggest_entries
        from translint.glossary.write import append_text, edit_glossary
        from translint.names.index import NameIndex
        from translint.runner import find_inputs
        from translint.text.formats import DEFAULT_INCLUDE
        from translint.text.read import read_text_file

        config = config_for(config_file, no_config, paths[0])
        known = NameIndex(read_glossaries(glossary, config))
        inputs = find_inputs(paths, tuple(include or config.include or DEFAULT_INCLUDE),
                             tuple(exclude or config.exclude or ()))
        for note in inputs.skipped:
            say(note)
        errors: list[TranslintError] = list(inputs.errors)
        texts: list[tuple[str, str]] = []
        for path in inputs.files:
            try:
                texts.append((path, read_text_file(path)))
            except TranslintError as error:
                errors.append(error)
        proposals = suggest_entries(texts, known, min_count=min_count)
        for proposal in proposals:
            typer.echo(f"{proposal.key}: {proposal.total} times")
            for written, times_written in proposal.forms:
                kept = proposal.files.get(written, [])
                places = ", ".join(f"{path} ({times})" for path, times in kept)
                more = proposal.documents.get(written, 0) - len(kept)
                places += f" and {more} more files" if more > 0 else ""
                typer.echo(f"    {written:<30} {times_written:>5}  {places}")
        if write is not None and proposals:
            rendered = render_proposals_toml(proposals)
            edit_glossary(write, lambda text: append_text(text, rendered), create=True)
            say(f"appended {count(len(proposals), 'proposal', 'proposals')} to {write}, "
                "commented out")
        for problem in errors:
            say(str(problem))
        return EXIT_ERROR if errors else EXIT_OK

    run_action(action)
