"""Stable rule ids: findings of rule-based checks carry their rule in every output, and
``select``/``ignore`` take rule ids as they take check codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translint import Linter
from translint.errors import ConfigError
from translint.settings import Selection

from .conftest import CliResult, invoke_cli

STORY = ("It transpired that the talks had failed in Kiev.\n"
         "ATTENTION EDITORS: this image was provided by a third party.\n")
CALQUE = "es-en/it-transpired-that"
WIRE = "attention-editors"


def found(selection: Selection) -> list[tuple[str, str | None]]:
    linter = Linter.from_paths(None, selection, lang="en")
    return [(finding.code, finding.rule) for finding in linter.check_text(STORY)]


@pytest.mark.parametrize(("select", "ignore", "expected"), [
    ((), (), [("TL201", CALQUE), ("TL101", None), ("TL401", WIRE)]),
    ((), (CALQUE,), [("TL101", None), ("TL401", WIRE)]),
    ((), ("es-en",), [("TL101", None), ("TL401", WIRE)]),
    ((), (WIRE, CALQUE), [("TL101", None)]),
    ((CALQUE,), (), [("TL201", CALQUE)]),
    ((WIRE, "TL101"), (), [("TL101", None), ("TL401", WIRE)]),
    # A rule id is more specific than a code, and a rule more than its pack.
    (("TL2",), (CALQUE,), []),
    ((CALQUE,), ("TL201",), [("TL201", CALQUE)]),
    ((CALQUE,), ("es-en",), [("TL201", CALQUE)]),
])
def test_select_and_ignore_take_rule_ids(select: tuple[str, ...], ignore: tuple[str, ...],
                                         expected: list[tuple[str, str | None]]) -> None:
    assert found(Selection(select=select, ignore=ignore)) == expected


def test_an_ignored_rule_still_uses_its_directive() -> None:
    # The finding is neither reported nor left to make its directive look unused.
    linter = Linter.from_paths(None, Selection(select=("TL201", "TL001"), ignore=(CALQUE,)),
                               lang="en")
    text = "<!-- translint-disable-next-line TL201 -- a quote -->\nIt transpired that it rained.\n"
    assert linter.check_text(text) == []


def test_a_rule_id_that_names_no_rule_is_an_error() -> None:
    with pytest.raises(ConfigError, match="es-en/it-transpired: no check and no rule"):
        Linter.from_paths(None, Selection(ignore=("es-en/it-transpired",)), lang="en")


def check(tmp_path: Path, *args: str) -> CliResult:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    return invoke_cli("check", "story.txt", "--lang", "en", "--no-config", *args, cwd=tmp_path)


def test_json_and_sarif_carry_the_rule(tmp_path: Path) -> None:
    findings = json.loads(check(tmp_path, "-f", "json").stdout)["findings"]
    assert [(finding["code"], finding["rule"]) for finding in findings] == [
        ("TL201", CALQUE), ("TL101", None), ("TL401", WIRE)]
    assert findings[0]["message"].endswith(f"[{CALQUE}]")  # the text keeps it too
    run = json.loads(check(tmp_path, "-f", "sarif").stdout)["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    results = run["results"]
    assert [result["ruleId"] for result in results] == [f"TL201/{CALQUE}", "TL101",
                                                        f"TL401/{WIRE}"]
    for result in results:  # ruleId is rule.id or a descendant of it (SARIF §3.27.5)
        assert rules[result["rule"]["index"]] == result["rule"]["id"]
        assert (result["ruleId"] + "/").startswith(result["rule"]["id"] + "/")
    assert {key: value for key, value in results[0]["properties"].items()
            if key != "suggestion"} == {"rule": CALQUE, "lang": "en"}
    assert results[1]["properties"] == {"entry": "kyiv", "lang": "en"}


def test_the_command_ignores_a_rule_and_refuses_an_unknown_one(tmp_path: Path) -> None:
    ignored = check(tmp_path, "-f", "json", "--ignore", f"{CALQUE},{WIRE}")
    assert [finding["code"] for finding in json.loads(ignored.stdout)["findings"]] == ["TL101"]
    unknown = check(tmp_path, "--ignore", "es-en/no-such-rule")
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("translint: --ignore: es-en/no-such-rule: no check and "
                                     "no rule has such an id")
    assert len(unknown.stderr.splitlines()) == 1
    malformed = check(tmp_path, "--select", "Es_En")
    assert malformed.returncode == 2 and "'Es_En' is not a check code" in malformed.stderr


def test_a_configured_rule_id_is_checked_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "translint.toml").write_text(f'lang = "en"\nignore = ["{CALQUE}"]\n'
                                             'select = ["TL2", "attention-editor"]\n',
                                             encoding="utf-8")
    result = invoke_cli("check", "story.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("translint: translint.toml:3: select: attention-editor: "
                                     "no check and no rule")
    (tmp_path / "translint.toml").write_text(f'lang = "en"\nignore = ["{CALQUE}"]\n',
                                             encoding="utf-8")
    result = invoke_cli("check", "story.txt", "-f", "json", cwd=tmp_path)
    assert [finding["code"] for finding in json.loads(result.stdout)["findings"]] == [
        "TL101", "TL401"]
