"""The README's catalogue of checks matches the code's."""

from __future__ import annotations

import re

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
