"""Each file is checked with its nearest configuration, as ruff does: real folders of copy
and configurations, run through the command in this process."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from translint.runner import find_inputs
from translint.scopes import Scopes

from .conftest import CliResult, invoke_cli

KYIV = """[glossary]
name = "kyiv-only"

[[entry]]
id = "kyiv"
kind = "place"
source = "AP Stylebook, 2019"
variants = ["Kiev"]
  [entry.forms.en]
  preferred = "Kyiv"
"""
LUHANSK = """[glossary]
name = "luhansk-only"

[[entry]]
id = "luhansk"
kind = "place"
source = "Ukrainian national romanisation (2010)"
variants = ["Lugansk"]
  [entry.forms.en]
  preferred = "Luhansk"
"""
COPY = "Talks in Kiev resumed. Shelling near Lugansk went on.\n"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Two desks: desk-a (translint.toml: its own glossary, Markdown only, no drafts) and
    desk-b (pyproject.toml: another glossary, fail_on never); the same copy in each."""
    write(tmp_path / "desk-a" / "translint.toml",
          'glossaries = ["names/kyiv.toml"]\nlang = "en"\ninclude = ["*.md"]\n'
          'exclude = ["drafts/*"]\n')
    write(tmp_path / "desk-a" / "names" / "kyiv.toml", KYIV)
    write(tmp_path / "desk-b" / "pyproject.toml",
          '[project]\nname = "desk-b"\n\n[tool.translint]\nglossaries = ["luhansk.toml"]\n'
          'lang = "en"\nfail_on = "never"\n')
    write(tmp_path / "desk-b" / "luhansk.toml", LUHANSK)
    for path in ("desk-a/story.md", "desk-a/notes.txt", "desk-a/drafts/draft.md",
                 "desk-b/story.md", "desk-b/sub/notes.txt"):
        write(tmp_path / path, COPY)
    return tmp_path


def check(repo: Path, *args: str, cwd: Path | None = None,
          stdin: str | None = None) -> tuple[CliResult, list[tuple[str, str]]]:
    """Run ``translint check ARGS -f json``; the result and (path, what) of each finding."""
    result = invoke_cli("check", *args, "-f", "json", input=stdin, cwd=cwd or repo)
    assert "Traceback" not in result.stderr
    if result.returncode == 2:
        return result, []
    found = [(os.path.normpath(finding["path"]), finding["text"])
             for finding in json.loads(result.stdout)["findings"]]
    return result, found


def test_each_file_gets_its_nearest_configuration(repo: Path) -> None:
    result, found = check(repo, ".")
    assert found == [("desk-a/story.md", "Kiev"),           # desk-a: Kyiv glossary, *.md only
                     ("desk-b/story.md", "Lugansk"),        # desk-b: Luhansk glossary
                     ("desk-b/sub/notes.txt", "Lugansk")]   # a deeper folder: still desk-b
    assert result.returncode == 1  # desk-a fails on errors
    # desk-b's fail_on = "never" holds for its own files only.
    assert check(repo, "desk-b")[0].returncode == 0
    # The same files named one by one, from elsewhere, get the same configurations.
    _, named = check(repo, "story.md", "../desk-b/story.md", cwd=repo / "desk-a")
    assert named == [("story.md", "Kiev"), ("../desk-b/story.md", "Lugansk")]


def test_globs_are_relative_to_their_configuration(repo: Path) -> None:
    # From inside desk-a/drafts, "drafts/*" (relative to desk-a/translint.toml) excludes
    # the draft, although the path given is ./draft.md.
    result, _ = check(repo, ".", cwd=repo / "desk-a" / "drafts")
    assert result.returncode == 2 and "no file to check" in result.stderr
    result, _ = check(repo, "draft.md", cwd=repo / "desk-a" / "drafts")
    assert result.returncode == 2 and "draft.md: not checked: excluded by" in result.stderr
    # A configuration's include holds for its own folders only: desk-b takes .txt files.
    assert find_inputs([str(repo)], rules_for=Scopes().rules).files == [
        f"{repo}/desk-a/story.md", f"{repo}/desk-b/story.md", f"{repo}/desk-b/sub/notes.txt"]


def test_command_line_options_override_every_configuration(repo: Path) -> None:
    _, found = check(repo, ".", "--include", "*.txt")
    assert found == [("desk-a/notes.txt", "Kiev"), ("desk-b/sub/notes.txt", "Lugansk")]
    result, found = check(repo, ".", "--fail-on", "warning", "--select", "TL101")
    assert {path for path, _ in found} == {"desk-a/story.md", "desk-b/story.md",
                                           "desk-b/sub/notes.txt"}
    assert result.returncode == 1


