"""Write a whole glossary as TOML, and check glossaries built from other formats.

``glossary_to_toml`` writes the documented layout (see docs/glossary.md): the
``[glossary]`` table, then one ``[[entry]]`` per entry with its keys in the order id,
kind, note, source, exceptions, variants, then ``[entry.forms.xx]`` tables and, for a
person, ``[entry.given]`` with ``[entry.given.forms.xx]``. Loading the text gives the
same glossary back (only the entries' locations differ).

``validate_glossary`` runs the TOML loader's rules on a glossary read from TBX or CSV
by writing it as TOML and loading that; problems are reported at each entry's
location in the original file.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Iterator

from unidecode import unidecode

from translint.errors import GlossaryError, GlossaryErrors
from translint.glossary.load import ID_PATTERN, parse_glossary
from translint.glossary.model import Entry, Glossary, LanguageForms, NameForms
from translint.names.translit import romanise

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
            "\r": "\\r"}
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')
_NOT_ID = re.compile(r"[^a-z0-9]+")
_ENTRY_HEADER = "[[entry]]"


def toml_string(value: str) -> str:
    """Quote ``value`` as a TOML basic string."""
    return '"' + _NEEDS_ESCAPE.sub(_escape, value) + '"'


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPES.get(char, f"\\u{ord(char):04x}")


def toml_array(values: Iterable[str]) -> str:
    """Write ``values`` as a one-line TOML array of strings."""
    return "[" + ", ".join(toml_string(value) for value in values) + "]"


def make_id(text: str) -> str:
    """Turn a name into an entry id: romanised, lower case, words joined by hyphens."""
    slug = _NOT_ID.sub("-", unidecode(romanise(text)).lower()).strip("-")
    return slug if ID_PATTERN.fullmatch(slug) else ""


def glossary_to_toml(glossary: Glossary) -> str:
    """Write ``glossary`` in translint's TOML glossary format."""
    lines = ["[glossary]", f"name = {toml_string(glossary.name)}"]
    if glossary.description is not None:
        lines.append(f"description = {toml_string(glossary.description)}")
    lines.append(f"fallback_lang = {toml_string(glossary.fallback_lang)}")
    for entry in glossary.entries:
        lines.append("")
        lines.extend(_entry_lines(entry))
    return "\n".join(lines) + "\n"


def _entry_lines(entry: Entry) -> Iterator[str]:
    yield _ENTRY_HEADER
    yield f"id = {toml_string(entry.id)}"
    yield f"kind = {toml_string(entry.kind)}"
    if entry.note is not None:
        yield f"note = {toml_string(entry.note)}"
    if entry.source is not None:
        yield f"source = {toml_string(entry.source)}"
    if entry.exceptions:
        yield f"exceptions = {toml_array(entry.exceptions)}"
    if entry.name.variants:
        yield f"variants = {toml_array(entry.name.variants)}"
    yield from _forms_lines(entry.name, "entry.forms", "  ")
    if entry.given is not None:
        yield "  [entry.given]"
        if entry.given.variants:
            yield f"  variants = {toml_array(entry.given.variants)}"
        yield from _forms_lines(entry.given, "entry.given.forms", "    ")


def _forms_lines(name: NameForms, table: str, indent: str) -> Iterator[str]:
    for lang, forms in name.forms.items():
        yield f"{indent}[{table}.{lang}]"
        yield from (indent + line for line in _language_lines(forms))


def _language_lines(forms: LanguageForms) -> Iterator[str]:
    yield f"preferred = {toml_string(forms.preferred)}"
    if forms.accepted:
        yield f"accepted = {toml_array(forms.accepted)}"
    if forms.variants:
        yield f"variants = {toml_array(forms.variants)}"
    if forms.source is not None:
        yield f"source = {toml_string(forms.source)}"


def validate_glossary(glossary: Glossary, path: str) -> Glossary:
    """Check a glossary built from another format with the loader's rules.

    Returns the loaded glossary with each entry's original location; raises
    ``GlossaryErrors`` whose lines are the entries' lines in ``path``.
    """
    text = glossary_to_toml(glossary)
    try:
        loaded = parse_glossary(text, path)
    except GlossaryErrors as errors:
        raise GlossaryErrors(_relocated(errors.problems, text, glossary, path)) from None
    except GlossaryError as error:
        raise GlossaryErrors(_relocated([error], text, glossary, path)) from None
    entries = tuple(dataclasses.replace(loaded_entry, location=entry.location)
                    for loaded_entry, entry in zip(loaded.entries, glossary.entries,
                                                   strict=True))
    return dataclasses.replace(loaded, entries=entries)


def _relocated(problems: list[GlossaryError], text: str, glossary: Glossary,
               path: str) -> list[GlossaryError]:
    """Point problems found in the generated TOML at the entries' lines in ``path``."""
    starts = [number for number, line in enumerate(text.splitlines(), start=1)
              if line == _ENTRY_HEADER]

    def original(line: int | None) -> int | None:
        index = bisect.bisect_right(starts, line) - 1 if line is not None else -1
        location = glossary.entries[index].location if index >= 0 else None
        return location.line if location is not None else None

    # Messages about duplicates name the other entry's line in the generated text too.
    inner = re.compile(rf"(?<={re.escape(path)}:)(\d+)|(?<=on line )(\d+)")

    def rewrite(match: re.Match[str]) -> str:
        line = original(int(match.group()))
        return str(line) if line is not None else match.group()

    return [GlossaryError(inner.sub(rewrite, problem.message), path, original(problem.line))
            for problem in problems]
