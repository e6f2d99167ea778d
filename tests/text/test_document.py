"""Offsets and (line, column) positions of a document."""

from __future__ import annotations

import pytest

from translint.text.document import Document


@pytest.mark.parametrize("text", ["", "a", "a\n", "a\nb", "\n\n", "ab\ncd\n\nef", "x\r\ny\n",
                                  "Київ\nKyiv — “Kiev”\n"])
def test_positions_count_lines_and_characters(text: str) -> None:
    document = Document("a.txt", text, text, None)
    line, column = 1, 1
    for offset, char in enumerate(text):
        assert document.position(offset) == (line, column)
        line, column = (line + 1, 1) if char == "\n" else (line, column + 1)
    assert document.position(len(text)) == (line, column)
    assert [document.line_text(number) for number in range(1, line + 1)] == [
        part.rstrip("\r") for part in text.split("\n")]
