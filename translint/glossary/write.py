"""Edit glossary files in place: add, change and remove entries and their forms.

An edit keeps the file as it is written. Only the entry it touches is re-read with
tomlkit (its comments, key order and quoting kept); every other line of the file is
copied as it is. Before anything is written the new text must load
(``parse_glossary``), must not contradict the other glossaries in use, and must leave
every other entry exactly as it was. ``edit_glossary`` holds a lock file next to the
glossary (``FILE.lock``) from reading to writing and replaces the file atomically, so
two editors at the same moment both get their change in and a failed write leaves
the file untouched. An id, form or source an edit brings that holds a control or
invisible character (``load.character_problem``) is refused first, in one message.
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomlkit
from filelock import FileLock, Timeout
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import InlineTable, Table

from translint.errors import GlossaryError, GlossaryErrors
from translint.fix import write_atomically
from translint.glossary.load import character_problem, escaped, parse_glossary, value_name
from translint.glossary.model import Entry, Glossary, LanguageForms, NameForms
from translint.glossary.validate import conflicts_with
from translint.names.fold import form_identity
from translint.text.read import decode_text, read_bytes

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

LOCK_TIMEOUT = 30.0
_ENTRY_HEADER = re.compile(r"[ \t]*\[\[[ \t]*entry[ \t]*\]\]")
_OTHER_HEADER = re.compile(r"[ \t]*\[\[?[ \t]*(?!entry[ \t]*[.\]])")
_FORMS_INDENT = re.compile(r"^([ \t]*)\[[ \t]*entry[ \t]*\.[ \t]*forms[ \t]*\.", re.MULTILINE)
_HINT_SET = "change it with `translint glossary set`"


@dataclass(frozen=True)
class Addition:
    """What ``glossary add`` puts in a glossary: a new entry, or more forms for one.

    For an existing entry, languages it lacks are added; a language it has must keep
    its preferred form, and gains the accepted forms and variants it did not list.
    Kind, note and source are set where the entry has none and must agree otherwise.
    """

    entry_id: str
    name: NameForms = field(default_factory=NameForms)
    given: NameForms | None = None
    exceptions: tuple[str, ...] = ()
    kind: str | None = None
    note: str | None = None
    source: str | None = None

    @classmethod
    def from_entry(cls, entry: Entry) -> Addition:
        """The addition that puts ``entry`` in a glossary (the default kind "term" left out)."""
        return cls(entry_id=entry.id, name=entry.name, given=entry.given,
                   exceptions=entry.exceptions, kind=None if entry.kind == "term" else entry.kind,
                   note=entry.note, source=entry.source)


@dataclass(frozen=True)
class Change:
    """What ``glossary set`` changes. ``None`` leaves a field alone; ``""`` or ``()`` removes it.

    ``preferred``, ``accepted``, ``lang_variants``, ``lang_source`` and ``given`` apply
    to the forms of ``lang`` (``given`` is the preferred given name of a person); setting
    ``preferred`` for a language the entry lacks adds that language.
    """

    entry_id: str
    lang: str = "en"
    kind: str | None = None
    note: str | None = None
    source: str | None = None
    exceptions: tuple[str, ...] | None = None
    variants: tuple[str, ...] | None = None
    preferred: str | None = None
    accepted: tuple[str, ...] | None = None
    lang_variants: tuple[str, ...] | None = None
    lang_source: str | None = None
    given: str | None = None
    given_variants: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Removal:
    """What ``glossary remove`` deletes.

    With nothing but ``entry_id``, the entry; with ``lang`` alone, that language's forms
    (family and given name); otherwise the listed forms and exceptions, ``accepted`` and
    ``lang_variants`` from the forms of ``lang``.
    """

    entry_id: str
    lang: str | None = None
    variants: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    accepted: tuple[str, ...] = ()
    lang_variants: tuple[str, ...] = ()

    @property
    def removes_entry(self) -> bool:
        """Tell whether the whole entry goes."""
        return self.lang is None and not self.values()

    @property
    def removes_language(self) -> bool:
        """Tell whether the forms of one language go."""
        return self.lang is not None and not self.values()

    def values(self) -> tuple[str, ...]:
        """Every form and exception to remove."""
        return (*self.variants, *self.exceptions, *self.accepted, *self.lang_variants)


def split_person_name(full_name: str) -> tuple[str | None, str]:
    """Split "Mykhailo Podolyak" into the given name and the family name (the last word)."""
    words = full_name.split()
    if len(words) < 2:
        return None, full_name.strip()
    return " ".join(words[:-1]), words[-1]


# -- editing a file -------------------------------------------------------------------


def edit_glossary(path: str | Path, edit: Callable[[str], str],
                  others: Sequence[Glossary] = (), *, create: bool = False,
                  new: bool = False, timeout: float = LOCK_TIMEOUT) -> str:
    """Apply ``edit`` to the text of the glossary at ``path``, check the result, write it.

    The glossary's lock is held from reading to writing. ``create`` lets a missing file
    start empty; ``new`` refuses a file that exists. The new text must load and must not
    contradict ``others``; if it does not, or writing fails, the file is left untouched
    and ``GlossaryError`` raised. Returns the new text.
    """
    target = Path(path)
    display = str(path)
    lock = FileLock(f"{target}.lock", timeout=timeout)
    try:
        with lock:
            return _edit_locked(target, display, edit, others, create=create or new, new=new)
    except Timeout:
        raise GlossaryError(f"locked by another editor for {timeout:g} s ({lock.lock_file}); "
                            "try again", display) from None
    except OSError as error:
        raise GlossaryError(f"cannot lock the glossary ({error.strerror})", display) from None


def _edit_locked(target: Path, display: str, edit: Callable[[str], str],
                 others: Sequence[Glossary], create: bool, new: bool) -> str:
    exists = target.exists()
    if exists and new:
        raise GlossaryError("exists already; nothing was written", display)
    if not exists and not create:
        raise GlossaryError("no such glossary file", display)
    old, bom = _read(target, display) if exists else ("", False)
    text = edit(old)
    if text == old:
        return old
    if "\r\n" in old:  # keep Windows line ends, new lines included
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    check_glossary_text(text, display, others)
    try:
        if not exists:
            target.touch(exist_ok=False)  # so that the new file gets the usual permissions
        try:
            write_atomically(target, text, bom=bom)
        except BaseException:
            if not exists:
                target.unlink(missing_ok=True)
            raise
    except OSError as error:
        raise GlossaryError(f"cannot write the glossary ({error.strerror}); the file is "
                            "unchanged", display) from None
    return text


def _read(target: Path, display: str) -> tuple[str, bool]:
    data = read_bytes(target, error=GlossaryError, what="glossary file")
    return decode_text(data, display, GlossaryError), data.startswith(codecs.BOM_UTF8)


def check_glossary_text(text: str, path: str, others: Sequence[Glossary] = ()) -> Glossary:
    """Load ``text`` as the glossary at ``path`` and check it against ``others``.

    Raises ``GlossaryErrors`` with the loader's messages (lines of the new text) and a
    last line saying that nothing was written.
    """
    refused = GlossaryError("the glossary would not load after this edit; nothing was "
                            "written", path)
    try:
        glossary = parse_glossary(text, path)
    except GlossaryErrors as error:
        raise GlossaryErrors([*error.problems, refused]) from None
    except GlossaryError as error:
        raise GlossaryErrors([error, refused]) from None
    problems = conflicts_with(glossary, others)
    if problems:
        raise GlossaryErrors([*problems, refused])
    return glossary


# -- editing the text -----------------------------------------------------------------


def add_to_text(text: str, addition: Addition, path: str = "<glossary>") -> str:
    """Return ``text`` with ``addition`` made: a new entry appended, or an entry extended."""
    entries = _Entries(text, path)
    index = entries.index_of(addition.entry_id)
    if index is None:
        return entries.append([_new_entry(addition, path, _file_indent(text))])
    return entries.edit(index, lambda table: _merge(table, addition, path,
                                                     _file_indent(text)))


def merge_into_text(text: str, glossary: Glossary, path: str = "<glossary>") -> str:
    """Return ``text`` with every entry of ``glossary`` added as ``add_to_text`` would.

    New entries are appended in order; entries whose id the text has are extended.
    Every entry that cannot be added is reported, together, as ``GlossaryErrors``.
    """
    problems: list[GlossaryError] = []
    known = {raw.get("id") for raw in _Entries(text, path).raw if isinstance(raw, dict)}
    indent = _file_indent(text) if known else "  "
    cores: list[str] = []
    for entry in glossary.entries:
        addition = Addition.from_entry(entry)
        try:
            if entry.id in known:
                text = add_to_text(text, addition, path)
            else:
                cores.append(_new_entry(addition, path, indent))
                known.add(entry.id)
        except GlossaryError as error:
            problems.extend(error.problems if isinstance(error, GlossaryErrors) else [error])
    if problems:
        raise GlossaryErrors(problems)
    return _Entries(text, path).append(cores) if cores else text


def _new_entry(addition: Addition, path: str, indent: str) -> str:
    """The text of a new ``[[entry]]`` table made from ``addition``."""
    if not addition.name.forms:
        raise GlossaryError(f'a new entry needs a preferred form: "{addition.entry_id}" has '
                            "none", path)
    core = tomlkit.parse(f"[[entry]]\nid = {tomlkit.string(addition.entry_id).as_string()}\n")
    _merge(core["entry"][0], addition, path, indent)
    return core.as_string()


def change_text(text: str, change: Change, path: str = "<glossary>") -> str:
    """Return ``text`` with the entry ``change.entry_id`` changed."""
    entries = _Entries(text, path)
    index = entries.require(change.entry_id)
    return entries.edit(index, lambda table: _change(table, change, path, _file_indent(text)))


def remove_from_text(text: str, removal: Removal, path: str = "<glossary>") -> str:
    """Return ``text`` with the entry, language or forms of ``removal`` deleted."""
    entries = _Entries(text, path)
    index = entries.require(removal.entry_id)
    if removal.removes_entry:
        return entries.delete(index)
    return entries.edit(index, lambda table: _remove(table, removal, path))


def append_text(text: str, addition: str) -> str:
    """Return ``text`` followed by a blank line and ``addition`` (comments, new entries)."""
    body = text.rstrip("\n")
    added = addition.strip("\n")
    return f"{body}\n\n{added}\n" if body else f"{added}\n"


class _Entries:
    """The ``[[entry]]`` tables of a glossary text, located by line.

    An entry's *core* runs from its header to its last line that is neither blank nor a
    comment; what follows (blank lines, section comments) belongs to the gap before the
    next table and is never touched.
    """

    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.lines = text.split("\n")
        try:
            self.data = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            parse_glossary(text, path)  # raises the loader's message, with its line
            raise
        raw = self.data.get("entry", [])
        self.raw: list[Any] = raw if isinstance(raw, list) else []
        self.starts = [number for number, line in enumerate(self.lines)
                       if _ENTRY_HEADER.match(line)]
        if len(self.starts) != len(self.raw):
            raise GlossaryError("cannot edit: write every entry as its own [[entry]] table",
                                path)

    def index_of(self, entry_id: str) -> int | None:
        """The position of the entry with ``entry_id``, or ``None``."""
        for index, raw in enumerate(self.raw):
            if isinstance(raw, dict) and raw.get("id") == entry_id:
                return index
        return None

    def require(self, entry_id: str) -> int:
        """The position of the entry with ``entry_id``; ``GlossaryError`` if there is none."""
        index = self.index_of(entry_id)
        if index is None:
            raise GlossaryError(f'no entry "{escaped(entry_id)}"', self.path)
        return index

    def _core(self, index: int) -> tuple[int, int]:
        start = self.starts[index]
        end = start + 1
        for number in range(start + 1, len(self.lines)):
            line = self.lines[number]
            if _ENTRY_HEADER.match(line) or _OTHER_HEADER.match(line):
                break
            stripped = line.strip()
            if stripped and not stripped.startswith("#"):
                end = number + 1
        return start, end

    def edit(self, index: int, change: Callable[[Any], None]) -> str:
        """Apply ``change`` to the tomlkit table of entry ``index``; return the new text."""
        start, end = self._core(index)
        core_text = "\n".join(self.lines[start:end]) + "\n"
        try:
            document = tomlkit.parse(core_text)
            whole = tomllib.loads(core_text) == {"entry": [self.raw[index]]}
        except (TOMLKitError, tomllib.TOMLDecodeError):
            whole = False
        if not whole:
            raise GlossaryError("cannot edit: the entry is not written as one [[entry]] table "
                                "with its sub-tables", self.path, start + 1)
        change(document["entry"][0])
        new_core = document.as_string().rstrip("\n").split("\n")
        lines = [*self.lines[:start], *new_core, *self.lines[end:]]
        return self._checked("\n".join(lines), keep=index)

    def append(self, cores: list[str]) -> str:
        """Return the text with new entries (``[[entry]]`` texts) appended, blank-line apart."""
        text = self.text
        for core in cores:
            text = append_text(text, core)
        return self._checked(text, keep=None, added=len(cores))

    def delete(self, index: int) -> str:
        """Return the text without entry ``index`` and the blank lines after it.

        Comments above the entry stay (they may head a section). The last table of a
        file takes the blank lines before it instead, so the file ends as it did.
        """
        start, end = self._core(index)
        lines = self.lines[:start] + self.lines[end:]
        after = start
        while after < len(lines) and not lines[after].strip():
            after += 1
        if after < len(lines):
            del lines[start:after]
        else:
            before = start
            while before > 0 and not lines[before - 1].strip():
                before -= 1
            lines = [*lines[:before], ""]
        return self._checked("\n".join(lines), keep=index, deleted=True)

    def _checked(self, text: str, keep: int | None, deleted: bool = False,
                 added: int = 0) -> str:
        """Refuse ``text`` unless everything but the edited entry is as it was."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise GlossaryError(f"cannot edit: the edited text would not be valid TOML "
                                f"({error}); nothing was written", self.path) from None
        new_raw = data.pop("entry", [])
        old = {key: value for key, value in self.data.items() if key != "entry"}
        expected = list(self.raw)
        if keep is None:
            same = new_raw[:len(expected)] == expected and len(new_raw) == len(expected) + added
        elif deleted:
            same = new_raw == expected[:keep] + expected[keep + 1:]
        else:
            same = (new_raw[:keep] == expected[:keep]
                    and new_raw[keep + 1:] == expected[keep + 1:]
                    and len(new_raw) == len(expected))
        if data != old or not same:
            raise GlossaryError("cannot edit: the change would also alter other parts of the "
                                "file; nothing was written", self.path)
        return text


