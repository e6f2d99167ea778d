"""One entry's TOML table edited with tomlkit: an addition merged in, a change or a
removal applied, keeping the entry's comments, key order, quoting and indentation.

``translint.glossary.write`` finds the entry in the file's text and hands its table here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import tomlkit
from tomlkit.items import InlineTable, Table

from translint.errors import GlossaryError
from translint.glossary.edits import (
    Addition,
    Change,
    Removal,
    addition_values,
    change_values,
    refuse_hidden_characters,
)
from translint.glossary.model import LanguageForms, NameForms
from translint.names.fold import form_identity

_HINT_SET = "change it with `translint glossary set`"


def merge_addition(entry: Any, addition: Addition, path: str, indent: str) -> None:
    refuse_hidden_characters(addition_values(addition), path)
    where = f'entry "{addition.entry_id}"'
    for key, value in (("kind", addition.kind), ("note", addition.note),
                       ("source", addition.source)):
        _merge_scalar(entry, key, value, where, path)
    _extend(entry, "exceptions", addition.exceptions, identity=str)
    _merge_name(entry, addition.name, where, path, indent)
    if addition.given is not None and (addition.given.forms or addition.given.variants):
        if "given" not in entry:
            _new_table(entry, "given", indent)
        _merge_name(entry["given"], addition.given, f"the given name of {where}", path,
                    indent * 2)


def _merge_name(table: Any, name: NameForms, where: str, path: str, indent: str) -> None:
    _extend(table, "variants", name.variants)
    for lang, forms in name.forms.items():
        existing = _language_table(table, lang)
        if existing is None:
            _add_language(table, lang, forms, indent)
            continue
        current = existing.get("preferred")
        if not isinstance(current, str) or form_identity(current) != form_identity(
                forms.preferred):
            raise GlossaryError(f'{where} already prefers "{current}" in {lang}; to change it: '
                                f"translint glossary set {_entry_id(table)} --lang {lang} "
                                "--preferred …", path)
        _extend(existing, "accepted", forms.accepted)
        _extend(existing, "variants", forms.variants)
        _merge_scalar(existing, "source", forms.source, f"forms.{lang} of {where}", path)


def _entry_id(table: Any) -> str:
    entry_id = table.get("id")
    return entry_id if isinstance(entry_id, str) else "ID"


def _merge_scalar(table: Any, key: str, value: str | None, where: str, path: str) -> None:
    if value is None:
        return
    current = table.get(key)
    if current is None:
        _put(table, key, value)
    elif current != value:
        raise GlossaryError(f'{where} already has {key} "{current}"; {_HINT_SET}', path)


def _extend(table: Any, key: str, values: Iterable[str],
            identity: Callable[[str], str] = form_identity) -> None:
    seen = {identity(str(value)) for value in table.get(key, [])}
    added: list[str] = []
    for value in values:
        if identity(value) not in seen:
            seen.add(identity(value))
            added.append(value)
    if not added:
        return
    if key in table:
        table[key].extend(added)
    else:
        _put(table, key, added)


def apply_change(entry: Any, change: Change, path: str, indent: str) -> None:
    refuse_hidden_characters(change_values(change), path)
    where = f'entry "{change.entry_id}"'
    for key, value in (("kind", change.kind), ("note", change.note),
                       ("source", change.source)):
        if value is not None:
            _put(entry, key, value)
    for key, values in (("exceptions", change.exceptions), ("variants", change.variants)):
        if values is not None:
            _put(entry, key, list(values))
    language = {"preferred": change.preferred, "accepted": _listed(change.accepted),
                "variants": _listed(change.lang_variants), "source": change.lang_source}
    if any(value is not None for value in language.values()):
        forms = _language_table(entry, change.lang)
        if forms is None:
            if not change.preferred:
                raise GlossaryError(f"{where} has no {change.lang} forms; give the preferred "
                                    "form to add them", path)
            _add_language(entry, change.lang, LanguageForms(change.preferred), indent)
            forms = _language_table(entry, change.lang)
        for key, setting in language.items():
            if setting is not None:
                _put(forms, key, setting)
    if change.given is not None or change.given_variants is not None:
        _change_given(entry, change, where, path, indent)


def _change_given(entry: Any, change: Change, where: str, path: str, indent: str) -> None:
    given = entry["given"] if "given" in entry else _new_table(entry, "given", indent)
    if change.given_variants is not None:
        _put(given, "variants", list(change.given_variants))
    if change.given is None:
        return
    forms = _language_table(given, change.lang)
    if forms is None and change.given:
        _add_language(given, change.lang, LanguageForms(change.given), indent * 2)
    elif forms is not None:
        _put(forms, "preferred", change.given)
    elif not change.given:
        raise GlossaryError(f"{where} has no {change.lang} given name to remove", path)


def apply_removal(entry: Any, removal: Removal, path: str) -> None:
    where = f'entry "{removal.entry_id}"'
    if removal.removes_language:
        lang = removal.lang or ""
        found = False
        for table in (entry, entry.get("given")):
            if table is not None and _language_table(table, lang) is not None:
                _drop_language(table, lang)
                found = True
        if not found:
            raise GlossaryError(f"{where} has no {lang} forms", path)
        return
    _drop_values(entry, "variants", removal.variants, f"a variant of {where}", path)
    _drop_values(entry, "exceptions", removal.exceptions, f"an exception of {where}", path,
                 identity=str)
    if removal.accepted or removal.lang_variants:
        lang = removal.lang or ""
        forms = _language_table(entry, lang)
        if forms is None:
            raise GlossaryError(f"{where} has no {lang} forms", path)
        _drop_values(forms, "accepted", removal.accepted, f"accepted in {lang} by {where}",
                     path)
        _drop_values(forms, "variants", removal.lang_variants,
                     f"a {lang} variant of {where}", path)


def _drop_values(table: Any, key: str, values: tuple[str, ...], what: str, path: str,
                 identity: Callable[[str], str] = form_identity) -> None:
    if not values:
        return
    current = [str(value) for value in table.get(key, [])]
    for value in values:
        if identity(value) not in {identity(item) for item in current}:
            raise GlossaryError(f'"{value}" is not {what}', path)
    dropped = {identity(value) for value in values}
    _put(table, key, [item for item in current if identity(item) not in dropped])


# -- tomlkit helpers: keep the layout of what is there --------------------------------


def _listed(values: tuple[str, ...] | None) -> list[str] | None:
    return None if values is None else list(values)


def _put(table: Any, key: str, value: str | list[str]) -> None:
    """Set, replace or (for ``""`` and ``[]``) remove ``key``, keeping sub-table layout."""
    if value == "" or value == []:
        if key in table:
            del table[key]
        return
    if key in table:
        table[key] = value
        return
    indents = _table_indents(table)
    table[key] = value
    for child, indent in indents:
        child.trivia.indent = indent


def _table_indents(table: Any) -> list[tuple[Any, str]]:
    """The header indentation of every table below ``table`` (tomlkit may add blank lines)."""
    found: list[tuple[Any, str]] = []
    for value in table.value.values() if isinstance(table, Table) else ():
        if isinstance(value, Table):
            found.append((value, value.trivia.indent))
            found.extend(_table_indents(value))
    return found


def _language_table(table: Any, lang: str) -> Any:
    forms = table.get("forms")
    if not isinstance(forms, (Table, InlineTable)):
        return None
    return forms.get(lang)


def _add_language(table: Any, lang: str, forms: LanguageForms, indent: str) -> None:
    values: dict[str, str | list[str]] = {"preferred": forms.preferred}
    if forms.accepted:
        values["accepted"] = list(forms.accepted)
    if forms.variants:
        values["variants"] = list(forms.variants)
    if forms.source:
        values["source"] = forms.source
    container = table.get("forms")
    if isinstance(container, InlineTable):
        inline = tomlkit.inline_table()
        inline.update(values)
        container[lang] = inline
        return
    if container is None:
        container = tomlkit.table(is_super_table=True)
        table.append("forms", container)
        container.trivia.indent = ""  # tomlkit would open a new sub-table with a blank line
    sibling = next((value for value in container.value.values() if isinstance(value, Table)),
                   None)
    if sibling is not None:
        indent = sibling.trivia.indent.lstrip("\r\n")
    language = tomlkit.table()
    for key, value in values.items():
        language[key] = value
    container[lang] = language
    _indent(language, indent)


def _new_table(parent: Any, key: str, indent: str) -> Any:
    table = tomlkit.table(is_super_table=False)  # with its header, even with only sub-tables
    parent.append(key, table)
    _indent(table, indent)
    return table


def _indent(table: Any, indent: str) -> None:
    table.trivia.indent = indent
    for _, item in table.value.body:
        item.trivia.indent = indent


def _drop_language(table: Any, lang: str) -> None:
    forms = table["forms"]
    del forms[lang]
    if not forms:
        del table["forms"]
