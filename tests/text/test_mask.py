"""Masking what is not prose: URLs, addresses, handles and domains are blanked in place."""

from __future__ import annotations

import random

import pytest

from translint.text import mask
from translint.text.mask import NOT_PROSE, mask_non_prose, non_prose_spans

PIECES = ["https://kyiv.example.com/a?b=1", "www.bbc.co.uk", "press@mfa.gov.ua", "@Podolyak",
          "kyivindependent.com/news", "Kyiv", "said", "(see", "rbc.ru).", "e-mail:", "x@y",
          "a.b.c", "://", "www.", "@", ".com", "Kiev's", "2022.", "pro-Kiev", "“Kyiv”"]
SEPARATORS = [" ", "\n", "\t", "\u00a0", ", ", ""]


def test_spans_are_those_of_a_scan_of_the_whole_text() -> None:
    generator = random.Random(7)
    for _ in range(2000):
        text = "".join(generator.choice(PIECES) + generator.choice(SEPARATORS)
                       for _ in range(generator.randint(1, 12)))
        expected = [match.span() for match in NOT_PROSE.finditer(text)]
        assert sorted(non_prose_spans(text)) == expected, text


def test_masking_keeps_offsets_and_line_breaks() -> None:
    text = "Write to press@mfa.gov.ua or see\nhttps://x.com/Kiev in Kiev."
    masked = mask_non_prose(text)
    assert len(masked) == len(text) and masked.count("\n") == 1
    assert masked == "Write to " + " " * 16 + " or see\n" + " " * 18 + " in Kiev."


def test_a_long_token_full_of_hints_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # One token per kind of hint, however many hints it holds: the text is read in linear
    # time even when a minified blob without spaces is full of addresses.
    calls: list[int] = []
    token_at = mask.token_at

    def counted(text: str, position: int) -> tuple[int, int]:
        calls.append(position)
        return token_at(text, position)

    monkeypatch.setattr(mask, "token_at", counted)
    blob = "a@b.com/www.x://" * 5000
    text = f"See {blob} and write to press@mfa.gov.ua."
    spans = sorted(non_prose_spans(text))
    assert spans == [match.span() for match in NOT_PROSE.finditer(text)]
    assert len(calls) <= 2 * 4  # two tokens, four kinds of hint
