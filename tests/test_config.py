"""Configuration: discovery, reading with line numbers, precedence and house style."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from translint.config import (
    Config,
    check_options,
    find_config,
    glossary_paths,
    load_config,
    load_configured_glossaries,
    read_config,
)
from translint.errors import ConfigError
from translint.findings import Severity
from translint.glossary.house import HouseRule, apply_house_style
from translint.glossary.load import bundled_glossary_paths, load_glossary
from translint.linter import Linter
from translint.runner import DEFAULT_INCLUDE

from .conftest import CASES, load_toml

ERROR_CASES = load_toml(CASES / "config" / "errors.toml")["case"]
HOUSE_CASES = load_toml(CASES / "config" / "house.toml")["case"]
MINI = CASES / "glossary.toml"


@pytest.mark.parametrize("case", ERROR_CASES, ids=[case["name"] for case in ERROR_CASES])
def test_bad_configuration_is_refused_with_its_line(case: dict[str, Any],
                                                    tmp_path: Path) -> None:
    path = tmp_path / case.get("file", "translint.toml")
    path.write_text(case["config"], encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        read_config(path)
    message = str(raised.value)
    assert message.startswith(f"{path}{case['error']}"), message


@pytest.mark.parametrize("case", HOUSE_CASES, ids=[case["name"] for case in HOUSE_CASES])
def test_house_style(case: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "translint.toml"
    path.write_text(case["config"], encoding="utf-8")
    config = read_config(path)
    glossaries = [load_glossary(MINI)]
    if "error" in case:
        with pytest.raises(ConfigError) as raised:
            apply_house_style(glossaries, config.house, config.path)
        assert str(raised.value) == f"{path}{case['error']}"
        return
    changed = apply_house_style(glossaries, config.house, config.path)[0]
    for entry_id, languages in case["expect"].items():
        entry = changed.get(entry_id)
        assert entry is not None
        for lang, forms in languages.items():
            assert entry.name.forms[lang].preferred == forms["preferred"]
            assert list(entry.name.forms[lang].accepted) == forms["accepted"]
    untouched = {entry.id for entry in glossaries[0].entries} - set(case["expect"])
    for entry_id in untouched:
        assert changed.get(entry_id) == glossaries[0].get(entry_id)


def test_a_library_linter_from_a_configuration_gets_what_the_command_gets(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "translint.toml").write_text(
        f'glossaries = ["{MINI}"]\nlang = "de"\n\n[house.de]\nkyiv = "Kyjiw"\n\n'
        '[severity]\nTL101 = "info"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for linter in (Linter.from_config(), Linter.from_config(read_config("translint.toml"))):
        findings = linter.check_text("In Kyiv.")
        assert [(f.code, f.suggestion, f.severity) for f in findings] == [
            ("TL101", "Kyjiw", Severity.INFO)]
    forced = Linter.from_config(options=check_options(load_config(), lang="en"))
    assert forced.check_text("In Kyiv.") == []


def test_house_style_is_cited_and_checked() -> None:
    config = Config(path="desk/translint.toml", house=(HouseRule("de", "kyiv", "Kyjiw"),))
    linter = Linter(apply_house_style([load_glossary(MINI)], config.house, config.path), lang="de")
    findings = linter.check_text("In Kyjiw und Kiew und Kyiv.")
    assert [(finding.code, finding.text, finding.suggestion) for finding in findings] == [
        ("TL102", "Kiew", "Kyjiw"), ("TL101", "Kyiv", "Kyjiw")]
    assert findings[1].message.endswith('use "Kyjiw" per house style (translint.toml)')


# -- finding the file -----------------------------------------------------------------


def test_discovery_walks_up_from_the_first_path(tmp_path: Path) -> None:
    story = tmp_path / "desk" / "2024" / "story.md"
    story.parent.mkdir(parents=True)
    story.write_text("Kyiv", encoding="utf-8")
    assert find_config(story) is None
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(story) is None, "a pyproject.toml without [tool.translint] is passed"
    (tmp_path / "desk" / "pyproject.toml").write_text('[tool.translint]\nlang = "en"\n',
                                                      encoding="utf-8")
    assert find_config(story) == tmp_path / "desk" / "pyproject.toml"
    (tmp_path / "desk" / "translint.toml").write_text('lang = "de"\n', encoding="utf-8")
    assert find_config(story) == tmp_path / "desk" / "translint.toml"
    assert find_config(story.parent) == tmp_path / "desk" / "translint.toml"
    assert find_config(tmp_path / "desk" / "not-yet.md") == tmp_path / "desk" / "translint.toml"


def test_discovery_from_the_current_directory(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "translint.toml").write_text('lang = "fr"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    config = load_config(start="-")
    assert config.lang == "fr"
    assert config.path is not None and Path(config.path).resolve() == (
        tmp_path / "translint.toml").resolve()
    assert load_config(no_config=True) == Config()
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config("missing.toml")


def test_paths_are_relative_to_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "translint.toml").write_text(
        'glossaries = ["glossaries/desk.toml", "@bundled"]\npacks = ["rules/extra.toml"]\n',
        encoding="utf-8")
    config = read_config(tmp_path / "translint.toml")
    assert config.glossaries == (str(tmp_path / "glossaries" / "desk.toml"), "@bundled")
    assert config.packs == (str(tmp_path / "rules" / "extra.toml"),)
    bundled = [str(path) for path in bundled_glossary_paths()]
    assert glossary_paths(config.glossaries) == [config.glossaries[0], *bundled]
    assert glossary_paths(None) == bundled


def test_every_key_is_read(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.translint]\nlang = "DE"\nselect = "TL1"\nignore = ["TL103"]\n'
                    'fail_on = "warning"\ninclude = ["*.md"]\nexclude = ["old/*"]\n'
                    '[tool.translint.severity]\nTL102 = "error"\n', encoding="utf-8")
    config = read_config(path)
    assert (config.lang, config.select, config.ignore, config.fail_on) == (
        "de", ("TL1",), ("TL103",), "warning")
    assert (config.include, config.exclude) == (("*.md",), ("old/*",))
    assert config.severities == {"TL102": Severity.ERROR}


# -- precedence -----------------------------------------------------------------------


def test_defaults_without_configuration() -> None:
    options = check_options(Config())
    assert options.glossaries is None and options.lang is None
    assert options.fail_on is Severity.ERROR
    assert options.include == DEFAULT_INCLUDE and options.exclude == ()
    assert options.selection.selects("TL103")


def test_command_line_overrides_the_file() -> None:
    config = Config(path="translint.toml", glossaries=("desk.toml",), lang="de",
                    select=("TL1",), ignore=("TL103",), fail_on="never",
                    include=("*.md",), exclude=("old/*",),
                    severities={"TL102": Severity.ERROR})
    from_file = check_options(config)
    assert from_file.glossaries == ("desk.toml",) and from_file.lang == "de"
    assert from_file.fail_on is None
    assert not from_file.selection.selects("TL103")
    assert from_file.selection.severity("TL102", Severity.WARNING) is Severity.ERROR
    assert (from_file.include, from_file.exclude) == (("*.md",), ("old/*",))
    given = check_options(config, glossaries=["other.toml"], lang="FR", select=["TL103"],
                          ignore=["TL101"], fail_on="info", include=["*.txt"],
                          exclude=["new/*"])
    assert given.glossaries == ("other.toml",) and given.lang == "fr"
    assert given.fail_on is Severity.INFO
    assert given.selection.selects("TL103") and not given.selection.selects("TL102")
    assert (given.include, given.exclude) == (("*.txt",), ("new/*",))
    with pytest.raises(ConfigError, match="--select: 'X1' is not a check code"):
        check_options(config, select=["X1"])


def test_configured_glossaries_load_with_house_style(tmp_path: Path) -> None:
    (tmp_path / "translint.toml").write_text(
        f'glossaries = ["{MINI.as_posix()}"]\n[house.de]\nkyiv = "Kyjiw"\n', encoding="utf-8")
    config = read_config(tmp_path / "translint.toml")
    glossaries = load_configured_glossaries(config, config.glossaries)
    kyiv = glossaries[0].get("kyiv")
    assert kyiv is not None and kyiv.name.forms["de"].preferred == "Kyjiw"
