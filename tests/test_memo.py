"""The bounded memo: it remembers up to its size, then forgets everything at once."""

from __future__ import annotations

import pytest

from translint.memo import BoundedMemo


def test_remembers_up_to_its_size_then_starts_afresh() -> None:
    memo: BoundedMemo[str, int] = BoundedMemo(2)
    assert memo.remember("a", 1) == 1
    memo.remember("b", 2)
    assert (memo.entries, len(memo)) == ({"a": 1, "b": 2}, 2)
    memo.remember("b", 3)  # a key it holds is replaced, nothing forgotten
    assert memo.entries == {"a": 1, "b": 3}
    memo.remember("c", 4)
    assert (memo.entries, len(memo)) == ({"c": 4}, 1)


def test_a_full_memo_is_replaced_not_emptied() -> None:
    # A thread still reading the old entries finds what it put there.
    memo: BoundedMemo[str, int] = BoundedMemo(1)
    memo.remember("a", 1)
    old = memo.entries
    memo.remember("b", 2)
    assert old == {"a": 1}
    assert memo.entries == {"b": 2}


def test_make_room_forgets_only_when_the_new_values_would_not_fit() -> None:
    memo: BoundedMemo[int, int] = BoundedMemo(3)
    memo.remember(1, 1)
    assert memo.make_room(2) is False
    assert memo.entries == {1: 1}
    assert memo.make_room(3) is True
    assert len(memo) == 0


def test_value_of_computes_once_per_key() -> None:
    calls: list[str] = []

    def shout(word: str) -> str:
        calls.append(word)
        return word.upper()

    memo: BoundedMemo[str, str] = BoundedMemo(10)
    assert [memo.value_of(word, shout) for word in ["kyiv", "lviv", "kyiv"]] == [
        "KYIV", "LVIV", "KYIV"]
    assert calls == ["kyiv", "lviv"]


def test_a_memo_holds_at_least_one_value() -> None:
    with pytest.raises(ValueError, match="at least one"):
        BoundedMemo(0)
