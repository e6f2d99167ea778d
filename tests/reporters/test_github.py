"""The GitHub reporter: annotations gravest first and capped to what GitHub shows, the rest
in the log and counted; the job summary table; no columns on a span across lines; escaping."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from translint.findings import Finding, Report, Severity
from translint.reporters import render
from translint.reporters.github import (
    ANNOTATIONS_PER_LEVEL,
    GithubReporter,
    annotation,
    escape_data,
    escape_property,
)
from translint.reporters.step_summary import SUMMARY_LIMIT, cell

from ..conftest import CASES, invoke_cli

GLOSSARY = str(CASES / "glossary.toml")
NO_SUMMARY = {"GITHUB_STEP_SUMMARY": ""}
FINDING = Finding(path="copy/a.txt", line=3, column=10, end_line=3, end_column=14, start=40,
                  end=44, code="TL101", name="disfavoured-variant", severity=Severity.ERROR,
                  message='"Kiev" is a disfavoured spelling; use "Kyiv"', text="Kiev",
                  suggestion="Kyiv", entry="kyiv", lang="en", fixable=True)


@pytest.fixture(autouse=True)
def _no_step_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run of the suite inside GitHub Actions must not write to the real job summary."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def _findings(severity: Severity, count: int, code: str = "TL101") -> list[Finding]:
    return [replace(FINDING, severity=severity, line=number, end_line=number, code=code)
            for number in range(1, count + 1)]


def _github(findings: list[Finding], report: Report | None = None) -> list[str]:
    out = io.StringIO()
    reporter = GithubReporter(out)
    reporter.begin()
    reporter.file(findings)
    reporter.end(report or Report(files=1))
    return out.getvalue().splitlines()


@pytest.mark.parametrize(("value", "data", "prop"), [
    ("50% of 3,5: a\r\nb", "50%25 of 3,5: a%0D%0Ab", "50%25 of 3%2C5%3A a%0D%0Ab"),
    ("%0A", "%250A", "%250A"),
    ("plain", "plain", "plain"),
])
def test_escaping(value: str, data: str, prop: str) -> None:
    assert escape_data(value) == data
    assert escape_property(value) == prop


def test_a_path_with_a_colon_and_a_comma_is_escaped_in_the_file_property() -> None:
    line = annotation(replace(FINDING, path="desk/a, b: c.md", message="x\ny 100%"))
    assert line.startswith("::error file=desk/a%2C b%3A c.md,line=3,col=10,endLine=3,")
    assert line.endswith("::x%0Ay 100%25 → Kyiv\n")


def test_no_columns_when_the_span_crosses_lines(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text("President Volodymyr\nZelenskiy said talks in Kiev resumed.\n",
                     encoding="utf-8")
    result = invoke_cli("check", str(story), "--lang", "en", "-f", "github", "--select",
                        "TL101", env=NO_SUMMARY)
    lines = result.stdout.splitlines()
    across = [line for line in lines if "line=1," in line]
    assert across and all("col=" not in line and "endColumn=" not in line for line in across)
    assert "endLine=2," in across[0]
    same_line = [line for line in lines if "line=2,col=" in line]
    assert same_line and "endColumn=" in same_line[0]


def test_errors_come_first_and_each_kind_is_capped() -> None:
    findings = [*_findings(Severity.INFO, 12, "TL201"), *_findings(Severity.WARNING, 3, "TL103"),
                *_findings(Severity.ERROR, 15)]
    lines = _github(findings)
    commands = [line for line in lines if line.startswith("::")]
    kinds = [line.split(" ", 1)[0] for line in commands]
    # Errors, then warnings, then notices: 10 + 3 + 9, and the notice that counts the rest.
    assert kinds == ["::error"] * 10 + ["::warning"] * 3 + ["::notice"] * 10
    assert commands[-1] == ("::notice title=translint::8 more findings (5 errors, 3 notices) "
                            "not annotated: GitHub shows 10 annotations of each kind per step. "
                            "They are listed in this step's log.")
    # Every finding is in the output once: annotated, or a plain line of the log.
    plain = [line for line in lines if not line.startswith("::")]
    assert len(plain) == 8 and len(commands) - 1 + len(plain) == len(findings)
    assert plain[0].startswith("copy/a.txt:11:10: TL201 ")  # in the order they came
    assert plain[-1].startswith("copy/a.txt:10:10: TL201 ")  # the notice given up last


def test_a_short_run_is_annotated_whole_without_a_count() -> None:
    lines = _github(_findings(Severity.INFO, ANNOTATIONS_PER_LEVEL, "TL201"))
    assert len(lines) == ANNOTATIONS_PER_LEVEL
    assert all(line.startswith("::notice file=") for line in lines)


def test_unreadable_inputs_take_error_places_first(tmp_path: Path) -> None:
    story = tmp_path / "a.txt"
    story.write_text("Talks in Kiev resumed.\n" * 12, encoding="utf-8")
    result = invoke_cli("check", str(story), str(tmp_path / "missing.txt"), "-g", GLOSSARY,
                        "--lang", "en", "-f", "github", env=NO_SUMMARY)
    assert result.returncode == 2
    commands = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert commands[0].startswith(f"::error file={tmp_path}/missing.txt::")
    assert len(commands) == ANNOTATIONS_PER_LEVEL
    assert result.stdout.splitlines()[-1].startswith(
        "::notice title=translint::3 more findings (3 errors) not annotated")


def test_the_step_summary_has_every_finding(tmp_path: Path) -> None:
    story = tmp_path / "a.txt"
    story.write_text("Talks in Kiev | resumed.\n" * 25, encoding="utf-8")
    summary = tmp_path / "summary.md"
    summary.write_text("Earlier step output.\n", encoding="utf-8")
    result = invoke_cli("check", str(story), "-g", GLOSSARY, "--lang", "en", "-f", "github",
                        env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("Earlier step output.\n## translint\n")  # appended
    rows = [line for line in text.splitlines() if line.startswith("| error |")]
    assert len(rows) == 25
    assert rows[0] == (f"| error | {tmp_path}/a.txt:1:10 | TL101 | \"Kiev\" is a disfavoured "
                       "spelling in en copy; use \"Kyiv\" per AP Stylebook, 2019 | Kyiv |")
    assert text.endswith("|\n\nFound 25 findings (25 errors) in 1 file.\n")
    assert "in this step's log and in the job summary" in result.stdout


def test_the_step_summary_stops_short_of_what_github_takes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    findings = _findings(Severity.ERROR, 12_000)  # about 100 bytes a row: over 1 MiB
    _github(findings)
    size = summary.stat().st_size
    assert SUMMARY_LIMIT - 4096 < size <= SUMMARY_LIMIT
    text = summary.read_text(encoding="utf-8")
    rows = text.count("\n| error |")
    assert 8000 < rows < 12_000
    assert f"{12_000 - rows} more findings are not in this table" in text


def test_a_step_summary_that_cannot_be_written_is_a_one_line_error(tmp_path: Path) -> None:
    story = tmp_path / "a.txt"
    story.write_text("Talks in Kiev resumed.\n", encoding="utf-8")
    result = invoke_cli("check", str(story), "-g", GLOSSARY, "--lang", "en", "-f", "github",
                        env={"GITHUB_STEP_SUMMARY": str(tmp_path / "no" / "such.md")})
    assert result.returncode == 2
    assert result.stderr == (f"translint: cannot write the step summary ($GITHUB_STEP_SUMMARY)"
                             f" {tmp_path}/no/such.md: No such file or directory\n")


@pytest.mark.parametrize(("text", "shown"), [
    ("a | b", "a \\| b"),
    ("two\nlines", "two lines"),
    ("<b>bold</b> & co", "&lt;b&gt;bold&lt;/b&gt; &amp; co"),
    ("back\\slash", "back\\\\slash"),
])
def test_table_cells(text: str, shown: str) -> None:
    assert cell(text) == shown


def test_render_keeps_working_for_a_report_in_memory() -> None:
    output = render("github", Report(findings=[FINDING], files=1))
    assert output.startswith("::error file=copy/a.txt,line=3,col=10,endLine=3,endColumn=14,"
                             "title=TL101 disfavoured-variant::")


def test_a_clean_run_says_so_in_the_step_summary(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Nothing to see here.\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    result = invoke_cli("check", str(tmp_path / "a.md"), "-g", GLOSSARY, "--lang", "en",
                        "-f", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert (result.returncode, result.stdout) == (0, "")
    assert summary.read_text(encoding="utf-8") == "## translint\n\nNo findings in 1 file.\n"
