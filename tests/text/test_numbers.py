"""Numbers read with a language's conventions (translint.text.numbers), which TL111 compares."""

from __future__ import annotations

from decimal import Decimal

import pytest

from translint.text.numbers import mentions


def _read(text: str, lang: str | None) -> list[tuple[str, set[object]]]:
    return [(mention.text, set(mention.keys)) for mention in mentions(text, lang, spelled=True)]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("3,5 %", "es", [("3,5", {Decimal("3.5")})]),
    ("3.5%", "en", [("3.5", {Decimal("3.5")})]),
    ("3.5 Prozent", "de", [("3.5", {Decimal("3.5")})]),  # German written the English way
    ("11.000 Menschen", "de", [("11.000", {Decimal(11000)})]),
    ("11.000 people", "en", [("11.000", {Decimal(11)})]),
    ("11.000 personas", "es", [("11.000", {Decimal(11000), Decimal(11)})]),  # both native
    ("11.000 millones", "es", [("11.000 millones", {Decimal("1.1E10")})]),
    ("11 billion", "en", [("11 billion", {Decimal("1.1E10")})]),
    ("11,000 million", "en", [("11,000 million", {Decimal("1.1E10")})]),
    ("2,5 Mrd.", "de", [("2,5 Mrd.", {Decimal("2.5E9")})]),
    ("3 mil millones", "es", [("3 mil millones", {Decimal("3E9")})]),
    ("3 тыс. человек", "ru", [("3 тыс.", {Decimal(3000)})]),
    ("$5m", "en", [("5m", {Decimal("5E6"), Decimal(5)})]),  # five million, or five metres
    ("1\u202f234,5", "fr", [("1\u202f234,5", {Decimal("1234.5")})]),
    ("1\u00a0234,5", "es", [("1\u00a0234,5", {Decimal("1234.5")})]),
    ("10 000 habitants", "fr", [("10 000", {Decimal(10000)})]),
    ("in 2024 150 people", "en", [("2024", {Decimal(2024)}), ("150", {Decimal(150)})]),
    ("-2 %", "es", [("2", {Decimal(2)})]),
    ("10-15", "en", [("10", {Decimal(10)}), ("15", {Decimal(15)})]),
    ("15.00 Uhr", "de", [("15.00", {("time", 3, 0), Decimal(15)})]),
    ("3 p.m.", "en", [("3", {Decimal(3), ("time", 3, 0)})]),
    ("15h30", "fr", [("15h30", {("time", 3, 30)})]),
    ("the 1990s", "en", [("1990", {Decimal(1990), Decimal(90)})]),
    ("05.05.2024", "de", [("05", {Decimal(5)}), ("05", {Decimal(5), ("month", 5, 0)}),
                          ("2024", {Decimal(2024)})]),
    ("May 5th", "en", [("May", {("month", 5, 0)}), ("5", {Decimal(5)})]),
    ("three million and twenty-five", "en", [("three million", {Decimal("3E6")}),
                                             ("twenty-five", {Decimal(25)})]),
    ("a million euros", "en", [("million", {Decimal("1E6")})]),
    ("a hundred thousand", "en", [("hundred thousand", {Decimal("1E5")})]),
    ("mil personas y mil millones", "es", [("mil", {Decimal(1000)}),
                                           ("mil millones", {Decimal("1E9")})]),
    ("3 mil personas", "es", [("3 mil", {Decimal(3000)})]),  # not also "mil" alone
    ("Тысяча человек", "ru", [("Тысяча", {Decimal(1000)})]),
    ("millions of people, miles de personas", "en", []),  # plural scales are not numbers
    ("3 pour cent", "fr", [("3", {Decimal(3)})]),  # cent is not "a hundred" alone
    ("G7, F-16, COVID-19, v1.2.3, A320", "en", []),
])
def test_numbers_are_read_with_the_language_conventions(
        text: str, lang: str, expected: list[tuple[str, set[object]]]) -> None:
    assert _read(text, lang) == expected


def test_a_language_without_a_convention_reads_both_ways() -> None:
    assert _read("3,5 y 11.000", "xx") == [("3,5", {Decimal("3.5")}),
                                           ("11.000", {Decimal(11000), Decimal(11)})]


def test_numbers_are_not_spelled_out_unless_asked() -> None:
    assert mentions("three people", "en") == []