# -- editing one entry ----------------------------------------------------------------


def check_addition(addition: Addition, path: str = "<glossary>") -> None:
    """Refuse an addition that lists one form both as a variant and as an allowed form.

    The model allows an entry variant that some language prefers (Kiev: a variant, yet
    preferred in Spanish), so glossaries being imported may have them; a person typing
    ``--variant Kyiv --preferred Kyiv`` made a mistake.
    """
    for name in (addition.name, addition.given):
        if name is None:
            continue
        allowed = {form_identity(form): (lang, form) for lang, forms in name.forms.items()
                   for form in forms.allowed}
        for variant in name.variants:
            if form_identity(variant) in allowed:
                lang, form = allowed[form_identity(variant)]
                raise GlossaryError(f'variant "{variant}" equals the {lang} form "{form}" of '
                                    f'"{addition.entry_id}"; a form cannot be both', path)


def refuse_hidden_characters(values: Iterable[tuple[str, str]], path: str) -> None:
    """Raise ``GlossaryError`` for the first value ``character_problem`` refuses; ``values``
    are (how a message names the value, the value) pairs."""
    for what, value in values:
        problem = character_problem(value, what)
        if problem is not None:
            raise GlossaryError(problem, path)


def addition_values(addition: Addition) -> Iterator[tuple[str, str]]:
    """The id, forms, exceptions and sources of ``addition``, each with how a message names
    it (``entry "kyiv": the en preferred form``)."""
    yield "entry id", addition.entry_id
    owner = f'entry "{addition.entry_id}"'
    yield from _name_values(addition.name, owner, given=False)
    if addition.given is not None:
        yield from _name_values(addition.given, owner, given=True)
    yield from ((value_name(owner, "exception"), phrase) for phrase in addition.exceptions)
    if addition.source is not None:
        yield value_name(owner, "source"), addition.source


