"""Inline directives: their codes, lines and reasons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translint import Linter
from translint.settings import Selection
from translint.text.directives import parse_suppressions

from ..conftest import ROOT, invoke_cli


@pytest.mark.parametrize(("comment", "codes", "reason"), [
    ("<!-- translint-disable-next-line TL101 -- quoting a 1990 document -->", ("TL101",),
     "quoting a 1990 document"),
    ("<!-- translint-disable-next-line -- a quote, spelled as printed -->", (),
     "a quote, spelled as printed"),
    ("<!-- translint-disable-line TL1, TL201 --   two  spaces\tkept apart -->", ("TL1", "TL201"),
     "two spaces kept apart"),
    ("<!-- translint-disable TL101 -- -->", ("TL101",), None),
    ("<!-- translint-disable TL101 -->", ("TL101",), None),
    ("<!-- translint-disable TL101 TL102-->", ("TL101", "TL102"), None),
])
def test_a_reason_is_kept_and_never_read_as_codes(comment: str, codes: tuple[str, ...],
                                                   reason: str | None) -> None:
    (item,) = parse_suppressions(comment + "\nKiev.").items
    assert (item.codes, item.reason) == (codes, reason)


def test_an_unused_directive_reports_its_reason() -> None:
    linter = Linter.from_paths([ROOT / "tests/cases/glossary.toml"],
                               Selection(select=("TL001", "TL101")), lang="en")
    text = "<!-- translint-disable-next-line TL101 -- quoting a 1990 document -->\nKyiv.\n"
    (finding,) = linter.check_text(text)
    assert finding.code == "TL001"
    assert finding.message == ("translint-disable-next-line TL101 (written for: quoting a "
                               "1990 document) silences no finding; remove it")


SILENCED = ("<!-- translint-disable-next-line TL101 -- quoting a 1990 document -->\n"
            "Kiev, the 1990 document says.\n"
            "Kiev, says the other. <!-- translint-disable-line -->\n"
            "It transpired that the talks failed.\n")


def test_sarif_lists_silenced_findings_as_suppressed(tmp_path: Path) -> None:
    (tmp_path / "story.md").write_text(SILENCED, encoding="utf-8")
    args = ("check", "story.md", "--lang", "en", "--no-config", "--select", "TL1,TL201")
    sarif = invoke_cli(*args, "-f", "sarif", cwd=tmp_path)
    assert sarif.returncode == 0  # silenced errors do not fail the run
    results = json.loads(sarif.stdout)["runs"][0]["results"]
    assert [(result["ruleId"], result["locations"][0]["physicalLocation"]["region"]["startLine"],
             result.get("suppressions")) for result in results] == [
        ("TL101", 2, [{"kind": "inSource", "justification": "quoting a 1990 document"}]),
        ("TL101", 3, [{"kind": "inSource"}]),
        ("TL201/es-en/it-transpired-that", 4, None)]
    # The other formats leave silenced findings out, as before.
    findings = json.loads(invoke_cli(*args, "-f", "json", cwd=tmp_path).stdout)["findings"]
    assert [finding["code"] for finding in findings] == ["TL201"]
    # --fix leaves a silenced finding alone, with SARIF output too.
    invoke_cli(*args, "-f", "sarif", "--fix", cwd=tmp_path)
    assert (tmp_path / "story.md").read_text(encoding="utf-8") == SILENCED
