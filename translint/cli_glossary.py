"""The ``translint glossary`` commands and ``translint translit``: options in, library calls out.

Exit codes: 0 done; 1 ``glossary validate`` found problems; 2 a usage, configuration,
glossary or input error (printed as ``translint: path:line: message``), in which case
no file was changed.
"""

from __future__ import annotations

import difflib
import enum
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from translint.config import (
    Config,
    glossary_paths,
    load_config,
)
from translint.errors import ConfigError, GlossaryError, InputError, TranslintError
from translint.glossary.house import apply_house_style
from translint.glossary.load import load_glossaries, load_glossary, parse_glossary
from translint.glossary.model import Entry, Glossary, LanguageForms, NameForms

if TYPE_CHECKING:
    from translint.glossary.write import Addition

# The modules that write and validate glossaries (with tomlkit and filelock) are imported
# by the commands that use them: every `translint check` would pay for them otherwise.

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2
ORIGINAL_LANG = {"ua-2010": "uk", "ru-bgn": "ru"}

glossary_app = typer.Typer(
    no_args_is_help=True,
    help="Manage glossaries: add, change and remove entries; list, validate, import, "
         "export; suggest entries from copy.",
)

class Kind(str, enum.Enum):
    """The kinds of entry (``translint.glossary.model.KINDS``)."""

    place = "place"
    person = "person"
    organisation = "organisation"
    term = "term"


class Scheme(str, enum.Enum):
    """The romanisation schemes (``translint.names.translit.SCHEMES``)."""

    ua_2010 = "ua-2010"
    ru_bgn = "ru-bgn"


class ListFormat(str, enum.Enum):
    text = "text"
    json = "json"


class ExportFormat(str, enum.Enum):
    tbx = "tbx"
    csv = "csv"


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


def _fail(error: TranslintError) -> typer.Exit:
    for line in str(error).splitlines():
        typer.echo(f"translint: {line}", err=True)
    return typer.Exit(EXIT_ERROR)


