"""What translint knows of each language, read from one TOML file per language.

``translint/languages/<code>.toml`` holds one language's data (the format, every key with
its meaning, is in README.md beside this file). ``language(code)`` reads that file on first
use and gives a ``Language``; a code without a file gets an empty ``Language``, since copy
may be in any language. Lists that the checks use across languages (titles, abbreviations,
gloss words …) are the union over ``bundled_languages()``. Adding a language is adding its
file: nothing here names a language.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from translint.errors import TranslintError
from translint.languages.declension import DeclensionRow, parse_declension
from translint.text.read import read_text_file
from translint.tomldata import parse_toml

DIRECTORY = Path(__file__).parent
LATIN = "Latin"


class LanguageError(TranslintError):
    """A language file cannot be used as it is."""


@dataclass(frozen=True)
class NumberStyle:
    """How a language writes numbers, and the words that show what a number counts."""

    decimal: str
    group: str
    magnitudes: frozenset[str] = frozenset()
    percent: tuple[tuple[str, ...], ...] = ()
    units: frozenset[str] = frozenset()
    counted: frozenset[str] = frozenset()
    currencies: frozenset[str] = frozenset()
    rates: frozenset[str] = frozenset()
    range_words: frozenset[str] = frozenset()
    # What TL111 compares numbers across languages with: scale words (word → power of ten),
    # numbers and ordinals spelled as words (word → value), ordinal suffixes (5th, 1er),
    # month names (word → month) and the words that make a number a time (Uhr, p.m.).
    scales: dict[str, int] = field(default_factory=dict, hash=False)
    words: dict[str, int] = field(default_factory=dict, hash=False)
    ordinals: dict[str, int] = field(default_factory=dict, hash=False)
    ordinal_suffixes: frozenset[str] = frozenset()
    months: dict[str, int] = field(default_factory=dict, hash=False)
    time_words: frozenset[str] = frozenset()
    # Scale words that mean one of them with no number before them (a million, mil).
    alone: frozenset[str] = frozenset()
    # False where both conventions are native (Mexican Spanish writes 3.5 millones): then
    # only a document that also writes numbers the other way is flagged.
    always: bool = True

    @property
    def foreign_decimal(self) -> str:
        """The decimal separator of the other convention."""
        return "," if self.decimal == "." else "."


@dataclass(frozen=True)
class Language:
    """One language's data; every field is empty (or the default) when its file lacks it."""

    code: str
    name: str
    script: str = LATIN
    stop_words: frozenset[str] = frozenset()
    homographs: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    common_words: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    # Endings a name takes in this language's copy without changing its stem (German
    # "Putins", "Kiewer"; Russian "Путина"): a bilingual check finds a name's form in a
    # target with one of them.
    name_endings: frozenset[str] = frozenset()
    # How names decline (``[[declension]]``, ``translint.languages.declension``) and the
    # letters after which a consonant row does not apply.
    declension: tuple[DeclensionRow, ...] = ()
    vowels: str = ""
    gloss_former: frozenset[str] = frozenset()
    gloss_called: frozenset[str] = frozenset()
    gloss_as: frozenset[str] = frozenset()
    gloss_or: frozenset[str] = frozenset()
    gloss_now: frozenset[str] = frozenset()
    inverted_marks: bool = False
    spaced_marks: tuple[str, ...] = ()
    numbers: NumberStyle | None = None
    verb_scheme: str | None = None
    irregular_verbs: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    # How the language's copy spells sounds that English romanisation writes otherwise
    # (French "tch" → "ch"): folded before names are compared across languages.
    transliteration: dict[str, str] = field(default_factory=dict, hash=False)

    @property
    def non_latin(self) -> bool:
        """Tell whether the language is written in a script other than Latin."""
        return self.script != LATIN


# The keys of a file, table by table, each with its kind: text, flag, words (a list of
# strings, read as a set), list (a list of strings, in order), phrases (a list of
# strings, each split into words) or values (a table of words, each to a whole number).
_TOP: dict[str, str] = {
    "name": "text", "script": "text", "stop_words": "words", "homographs": "words",
    "function_words": "words", "titles": "words", "common_words": "words",
    "not_names": "words", "abbreviations": "words", "name_endings": "words",
    "vowels": "text",
}
_TABLES: dict[str, dict[str, str]] = {
    "gloss": {"former": "words", "called": "words", "as": "words", "or": "words",
              "now": "words"},
    "punctuation": {"inverted_marks": "flag", "spaced_marks": "list"},
    "numbers": {"decimal": "text", "group": "text", "magnitudes": "words",
                "percent": "phrases", "units": "words", "counted": "words",
                "currencies": "words", "rates": "words", "range_words": "words",
                "always": "flag", "scales": "values", "words": "values",
                "ordinals": "values", "ordinal_suffixes": "words", "months": "values",
                "time_words": "words", "alone": "words"},
    "verbs": {"scheme": "text", "irregular": "phrases"},
    "transliteration": {"rules": "spellings"},
}
# Keys a table must have when it is there.
_REQUIRED: dict[str, tuple[str, ...]] = {"numbers": ("decimal", "group"),
                                          "verbs": ("scheme",)}
# The regular inflections ``translint.rules.inflect`` knows, by ``[verbs] scheme``.
VERB_SCHEMES = frozenset({"english"})


def bundled_codes() -> tuple[str, ...]:
    """The codes of the languages that have a file, sorted."""
    return tuple(sorted(path.stem for path in DIRECTORY.glob("*.toml")))


@functools.cache
def language(code: str) -> Language:
    """The data of ``code`` (``"de"``), from its file; an empty ``Language`` if it has none."""
    path = DIRECTORY / f"{code}.toml"
    if not code.isalpha() or not path.is_file():
        return Language(code, code)
    return load_language(path)


