"""Name analysis: a run of words folds like its words folded one by one."""

from __future__ import annotations

import pytest

from translint.folding import form_identity, name_key
from translint.names import count_names
from translint.spellings import _identity, _name_words

TEXT = ("Mikhailo Podoljak met officials in Novo-Ogaryovo, Kryvyy Rih and Luhans’k; "
        "Zelenskyy's envoy, Jean-Pierre Ĺukaševič, flew to Rostov-on-Don with "
        "Volodymyr O'Neill Zelenskyy.")


@pytest.mark.parametrize("name", sorted(count_names(TEXT)))
def test_run_keys_are_the_keys_of_the_written_text(name: str) -> None:
    words = _name_words(name)
    assert words
    for first in range(len(words)):
        for last in range(first, len(words)):
            written = name[words[first].start:words[last].end]
            assert "".join(word.key for word in words[first:last + 1]) == name_key(written)
            assert _identity(words, first, last) == form_identity(written)


def test_possessive_is_not_part_of_the_word() -> None:
    assert [word.text for word in _name_words("Zelenskyy's")] == ["Zelenskyy"]
