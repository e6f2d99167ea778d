"""The command line: formats, exit codes, inputs, errors, fixes — run in this process as the
console script runs them; the few cases that need a real process are marked slow."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import CASES, ROOT, CliResult, invoke_cli

GLOSSARY = str(CASES / "glossary.toml")


def translint(*args: str, stdin: str | None = None, cwd: Path | None = None) -> CliResult:
    """Run the CLI in this process, as the console script would."""
    return invoke_cli(*args, input=stdin, cwd=cwd)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("Talks in Kiev resumed.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Kyiv\n\nPodoljak spoke in Kyiv.\n",
                                           encoding="utf-8")
    (tmp_path / "sub" / "skip.rst").write_text("Kiev", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("Kiev", encoding="utf-8")
    return tmp_path


def test_text_output_and_exit_code(corpus: Path) -> None:
    result = translint("check", str(corpus), "-g", GLOSSARY, "--lang", "en")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (f"{corpus}/a.txt:1:10: TL101 \"Kiev\" is a disfavoured spelling in en "
                        "copy; use \"Kyiv\" per AP Stylebook, 2019 → Kyiv")
    assert lines[1] == "    Talks in Kiev resumed."
    assert lines[2] == "             ^^^^"
    assert f"{corpus}/sub/b.md:3:1: TL103" in result.stdout
    assert "skip.rst" not in result.stdout and ".hidden" not in result.stdout
    assert lines[-1] == "Found 2 findings (1 error, 1 warning) in 2 files."


def test_json_output(corpus: Path) -> None:
    result = translint("check", str(corpus), "-g", GLOSSARY, "--lang", "en", "-f", "json")
    data = json.loads(result.stdout)
    assert data["version"] == 1
    first = data["findings"][0]
    assert first == {
        "path": f"{corpus}/a.txt", "line": 1, "column": 10, "end_line": 1, "end_column": 14,
        "offset": 9, "end_offset": 13, "code": "TL101", "name": "disfavoured-variant",
        "severity": "error", "message": first["message"], "text": "Kiev", "suggestion": "Kyiv",
        "fixable": True, "entry": "kyiv", "lang": "en", "rule": None,
    }
    assert data["summary"]["files"] == 2
    assert data["summary"]["by_code"] == {"TL101": 1, "TL103": 1}
    assert data["errors"] == []


def test_sarif_and_github_outputs(corpus: Path) -> None:
    sarif = json.loads(translint("check", str(corpus), "-g", GLOSSARY, "--lang", "en",
                                 "-f", "sarif").stdout)
    result = sarif["runs"][0]["results"][0]
    assert result["ruleId"] == "TL101"
    assert result["locations"][0]["physicalLocation"]["region"]["startColumn"] == 10
    assert result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {
        "text": "Kyiv"}
    rules = {rule["id"]: rule for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["TL101"]["defaultConfiguration"] == {"level": "error", "enabled": True}
    assert rules["TL001"]["defaultConfiguration"]["enabled"] is False
    github = translint("check", str(corpus), "-g", GLOSSARY, "--lang", "en", "-f", "github")
    assert github.stdout.startswith(f"::error file={corpus}/a.txt,line=1,col=10,endLine=1,"
                                    "endColumn=14,title=TL101 disfavoured-variant::")


def test_fail_on_controls_the_exit_code(corpus: Path) -> None:
    only_warning = [str(corpus / "sub" / "b.md"), "-g", GLOSSARY, "--lang", "en"]
    assert translint("check", *only_warning).returncode == 0
    assert translint("check", *only_warning, "--fail-on", "warning").returncode == 1
    assert translint("check", str(corpus), "-g", GLOSSARY, "--fail-on", "never").returncode == 0


def test_select_and_ignore(corpus: Path) -> None:
    selected = translint("check", str(corpus), "-g", GLOSSARY, "--select", "TL103", "-f", "json")
    assert {f["code"] for f in json.loads(selected.stdout)["findings"]} == {"TL103"}
    ignored = translint("check", str(corpus), "-g", GLOSSARY, "--ignore", "TL1", "-f", "json")
    assert json.loads(ignored.stdout)["findings"] == []
    bad = translint("check", str(corpus), "--select", "XX9")
    assert bad.returncode == 2
    assert "is not a check code" in bad.stderr


def test_include_and_exclude(corpus: Path) -> None:
    result = translint("check", str(corpus), "-g", GLOSSARY, "--include", "*.rst",
                       "-f", "json")
    assert [f["path"] for f in json.loads(result.stdout)["findings"]] == [
        f"{corpus}/sub/skip.rst"]
    result = translint("check", str(corpus), "-g", GLOSSARY, "--exclude", "sub", "-f", "json")
    assert json.loads(result.stdout)["summary"]["files"] == 1


def test_standard_input() -> None:
    result = translint("check", "-", "-g", GLOSSARY, "--lang", "en", "--stdin-filename",
                       "story.md", stdin="Shelling near Kiev.\n`Kiev`\n")
    assert result.returncode == 1
    assert result.stdout.startswith("story.md:1:15: TL101")
    assert "story.md:2" not in result.stdout


def test_unreadable_inputs_are_reported_and_others_checked(corpus: Path) -> None:
    (corpus / "latin1.txt").write_bytes("Caf\xe9 in Kiev\n".encode("latin-1"))
    (corpus / "image.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    result = translint("check", str(corpus), str(corpus / "missing.txt"), "-g", GLOSSARY)
    assert result.returncode == 2
    errors = result.stderr.splitlines()
    assert (f"translint: {corpus}/latin1.txt: not UTF-8 (byte 0xe9 at line 1, byte column 4); "
            "convert the file to UTF-8") in errors
    assert any(line.startswith(f"translint: {corpus}/image.txt: binary file") for line in errors)
    assert f"translint: {corpus}/missing.txt: no such file or directory" in errors
    assert "Traceback" not in result.stderr
    assert f"{corpus}/a.txt:1:10: TL101" in result.stdout


def test_bad_glossary_exits_2_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[entry]]\nid = "kyiv"\nkind = "city"\n[entry.forms.en]\npreferred = "Kyiv"\n',
                   encoding="utf-8")
    result = translint("check", "-", "-g", str(bad), stdin="Kiev")
    assert result.returncode == 2
    assert result.stderr == (f'translint: {bad}:3: kind "city" is not one of place, person, '
                             "organisation, term\n")


def test_fix_rewrites_files_and_reports_the_rest(corpus: Path) -> None:
    target = corpus / "a.txt"
    target.write_text("Kiev's mayor met Podoljak in pro-Kiev Syrskyi and Syrsky.\n",
                      encoding="utf-8")
    diff = translint("check", str(target), "-g", GLOSSARY, "--lang", "en", "--diff")
    assert "-Kiev's mayor" in diff.stdout and "+Kyiv's mayor met Podolyak in pro-Kyiv" in (
        diff.stdout)
    assert target.read_text(encoding="utf-8").startswith("Kiev's")
    fixed = translint("check", str(target), "-g", GLOSSARY, "--lang", "en", "--fix",
                      "-f", "json")
    assert target.read_text(encoding="utf-8") == (
        "Kyiv's mayor met Podolyak in pro-Kyiv Syrskyi and Syrsky.\n")
    remaining = json.loads(fixed.stdout)["findings"]
    assert [finding["code"] for finding in remaining] == ["TL102"]
    assert fixed.returncode == 0
    assert "fixed 3 findings" in fixed.stderr


def test_checks_lists_the_catalogue() -> None:
    result = translint("checks", "-f", "json")
    checks = json.loads(result.stdout)
    assert [check["code"] for check in checks][:3] == ["TL101", "TL102", "TL103"]
    assert [check["code"] for check in checks if not check["on_by_default"]] == ["TL001"]
    assert "(off by default)" in translint("checks").stdout
    page = translint("checks", "--format", "markdown").stdout
    assert page == (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")


def test_unused_directives_are_reported_when_selected(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text("<!-- translint-disable-next-line TL101 -->\nKyiv is right now.\n",
                     encoding="utf-8")
    assert translint("check", str(story), "-g", GLOSSARY, "--lang", "en").stdout == (
        "No findings in 1 file.\n")
    selected = translint("check", str(story), "-g", GLOSSARY, "--lang", "en", "--select", "TL",
                         "--fail-on", "warning")
    assert selected.returncode == 1
    assert f"{story}:1:1: TL001 translint-disable-next-line TL101 silences no finding" in (
        selected.stdout)


def test_no_arguments_shows_help() -> None:
    result = translint()
    assert "check" in result.stdout + result.stderr
    assert result.returncode in (0, 2)


def test_parallel_run_matches_serial_run(tmp_path: Path) -> None:
    for number in range(12):
        (tmp_path / f"{number:02}.txt").write_text(
            f"Story {number}: talks in Kiev and Lugansk; Podoljak spoke.\n" * 50,
            encoding="utf-8")
    serial = translint("check", str(tmp_path), "-g", GLOSSARY, "--lang", "en", "-j", "1",
                       "-f", "json")
    parallel = translint("check", str(tmp_path), "-g", GLOSSARY, "--lang", "en", "-j", "2",
                         "-f", "json")
    assert json.loads(serial.stdout) == json.loads(parallel.stdout)
    assert json.loads(serial.stdout)["summary"]["findings"] == 12 * 50 * 3


@pytest.mark.slow
@pytest.mark.parametrize("lines", [1, 3000])
def test_output_is_delivered_whole_before_the_process_ends(tmp_path: Path, lines: int) -> None:
    # The process ends with os._exit once done: what it wrote must be flushed first, also
    # when standard output is buffered (PYTHONUNBUFFERED, set in some shells and CI, hides it).
    (tmp_path / "copy.txt").write_text("Talks in Kiev resumed.\n" * lines, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    result = subprocess.run([sys.executable, "-m", "translint", "check", str(tmp_path), "-g",
                             GLOSSARY, "--lang", "en", "-f", "json"], capture_output=True,
                            text=True, cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 1, result.stderr
    assert len(json.loads(result.stdout)["findings"]) == lines


@pytest.mark.slow
def test_the_command_line_does_not_load_what_check_does_not_use() -> None:
    # Glossary editing (tomlkit, filelock) and langdetect are loaded by what needs them.
    script = ("import sys, translint.cli\n"
              "print(sorted({'tomlkit', 'filelock', 'langdetect', 'sacremoses'} "
              "& set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


@pytest.mark.slow
def test_the_console_script_and_python_dash_m_run_the_command() -> None:
    script = Path(sys.executable).with_name("translint")
    for command in ([str(script)], [sys.executable, "-m", "translint"]):
        result = subprocess.run([*command, "check", "-", "-g", GLOSSARY, "--lang", "en"],
                                input="Talks in Kiev.\n", capture_output=True, text=True,
                                cwd=ROOT, timeout=120)
        assert result.returncode == 1, (command, result.stderr)
        assert result.stdout.startswith("<stdin>:1:10: TL101"), result.stdout


def test_commands_run_one_after_another_in_one_process(run_cli: Callable[..., CliResult],
                                                       tmp_path: Path) -> None:
    # The command line leaves no trace in the process: standard output, the collector.
    import gc

    threshold = gc.get_threshold()
    stdout = sys.stdout
    first = run_cli("check", "-", "-g", GLOSSARY, "--lang", "en", input="Talks in Kiev.\n")
    second = run_cli("check", "-", "-g", GLOSSARY, "--lang", "en", input="Talks in Kyiv.\n")
    assert (first.returncode, second.returncode) == (1, 0)
    assert second.stdout == "No findings in 1 file.\n"
    assert gc.get_threshold() == threshold and gc.get_freeze_count() == 0
    assert sys.stdout is stdout


@pytest.mark.parametrize(("args", "choices"), [
    (["check"], ["<text|json|jsonl|sarif|github>", "<error|warning|info|never>"]),
    (["checks"], ["<text|json|markdown>"]),
    (["glossary", "add"], ["<place|person|organisation|term>", "<ua-2010|ru-bgn>"]),
    (["glossary", "export"], ["<tbx|tbx2|csv>"]),
    (["translit"], ["<ua-2010|ru-bgn>"])])
def test_option_choices_are_the_registries(run_cli: Callable[..., CliResult], args: list[str],
                                           choices: list[str]) -> None:
    # The choices are built from the reporters, severities, kinds, schemes and export
    # formats; what a user sees of them is what it was when they were listed by hand.
    shown = run_cli(*args, "--help", env={"COLUMNS": "200"})
    assert shown.returncode == 0, shown.stderr
    for choice in choices:
        assert choice in shown.stdout, (choice, shown.stdout)


@pytest.mark.parametrize(("args", "refusal"), [
    (["check", "-f", "xml", "seeds"],
     "'xml' is not one of 'text', 'json', 'jsonl', 'sarif', 'github'."),
    (["check", "--fail-on", "bogus", "seeds"],
     "'bogus' is not one of 'error', 'warning', 'info', 'never'."),
    (["glossary", "add", "x", "--kind", "city"],
     "'city' is not one of 'place', 'person', 'organisation', 'term'."),
    (["translit", "--scheme", "iso9", "x"], "'iso9' is not one of 'ua-2010', 'ru-bgn'."),
    (["glossary", "export", "-f", "xlsx"], "'xlsx' is not one of 'tbx', 'tbx2', 'csv'.")])
def test_a_choice_not_offered_is_a_usage_error(run_cli: Callable[..., CliResult],
                                               args: list[str], refusal: str) -> None:
    result = run_cli(*args, env={"COLUMNS": "200"})
    assert result.returncode == 2
    assert refusal in result.stderr, result.stderr


def test_fail_on_accepts_every_severity_and_never(run_cli: Callable[..., CliResult]) -> None:
    codes = {level: run_cli("check", "-", "-g", GLOSSARY, "--lang", "en", "--fail-on", level,
                            input="Podoljak spoke.\n").returncode
             for level in ("error", "warning", "info", "never")}
    assert codes == {"error": 0, "warning": 1, "info": 1, "never": 0}