def _count(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _say(message: str) -> None:
    typer.echo(f"translint: {message}", err=True)


def _run(action: Callable[[], int | None]) -> None:
    """Run a command body; a ``TranslintError`` becomes its message and exit code 2."""
    try:
        code = action()
    except TranslintError as error:
        raise _fail(error) from None
    raise typer.Exit(code or EXIT_OK)


def _config(config_file: str | None, no_config: bool, start: str | None = None) -> Config:
    return load_config(config_file, no_config, start)


def _target(glossary: str | None, config: Config) -> str:
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


def _others(target: str, config: Config) -> list[Glossary]:
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


def _read_glossaries(glossary: list[str] | None, config: Config) -> list[Glossary]:
    return load_glossaries(glossary_paths(glossary or config.glossaries))


def _kind_of(target: str, entry_id: str) -> str | None:
    """The kind of entry ``entry_id`` in ``target`` now, if the file has it."""
    from translint.text.read import read_text_file

    try:
        glossary = parse_glossary(read_text_file(target, error=GlossaryError), target)
    except GlossaryError:
        return None
    entry = glossary.get(entry_id)
    return entry.kind if entry is not None else None


def _edit(target: str, change: Callable[[str], str], config: Config, done: str,
          create: bool = False) -> None:
    """Make ``change`` to ``target`` under its lock and say what happened."""
    from translint.glossary.write import edit_glossary

    changed: list[bool] = []

    def edit(text: str) -> str:
        new = change(text)
        changed.append(new != text)
        return new

    edit_glossary(target, edit, _others(target, config), create=create)
    _say(f"{done} {target}" if any(changed) else f"{target} has that already; nothing "
         "changed")


# -- add, set, remove -----------------------------------------------------------------


@glossary_app.command("add")
def add(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="The entry's id (kyiv).")],
    preferred: Annotated[str | None, typer.Option(
        help="The preferred form in --lang (for a person, the full name or the family "
             "name).")] = None,
    lang: LangOption = None,
    cyrillic: Annotated[str | None, typer.Option(
        help="The name in Cyrillic: recorded as the uk or ru form and romanised to propose "
             "--preferred.")] = None,
    scheme: Annotated[Scheme | None, typer.Option(
        help="Romanisation of --cyrillic (default: chosen by its letters).")] = None,
    variant: Annotated[list[str] | None, typer.Option(
        help="A variant, disfavoured in every language that does not prefer it "
             "(repeatable).")] = None,
    accepted: Annotated[list[str] | None, typer.Option(
        help="A form --lang also accepts (repeatable).")] = None,
    lang_variant: Annotated[list[str] | None, typer.Option(
        help="A variant disfavoured in --lang only (repeatable).")] = None,
    exception: Annotated[list[str] | None, typer.Option(
        help='A phrase where an old form is right, "chicken Kiev" (repeatable).')] = None,
    kind: Annotated[Kind | None, typer.Option(help="place, person, organisation or term.")
                    ] = None,
    note: Annotated[str | None, typer.Option(help="A note on the entry.")] = None,
    source: Annotated[str | None, typer.Option(help="The entry's source.")] = None,
    lang_source: Annotated[str | None, typer.Option(
        help="The source for the --lang forms.")] = None,
    given: Annotated[str | None, typer.Option(
        help="A person's given name in --lang (then --preferred is the family name).")
    ] = None,
    given_variant: Annotated[list[str] | None, typer.Option(
        help="A variant of a person's given name (repeatable).")] = None,
    glossary: GlossaryOption = None,
    config_file: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Add an entry, or forms for a language, exceptions and variants to an existing entry."""

    def action() -> None:
        from translint.glossary.write import add_to_text, check_addition

        config = _config(config_file, no_config)
        target = _target(glossary, config)
        existing_kind = _kind_of(target, entry_id)
        chosen_kind = kind.value if kind else None
        addition = _addition(entry_id, chosen_kind, (chosen_kind or existing_kind) == "person",
                             config, preferred, lang, cyrillic,
                             scheme.value if scheme else None, variant, accepted,
                             lang_variant, exception, note, source, lang_source, given,
                             given_variant)
        check_addition(addition, target)
        done = f'added to "{entry_id}" in' if existing_kind else f'added "{entry_id}" to'
        _edit(target, lambda text: add_to_text(text, addition, target), config, done,
              create=True)

    _run(action)


def _addition(entry_id: str, kind: str | None, person: bool, config: Config,
              preferred: str | None,
              lang: str | None, cyrillic: str | None, scheme: str | None,
              variants: list[str] | None, accepted: list[str] | None,
              lang_variants: list[str] | None, exceptions: list[str] | None,
              note: str | None, source: str | None, lang_source: str | None,
              given: str | None, given_variants: list[str] | None) -> Addition:
    """Turn the options of ``glossary add`` into an ``Addition`` (``person``: split names)."""
    from translint.glossary.write import Addition, split_person_name

    language = (lang or config.lang or "en").lower()
    forms: dict[str, LanguageForms] = {}
    given_forms: dict[str, LanguageForms] = {}
    originals: dict[str, LanguageForms] = {}
    original_given: dict[str, LanguageForms] = {}
    if cyrillic is not None:
        from translint.names.translit import detect_scheme, romanise

        chosen = scheme or detect_scheme(cyrillic)
        if ORIGINAL_LANG[chosen] == language:
            raise ConfigError(f"--cyrillic gives the {language} form; choose the language of "
                              "the romanised form with --lang")
        romanised = romanise(cyrillic, chosen, press=True)
        if preferred is None:
            preferred = romanised
            _say(f'{language} preferred form "{romanised}", romanised from "{cyrillic}" '
                 f"({chosen}); give --preferred to choose another")
        cyrillic_given, original = (split_person_name(cyrillic) if person
                                    else (None, cyrillic.strip()))
        originals[ORIGINAL_LANG[chosen]] = LanguageForms(original)
        if cyrillic_given:
            original_given[ORIGINAL_LANG[chosen]] = LanguageForms(cyrillic_given)
    if preferred is None and (accepted or lang_variants or lang_source or given):
        raise ConfigError("--accepted, --lang-variant, --lang-source and --given describe "
                          "the --lang forms: give --preferred too (or use glossary set)")
    if preferred is not None:
        if person and given is None:
            given, preferred = split_person_name(preferred)
        forms[language] = LanguageForms(preferred, tuple(accepted or ()),
                                        tuple(lang_variants or ()), lang_source)
        if given:
            given_forms[language] = LanguageForms(given)
    forms.update(originals)  # the copy's language first, the Cyrillic original after it
    given_forms.update(original_given)
    given_name = (NameForms(given_forms, tuple(given_variants or ()))
                  if given_forms or given_variants else None)
    return Addition(entry_id=entry_id, name=NameForms(forms, tuple(variants or ())),
                    given=given_name, exceptions=tuple(exceptions or ()), kind=kind, note=note,
                    source=source)


@glossary_app.command("set")
def set_(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="The entry to change.")],
    lang: LangOption = None,
    preferred: Annotated[str | None, typer.Option(
        help="The preferred form in --lang (adds the language if the entry lacks it).")
    ] = None,
    accepted: Annotated[list[str] | None, typer.Option(
        help="The forms --lang accepts; replaces the list (repeatable).")] = None,
    lang_variant: Annotated[list[str] | None, typer.Option(
        help="The variants of --lang; replaces the list (repeatable).")] = None,
    lang_source: Annotated[str | None, typer.Option(
        help='The source of the --lang forms ("" removes it).')] = None,
    variant: Annotated[list[str] | None, typer.Option(
        help="The entry's variants; replaces the list (repeatable).")] = None,
    exception: Annotated[list[str] | None, typer.Option(
        help="The entry's exceptions; replaces the list (repeatable).")] = None,
    kind: Annotated[Kind | None, typer.Option(help="place, person, organisation or term.")
                    ] = None,
    note: Annotated[str | None, typer.Option(help='The note ("" removes it).')] = None,
    source: Annotated[str | None, typer.Option(help='The source ("" removes it).')] = None,
    given: Annotated[str | None, typer.Option(
        help="A person's preferred given name in --lang.")] = None,
    given_variant: Annotated[list[str] | None, typer.Option(
        help="The given name's variants; replaces the list (repeatable).")] = None,
    glossary: GlossaryOption = None,
    config_file: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Change an entry: its kind, note, source, variants, exceptions or a language's forms."""

    def action() -> None:
        from translint.glossary.write import Change, change_text

        config = _config(config_file, no_config)
        change = Change(
            entry_id=entry_id, lang=(lang or config.lang or "en").lower(),
            kind=kind.value if kind else None, note=note, source=source,
            exceptions=_tuple(exception), variants=_tuple(variant), preferred=preferred,
            accepted=_tuple(accepted), lang_variants=_tuple(lang_variant),
            lang_source=lang_source, given=given, given_variants=_tuple(given_variant))
        if change == Change(entry_id=entry_id, lang=change.lang):
            raise ConfigError("nothing to change: give --preferred, --accepted, --note, …")
        target = _target(glossary, config)
        _edit(target, lambda text: change_text(text, change, target), config,
              f'changed "{entry_id}" in')

    _run(action)


