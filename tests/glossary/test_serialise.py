"""Writing whole glossaries as TOML, and validating glossaries built from other formats."""

from __future__ import annotations

import sys

import pytest

from translint.errors import GlossaryError
from translint.glossary.load import load_glossary, parse_glossary
from translint.glossary.model import Entry, Glossary, LanguageForms, Location, NameForms
from translint.glossary.serialise import (
    glossary_to_toml,
    make_id,
    toml_string,
    validate_glossary,
)

from .io_helpers import BUNDLED, GLOSSARY_IO, comparable

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

AWKWARD = ['plain', 'say "hi"', "back\\slash", "new\nline", "tab\there", "cr\r\nlf",
           "bell\x07", "delete\x7f", "Київ", "emoji 🇺🇦", "'single'", "\u2028separator"]


def test_bundled_glossary_round_trips() -> None:
    glossary = load_glossary(BUNDLED)
    again = parse_glossary(glossary_to_toml(glossary), str(BUNDLED))
    assert comparable(again) == comparable(glossary)
    assert len(again.entries) == 161


def test_layout_is_the_documented_one() -> None:
    expected = GLOSSARY_IO / "desk.serialised.toml"
    glossary = parse_glossary((GLOSSARY_IO / "desk.expected.toml").read_text(encoding="utf-8"))
    assert glossary_to_toml(glossary) == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("value", AWKWARD, ids=[repr(value) for value in AWKWARD])
def test_strings_are_escaped(value: str) -> None:
    assert tomllib.loads(f"value = {toml_string(value)}")["value"] == value


def test_awkward_values_round_trip() -> None:
    glossary = Glossary(name="g", description="two\nlines", fallback_lang="pt-br", entries=(
        Entry(id="k", kind="term", note='"quoted" \\ and\ttab',
              name=NameForms(forms={"pt-br": LanguageForms('Q"uote', source="a\\b")})),))
    assert comparable(parse_glossary(glossary_to_toml(glossary))) == comparable(glossary)


@pytest.mark.parametrize(("text", "expected"), [
    ("Kyiv", "kyiv"), ("Mykhailo Podolyak", "mykhailo-podolyak"), ("Київ", "kyiv"),
    ("Огарёво", "ogarevo"),
    ("Novo-Ogaryovo", "novo-ogaryovo"), ("1. Armee", "1-armee"), ("  ?!  ", ""),
])
def test_make_id(text: str, expected: str) -> None:
    assert make_id(text) == expected


def _entry(entry_id: str, form: str, line: int, kind: str = "place") -> Entry:
    return Entry(id=entry_id, kind=kind, name=NameForms(forms={"en": LanguageForms(form)}),
                 location=Location("desk.csv", line))


def test_validation_keeps_the_original_locations() -> None:
    glossary = Glossary(name="desk", entries=(_entry("kyiv", "Kyiv", 4),
                                              _entry("odesa", "Odesa", 9)))
    validated = validate_glossary(glossary, "desk.csv")
    assert [str(entry.location) for entry in validated.entries] == ["desk.csv:4", "desk.csv:9"]
    assert validated.path == "desk.csv"


def test_validation_problems_point_at_the_original_lines() -> None:
    glossary = Glossary(name="desk", entries=(
        _entry("kyiv", "Kyiv", 4), _entry("kyiv", "Kiev", 9), _entry("lviv", "Kyiv", 12),
        _entry("odesa", "Odesa", 15, kind="city")))
    with pytest.raises(GlossaryError) as raised:
        validate_glossary(glossary, "desk.csv")
    assert str(raised.value).splitlines() == [
        'desk.csv:9: duplicate id "kyiv" (first defined on line 4); ids must be unique',
        'desk.csv:12: "Kyiv" is a form of both "kyiv" (desk.csv:4) and "lviv"; a written form '
        "can belong to one entry only",
        'desk.csv:15: kind "city" is not one of place, person, organisation, term',
    ]


def test_glossary_problems_have_no_line() -> None:
    glossary = Glossary(name="desk", fallback_lang="English", entries=())
    with pytest.raises(GlossaryError, match=r'^desk.csv: fallback_lang "English"'):
        validate_glossary(glossary, "desk.csv")