@functools.cache
def bundled_languages() -> tuple[Language, ...]:
    """Every language that has a file, in the order of their codes."""
    return tuple(language(code) for code in bundled_codes())


def union(words: Callable[[Language], frozenset[str]]) -> frozenset[str]:
    """The union of one word list over every bundled language (``lambda l: l.titles``)."""
    return frozenset().union(*(words(each) for each in bundled_languages()))


def load_language(path: Path) -> Language:
    """Read and check one language file; its name (``sv.toml``) gives the code."""
    where = str(path)
    text = read_text_file(path, error=LanguageError, what="language file")
    data = parse_toml(text, where, LanguageError)
    top = _checked(data, _TOP, "", where, ("name",), {*_TABLES, "declension"})
    tables = {name: _checked(_table(data, name, where), keys, name, where,
                             _REQUIRED.get(name, ()) if name in data else ())
              for name, keys in _TABLES.items()}
    gloss, punctuation = tables["gloss"], tables["punctuation"]
    numbers = tables["numbers"]
    verbs = tables["verbs"]
    if "verbs" in data and verbs["scheme"] not in VERB_SCHEMES:
        raise LanguageError(f'"verbs.scheme" must be one of {", ".join(sorted(VERB_SCHEMES))}',
                            where)
    strays = sorted(set(numbers.get("alone", ())) - set(numbers.get("scales", {})))
    if strays:
        raise LanguageError(f'"numbers.alone": {", ".join(strays)} must be in [numbers.scales]',
                            where)
    return Language(
        code=path.stem, name=top["name"], script=top.get("script", LATIN),
        stop_words=top.get("stop_words", frozenset()),
        homographs=top.get("homographs", frozenset()),
        function_words=top.get("function_words", frozenset()),
        titles=top.get("titles", frozenset()),
        common_words=top.get("common_words", frozenset()),
        not_names=top.get("not_names", frozenset()),
        abbreviations=top.get("abbreviations", frozenset()),
        name_endings=top.get("name_endings", frozenset()),
        declension=parse_declension(data.get("declension", []), where, LanguageError),
        vowels=top.get("vowels", ""),
        gloss_former=gloss.get("former", frozenset()),
        gloss_called=gloss.get("called", frozenset()),
        gloss_as=gloss.get("as", frozenset()), gloss_or=gloss.get("or", frozenset()),
        gloss_now=gloss.get("now", frozenset()),
        inverted_marks=punctuation.get("inverted_marks", False),
        spaced_marks=punctuation.get("spaced_marks", ()),
        numbers=NumberStyle(**numbers) if "numbers" in data else None,
        verb_scheme=verbs.get("scheme"),
        irregular_verbs=_irregular_verbs(verbs.get("irregular", ()), where),
        transliteration=tables["transliteration"].get("rules", {}),
    )


def _irregular_verbs(entries: tuple[tuple[str, ...], ...],
                     where: str) -> dict[str, tuple[str, ...]]:
    """``"hold held"`` entries as {base: past forms}; ``"put"`` alone: the past is the base."""
    verbs: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        if not all(word.isalpha() and word.islower() for word in entry):
            raise LanguageError(f'"verbs.irregular": "{" ".join(entry)}" must be lower-case '
                                "words: the base form, then its past forms", where)
        verbs[entry[0]] = entry[1:] or entry[:1]
    return verbs


def _table(data: dict[str, Any], name: str, where: str) -> dict[str, Any]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise LanguageError(f"[{name}] must be a table", where)
    return table


def _checked(data: dict[str, Any], kinds: dict[str, str], table: str, where: str,
             required: tuple[str, ...], tables: set[str] | None = None) -> dict[str, Any]:
    """The values of ``data`` converted by their kinds; a key not in ``kinds`` (nor a table
    name in ``tables``), a value of the wrong type or a missing ``required`` key is an
    error."""
    prefix = f"{table}." if table else ""
    values: dict[str, Any] = {}
    for key, value in data.items():
        if tables is not None and key in tables:
            continue
        kind = kinds.get(key)
        if kind is None:
            known = ", ".join(sorted([*kinds, *(tables or ())]))
            raise LanguageError(f'unknown key "{prefix}{key}" (known: {known})', where)
        values[key] = _converted(value, kind, f"{prefix}{key}", where)
    for key in required:
        if key not in data:
            raise LanguageError(f'missing key "{prefix}{key}"', where)
    return values


def _converted(value: Any, kind: str, key: str, where: str) -> Any:
    if kind == "text":
        if not isinstance(value, str) or not value:
            raise LanguageError(f'"{key}" must be a non-empty string', where)
        return value
    if kind == "flag":
        if not isinstance(value, bool):
            raise LanguageError(f'"{key}" must be true or false', where)
        return value
    if kind == "spellings":
        if not isinstance(value, dict) or not all(
                isinstance(spelling, str) and spelling and spelling == spelling.lower()
                and isinstance(english, str) for spelling, english in value.items()):
            raise LanguageError(f'"{key}" must be a table of lower-case spellings, each to '
                                "a string", where)
        return dict(value)
    if kind == "values":
        if not isinstance(value, dict) or not all(
                isinstance(word, str) and word.strip() and isinstance(number, int)
                and not isinstance(number, bool) for word, number in value.items()):
            raise LanguageError(f'"{key}" must be a table of words, each to a whole number',
                                where)
        return dict(value)
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip()
                                              for item in value):
        raise LanguageError(f'"{key}" must be a list of non-empty strings', where)
    if kind == "list":
        return tuple(value)
    if kind == "phrases":
        return tuple(tuple(item.split()) for item in value)
    return frozenset(value)
