"""TBX import and export: the fixtures in tests/cases/glossary_io, refusals, round trips."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from translint.errors import GlossaryError
from translint.glossary.load import load_glossary
from translint.glossary.model import Entry, Glossary, LanguageForms, NameForms
from translint.glossary.tbx import read_tbx, write_tbx

from ..conftest import load_toml
from .io_helpers import BUNDLED, GLOSSARY_IO, comparable, expected_glossary

ERRORS = load_toml(GLOSSARY_IO / "tbx_errors.toml")["error"]
READABLE = sorted(GLOSSARY_IO.glob("*.tbx"))
READABLE = [path for path in READABLE if path.with_name(path.stem + ".expected.toml").exists()]


@pytest.mark.parametrize("path", READABLE, ids=[path.name for path in READABLE])
def test_fixture_reads_as_expected(path: Path) -> None:
    glossary = read_tbx(path.read_bytes(), path.name)
    assert comparable(glossary) == expected_glossary(path)


@pytest.mark.parametrize("case", ERRORS, ids=[f"{case['file']}:{case.get('line', 1)}"
                                              for case in ERRORS])
def test_bad_file_is_refused_with_its_line(case: dict[str, Any]) -> None:
    path = GLOSSARY_IO / case["file"]
    started = time.monotonic()
    with pytest.raises(GlossaryError) as raised:
        read_tbx(path.read_bytes(), path.name)
    assert time.monotonic() - started < 5, "refusing must not expand anything"
    line = str(raised.value).splitlines()[case.get("line", 1) - 1]
    assert line.startswith(path.name + case["expect"]), line


def test_locations_point_into_the_tbx_file() -> None:
    glossary = read_tbx((GLOSSARY_IO / "v3-dca.tbx").read_bytes(), "v3-dca.tbx")
    assert [str(entry.location) for entry in glossary.entries] == [
        "v3-dca.tbx:15", "v3-dca.tbx:52", "v3-dca.tbx:66"]
    assert glossary.path == "v3-dca.tbx"


def test_bundled_glossary_round_trips() -> None:
    glossary = load_glossary(BUNDLED)
    assert len(glossary.entries) == 161
    again = read_tbx(write_tbx(glossary).encode("utf-8"), "bundled.tbx")
    assert comparable(again) == comparable(glossary)


def test_awkward_values_round_trip() -> None:
    glossary = Glossary(
        name='a "quoted" <name> & more', description="line one\nline two\r\n\ttabbed",
        fallback_lang="de", entries=(
            Entry(id="1st-army", kind="organisation",
                  name=NameForms(forms={"de": LanguageForms("1. Armee", source="<dpa>")},
                                 variants=("First & Only",)),
                  note="]]> and </note>", exceptions=("a < b",)),
            Entry(id="und-entry", kind="term",
                  name=NameForms(forms={"und": LanguageForms("Thing", accepted=("Thingy",))},
                                 variants=("Thang",))),
        ))
    again = read_tbx(write_tbx(glossary).encode("utf-8"), "x.tbx")
    assert comparable(again) == comparable(glossary)


def test_characters_xml_cannot_hold_are_refused_on_writing() -> None:
    glossary = Glossary(name="g", entries=(
        Entry(id="k", kind="term", name=NameForms(forms={"en": LanguageForms("K")}),
              note="bell \x07"),))
    with pytest.raises(GlossaryError, match=r"cannot write U\+0007 in TBX"):
        write_tbx(glossary)


def test_written_tbx_is_tbx_v3_basic() -> None:
    text = write_tbx(load_glossary(BUNDLED))
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" '
                           'style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">')
    assert '<conceptEntry id="kyiv">' in text
    assert '<termNote type="translint:namePart">given</termNote>' in text
    assert '<langSec xml:lang="und">' in text


def test_other_encodings_are_read() -> None:
    text = (GLOSSARY_IO / "v3-dct.tbx").read_text(encoding="utf-8")
    data = text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    assert comparable(read_tbx(data, "x.tbx")) == expected_glossary(GLOSSARY_IO / "v3-dct.tbx")


def test_absurd_nesting_is_refused() -> None:
    data = ("<tbx>\n" + "<p>" * 100_000 + "</p>" * 100_000 + "</tbx>").encode()
    with pytest.raises(GlossaryError, match=r"^x.tbx:2: elements nested more than 64 deep"):
        read_tbx(data, "x.tbx")


def test_line_breaks_in_a_source_become_spaces() -> None:
    data = (b'<tbx xml:lang="en"><text><body><conceptEntry id="kyiv">\n'
            b'<admin type="source">AP Stylebook\n      (2019)</admin>\n'
            b'<langSec xml:lang="en"><termSec><term>Kyiv</term>\n'
            b'<admin type="source">MFA&#13;\n\t2018</admin></termSec></langSec>\n'
            b"</conceptEntry></body></text></tbx>")
    entry = read_tbx(data, "x.tbx").entries[0]
    assert entry.source == "AP Stylebook (2019)"
    assert entry.name.forms["en"].source == "MFA 2018"


def test_tbx_v2_round_trips_through_our_reader() -> None:
    glossary = load_glossary(BUNDLED)
    written = write_tbx(glossary, version=2)
    assert written.splitlines()[1].startswith('<martif type="TBX-Basic" xml:lang="en">')
    assert "<termEntry " in written and "<langSet " in written and "<tig>" in written
    assert "conceptEntry" not in written and "urn:iso:std:iso:30042" not in written
    assert comparable(read_tbx(written.encode("utf-8"), "bundled.tbx")) == comparable(glossary)


@pytest.mark.parametrize("version", [2, 3])
def test_a_strict_export_has_no_data_category_of_ours(version: int) -> None:
    glossary = load_glossary(BUNDLED)
    written = write_tbx(glossary, version=version, strict=True)
    assert "translint:" not in written
    again = read_tbx(written.encode("utf-8"), "strict.tbx")
    assert [entry.id for entry in again.entries] == [entry.id for entry in glossary.entries]
    assert all(entry.given is None and entry.exceptions == () for entry in again.entries)
    assert {entry.id: entry.name.forms["en"].preferred for entry in again.entries} == {
        entry.id: entry.name.forms["en"].preferred for entry in glossary.entries}


def test_translate_toolkit_reads_the_tbx_v2_export() -> None:
    from translate.storage import tbx  # the test extra installs translate-toolkit
    glossary = load_glossary(BUNDLED)
    store = tbx.tbxfile.parsestring(write_tbx(glossary, version=2).encode("utf-8"))
    assert [unit.getid() for unit in store.units] == [entry.id for entry in glossary.entries]
    assert [unit.source for unit in store.units] == [
        entry.name.forms["en"].preferred for entry in glossary.entries]
