"""Choosing the format of a glossary to import or export, and reading or writing it."""

from __future__ import annotations

from pathlib import Path

import pytest

from translint.errors import ConfigError, GlossaryError
from translint.glossary.exchange import export_format, import_format, read_foreign, write_foreign
from translint.glossary.load import load_glossary

from .io_helpers import BUNDLED, GLOSSARY_IO, comparable, expected_glossary


@pytest.mark.parametrize(("name", "chosen"), [("a.tbx", "tbx"), ("a.XML", "tbx"),
                                              ("dir.v2/a.csv", "csv")])
def test_the_import_format_follows_the_suffix(name: str, chosen: str) -> None:
    assert import_format(name) == chosen


@pytest.mark.parametrize("name", ["a.toml", "a", "a.csv.txt"])
def test_a_file_of_another_kind_is_not_imported(name: str) -> None:
    with pytest.raises(ConfigError, match=r"give a \.tbx, \.xml or \.csv file"):
        import_format(name)


@pytest.mark.parametrize("name", ["desk.csv", "v3-dca.tbx"])
def test_read_foreign_reads_by_the_suffix(name: str) -> None:
    path = GLOSSARY_IO / name
    assert comparable(read_foreign(str(path))) == expected_glossary(path)


def test_a_missing_file_is_a_glossary_error(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError):
        read_foreign(str(tmp_path / "gone.csv"))


@pytest.mark.parametrize(("requested", "output", "chosen"), [
    (None, None, "tbx"), (None, "out.CSV", "csv"), (None, "out.tbx", "tbx"),
    ("tbx", "out.csv", "tbx"), ("csv", None, "csv")])
def test_the_export_format_is_the_one_asked_for_else_by_the_output_suffix(
        requested: str | None, output: str | None, chosen: str) -> None:
    assert export_format(requested, output) == chosen


def test_an_unknown_export_format_is_refused() -> None:
    with pytest.raises(ConfigError, match="use tbx, tbx2 or csv"):
        export_format("xlsx", None)
    with pytest.raises(ConfigError, match="use tbx, tbx2 or csv"):
        write_foreign(load_glossary(BUNDLED), "xlsx")


@pytest.mark.parametrize("chosen", ["tbx", "csv"])
def test_what_is_written_reads_back(tmp_path: Path, chosen: str) -> None:
    glossary = load_glossary(BUNDLED)
    path = tmp_path / f"out.{chosen}"
    path.write_text(write_foreign(glossary, chosen), encoding="utf-8")
    assert comparable(read_foreign(str(path))) == comparable(glossary)