def _tuple(values: list[str] | None) -> tuple[str, ...] | None:
    return None if values is None else tuple(values)


@glossary_app.command("remove")
def remove(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="The entry.")],
    lang: Annotated[str | None, typer.Option(
        help="Alone: remove this language's forms. With --accepted or --lang-variant: "
             "their language (default: the configuration's lang, else en).")] = None,
    variant: Annotated[list[str] | None, typer.Option(
        help="Remove this variant of the entry (repeatable).")] = None,
    exception: Annotated[list[str] | None, typer.Option(
        help="Remove this exception (repeatable).")] = None,
    accepted: Annotated[list[str] | None, typer.Option(
        help="Remove this accepted form of --lang (repeatable).")] = None,
    lang_variant: Annotated[list[str] | None, typer.Option(
        help="Remove this variant of --lang (repeatable).")] = None,
    glossary: GlossaryOption = None,
    config_file: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Remove an entry (ID alone), a language's forms (--lang alone), or single forms."""

    def action() -> None:
        from translint.glossary.write import Removal, edit_glossary, remove_from_text

        config = _config(config_file, no_config)
        form_lang = lang or (config.lang or "en" if accepted or lang_variant else None)
        removal = Removal(entry_id=entry_id, lang=form_lang.lower() if form_lang else None,
                          variants=tuple(variant or ()), exceptions=tuple(exception or ()),
                          accepted=tuple(accepted or ()),
                          lang_variants=tuple(lang_variant or ()))
        target = _target(glossary, config)
        edit_glossary(target, lambda text: remove_from_text(text, removal, target),
                      _others(target, config))
        removed = ", ".join(f'"{value}"' for value in removal.values())
        _say(f'removed "{entry_id}" from {target}' if removal.removes_entry
             else f'removed the {removal.lang} forms of "{entry_id}" from {target}'
             if removal.removes_language else f'removed {removed} from "{entry_id}" in {target}')

    _run(action)


