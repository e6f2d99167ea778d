"""Phrasing packs and wire rule files are validated by the same code, with the same words."""

from __future__ import annotations

from pathlib import Path

import pytest

from translint.errors import RuleError
from translint.rules.packs import load_pack
from translint.rules.wire import load_wire_rules

PACK = '[pack]\nid = "house"\nsource = ["es"]\ntarget = "en"\n\n[[rule]]\n'
WIRE = "[[rule]]\n"


@pytest.mark.parametrize(("header", "load", "rule", "where"), [
    (PACK, load_pack, 'id = "x"\npattern = "foo"\nmessage = "m"\n', 'in rule'),
    (WIRE, load_wire_rules, 'id = "x"\ncode = "TL401"\nregex = "foo"\n', 'in wire rule "x"'),
])
def test_an_unknown_key_is_named_with_its_line_and_the_known_keys(
        tmp_path: Path, header: str, load: object, rule: str, where: str) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(header + rule + 'colour = "red"\n', encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load(path)  # type: ignore[operator]
    line = header.count("\n")
    assert str(caught.value).startswith(f'{path}:{line}: unknown key "colour" {where}; '
                                        "known keys: ")


@pytest.mark.parametrize(("header", "load", "rule"), [
    (PACK, load_pack, 'pattern = "foo"\nmessage = "m"\n'),
    (WIRE, load_wire_rules, 'code = "TL401"\nregex = "foo"\n'),
])
def test_a_rule_without_an_id_is_refused(tmp_path: Path, header: str, load: object,
                                         rule: str) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(header + rule, encoding="utf-8")
    with pytest.raises(RuleError, match='"id" must be a non-empty string'):
        load(path)  # type: ignore[operator]
