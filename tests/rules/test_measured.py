"""Measured figures in phrasing packs: read and checked, and every bundled rule has them
within the gate's thresholds (``translint phrasing gate``; ``make phrasing-gate``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from translint.errors import RuleError
from translint.phrasing.gate import MAX_INFO_NATIVE_PER_1000, MAX_NATIVE_PER_1000, is_warning
from translint.rules.packs import Measured, Pack, bundled_pack_paths, load_pack

HEADER = '[pack]\nid = "house"\nsource = ["es"]\ntarget = "en"\n'
RULE = '\n[[rule]]\nid = "calque"\npattern = "in this sense"\nmessage = "m"\n'
BUNDLED = [load_pack(path) for path in bundled_pack_paths()]


def test_figures_and_provenance_are_read(tmp_path: Path) -> None:
    path = tmp_path / "house.toml"
    path.write_text(HEADER + 'measured_on = "today"\n' + RULE
                    + "measured = { native_per_1000 = 0.4, translated_docs = 17 }\n",
                    encoding="utf-8")
    pack = load_pack(path)
    assert pack.measured_on == "today"
    assert pack.rules[0].measured == Measured(0.4, 17)


@pytest.mark.parametrize(("value", "detail"), [
    ('"0.4"', ""),
    ("{ native = 0.4 }", ""),
    ("{ translated_docs = 3 }", "; native_per_1000 must be a number, at least 0"),
    ("{ native_per_1000 = -1 }", "; native_per_1000 must be a number, at least 0"),
    ("{ native_per_1000 = true }", "; native_per_1000 must be a number, at least 0"),
    ("{ native_per_1000 = 1, translated_docs = 1.5 }",
     "; translated_docs must be a whole number, at least 0"),
])
def test_bad_figures_are_refused_at_the_rule_line(tmp_path: Path, value: str,
                                                  detail: str) -> None:
    path = tmp_path / "house.toml"
    path.write_text(HEADER + RULE + f"measured = {value}\n", encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_pack(path)
    assert str(caught.value) == (
        f'{path}:6: rule "calque": measured must be a table such as '
        "{ native_per_1000 = 0.4, translated_docs = 17 }" + detail)


def test_measured_on_must_be_a_string(tmp_path: Path) -> None:
    path = tmp_path / "house.toml"
    path.write_text(HEADER + "measured_on = 2025\n" + RULE, encoding="utf-8")
    with pytest.raises(RuleError, match=r':1: "measured_on" must be a string'):
        load_pack(path)


@pytest.mark.parametrize("pack", BUNDLED, ids=lambda pack: pack.id)
def test_every_bundled_rule_has_its_measured_figures(pack: Pack) -> None:
    assert pack.measured_on, f"{pack.path}: no measured_on; run make phrasing-gate"
    missing = [rule.location for rule in pack.rules if rule.measured is None]
    assert not missing, f"rules without measured figures (run make phrasing-gate): {missing}"


@pytest.mark.parametrize("pack", BUNDLED, ids=lambda pack: pack.id)
def test_no_bundled_rule_fires_on_native_copy_above_the_gate(pack: Pack) -> None:
    failing = [
        f"{rule.location} {rule.qualified_id}: {rule.measured.native_per_1000} per 1,000"
        for rule in pack.rules
        if rule.measured is not None and rule.measured.native_per_1000 > (
            MAX_NATIVE_PER_1000 if is_warning(rule) else MAX_INFO_NATIVE_PER_1000)]
    assert not failing, ("rules over the gate (demote a warning to info, drop an info "
                         f"rule): {failing}")