# -- list, show -----------------------------------------------------------------------


@glossary_app.command("list")
def list_entries(
    lang: Annotated[str | None, typer.Option(
        help="Only entries with forms in this language; show those forms.")] = None,
    kind: Annotated[Kind | None, typer.Option(help="Only entries of this kind.")] = None,
    output_format: Annotated[ListFormat, typer.Option(
        "--format", "-f", help="text or json.")] = ListFormat.text,
    glossary: GlossariesOption = None,
    config_file: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """List the entries of the glossaries, one a line (or as JSON)."""

    def action() -> None:
        config = _config(config_file, no_config)
        language = lang.lower() if lang else None
        selected = [(entry, item) for item in _read_glossaries(glossary, config)
                    for entry in item.entries
                    if (language is None or language in entry.name.forms)
                    and (kind is None or entry.kind == kind.value)]
        if output_format is ListFormat.json:
            typer.echo(json.dumps([_entry_data(entry, item) for entry, item in selected],
                                  ensure_ascii=False, indent=2))
            return
        for entry, item in selected:
            typer.echo(_entry_line(entry, item, language))

    _run(action)


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


@glossary_app.command("show")
def show(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="The entry.")],
    output_format: Annotated[ListFormat, typer.Option(
        "--format", "-f", help="text or json.")] = ListFormat.text,
    glossary: GlossariesOption = None,
    config_file: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Show one entry: where it is, its note, source, exceptions and forms per language."""

    def action() -> None:
        config = _config(config_file, no_config)
        glossaries = _read_glossaries(glossary, config)
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

    _run(action)


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


# -- validate -------------------------------------------------------------------------


@glossary_app.command("validate")
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

        config = _config(config_file, no_config, files[0] if files else None)
        paths = glossary_paths(files or config.glossaries)
        problems: list[TranslintError] = list(validate_paths(paths))
        if not files and config.house and not problems:
            problems.extend(_house_problems(paths, config))
        for problem in problems:
            typer.echo(str(problem))
        if not quiet:
            files_text = _count(len(paths), "glossary", "glossaries")
            typer.echo(f"Found {_count(len(problems), 'problem', 'problems')} in "
                       f"{files_text}." if problems else f"No problems in {files_text}.")
        return EXIT_PROBLEMS if problems else EXIT_OK

    _run(action)


def _house_problems(paths: Sequence[str], config: Config) -> list[TranslintError]:
    try:
        apply_house_style(load_glossaries(paths), config.house, config.path)
    except ConfigError as error:
        return [error]
    return []


# -- import, export -------------------------------------------------------------------


@glossary_app.command("import")
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
        from translint.glossary.write import edit_glossary, merge_into_text

        config = _config(config_file, no_config)
        imported = _read_foreign(source)
        target = glossary or str(Path(source).with_suffix(".toml"))
        others = _others(target, config)
        if merge:
            edit_glossary(target, lambda text: merge_into_text(text, imported, target),
                          others, create=True)
        else:
            from translint.glossary.serialise import glossary_to_toml

            if Path(target).exists():
                raise GlossaryError("exists already; give --merge to add the entries to it, "
                                    "or another --glossary", target)
            edit_glossary(target, lambda _: glossary_to_toml(imported), others, new=True)
        count = len(imported.entries)
        _say(f"imported {_count(count, 'entry', 'entries')} from {source} into "
             f"{target}")

    _run(action)


def _read_foreign(source: str) -> Glossary:
    suffix = Path(source).suffix.lower()
    if suffix not in (".tbx", ".xml", ".csv"):
        raise ConfigError("cannot import this file: give a .tbx, .xml or .csv file", source)
    from translint.text.read import decode_text, read_bytes

    data = read_bytes(source, error=GlossaryError)
    if suffix == ".csv":
        from translint.glossary.csvio import read_csv

        return read_csv(decode_text(data, source, GlossaryError), source)
    from translint.glossary.tbx import read_tbx

    return read_tbx(data, source)


@glossary_app.command("export")
def export(
    output_format: Annotated[ExportFormat | None, typer.Option(
        "--format", "-f", help="tbx or csv (default: by the suffix of -o, else tbx).")
    ] = None,
    glossary: Annotated[str | None, typer.Option(
        "--glossary", "-g", help="The glossary to export (default: the configuration's one "
                                 "glossary, else the bundled one).")] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="Write to this file (atomically) instead of standard output.")
    ] = None,
    config_file: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Export a glossary as TBX (for terminology tools) or CSV (for spreadsheets)."""

    def action() -> None:
        config = _config(config_file, no_config)
        paths = [glossary] if glossary else glossary_paths(config.glossaries)
        if len(paths) != 1:
            raise ConfigError("several glossaries are configured; choose one with --glossary")
        chosen = output_format or (ExportFormat.csv if output and output.lower().endswith(
            ".csv") else ExportFormat.tbx)
        loaded = load_glossary(paths[0])
        if chosen is ExportFormat.csv:
            from translint.glossary.csvio import write_csv

            text = write_csv(loaded)
        else:
            from translint.glossary.tbx import write_tbx

            text = write_tbx(loaded)
        if output is None:
            sys.stdout.write(text)
            return
        from translint.fix import write_atomically

        try:
            write_atomically(output, text)
        except OSError as error:
            raise GlossaryError(f"cannot write: {error.strerror}", output) from None
        _say(f"exported {_count(len(loaded.entries), 'entry', 'entries')} from {paths[0]} "
             f"to {output}")

    _run(action)


