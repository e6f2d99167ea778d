"""TL111 on our precision set (``number_mismatch_pairs.toml``): every segment whose target
changed or lost a source number is flagged, and no other."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from translint.errors import TranslintError
from translint.linter import Linter
from translint.settings import Selection
from translint.tomldata import parse_toml

_PATH = Path(__file__).parent / "number_mismatch_pairs.toml"
_PAIRS: list[dict[str, Any]] = parse_toml(_PATH.read_text(encoding="utf-8"), str(_PATH),
                                          TranslintError)["pair"]


def _xliff(pair: dict[str, Any]) -> str:
    return ('<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" '
            f'srcLang="{pair["source_lang"]}" trgLang="en"><file id="f"><unit id="u"><segment>'
            f'<source>{escape(pair["source"])}</source><target>{escape(pair["target"])}</target>'
            "</segment></unit></file></xliff>")


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter.from_paths(None, Selection(select=("TL111",)), None)


def test_the_set_has_both_kinds() -> None:
    changed = sum(pair["changed"] for pair in _PAIRS)
    assert changed >= 20 and len(_PAIRS) - changed >= 100


@pytest.mark.parametrize("pair", _PAIRS, ids=[f'{pair["source_lang"]}-{index}'
                                              for index, pair in enumerate(_PAIRS)])
def test_a_changed_number_is_flagged_and_a_kept_one_is_not(linter: Linter,
                                                           pair: dict[str, Any]) -> None:
    found = linter.check_text(_xliff(pair), "pair.xlf", format="xliff")
    messages = [finding.message for finding in found]
    assert bool(found) == pair["changed"], f'{pair["source"]} | {pair["target"]}: {messages}'
