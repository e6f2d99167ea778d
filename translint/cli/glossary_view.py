"""``translint glossary list``, ``show`` and ``validate``: read glossaries and print them,
or the problems found in them."""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from typing import Annotated, Any

import typer

from translint.cli.exits import EXIT_OK, EXIT_PROBLEMS, run_action
from translint.cli.glossary_options import (
    ConfigOption,
    GlossariesOption,
    Kind,
    ListFormat,
    ListFormatOption,
    NoConfigOption,
    choice,
    config_for,
    count,
    read_glossaries,
)
from translint.config import Config, glossary_paths
from translint.errors import ConfigError, GlossaryError, TranslintError
from translint.glossary.house import apply_house_style
from translint.glossary.load import load_glossaries
from translint.glossary.model import Entry, Glossary, NameForms


def list_entries(
    lang: Annotated[str | None, typer.Option(
        help="Only entries with forms in this language; show those forms.")] = None,
    kind: Annotated[Kind | None, typer.Option(help="Only entries of this kind.")] = None,
    output_format: ListFormatOption = ListFormat.text,
    glossary: GlossariesOption = None,
    config_file: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """List the entries of the glossaries, one a line (or as JSON)."""

    def action() -> None:
        config = config_for(config_file, no_config)
        language = lang.lower() if lang else None
        selected = [(entry, item) for item in read_glossaries(glossary, config)
                    for entry in item.entries
                    if (language is None or language in entry.name.forms)
                    and (kind is None or entry.kind == choice(kind))]
        if output_format is ListFormat.json:
            typer.echo(json.dumps([_entry_data(entry, item) for entry, item in selected],
                                  ensure_ascii=False, indent=2))
            return
        for entry, item in selected:
            typer.echo(_entry_line(entry, item, language))

    run_action(action)


def _entry_line(entry: Entry, glossary: Glossary, lang: str | None) -> str:
    shown = lang or entry.resolve_lang(None, glossary.fallback_lang)
    forms = entry.name.forms.get(shown) if shown else None
    words = forms.preferred if forms else ""
    if entry.given is not None and shown in entry.given.forms:
        words = f"{entry.given.forms[shown].preferred} {words}"
    if forms and forms.accepted:
        words += f" (also {', '.join(forms.accepted)})"
    languages = "" if lang else "  [" + " ".join(entry.name.forms) + "]"
    return f"{entry.id:<28} {entry.kind:<12} {words}{languages}"


def _entry_data(entry: Entry, glossary: Glossary) -> dict[str, Any]:
    location = entry.location
    return {
        "id": entry.id, "kind": entry.kind, "glossary": glossary.name,
        "path": location.path if location else glossary.path,
        "line": location.line if location else None,
        "note": entry.note, "source": entry.source, "exceptions": list(entry.exceptions),
        **_name_data(entry.name),
        "given": _name_data(entry.given) if entry.given is not None else None,
    }


def _name_data(name: NameForms) -> dict[str, Any]:
    return {
        "variants": list(name.variants),
        "forms": {lang: {"preferred": forms.preferred, "accepted": list(forms.accepted),
                         "variants": list(forms.variants), "source": forms.source}
                  for lang, forms in name.forms.items()},
    }


def show(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="The entry.")],
    output_format: ListFormatOption = ListFormat.text,
    glossary: GlossariesOption = None,
    config_file: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Show one entry: where it is, its note, source, exceptions and forms per language."""

    def action() -> None:
        config = config_for(config_file, no_config)
        glossaries = read_glossaries(glossary, config)
        for item in glossaries:
            entry = item.get(entry_id)
            if entry is None:
                continue
            if output_format is ListFormat.json:
                typer.echo(json.dumps(_entry_data(entry, item), ensure_ascii=False, indent=2))
            else:
                typer.echo(_entry_text(entry))
            return
        ids = [entry.id for item in glossaries for entry in item.entries]
        close = difflib.get_close_matches(entry_id, ids, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise GlossaryError(f'no entry "{entry_id}" in the glossaries{hint}')

    run_action(action)


def _entry_text(entry: Entry) -> str:
    lines = [f"{entry.id} ({entry.kind})" + (f"  {entry.location}" if entry.location else "")]
    for label, value in (("note", entry.note), ("source", entry.source),
                         ("exceptions", ", ".join(entry.exceptions))):
        if value:
            lines.append(f"  {label:<11} {value}")
    lines.extend(_name_text(entry.name, "  "))
    if entry.given is not None:
        lines.append("  given name")
        lines.extend(_name_text(entry.given, "    "))
    return "\n".join(lines)


def _name_text(name: NameForms, indent: str) -> list[str]:
    lines = [f"{indent}{'variants':<11} {', '.join(name.variants)}"] if name.variants else []
    for lang, forms in name.forms.items():
        line = f"{indent}{lang:<11} {forms.preferred}"
        if forms.accepted:
            line += f"; accepted: {', '.join(forms.accepted)}"
        if forms.variants:
            line += f"; variants: {', '.join(forms.variants)}"
        if forms.source:
            line += f"  ({forms.source})"
        lines.append(line)
    return lines


def validate(
    files: Annotated[list[str] | None, typer.Argument(
        metavar="[FILES]...", help="Glossary files (default: the configuration's, else the "
                                   "bundled ones).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line.")] = False,
    config_file: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Check glossaries: the loader's rules, conflicts between files, and lint.

    Exit 0 when there is no problem, 1 when there are problems (printed as
    file:line: message), 2 for a usage error such as a missing file.
    """

    def action() -> int:
        from translint.glossary.validate import validate_paths

        config = config_for(config_file, no_config, files[0] if files else None)
        paths = glossary_paths(files or config.glossaries)
        problems: list[TranslintError] = list(validate_paths(paths))
        if not files and config.house and not problems:
            problems.extend(_house_problems(paths, config))
        for problem in problems:
            typer.echo(str(problem))
        if not quiet:
            files_text = count(len(paths), "glossary", "glossaries")
            typer.echo(f"Found {count(len(problems), 'problem', 'problems')} in "
                       f"{files_text}." if problems else f"No problems in {files_text}.")
        return EXIT_PROBLEMS if problems else EXIT_OK

    run_action(action)


def _house_problems(paths: Sequence[str], config: Config) -> list[TranslintError]:
    try:
        apply_house_style(load_glossaries(paths), config.house, config.path)
    except ConfigError as error:
        return [error]
    return []
