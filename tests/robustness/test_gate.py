"""A gate never passes on copy it did not check: typos in codes and languages, unreadable
directories and empty runs are errors (exit 2), each said in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translint import Linter, Selection
from translint.errors import ConfigError

from .conftest import GLOSSARY, ROOT, assert_error, translint

STORY = "Talks in Kiev resumed.\n"


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.mark.parametrize("option", [("--select", "TL999"), ("--ignore", "TL9"),
                                    ("--select", "TL101,TL105")])
def test_a_code_that_names_no_check_is_refused(story: Path, option: tuple[str, str]) -> None:
    result = translint("check", str(story), "-g", GLOSSARY, *option)
    bad = option[1].split(",")[-1]
    assert_error(result, rf"{option[0]}: {bad} matches no check; the checks are TL101, ")


@pytest.mark.parametrize(("config", "message"), [
    ('lang = "en"\nselect = ["TL1", "TL999"]\n',
     r"translint.toml:2: select: TL999 matches no check"),
    ('[severity]\nTL999 = "error"\n', r"translint.toml:2: \[severity\]: TL999 is no check"),
    ('lang = "en"\n\ndisabled_rules = ["es-en/no-such-rule"]\n',
     r"translint.toml:3: disabled_rules names no pack or rule: es-en/no-such-rule"),
    ('# desk\nlang = "klingon"\n', r'translint.toml:2: lang: "klingon" is not a language code'),
], ids=["select", "severity", "disabled-rules", "lang"])
def test_a_configuration_that_would_check_nothing_is_refused_at_its_line(
        story: Path, config: str, message: str) -> None:
    (story.parent / "translint.toml").write_text(config, encoding="utf-8")
    result = translint("check", str(story), "-g", GLOSSARY)
    assert_error(result, message)


def test_the_library_refuses_a_selection_of_no_check() -> None:
    with pytest.raises(ConfigError, match="TL999: no check has such a code"):
        Linter([], Selection(select=("TL999",)))


@pytest.mark.parametrize("option", [("--lang", "klingon"), ("--lang", "xx"),
                                    ("--lang", "en_US_x"), ("--source-lang", "spanish")])
def test_a_value_that_is_no_language_code_is_refused(story: Path,
                                                     option: tuple[str, str]) -> None:
    result = translint("check", str(story), "-g", GLOSSARY, *option)
    assert_error(result, rf'{option[0]}: "{option[1]}" is not a language code '
                         r"\(ISO 639 / BCP 47\)")


def test_a_regional_tag_is_read_as_its_language(story: Path) -> None:
    result = translint("check", str(story), "-g", GLOSSARY, "--lang", "en-US", "-f", "json")
    assert result.returncode == 1
    finding = json.loads(result.stdout)["findings"][0]
    assert (finding["lang"], finding["suggestion"]) == ("en", "Kyiv")


@pytest.mark.slow
def test_an_unreadable_directory_inside_the_tree_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "a.txt").write_text(STORY, encoding="utf-8")
    locked = tmp_path / "desk" / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(STORY, encoding="utf-8")
    locked.chmod(0)
    try:
        result = translint("check", str(tmp_path / "desk"), "-g", GLOSSARY, "--lang", "en",
                           obey_permissions=True)
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2
    assert f"translint: {locked}: cannot read the directory: permission denied" in result.errors
    assert "Traceback" not in result.stderr
    assert f"{tmp_path}/desk/a.txt:1:10: TL101" in result.stdout  # the rest is still checked


@pytest.mark.slow
def test_an_unreadable_directory_as_the_first_path_is_one_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "sub").mkdir()
    locked.chmod(0o311)  # may be entered, not listed: looking for a configuration fails
    try:
        result = translint("check", str(locked / "sub"), str(locked), "-g", GLOSSARY,
                           obey_permissions=True, cwd=tmp_path)
    finally:
        locked.chmod(0o755)
    assert_error(result, rf"{locked}: cannot read the directory: permission denied")


@pytest.mark.slow
def test_an_unreadable_file_is_an_error(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(STORY, encoding="utf-8")
    secret.chmod(0)
    result = translint("check", str(secret), "-g", GLOSSARY, obey_permissions=True)
    assert_error(result, rf"{secret}: permission denied")


def test_a_run_that_finds_no_file_fails_and_says_why(tmp_path: Path) -> None:
    (tmp_path / "page.rst").write_text("Kiev", encoding="utf-8")
    result = translint("check", str(tmp_path), "-g", GLOSSARY)
    assert_error(result, r"no file to check in .* \(include: \*\.txt \*\.text \*\.md "
                         r"\*\.markdown \*\.mdown \*\.mkd \*\.html \*\.htm \*\.docx \*\.xlf "
                         r"\*\.xliff \*\.tmx\); widen --include, or pass --no-files-ok")
    assert result.stdout == ""


def test_no_files_ok_lets_an_empty_run_pass(tmp_path: Path) -> None:
    result = translint("check", str(tmp_path), "-g", GLOSSARY, "--no-files-ok")
    assert result.returncode == 0
    assert result.errors == ["translint: no file to check (--no-files-ok)"]


def test_a_named_file_excluded_by_a_glob_is_skipped_and_said(tmp_path: Path) -> None:
    story = tmp_path / "draft.md"
    story.write_text(STORY, encoding="utf-8")
    other = tmp_path / "story.txt"
    other.write_text(STORY, encoding="utf-8")
    result = translint("check", str(story), str(other), "-g", GLOSSARY, "--lang", "en",
                       "--exclude", "draft.*")
    assert result.returncode == 1
    assert result.errors[0] == (f"translint: {story}: not checked: excluded by --exclude / "
                                "exclude (draft.*)")
    assert "draft.md:" not in result.stdout and f"{other}:1:10: TL101" in result.stdout


def test_a_missing_file_is_not_counted_as_checked(tmp_path: Path, story: Path) -> None:
    result = translint("check", str(story), str(tmp_path / "gone.txt"), "-g", GLOSSARY,
                       "--lang", "en", "-f", "json")
    assert result.returncode == 2
    summary = json.loads(result.stdout)["summary"]
    assert (summary["files"], summary["errors"]) == (1, 1)
    text = translint("check", str(tmp_path / "gone.txt"), "-g", GLOSSARY)
    assert text.stdout == "No findings in 0 files; 1 input could not be checked.\n"


def test_config_and_no_config_together_are_refused(story: Path) -> None:
    (story.parent / "translint.toml").write_text('lang = "en"\n', encoding="utf-8")
    result = translint("check", str(story), "--config", str(story.parent / "translint.toml"),
                       "--no-config")
    assert_error(result, r"--config and --no-config contradict each other")


def test_a_file_named_twice_is_checked_and_reported_once(tmp_path: Path, story: Path) -> None:
    result = translint("check", str(story), str(story), str(tmp_path), "-g", GLOSSARY,
                       "--lang", "en", "-f", "json")
    assert len(json.loads(result.stdout)["findings"]) == 1
    missing = translint("check", "gone.txt", "gone.txt", "-g", GLOSSARY, cwd=tmp_path)
    assert_error(missing, r"gone.txt: no such file or directory")


def test_a_glossary_named_twice_is_loaded_once(story: Path) -> None:
    """Not a hundred "duplicate id … also defined at the same line" errors."""
    result = translint("check", str(story), "-g", GLOSSARY, "-g", GLOSSARY, "--lang", "en")
    assert (result.returncode, result.stderr) == (1, ""), result.stderr
    bundled = str(ROOT / "glossaries" / "ukraine-russia.toml")
    again = translint("check", str(story), "-g", "@bundled", "-g", bundled, "--lang", "en")
    assert (again.returncode, again.stderr) == (1, ""), again.stderr