def test_config_and_no_config_switch_discovery_off(repo: Path) -> None:
    _, found = check(repo, ".", "--config", "desk-a/translint.toml")
    # desk-a's file for every file: its glossary, its include (Markdown), its exclude.
    assert found == [("desk-a/story.md", "Kiev"), ("desk-b/story.md", "Kiev")]
    _, found = check(repo, ".", "--no-config", "--select", "TL101")
    assert ("desk-b/story.md", "Kiev") in found and ("desk-a/drafts/draft.md", "Kiev") in found


def test_standard_input_takes_the_configuration_of_its_name(repo: Path) -> None:
    _, found = check(repo, "-", "--stdin-filename", "desk-b/new.md", stdin=COPY)
    assert found == [("desk-b/new.md", "Lugansk")]
    _, found = check(repo, "-", "--stdin-filename", "desk-a/new.md", stdin=COPY)
    assert found == [("desk-a/new.md", "Kiev")]
    _, found = check(repo, "-", stdin=COPY, cwd=repo / "desk-b" / "sub")
    assert found == [("<stdin>", "Lugansk")]


def test_one_linter_per_configuration_on_several_processes(repo: Path) -> None:
    for number in range(12):
        write(repo / "desk-a" / f"more-{number}.md", COPY)
        write(repo / "desk-b" / f"more-{number}.md", COPY)
    scopes = Scopes()
    files = find_inputs([str(repo)], rules_for=scopes.rules).files
    plan = scopes.plan(files)
    assert len(plan.linters) == 2 and len(files) == 27
    assert plan.setup(files[0])[0] is plan.setup(files[1])[0]
    assert scopes.plan(files).linters == plan.linters  # built once, not per plan
    # A configuration that differs only in what the linter does not read shares its linter.
    write(repo / "desk-b" / "sub" / "translint.toml",
          'glossaries = ["../luhansk.toml"]\nlang = "en"\nfail_on = "warning"\n')
    shared = Scopes().plan([str(repo / "desk-b" / "story.md"),
                            str(repo / "desk-b" / "sub" / "notes.txt")])
    assert shared.linters[0] is shared.linters[1]
    assert check(repo, "desk-b")[0].returncode == 1  # sub's fail_on holds for its files
    # Another selection: its own linter, but the glossaries' index and what the checks
    # build from it are built once for both.
    write(repo / "desk-b" / "sub" / "translint.toml",
          'glossaries = ["../luhansk.toml"]\nlang = "en"\nselect = ["TL1"]\n')
    apart = Scopes().plan([str(repo / "desk-b" / "story.md"),
                           str(repo / "desk-b" / "sub" / "notes.txt")])
    assert apart.linters[0] is not apart.linters[1]
    assert apart.linters[0].resources is apart.linters[1].resources
    assert [len(linter.checks) > 0 for linter in apart.linters] == [True, True]
    assert len(apart.linters[1].checks) < len(apart.linters[0].checks)
    (repo / "desk-b" / "sub" / "translint.toml").unlink()
    serial, found = check(repo, ".", "-j", "1")
    parallel, found_in_parallel = check(repo, ".", "-j", "2")
    assert found_in_parallel == found and len(found) == 27
    assert serial.returncode == parallel.returncode == 1


def test_a_broken_nested_configuration_stops_the_run(repo: Path) -> None:
    write(repo / "desk-c" / "translint.toml", 'lang = "en"\nselct = ["TL1"]\n')
    write(repo / "desk-c" / "story.md", COPY)
    result, _ = check(repo, ".")
    assert result.returncode == 2 and result.stdout == ""
    assert result.errors == ['translint: desk-c/translint.toml:2: unknown key "selct"; known '
                             'keys: glossaries, lang, select, ignore, severity, fail_on, '
                             'include, exclude, house, packs, source_lang, disabled_rules, '
                             'strip_credits, max_file_size, respect_gitignore']
    # A nested configuration naming a glossary that is not there: no file is checked.
    write(repo / "desk-c" / "translint.toml", 'glossaries = ["gone.toml"]\n')
    result, _ = check(repo, ".")
    assert result.returncode == 2 and result.stdout == ""
    assert "desk-c/gone.toml" in result.stderr
    # Checking only desk-a does not read desk-c's configuration.
    assert check(repo, "desk-a")[0].returncode == 1
