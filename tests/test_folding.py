"""Case and separators carried from what was written to its replacement."""

from __future__ import annotations

import pytest

from translint.names.fold import keep_separators, match_case


def _letter_by_letter(replacement: str, original: str) -> str:
    """``match_case`` as first written: letter by letter (the ASCII path must agree)."""
    letters = [char for char in original if char.isalpha()]
    if len(letters) > 1 and all(char.isupper() for char in letters):
        return replacement.upper()
    if letters and all(char.islower() for char in letters):
        return replacement.lower()
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@pytest.mark.parametrize("original", [
    "KIEV", "Kiev", "kiev", "K", "k", "Kiev's", "KIEV'S", "A.", "AB", "a-b", "", "123",
    "ÉCOLE", "école", "École", "KIEV 北京", "北京", "Ǆemal", "ǅemal", "X1", "Xy-Z", "O'NEILL",
    "o'neill", "I", "Ií"])
def test_case_follows_the_written_letters(original: str) -> None:
    for replacement in ("Kyiv", "kyiv", "It emerged"):
        assert match_case(replacement, original) == _letter_by_letter(replacement, original)


def test_line_breaks_of_the_original_are_kept() -> None:
    assert keep_separators("Kryvyi Rih", "Krivoy\n  Rog") == "Kryvyi\n  Rih"
    assert keep_separators("Kyiv", "Kiev") == "Kyiv"
    assert keep_separators("Novo-Ogaryovo", "Novo Ogarevo") == "Novo-Ogaryovo"
