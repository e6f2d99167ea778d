"""The README's catalogue of checks matches the code's, and its count of robustness cases
the suite's."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from translint.checks import CHECKS, Check

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
ROWS = {match["code"]: match for match in re.finditer(
    r"^\| (?P<code>TL\d{3}) \| (?P<name>[a-z-]+) \| (?P<severity>[a-z]+)", README, re.MULTILINE)}


@pytest.mark.parametrize("check", CHECKS, ids=[check.code for check in CHECKS])
def test_every_check_has_a_row(check: Check) -> None:
    row = ROWS.get(check.code)
    assert row is not None, f"README: no row for {check.code} in the checks table"
    assert (row["name"], row["severity"]) == (check.name, check.severity.label)


def test_no_row_for_a_check_that_does_not_exist() -> None:
    assert set(ROWS) == {check.code for check in CHECKS}


@pytest.mark.slow  # a real pytest process collects the suite
def test_the_robustness_case_count_is_the_suites() -> None:
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/robustness", "--collect-only", "-q",
         "-o", "addopts="], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    cases = [line for line in collected.splitlines() if "::" in line]
    per_rule = [case for case in cases if "::test_no_bundled_phrasing_rule_nests_repeats[" in case
                or "::test_no_wire_rule_nests_repeats[" in case]
    claim = re.search(r"`tests/robustness/`: (\d+) cases of bad input.*?and (\d+) that hold "
                      r"every bundled", README, re.DOTALL)
    assert claim is not None, "README: the Reliability section's count of cases is missing"
    assert (int(claim[1]), int(claim[2])) == (len(cases) - len(per_rule), len(per_rule))
