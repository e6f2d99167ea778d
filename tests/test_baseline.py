"""Baselines: findings keyed on file, check, entry or rule and the words around them; a run
with ``--baseline`` reports and fails only on findings the baseline does not hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translint.findings import Finding, Severity, finding_context

from .conftest import CliResult, invoke_cli

STORY = ("It transpired that the talks failed in Kiev.\n"
         "ATTENTION EDITORS: this is a test.\n"
         "Kiev again, and Kiev again.\n")


def finding_on(line: str, start: int, end: int, source_column: int = 1) -> Finding:
    return Finding(path="a.txt", line=1, column=start + source_column,
                   end_line=1, end_column=end + source_column, start=start, end=end,
                   code="TL101", name="disfavoured-variant", severity=Severity.ERROR,
                   message="", text=line[start:end], source_line=line,
                   source_column=source_column)


@pytest.mark.parametrize(("line", "text", "context"), [
    ("It transpired that the talks failed in Kiev.", "Kiev", "talks failed in [Kiev]."),
    ("Kiev again, and Kiev again.", "Kiev", "[Kiev] again, and Kiev"),
    ("In  (Kiev), officials\tsaid on Friday that", "Kiev", "In ([Kiev]), officials said on"),
    ("Kiev", "Kiev", "[Kiev]"),
])
def test_the_context_is_the_words_around_the_text(line: str, text: str, context: str) -> None:
    start = line.index(text)
    assert finding_context(finding_on(line, start, start + len(text))) == context


def check(folder: Path, *args: str) -> CliResult:
    return invoke_cli("check", "desk", "--lang", "en", "--no-config", *args, cwd=folder)


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "desk" / "clean.txt").write_text("Talks in Kyiv.\n", encoding="utf-8")
    written = check(tmp_path, "--write-baseline", "baseline.json")
    assert written.returncode == 0, written.stderr  # findings, but recorded: exit 0
    assert written.stderr == "translint: baseline.json: baseline of 5 findings written\n"
    return tmp_path


def test_the_file_is_versioned_json_without_line_numbers(desk: Path) -> None:
    data = json.loads((desk / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert data["findings"][3] == {
        "path": "desk/story.txt", "code": "TL201", "entry": None,
        "rule": "es-en/it-transpired-that", "context": "[It transpired that] the talks failed",
        "count": 1}
    assert {item["code"] for item in data["findings"]} == {"TL101", "TL201", "TL401"}


def test_known_findings_pass_when_lines_move(desk: Path) -> None:
    story = desk / "desk" / "story.txt"
    story.write_text("A headline\n\n" + STORY.replace("\n", "\n\n"), encoding="utf-8")
    result = check(desk, "--baseline", "baseline.json")
    assert result.returncode == 0, result.stdout
    assert result.stdout == "No findings in 2 files.\n"
    assert result.stderr == ("translint: baseline.json: 5 known findings not reported; 0 of its "
                             "entries no longer found\n")


def test_only_new_findings_are_reported_and_fail(desk: Path) -> None:
    story = desk / "desk" / "story.txt"
    # One more identical line: the baseline holds each of its findings once (a multiset).
    story.write_text(STORY.replace("ATTENTION EDITORS: this is a test.\n", "")
                     + "Kiev again, and Kiev again.\n", encoding="utf-8")
    result = check(desk, "--baseline", "baseline.json", "-f", "json")
    assert result.returncode == 1
    new = json.loads(result.stdout)["findings"]
    assert [(item["line"], item["column"], item["code"]) for item in new] == [
        (3, 1, "TL101"), (3, 17, "TL101")]
    assert json.loads(result.stdout)["summary"]["findings"] == 2
    assert result.stderr.splitlines() == [
        "translint: baseline.json: 4 known findings not reported; 1 of its entries no longer "
        "found:",
        'translint:   gone: desk/story.txt: TL401 attention-editors "[ATTENTION EDITORS: this '
        'is a test.]"']


def test_sarif_marks_the_baseline_state(desk: Path) -> None:
    story = desk / "desk" / "story.txt"
    story.write_text("Talks in Kiev.\n" + STORY.replace("ATTENTION EDITORS: this is a test.\n",
                                                        ""), encoding="utf-8")
    result = check(desk, "--baseline", "baseline.json", "-f", "sarif")
    assert result.returncode == 1
    results = json.loads(result.stdout)["runs"][0]["results"]
    states = [(item["ruleId"], item["baselineState"]) for item in results]
    assert states == [("TL101", "new"), ("TL201/es-en/it-transpired-that", "unchanged"),
                      ("TL101", "unchanged"), ("TL101", "unchanged"), ("TL101", "unchanged"),
                      ("TL401/attention-editors", "absent")]
    assert results[-1]["locations"] == [
        {"physicalLocation": {"artifactLocation": {"uri": "desk/story.txt",
                                                   "uriBaseId": "%SRCROOT%"}}}]


def test_entries_of_files_not_checked_are_not_gone(desk: Path) -> None:
    result = invoke_cli("check", "desk/clean.txt", "--lang", "en", "--no-config",
                        "--baseline", "baseline.json", cwd=desk)
    assert result.returncode == 0
    assert "0 of its entries no longer found" in result.stderr


def test_paths_are_relative_to_the_baseline(desk: Path) -> None:
    # The same files named from another folder, and the baseline by an absolute path.
    result = invoke_cli("check", ".", "--lang", "en", "--no-config", "--baseline",
                        str(desk / "baseline.json"), cwd=desk / "desk")
    assert result.returncode == 0, result.stdout
    assert "5 known findings not reported" in result.stderr


@pytest.mark.parametrize(("content", "message"), [
    (None, "baseline.json: cannot read the baseline: no such baseline file"),
    ('{"version": 1, "findings": [', "baseline.json:1: not a translint baseline: Expecting "
                                     "value (column 29)"),
    ("[]", 'baseline.json: not a translint baseline: no "version"; write one with '
           "--write-baseline"),
    ('{"version": 2, "findings": []}', "baseline.json: baseline version 2 is not supported "
                                       "(this translint reads version 1); write it again "
                                       "with --write-baseline"),
    ('{"version": 1, "findings": [{"path": "a", "code": "TL101"}]}',
     "baseline.json: findings[0].context must be a string"),
    ('{"version": 1, "findings": [{"path": "a", "code": "TL101", "context": "x", '
     '"count": 0}]}', "baseline.json: findings[0].count must be a whole number of at least 1"),
])
def test_a_bad_baseline_is_a_one_line_error(tmp_path: Path, content: str | None,
                                            message: str) -> None:
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "story.txt").write_text(STORY, encoding="utf-8")
    if content is not None:
        (tmp_path / "baseline.json").write_text(content, encoding="utf-8")
    result = check(tmp_path, "--baseline", "baseline.json")
    assert (result.returncode, result.stdout, result.stderr) == (2, "",
                                                                 f"translint: {message}\n")


def test_baseline_options_are_checked(desk: Path) -> None:
    both = check(desk, "--baseline", "baseline.json", "--write-baseline", "new.json")
    assert (both.returncode, both.stderr) == (
        2, "translint: give --baseline or --write-baseline, not both\n")
    before = (desk / "baseline.json").read_bytes()
    partial = invoke_cli("check", "desk", "missing.txt", "--lang", "en", "--no-config",
                         "--write-baseline", "baseline.json", cwd=desk)
    assert partial.returncode == 2
    assert "baseline not written: some inputs could not be checked" in partial.stderr
    assert (desk / "baseline.json").read_bytes() == before
