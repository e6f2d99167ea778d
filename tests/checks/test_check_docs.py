"""Every check's documented example: the check flags the example and leaves the copy under
"Use instead" alone; a fixable check's fix turns the one into the other."""

from __future__ import annotations

import pytest

from translint.checks import CHECKS, Check
from translint.fix import fix_text
from translint.linter import Linter
from translint.settings import Selection


def _linter(check: Check) -> Linter:
    return Linter.from_paths(None, Selection(select=(check.code,)), check.docs.lang,
                             options=check.docs.options)


@pytest.mark.parametrize("check", CHECKS, ids=[check.code for check in CHECKS])
def test_the_example_is_flagged_and_the_alternative_is_not(check: Check) -> None:
    linter = _linter(check)
    found = linter.check_text(check.docs.example, format=check.docs.format)
    assert [finding.code for finding in found] != [], f"{check.code} missed its own example"
    assert {finding.code for finding in found} == {check.code}
    assert linter.check_text(check.docs.instead, format=check.docs.format) == []


@pytest.mark.parametrize("check", [check for check in CHECKS if check.fixable],
                         ids=[check.code for check in CHECKS if check.fixable])
def test_the_fix_turns_the_example_into_the_alternative(check: Check) -> None:
    linter = _linter(check)
    found = linter.check_text(check.docs.example, format=check.docs.format)
    fixed, _ = fix_text(check.docs.example, found)
    assert fixed == check.docs.instead


@pytest.mark.parametrize("check", CHECKS, ids=[check.code for check in CHECKS])
def test_every_section_is_written(check: Check) -> None:
    docs = check.docs
    for section in (docs.what, docs.why, docs.example, docs.instead):
        assert section.strip() and section == section.strip()
    assert docs.example != docs.instead