def change_values(change: Change) -> Iterator[tuple[str, str]]:
    """The forms, exceptions and sources ``change`` sets, as ``addition_values`` gives them."""
    owner = f'entry "{change.entry_id}"'
    lang = change.lang
    singles = ((value_name(owner, "source"), change.source),
               (value_name(owner, "preferred", lang=lang), change.preferred),
               (value_name(owner, "source", lang=lang), change.lang_source),
               (value_name(owner, "preferred", given=True, lang=lang), change.given))
    yield from ((what, value) for what, value in singles if value is not None)
    lists = ((value_name(owner, "exception"), change.exceptions),
             (value_name(owner, "variant"), change.variants),
             (value_name(owner, "accepted", lang=lang), change.accepted),
             (value_name(owner, "variant", lang=lang), change.lang_variants),
             (value_name(owner, "variant", given=True), change.given_variants))
    yield from ((what, value) for what, values in lists for value in values or ())


def _name_values(name: NameForms, owner: str, given: bool) -> Iterator[tuple[str, str]]:
    for lang, forms in name.forms.items():
        yield value_name(owner, "preferred", given, lang), forms.preferred
        yield from ((value_name(owner, "accepted", given, lang), form)
                    for form in forms.accepted)
        yield from ((value_name(owner, "variant", given, lang), form)
                    for form in forms.variants)
        if forms.source is not None:
            yield value_name(owner, "source", given, lang), forms.source
    yield from ((value_name(owner, "variant", given), form) for form in name.variants)


def _merge(entry: Any, addition: Addition, path: str, indent: str) -> None:
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


def _change(entry: Any, change: Change, path: str, indent: str) -> None:
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


def _remove(entry: Any, removal: Removal, path: str) -> None:
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


def _file_indent(text: str) -> str:
    """The indentation of ``[entry.forms.xx]`` headers in the file (two spaces if none)."""
    match = _FORMS_INDENT.search(text)
    return match.group(1) if match else "  "
