"""Loading glossaries: the loader refuses bad files with file:line messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from translint.errors import GlossaryError
from translint.glossary.load import (
    bundled_glossary_paths,
    load_glossaries,
    load_glossary,
    parse_glossary,
)

from ..conftest import CASES, load_toml

ERROR_CASES = load_toml(CASES / "glossary_errors.toml")["error"]


@pytest.mark.parametrize("case", ERROR_CASES, ids=[case["name"] for case in ERROR_CASES])
def test_bad_glossary_is_refused_with_its_line(case: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(case["glossary"],
                    encoding="utf-8")
    with pytest.raises(GlossaryError) as raised:
        load_glossary(path)
    first = str(raised.value).splitlines()[0]
    assert first.startswith(f"{path}:"), first
    assert first[len(str(path)) + 1:].startswith(case["expect"]), first


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="no such glossary file"):
        load_glossary(tmp_path / "missing.toml")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('[[entry]]\nid = "k"\nnote = "Kiev \xe9"\n'.encode("latin-1"))
    with pytest.raises(GlossaryError, match="not UTF-8"):
        load_glossary(path)


def test_conflicts_across_files_are_refused(tmp_path: Path) -> None:
    first = tmp_path / "a.toml"
    second = tmp_path / "b.toml"
    first.write_text('[[entry]]\nid = "kyiv"\nvariants = ["Kiev"]\n'
                     '[entry.forms.en]\npreferred = "Kyiv"\n', encoding="utf-8")
    second.write_text('[[entry]]\nid = "kyiv"\n[entry.forms.en]\npreferred = "Kiev"\n',
                      encoding="utf-8")
    with pytest.raises(GlossaryError) as raised:
        load_glossaries([first, second])
    message = str(raised.value)
    assert f"{second}:1: duplicate id \"kyiv\"" in message
    assert '"Kiev" is a form of both "kyiv"' in message


def test_every_problem_is_reported() -> None:
    text = ('[[entry]]\nid = "a"\nkind = "city"\n[entry.forms.en]\npreferred = "A"\n'
            '[[entry]]\nid = "b"\nvaraints = []\n[entry.forms.en]\npreferred = "B"\n')
    with pytest.raises(GlossaryError) as raised:
        parse_glossary(text, "g.toml")
    lines = str(raised.value).splitlines()
    assert lines == ['g.toml:3: kind "city" is not one of place, person, organisation, term',
                     'g.toml:8: unknown key "varaints" in entry; known keys: exceptions, forms, '
                     "given, id, kind, note, source, variants"]


def test_person_with_given_name_loads() -> None:
    glossary = parse_glossary(
        '[[entry]]\nid = "p"\nkind = "person"\nvariants = ["Podoliak"]\n'
        '[entry.forms.en]\npreferred = "Podolyak"\n[entry.given]\nvariants = ["Mikhailo"]\n'
        '[entry.given.forms.en]\npreferred = "Mykhailo"\n', "g.toml")
    entry = glossary.entries[0]
    assert entry.given is not None
    assert entry.given.known() == ("Mykhailo", "Mikhailo")
    assert entry.name.is_disfavoured("PODOLIAK", "en")
    assert not entry.name.is_disfavoured("podolyak", "en")


def test_bundled_glossaries_load() -> None:
    paths = bundled_glossary_paths()
    assert paths, "translint ships at least one glossary"
    assert load_glossaries(paths)
