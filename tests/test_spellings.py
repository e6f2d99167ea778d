"""Name analysis: a run of words folds like its words folded one by one."""

from __future__ import annotations

import pytest

from translint.folding import form_identity, name_key
from translint.names import count_names
from translint.spellings import _parts

TEXT = ("Mikhailo Podoljak met officials in Novo-Ogaryovo, Kryvyy Rih and Luhans’k; "
        "Zelenskyy's envoy, Jean-Pierre Ĺukaševič, flew to Rostov-on-Don with "
        "Volodymyr O'Neill Zelenskyy.")


@pytest.mark.parametrize("name", sorted(count_names(TEXT)))
def test_part_keys_are_the_keys_of_the_written_text(name: str) -> None:
    for part in _parts(name, 4):
        assert part.key == name_key(part.written)
        assert part.identity == form_identity(part.written)
        for given_key, given_identity, family_key, family_identity in part.splits:
            assert given_key + family_key == part.key
            assert f"{given_identity} {family_identity}" == part.identity
