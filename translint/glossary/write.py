"""Edit glossary files in place: the file's round trip and the entries in its text.

An edit keeps the file as it is written. Only the entry it touches is re-read with
tomlkit (its comments, key order and quoting kept); every other line of the file is
copied as it is. Before anything is written the new text must load
(``parse_glossary``), must not contradict the other glossaries in use, and must leave
every other entry exactly as it was. ``edit_glossary`` holds a lock file next to the
glossary (``FILE.lock``) from reading to writing and replaces the file atomically, so
two editors at the same moment both get their change in and a failed write leaves
the file untouched. An id, form or source an edit brings that holds a control or
invisible character (``characters.character_problem``) is refused first, in one message.

What an edit is (``Addition``, ``Change``, ``Removal``) lives in ``translint.glossary.edits``
and how one entry's table is edited in ``translint.glossary.entry_table``; the edits are
importable from here too, as the command line imports them.
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import tomlkit
from filelock import FileLock, Timeout
from tomlkit.exceptions import TOMLKitError

from translint.errors import GlossaryError, GlossaryErrors
from translint.fix import write_atomically
from translint.glossary.characters import escaped
from translint.glossary.edits import Addition, Change, Removal
from translint.glossary.entry_table import apply_change, apply_removal, merge_addition
from translint.glossary.load import parse_glossary
from translint.glossary.model import Glossary
from translint.glossary.validate import conflicts_with
from translint.text.read import decode_text, read_bytes

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

LOCK_TIMEOUT = 30.0
_ENTRY_HEADER = re.compile(r"[ \t]*\[\[[ \t]*entry[ \t]*\]\]")
_OTHER_HEADER = re.compile(r"[ \t]*\[\[?[ \t]*(?!entry[ \t]*[.\]])")
_FORMS_INDENT = re.compile(r"^([ \t]*)\[[ \t]*entry[ \t]*\.[ \t]*forms[ \t]*\.", re.MULTILINE)


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
    return entries.edit(index, lambda table: merge_addition(table, addition, path,
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
    merge_addition(core["entry"][0], addition, path, indent)
    return core.as_string()


def change_text(text: str, change: Change, path: str = "<glossary>") -> str:
    """Return ``text`` with the entry ``change.entry_id`` changed."""
    entries = _Entries(text, path)
    index = entries.require(change.entry_id)
    return entries.edit(index, lambda table: apply_change(table, change, path, _file_indent(text)))


def remove_from_text(text: str, removal: Removal, path: str = "<glossary>") -> str:
    """Return ``text`` with the entry, language or forms of ``removal`` deleted."""
    entries = _Entries(text, path)
    index = entries.require(removal.entry_id)
    if removal.removes_entry:
        return entries.delete(index)
    return entries.edit(index, lambda table: apply_removal(table, removal, path))


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


def _file_indent(text: str) -> str:
    """The indentation of ``[entry.forms.xx]`` headers in the file (two spaces if none)."""
    match = _FORMS_INDENT.search(text)
    return match.group(1) if match else "  "
