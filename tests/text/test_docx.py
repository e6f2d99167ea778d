"""Word documents (DOCX), made with python-docx here: read-only, one paragraph a line."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx  # python-docx, from the test extra
import pytest

from tests.conftest import CliResult
from translint.text.formats import format_for
from translint.text.formats.docx import extract_docx

RunCli = Callable[..., CliResult]


def _story(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Talks resume in Kiev", level=1)
    document.add_paragraph("Negotiators met on Monday.")
    document.add_paragraph("")  # an empty paragraph still counts
    paragraph = document.add_paragraph("The delegation ")
    paragraph.add_run("travelled").bold = True
    paragraph.add_run(" from Lugansk\tto Kiev.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Source"
    table.cell(0, 1).text = "Podoliak said so."
    document.save(str(path))
    return path


def test_each_paragraph_is_a_line_runs_joined(tmp_path: Path) -> None:
    text = extract_docx(_story(tmp_path / "story.docx").read_bytes())
    assert text.split("\n") == [
        "Talks resume in Kiev", "Negotiators met on Monday.", "",
        "The delegation travelled from Lugansk\tto Kiev.", "Source", "Podoliak said so."]


def test_findings_name_the_paragraph(run_cli: RunCli, tmp_path: Path) -> None:
    story = _story(tmp_path / "story.docx")
    result = run_cli("check", str(story), "--no-config", "--lang", "en", "--select", "TL101",
                     "--format", "json")
    assert result.returncode == 1, result.stderr
    found = [(f["line"], f["column"], f["text"], f["suggestion"])
             for f in json.loads(result.stdout)["findings"]]
    assert found == [(1, 17, "Kiev", "Kyiv"), (4, 31, "Lugansk", "Luhansk"),
                     (4, 42, "Kiev", "Kyiv"), (6, 1, "Podoliak", "Podolyak")]


def test_a_directory_walk_finds_word_files(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "desk").mkdir()
    _story(tmp_path / "desk" / "story.docx")
    result = run_cli("check", str(tmp_path / "desk"), "--no-config", "--lang", "en",
                     "--select", "TL101")
    assert result.returncode == 1
    assert "story.docx:1:17: TL101" in result.stdout


@pytest.mark.parametrize("option", ["--fix", "--diff"])
def test_fixing_a_word_file_is_refused_and_it_is_left_alone(run_cli: RunCli, tmp_path: Path,
                                                            option: str) -> None:
    story = _story(tmp_path / "story.docx")
    before = story.read_bytes()
    result = run_cli("check", str(story), "--no-config", "--lang", "en", "--select", "TL101",
                     option)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.errors == [
        f"translint: {story}: not fixed: a DOCX file is read-only for translint (--fix and "
        "--diff cannot write it); make the changes in its editor"]
    assert story.read_bytes() == before
    assert not format_for(str(story)).writable


def _zip(path: Path, name: str, content: str) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(name, content)


@pytest.mark.parametrize(("make", "message"), [
    (lambda path: path.write_bytes(b"PK\x03\x04 not really a zip"),
     "not a Word document (DOCX): not a readable zip archive"),
    (lambda path: _zip(path, "other.xml", "<a/>"),
     "not a Word document: no word/document.xml in the archive"),
    (lambda path: _zip(path, "word/document.xml", "<w:document"),
     "not a Word document: word/document.xml is not well-formed XML"),
    (lambda path: _zip(path, "word/document.xml",
                       '<!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>'),
     "not a Word document: word/document.xml is not well-formed XML"),
])
def test_a_file_that_is_not_a_word_document_is_a_clear_error(
        run_cli: RunCli, tmp_path: Path, make: Callable[[Path], object], message: str) -> None:
    broken = tmp_path / "broken.docx"
    make(broken)
    result = run_cli("check", str(broken), "--no-config", "--lang", "en")
    assert result.returncode == 2
    assert len(result.errors) == 1 and result.errors[0].startswith(
        f"translint: {broken}: {message}"), result.errors
    assert "Traceback" not in result.stderr
