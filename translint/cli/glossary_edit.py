"""``translint glossary add``, ``set`` and ``remove``: edit one glossary file under its lock,
refusing an edit that would break it or clash with the other configured glossaries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from translint.cli.exits import run_action, say
from translint.cli.glossary_options import (
    ConfigOption,
    GlossaryOption,
    Kind,
    LangOption,
    NoConfigOption,
    Scheme,
    choice,
    config_for,
    other_glossaries,
    target_glossary,
)
from translint.config import Config
from translint.errors import ConfigError, GlossaryError
from translint.glossary.load import parse_glossary


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

    edit_glossary(target, edit, other_glossaries(target, config), create=create)
    say(f"{done} {target}" if any(changed) else f"{target} has that already; nothing "
        "changed")


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
        from translint.glossary.addition import build_addition
        from translint.glossary.edits import check_addition
        from translint.glossary.write import add_to_text

        config = config_for(config_file, no_config)
        target = target_glossary(glossary, config)
        existing_kind = _kind_of(target, entry_id)
        chosen_kind = choice(kind)
        language = (lang or config.lang or "en").lower()
        built = build_addition(
            entry_id, language, person=(chosen_kind or existing_kind) == "person",
            kind=chosen_kind, preferred=preferred, cyrillic=cyrillic, scheme=choice(scheme),
            variants=variant or (), accepted=accepted or (), lang_variants=lang_variant or (),
            exceptions=exception or (), note=note, source=source, lang_source=lang_source,
            given=given, given_variants=given_variant or ())
        if built.romanised is not None:
            say(f'{language} preferred form "{built.romanised}", romanised from "{cyrillic}" '
                f"({built.scheme}); give --preferred to choose another")
        addition = built.addition
        check_addition(addition, target)
        done = f'added to "{entry_id}" in' if existing_kind else f'added "{entry_id}" to'
        _edit(target, lambda text: add_to_text(text, addition, target), config, done,
              create=True)

    run_action(action)


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
        from translint.glossary.edits import Change
        from translint.glossary.write import change_text

        config = config_for(config_file, no_config)
        change = Change(
            entry_id=entry_id, lang=(lang or config.lang or "en").lower(),
            kind=choice(kind), note=note, source=source,
            exceptions=_tuple(exception), variants=_tuple(variant), preferred=preferred,
            accepted=_tuple(accepted), lang_variants=_tuple(lang_variant),
            lang_source=lang_source, given=given, given_variants=_tuple(given_variant))
        if change == Change(entry_id=entry_id, lang=change.lang):
            raise ConfigError("nothing to change: give --preferred, --accepted, --note, …")
        target = target_glossary(glossary, config)
        _edit(target, lambda text: change_text(text, change, target), config,
              f'changed "{entry_id}" in')

    run_action(action)


def _tuple(values: list[str] | None) -> tuple[str, ...] | None:
    return None if values is None else tuple(values)


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
        from translint.glossary.edits import Removal
        from translint.glossary.write import edit_glossary, remove_from_text

        config = config_for(config_file, no_config)
        form_lang = lang or (config.lang or "en" if accepted or lang_variant else None)
        removal = Removal(entry_id=entry_id, lang=form_lang.lower() if form_lang else None,
                          variants=tuple(variant or ()), exceptions=tuple(exception or ()),
                          accepted=tuple(accepted or ()),
                          lang_variants=tuple(lang_variant or ()))
        target = target_glossary(glossary, config)
        edit_glossary(target, lambda text: remove_from_text(text, removal, target),
                      other_glossaries(target, config))
        removed = ", ".join(f'"{value}"' for value in removal.values())
        say(f'removed "{entry_id}" from {target}' if removal.removes_entry
            else f'removed the {removal.lang} forms of "{entry_id}" from {target}'
            if removal.removes_language else f'removed {removed} from "{entry_id}" in {target}')

    run_action(action)