# -- suggest --------------------------------------------------------------------------


@glossary_app.command("suggest")
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

        config = _config(config_file, no_config, paths[0])
        known = NameIndex(_read_glossaries(glossary, config))
        inputs = find_inputs(paths, tuple(include or config.include or DEFAULT_INCLUDE),
                             tuple(exclude or config.exclude or ()))
        for note in inputs.skipped:
            _say(note)
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
            for written, count in proposal.forms:
                places = ", ".join(f"{path} ({times})"
                                   for path, times in proposal.files.get(written, []))
                typer.echo(f"    {written:<30} {count:>5}  {places}")
        if write is not None and proposals:
            rendered = render_proposals_toml(proposals)
            edit_glossary(write, lambda text: append_text(text, rendered), create=True)
            count = len(proposals)
            _say(f"appended {_count(count, 'proposal', 'proposals')} to {write}, "
                 "commented out")
        for problem in errors:
            _say(str(problem))
        return EXIT_ERROR if errors else EXIT_OK

    _run(action)


# -- translit -------------------------------------------------------------------------


def translit(
    text: Annotated[str, typer.Argument(help="Cyrillic text; - reads standard input.")],
    scheme: Annotated[Scheme | None, typer.Option(
        help="ua-2010 (Ukrainian national) or ru-bgn (BGN/PCGN); default: by the letters.")
    ] = None,
    press: Annotated[bool, typer.Option(
        "--press", help="ru-bgn as newspapers write it: yo for ё, no ” ’ or middle dots.")
    ] = False,
) -> None:
    """Romanise Cyrillic text."""
    from translint.names.translit import detect_scheme, romanise

    if text == "-":
        from translint.text.read import read_standard_input

        try:
            source = read_standard_input()
        except InputError as error:
            raise _fail(error) from None
    else:
        source = text
    chosen = scheme.value if scheme else detect_scheme(source)
    result = romanise(source, chosen, press=press)
    sys.stdout.write(result if result.endswith("\n") else result + "\n")
