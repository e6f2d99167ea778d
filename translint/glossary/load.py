"""Read glossary files (TOML) into the model and reject what would make checks wrong.

Every problem is reported with its file and line (``glossaries/x.toml:12: ...``);
all problems of a file are collected and raised together as ``GlossaryErrors``.

Forms, entry ids and sources must pass ``character_problem``
(``translint.glossary.characters``): no control or invisible characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from translint.errors import GlossaryError, GlossaryErrors
from translint.glossary.cache import MIN_BYTES, cached_glossary, content_digest, store_glossary
from translint.glossary.characters import character_problem, value_name, written_pattern
from translint.glossary.model import KINDS, Entry, Glossary, LanguageForms, Location, NameForms
from translint.names.fold import form_identity
from translint.names.index import NameIndex
from translint.names.variant_scan import prepare_scanners
from translint.text.read import decode_text, read_bytes
from translint.tomldata import parse_toml

TOP_KEYS = frozenset({"glossary", "entry"})
GLOSSARY_KEYS = frozenset({"name", "description", "fallback_lang"})
ENTRY_KEYS = frozenset({"id", "kind", "note", "source", "exceptions", "variants", "forms", "given"})
LANGUAGE_KEYS = frozenset({"preferred", "accepted", "variants", "source"})
GIVEN_KEYS = frozenset({"forms", "variants"})
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]*")
LANG_PATTERN = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*")
_ENTRY_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*entry[ \t]*\]\]", re.MULTILINE)


def bundled_glossary_paths() -> list[Path]:
    """The glossary files shipped with translint, sorted by name."""
    folder = resources.files("translint.glossaries")
    return sorted(
        Path(str(item)) for item in folder.iterdir() if str(item).endswith(".toml")
    )


def load_glossary(path: str | Path, cache_dir: Path | None = None) -> Glossary:
    """Load and validate one glossary file.

    With ``cache_dir``, a glossary loaded before from the same unchanged file is taken
    from that cache folder instead of being parsed again (see ``translint.glossary.cache``).
    """
    display = str(path)
    data = read_glossary_bytes(path)
    if len(data) < MIN_BYTES:
        cache_dir = None  # parsing it is as quick as unpickling it
    digest = content_digest(data) if cache_dir is not None else ""
    if cache_dir is not None and (cached := cached_glossary(cache_dir, display, digest)):
        return cached
    glossary = parse_glossary(decode_glossary(data, display), display)
    if cache_dir is not None:
        # Built now, so that the cache keeps them too: the index, TL101's scanners.
        prepare_scanners(NameIndex.of_glossary(glossary))
        store_glossary(cache_dir, display, digest, glossary)
    return glossary


def read_glossary_bytes(path: str | Path) -> bytes:
    """The bytes of a glossary file; a file that cannot be read raises ``GlossaryError``."""
    return read_bytes(path, error=GlossaryError, what="glossary file")


def decode_glossary(data: bytes, display: str) -> str:
    """The text of a glossary file's bytes, as open() in text mode reads it (UTF-8,
    universal newlines); bytes that are not UTF-8 text raise ``GlossaryError``."""
    return decode_text(data, display, GlossaryError).replace("\r\n", "\n").replace("\r", "\n")


def load_glossaries(paths: Iterable[str | Path],
                    cache_dir: Path | None = None) -> list[Glossary]:
    """Load several glossaries and check that they do not contradict each other."""
    glossaries = [load_glossary(path, cache_dir) for path in paths]
    if len(glossaries) < 2:
        return glossaries  # loading one file checked it against itself
    problems: list[GlossaryError] = []
    ids: dict[str, Entry] = {}
    owners: dict[str, Entry] = {}
    for glossary in glossaries:
        for entry in glossary.entries:
            if entry.id in ids:
                problems.append(_problem(entry, f'duplicate id "{entry.id}", also defined at '
                                         f"{ids[entry.id].location}; ids must be unique"))
            ids.setdefault(entry.id, entry)
            for form in entry.name.known():
                owner = owners.setdefault(form_identity(form), entry)
                if owner is not entry and owner.location != entry.location:
                    problems.append(_problem(entry, _claimed_twice(form, owner, entry)))
    if problems:
        raise GlossaryErrors(problems)
    return glossaries


def parse_glossary(text: str, path: str = "<glossary>") -> Glossary:
    """Parse the TOML text of a glossary; ``path`` is used in error messages."""
    data = parse_toml(text, path, GlossaryError)
    return _GlossaryReader(text, path).read(data)




def _problem(entry: Entry, message: str) -> GlossaryError:
    location = entry.location
    return GlossaryError(message, location.path if location else None,
                         location.line if location else None)


def _claimed_twice(form: str, first: Entry, second: Entry) -> str:
    return (f'"{form}" is a form of both "{first.id}" ({first.location}) and "{second.id}"; '
            "a written form can belong to one entry only")


class _GlossaryReader:
    """Turns parsed TOML into a ``Glossary``, collecting located problems."""

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.lines = text.split("\n")  # not splitlines(): U+2028 or U+0085 break no line
        self.entry_starts: list[int] = []
        line, counted = 1, 0
        for match in _ENTRY_HEADER.finditer(text):  # count line breaks once, not per entry
            line += text.count("\n", counted, match.start())
            counted = match.start()
            self.entry_starts.append(line)
        self.problems: list[GlossaryError] = []
        self.refused_values = 0  # values refused for their characters, so far

    # -- locating -----------------------------------------------------------------

    def _entry_span(self, index: int) -> tuple[int, int]:
        if index < len(self.entry_starts):
            start = self.entry_starts[index]
            end = (self.entry_starts[index + 1] if index + 1 < len(self.entry_starts)
                   else len(self.lines) + 1)
            return start, end
        return 1, len(self.lines) + 1

    def _line_of(self, needle: str | tuple[str, str] | None, span: tuple[int, int]) -> int:
        """The first line in ``span`` containing ``needle`` (as a quoted string or a key).

        A pair (key, value) finds the line where the key and the quoted value stand together.
        """
        start, end = span
        if isinstance(needle, tuple):
            key, value = needle
            for number in range(start, min(end, len(self.lines) + 1)):
                line = self.lines[number - 1]
                if key in line and (f'"{value}"' in line or f"'{value}'" in line):
                    return number
            needle = value
        if needle:
            candidates = (f'"{needle}"', f"'{needle}'", f"{needle} =", f"{needle}=", needle)
            for candidate in candidates:
                for number in range(start, min(end, len(self.lines) + 1)):
                    if candidate in self.lines[number - 1]:
                        return number
        return start

    def _value_line(self, key: str, value: str, span: tuple[int, int]) -> int:
        """The line in ``span`` where ``value`` is written (raw or with escapes), preferably
        after ``key``; else the line of ``key``."""
        written = written_pattern(value)
        start, end = span
        numbers = range(start, min(end, len(self.lines) + 1))
        for number in numbers:
            line = self.lines[number - 1]
            if key in line and written.search(line):
                return number
        for number in numbers:
            if written.search(self.lines[number - 1]):
                return number
        return self._line_of(key, span)

    def _report(self, message: str, span: tuple[int, int],
                needle: str | tuple[str, str] | None = None) -> None:
        self.problems.append(GlossaryError(message, self.path, self._line_of(needle, span)))

    def _hidden(self, value: str, what: str, key: str, span: tuple[int, int]) -> bool:
        """Report ``value`` if it holds a character ``character_problem`` refuses."""
        problem = character_problem(value, what)
        if problem is None:
            return False
        self.problems.append(GlossaryError(problem, self.path, self._value_line(key, value, span)))
        self.refused_values += 1
        return True

    # -- reading ------------------------------------------------------------------

    def read(self, data: Mapping[str, Any]) -> Glossary:
        whole = (1, len(self.lines) + 1)
        for key in data:
            if key not in TOP_KEYS:
                self._report(f'unknown table "{key}"; a glossary has [glossary] and [[entry]]',
                             whole, key)
        header = data.get("glossary", {})
        if not isinstance(header, dict):
            self._report("[glossary] must be a table", whole, "glossary")
            header = {}
        for key in header:
            if key not in GLOSSARY_KEYS:
                self._report(f'unknown key "{key}" in [glossary]; known keys: '
                             f"{', '.join(sorted(GLOSSARY_KEYS))}", whole, key)
        name = self._string(header.get("name"), "glossary name", whole, "name",
                            default=Path(self.path).stem)
        description = self._string(header.get("description"), "description", whole,
                                    "description", default=None)
        fallback = self._string(header.get("fallback_lang"), "fallback_lang", whole,
                                "fallback_lang", default="en") or "en"
        if not LANG_PATTERN.fullmatch(fallback):
            self._report(f'fallback_lang "{fallback}" is not a language code such as "en"',
                         whole, "fallback_lang")
        raw_entries = data.get("entry", [])
        if not isinstance(raw_entries, list):
            self._report("entries must be written as [[entry]] tables", whole, "entry")
            raw_entries = []
        entries: list[Entry] = []
        seen_ids: dict[str, int] = {}
        owners: dict[str, Entry] = {}
        for index, raw in enumerate(raw_entries):
            entry = self._entry(index, raw)
            if entry is None:
                continue
            span = self._entry_span(index)
            if entry.id in seen_ids:
                self._report(f'duplicate id "{entry.id}" (first defined on line '
                             f"{seen_ids[entry.id]}); ids must be unique", span, "id")
                continue
            seen_ids[entry.id] = span[0]
            for form in entry.name.known():
                owner = owners.setdefault(form_identity(form), entry)
                if owner is not entry:
                    self._report(_claimed_twice(form, owner, entry), span, form)
            entries.append(entry)
        if self.problems:
            raise GlossaryErrors(self.problems)
        return Glossary(name=name or Path(self.path).stem, entries=tuple(entries),
                        description=description, fallback_lang=fallback, path=self.path)

    def _entry(self, index: int, raw: Any) -> Entry | None:
        span = self._entry_span(index)
        if not isinstance(raw, dict):
            self._report("an entry must be a table", span)
            return None
        before = len(self.problems)
        for key in raw:
            if key not in ENTRY_KEYS:
                self._report(f'unknown key "{key}" in entry; known keys: '
                             f"{', '.join(sorted(ENTRY_KEYS))}", span, key)
        entry_id = raw.get("id")
        if not isinstance(entry_id, str) or not entry_id.strip():
            self._report('entry has no id; add id = "a-unique-name"', span)
            return None
        if self._hidden(entry_id, "entry id", "id", span):
            return None
        if not ID_PATTERN.fullmatch(entry_id):
            self._report(f'id "{entry_id}" must be lower-case letters, digits, ".", "_" or "-"',
                         span, entry_id)
        kind = self._string(raw.get("kind"), "kind", span, "kind", default="term") or "term"
        if kind not in KINDS:
            self._report(f'kind "{kind}" is not one of {", ".join(KINDS)}', span, "kind")
        owner = f'entry "{entry_id}"'
        refused = self.refused_values
        name = self._name_forms(raw, span, owner, owner)
        forms_refused = self.refused_values > refused  # then "no forms" would say too much
        given = None
        if "given" in raw:
            if kind != "person":
                self._report('only a person entry (kind = "person") can have a given name',
                             span, "given")
            if isinstance(raw["given"], dict):
                for key in raw["given"]:
                    if key not in GIVEN_KEYS:
                        self._report(f'unknown key "{key}" in given name; known keys: '
                                     "forms, variants", span, key)
                given = self._name_forms(raw["given"], span, f'given name of "{entry_id}"',
                                         owner, given=True)
            else:
                self._report("given must be a table", span, "given")
        exceptions = self._strings(raw.get("exceptions"), "exceptions", span,
                                   value_name(owner, "exception"))
        source = self._string(raw.get("source"), "source", span, "source", default=None,
                              shown_as=value_name(owner, "source"))
        if name is not None and not name.forms and not forms_refused:
            self._report(f'entry "{entry_id}" has no forms; add [entry.forms.en] with '
                         'preferred = "..."', span, "id")
        if len(self.problems) > before or name is None:
            return None
        return Entry(
            id=entry_id, kind=kind, name=name, given=given, exceptions=exceptions,
            note=self._string(raw.get("note"), "note", span, "note", default=None),
            source=source,
            location=Location(self.path, span[0]),
        )

    def _name_forms(self, raw: Mapping[str, Any], span: tuple[int, int], what: str,
                    owner: str, given: bool = False) -> NameForms | None:
        """The forms of an entry's name (``given``: of a person's given name); ``what`` and
        ``owner`` (``entry "kyiv"``) name it in messages."""
        forms_table = raw.get("forms", {})
        if not isinstance(forms_table, dict):
            self._report(f"forms of {what} must be a table of languages", span, "forms")
            return None
        refused = self.refused_values
        forms: dict[str, LanguageForms] = {}
        for lang, table in forms_table.items():
            language_forms = self._language_forms(lang, table, span, what, owner, given)
            if language_forms is not None:
                forms[lang] = language_forms
        variants = self._strings(raw.get("variants"), "variants", span,
                                 value_name(owner, "variant", given))
        if given and not forms and not variants and self.refused_values == refused:
            self._report(f"{what} has neither forms nor variants", span, "given")
        return NameForms(forms=forms, variants=variants)

    def _language_forms(self, lang: str, table: Any, span: tuple[int, int], what: str,
                        owner: str, given: bool) -> LanguageForms | None:
        if not LANG_PATTERN.fullmatch(lang):
            self._report(f'"{lang}" is not a language code such as "en" or "pt-br"', span, lang)
            return None
        if not isinstance(table, dict):
            self._report(f"forms.{lang} of {what} must be a table", span, lang)
            return None
        for key in table:
            if key not in LANGUAGE_KEYS:
                self._report(f'unknown key "{key}" in forms.{lang}; known keys: '
                             f"{', '.join(sorted(LANGUAGE_KEYS))}", span, key)
        refused = self.refused_values
        preferred = self._string(table.get("preferred"), f"forms.{lang}.preferred", span,
                                 "preferred", default=None,
                                 shown_as=value_name(owner, "preferred", given, lang))
        if preferred is None and self.refused_values == refused:
            self._report(f'forms.{lang} of {what} has no preferred form; add preferred = "..."',
                         span, f"forms.{lang}")
            return None
        accepted = self._strings(table.get("accepted"), f"forms.{lang}.accepted", span,
                                 value_name(owner, "accepted", given, lang))
        variants = self._strings(table.get("variants"), f"forms.{lang}.variants", span,
                                 value_name(owner, "variant", given, lang))
        source = self._string(table.get("source"), f"forms.{lang}.source", span, "source",
                              default=None, shown_as=value_name(owner, "source", given, lang))
        if preferred is None:
            return None  # refused for its characters, and reported
        allowed = {form_identity(form): form for form in (preferred, *accepted)}
        if form_identity(preferred) in {form_identity(form) for form in accepted}:
            self._report(f'"{preferred}" is both preferred and accepted in forms.{lang}',
                         span, ("accepted", preferred))
        for variant in variants:
            if form_identity(variant) in allowed:
                self._report(f'variant "{variant}" equals a preferred or accepted form in '
                             f"forms.{lang} of {what}; remove one of them", span,
                             ("variants", variant))
        return LanguageForms(preferred=preferred, accepted=accepted, variants=variants,
                             source=source)

    def _string(self, value: Any, what: str, span: tuple[int, int], needle: str,
                default: str | None, shown_as: str | None = None) -> str | None:
        """A string value; with ``shown_as`` (how messages name it), one that
        ``character_problem`` accepts."""
        if value is None:
            return default
        if not isinstance(value, str):
            self._report(f"{what} must be a string", span, needle)
            return default
        if shown_as is not None and self._hidden(value, shown_as, needle, span):
            return default
        if not value.strip():
            self._report(f"{what} is empty", span, needle)
            return default
        if value != value.strip():
            self._report(f'{what} "{value}" has leading or trailing spaces', span, needle)
        return value.strip()

    def _strings(self, value: Any, what: str, span: tuple[int, int],
                 shown_as: str) -> tuple[str, ...]:
        """A list of forms or phrases, each one that ``character_problem`` accepts."""
        if value is None:
            return ()
        key = what.rsplit(".", 1)[-1]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self._report(f"{what} must be a list of strings", span, key)
            return ()
        result: list[str] = []
        for item in value:
            if self._hidden(item, shown_as, key, span):
                continue
            if not item.strip():
                self._report(f"{what} contains an empty string", span, key)
            elif item != item.strip():
                self._report(f'"{item}" in {what} has leading or trailing spaces', span, item)
            else:
                result.append(item)
        return tuple(result)
