"""CSV import and export: the fixtures in tests/cases/glossary_io, errors, round trips."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from translint.errors import GlossaryError
from translint.glossary.csvio import read_csv, write_csv
from translint.glossary.load import load_glossary
from translint.glossary.model import Entry, Glossary, LanguageForms, NameForms

from ..conftest import load_toml
from .io_helpers import BUNDLED, GLOSSARY_IO, comparable, expected_glossary

ERRORS = load_toml(GLOSSARY_IO / "csv_errors.toml")["error"]
READABLE = [path for path in sorted(GLOSSARY_IO.glob("*.csv"))
            if path.with_name(path.stem + ".expected.toml").exists()]


@pytest.mark.parametrize("path", READABLE, ids=[path.name for path in READABLE])
def test_fixture_reads_as_expected(path: Path) -> None:
    glossary = read_csv(path.read_text(encoding="utf-8"), path.name)
    assert comparable(glossary) == expected_glossary(path)


@pytest.mark.parametrize("case", ERRORS, ids=[case["name"] for case in ERRORS])
def test_bad_csv_is_refused_with_its_line(case: dict[str, Any]) -> None:
    text = (GLOSSARY_IO / case["file"]).read_text(encoding="utf-8") if "file" in case \
        else case["text"]
    with pytest.raises(GlossaryError) as raised:
        read_csv(text, "x.csv")
    line = str(raised.value).splitlines()[case.get("line", 1) - 1]
    assert line.startswith("x.csv" + case["expect"]), line


def test_every_problem_is_reported() -> None:
    text = "id,lang,status,form\nkyiv,,preferred,Kyiv\nodesa,en,prefered,Odesa\n"
    with pytest.raises(GlossaryError) as raised:
        read_csv(text, "x.csv")
    assert [line.split(":")[1] for line in str(raised.value).splitlines()] == ["2", "3"]


def test_bundled_glossary_round_trips() -> None:
    glossary = load_glossary(BUNDLED)
    again = read_csv(write_csv(glossary), "bundled.csv")
    assert comparable(again) == comparable(glossary)


def test_awkward_values_round_trip() -> None:
    glossary = Glossary(name="g, with comma", description='multi\nline "quoted"',
                        fallback_lang="fr", entries=(
        Entry(id="k", kind="term",
              name=NameForms(forms={"fr": LanguageForms("K,\"Q\"", variants=("Q",))}),
              note="a\r\nb"),))
    assert comparable(read_csv(write_csv(glossary), "x.csv")) == comparable(glossary)


def test_byte_order_mark_is_ignored() -> None:
    glossary = read_csv("\ufeffid,lang,status,form\nkyiv,en,preferred,Kyiv\n", "desk.csv")
    assert glossary.name == "desk"
    assert glossary.entries[0].name.forms["en"].preferred == "Kyiv"


def test_written_csv_starts_with_the_documented_header() -> None:
    text = write_csv(load_glossary(BUNDLED))
    assert text.splitlines()[:3] == [
        "id,kind,lang,status,form,source,note",
        "ukraine-russia,,en,glossary,,,Ukrainian and Russian names in international news",
        'kyiv,place,,entry,,"AP Stylebook (2019); Ukrainian national romanisation (2010); '
        '#KyivNotKiev (MFA of Ukraine, 2018)","Capital of Ukraine. AP switched to Kyiv on 14 '
        "Aug 2019 (Guardian Feb 2019, BBC Oct 2019); Kiev stays in chicken Kiev and historical "
        "Kievan Rus. dpa keeps Kiew, the German Foreign Office has used Kyjiw since Feb 2024; "
        'FundéuRAE keeps Kiev."',
    ]


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_files_read_as_comma_ones(delimiter: str) -> None:
    glossary = load_glossary(BUNDLED)
    written = write_csv(glossary)
    # Spreadsheets in many locales save with semicolons (or tabs): quote every cell, as
    # they do, so that commas inside values stay values.
    rows = list(csv.reader(io.StringIO(written, newline="")))
    text = "".join(delimiter.join('"' + cell.replace('"', '""') + '"' for cell in row) + "\n"
                   for row in rows)
    assert comparable(read_csv(text, "bundled.csv")) == comparable(glossary)


def test_a_comma_header_with_a_semicolon_in_a_value_stays_comma_separated() -> None:
    glossary = read_csv('id,lang,status,form,source\nkyiv,en,preferred,Kyiv,"AP; Reuters"\n',
                        "desk.csv")
    assert glossary.entries[0].name.forms["en"].source == "AP; Reuters"
