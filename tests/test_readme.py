"""Facts the documentation states that the code decides: the catalogue of checks
(docs/checks.md) matches the code's, and the count of robustness cases (docs/reliability.md)
the suite's. (These statements lived in the README until the reference moved to docs/.)"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from translint.checks import CHECKS
from translint.checks.docs import checks_markdown

from .conftest import ROOT

CHECKS_PAGE = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
RELIABILITY_PAGE = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")


def test_the_checks_page_is_generated_from_the_checks_docs() -> None:
    """docs/checks.md is `translint checks --format markdown`: `make docs-checks`
    rewrites it after a check's docs change."""
    assert checks_markdown(CHECKS) == CHECKS_PAGE


@pytest.mark.slow  # a real pytest process collects the suite
def test_the_robustness_case_count_is_the_suites() -> None:
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/robustness", "--collect-only", "-q",
         "-o", "addopts="], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    cases = [line for line in collected.splitlines() if "::" in line]
    per_rule = [case for case in cases if "::test_no_bundled_phrasing_rule_nests_repeats[" in case
                or "::test_no_wire_rule_nests_repeats[" in case]
    claim = re.search(r"`tests/robustness/`: (\d+) cases of bad input.*?and (\d+) that hold "
                      r"every bundled", RELIABILITY_PAGE, re.DOTALL)
    assert claim is not None, "docs/reliability.md: the count of robustness cases is missing"
    assert (int(claim[1]), int(claim[2])) == (len(cases) - len(per_rule), len(per_rule))


def test_the_pack_table_of_the_phrasing_docs_counts_the_bundled_rules() -> None:
    from translint.findings import Severity
    from translint.rules.packs import bundled_pack_paths, load_pack

    text = (ROOT / "docs" / "phrasing.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z]{2}-[a-z]{2})` \|[^|]*\|[^|]*\| (\d+ \(\d+\)) \|$", text,
                           re.MULTILINE))
    packs = [load_pack(path) for path in bundled_pack_paths()]
    expected = {pack.id: f"{len(pack.rules)} "
                         f"({sum(rule.severity is Severity.INFO for rule in pack.rules)})"
                for pack in packs}
    assert rows == expected
